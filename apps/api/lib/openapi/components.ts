import type { z } from "zod";
import { errorBody } from "../http/error-response";
import { HttpError, type ErrorCode, type ErrorDetail } from "../http/http-error";
import type { Surface } from "../http/surface";
import { describeDetails } from "../validation/zod-issues";
import * as common from "../schemas/common";
import * as users from "../schemas/users";
import * as meV2 from "../schemas/me-v2";
import * as apiKeys from "../schemas/api-keys";
import * as slots from "../schemas/slots";
import * as bookingsV2 from "../schemas/bookings-v2";
import * as bookingsV1 from "../schemas/bookings-v1";
import * as reservations from "../schemas/reservations";
import * as availability from "../schemas/availability";
import * as schedules from "../schemas/schedules";
import * as availabilities from "../schemas/availabilities";
import * as blockers from "../schemas/blockers";
import * as webhooks from "../schemas/webhooks";
import * as webhooksV2 from "../schemas/webhooks-v2";
import * as availabilityPaths from "../schemas/availability-paths";
import * as customInputs from "../schemas/custom-inputs";
import * as teams from "../schemas/teams";
import * as memberships from "../schemas/memberships";
import * as membershipList from "../schemas/membership-list";
import * as eventTypes from "../schemas/event-types";
import * as eventTypesV2 from "../schemas/event-types-v2";
import * as attendees from "../schemas/attendees";
import * as bookingReferences from "../schemas/booking-references";
import * as payments from "../schemas/payments";
import * as noShow from "../schemas/no-show";
import * as calendars from "../schemas/calendars";
import * as calendarEvents from "../schemas/calendar-events";
import * as destinationCalendars from "../schemas/destination-calendars";
import * as selectedCalendars from "../schemas/selected-calendars";
import * as notSupported from "../schemas/not-supported";
import * as schedulesV2 from "../schemas/schedules-v2";

/**
 * Every zod schema the OpenAPI document refers to, by component name. Request bodies and
 * responses become `components.schemas.<Name>`; query schemas (named in an operation's
 * `x-query`) are expanded into its parameters. The routes validate with these very
 * objects, so the document cannot drift from validation.
 */
export const schemaComponents: Record<string, z.ZodType> = {
  ErrorResponse: common.ErrorResponse,
  ErrorResponseV2: common.ErrorResponseV2,
  ErrorResponseWorkspace: common.ErrorResponseWorkspace,
  ErrorResponseJsonApi: common.ErrorResponseJsonApi,
  Calendar: calendars.Calendar,
  CalendarPageResponse: calendars.CalendarPageResponse,
  CalendarSchedule: calendars.CalendarSchedule,
  CalendarScheduleListResponse: calendars.CalendarScheduleListResponse,
  CalendarDeletedResponse: calendars.CalendarDeletedResponse,
  CalendarCreateBody: calendars.CalendarCreateBody,
  CalendarUpdateBody: calendars.CalendarUpdateBody,
  CalendarScheduleCreateBody: calendars.CalendarScheduleCreateBody,
  CalendarScheduleUpdateBody: calendars.CalendarScheduleUpdateBody,
  CalendarEvent: calendarEvents.CalendarEvent,
  CalendarEventsResponse: calendarEvents.CalendarEventsResponse,
  CustomerAccountResponse: calendarEvents.CustomerAccountResponse,
  BookingPreviewResponse: calendarEvents.BookingPreviewResponse,
  DeletedResponse: common.DeletedResponse,
  ApiIndexResponse: common.ApiIndexResponse,
  HealthResponse: common.HealthResponse,
  ReadinessResponse: common.ReadinessResponse,
  ScheduledDeliveryResponse: common.ScheduledDeliveryResponse,
  User: users.User,
  UserCreateBody: users.UserCreateBody,
  UserUpdateBody: users.UserUpdateBody,
  UserResponse: users.UserResponse,
  EmailConfirmationBody: users.EmailConfirmationBody,
  UserListResponse: users.UserListResponse,
  MeResponseV2: meV2.MeResponseV2,
  MeUpdateBodyV2: meV2.MeUpdateBodyV2,
  ApiKey: apiKeys.ApiKey,
  ApiKeyCreateBody: apiKeys.ApiKeyCreateBody,
  ApiKeyUpdateBody: apiKeys.ApiKeyUpdateBody,
  ApiKeyResponse: apiKeys.ApiKeyResponse,
  ApiKeyCreatedResponse: apiKeys.ApiKeyCreatedResponse,
  ApiKeyListResponse: apiKeys.ApiKeyListResponse,
  SlotsResponseV1: slots.SlotsResponseV1,
  SlotsResponseV2: slots.SlotsResponseV2,
  BookingV2: bookingsV2.BookingV2,
  BookingCreateBodyV2: bookingsV2.BookingCreateBodyV2,
  BookingResponseV2: bookingsV2.BookingResponseV2,
  BookingOrSeriesResponseV2: bookingsV2.BookingOrSeriesResponseV2,
  BookingListResponseV2: bookingsV2.BookingListResponseV2,
  BookingReferencesResponseV2: bookingsV2.BookingReferencesResponseV2,
  BookingReassignedResponseV2: bookingsV2.BookingReassignedResponseV2,
  BookingV1: bookingsV1.BookingV1,
  BookingCreateBodyV1: bookingsV1.BookingCreateBodyV1,
  BookingUpdateBodyV1: bookingsV1.BookingUpdateBodyV1,
  BookingCancelBodyV1: bookingsV1.BookingCancelBodyV1,
  BookingCancelledResponseV1: bookingsV1.BookingCancelledResponseV1,
  BookingResponseV1: bookingsV1.BookingResponseV1,
  BookingCreatedResponseV1: bookingsV1.BookingCreatedResponseV1,
  BookingListResponseV1: bookingsV1.BookingListResponseV1,
  CancelBodyV2: bookingsV2.CancelBodyV2,
  RescheduleBodyV2: bookingsV2.RescheduleBodyV2,
  DeclineBodyV2: bookingsV2.DeclineBodyV2,
  LocationBodyV2: bookingsV2.LocationBodyV2,
  MarkAbsentBodyV2: bookingsV2.MarkAbsentBodyV2,
  Reservation: reservations.Reservation,
  ReservationCreateBody: reservations.ReservationCreateBody,
  ReservationUpdateBody: reservations.ReservationUpdateBody,
  ReservationResponse: reservations.ReservationResponse,
  ReservationDeletedResponse: reservations.ReservationDeletedResponse,
  UserAvailability: availability.UserAvailability,
  TeamAvailability: availability.TeamAvailability,
  AvailabilityLookupResponse: availability.AvailabilityLookupResponse,
  Schedule: schedules.Schedule,
  ScheduleCreateBody: schedules.ScheduleCreateBody,
  ScheduleUpdateBody: schedules.ScheduleUpdateBody,
  ScheduleResponse: schedules.ScheduleResponse,
  ScheduleCreatedResponse: schedules.ScheduleCreatedResponse,
  ScheduleListResponse: schedules.ScheduleListResponse,
  Availability: availabilities.Availability,
  AvailabilityCreateBody: availabilities.AvailabilityCreateBody,
  AvailabilityUpdateBody: availabilities.AvailabilityUpdateBody,
  AvailabilityResponse: availabilities.AvailabilityResponse,
  AvailabilityCreatedResponse: availabilities.AvailabilityCreatedResponse,
  AvailabilityListResponse: availabilities.AvailabilityListResponse,
  Blocker: blockers.Blocker,
  BlockerCreateBody: blockers.BlockerCreateBody,
  BlockerUpdateBody: blockers.BlockerUpdateBody,
  BlockerResponse: blockers.BlockerResponse,
  BlockerListResponse: blockers.BlockerListResponse,
  Team: teams.Team,
  TeamCreateBody: teams.TeamCreateBody,
  TeamUpdateBody: teams.TeamUpdateBody,
  TeamResponse: teams.TeamResponse,
  TeamCreatedResponse: teams.TeamCreatedResponse,
  TeamListResponse: teams.TeamListResponse,
  Membership: memberships.Membership,
  MembershipCreateBody: memberships.MembershipCreateBody,
  MembershipUpdateBody: memberships.MembershipUpdateBody,
  MembershipResponse: memberships.MembershipResponse,
  MembershipCreatedResponse: memberships.MembershipCreatedResponse,
  MembershipListResponse: membershipList.MembershipListResponse,
  EventType: eventTypes.EventType,
  EventTypeHost: eventTypes.EventTypeHost,
  EventTypeCreateBody: eventTypes.EventTypeCreateBody,
  EventTypeUpdateBody: eventTypes.EventTypeUpdateBody,
  EventTypeResponse: eventTypes.EventTypeResponse,
  EventTypeCreatedResponse: eventTypes.EventTypeCreatedResponse,
  EventTypeListResponse: eventTypes.EventTypeListResponse,
  EventTypeV2: eventTypesV2.EventTypeV2,
  EventTypeCreateBodyV2: eventTypesV2.EventTypeCreateBodyV2,
  EventTypeUpdateBodyV2: eventTypesV2.EventTypeUpdateBodyV2,
  EventTypeResponseV2: eventTypesV2.EventTypeResponseV2,
  EventTypeListResponseV2: eventTypesV2.EventTypeListResponseV2,
  EventTypeDeletedResponseV2: eventTypesV2.EventTypeDeletedResponseV2,
  Attendee: attendees.Attendee,
  AttendeeCreateBody: attendees.AttendeeCreateBody,
  AttendeeUpdateBody: attendees.AttendeeUpdateBody,
  AttendeeResponse: attendees.AttendeeResponse,
  AttendeeCreatedResponse: attendees.AttendeeCreatedResponse,
  AttendeeListResponse: attendees.AttendeeListResponse,
  BookingReference: bookingReferences.BookingReference,
  BookingReferenceCreateBody: bookingReferences.BookingReferenceCreateBody,
  BookingReferenceUpdateBody: bookingReferences.BookingReferenceUpdateBody,
  BookingReferenceResponse: bookingReferences.BookingReferenceResponse,
  BookingReferenceCreatedResponse: bookingReferences.BookingReferenceCreatedResponse,
  BookingReferenceListResponse: bookingReferences.BookingReferenceListResponse,
  Payment: payments.Payment,
  PaymentResponse: payments.PaymentResponse,
  PaymentListResponse: payments.PaymentListResponse,
  CustomInput: customInputs.CustomInput,
  CustomInputCreateBody: customInputs.CustomInputCreateBody,
  CustomInputUpdateBody: customInputs.CustomInputUpdateBody,
  CustomInputResponse: customInputs.CustomInputResponse,
  CustomInputCreatedResponse: customInputs.CustomInputCreatedResponse,
  CustomInputListResponse: customInputs.CustomInputListResponse,
  Webhook: webhooks.Webhook,
  WebhookCreateBody: webhooks.WebhookCreateBody,
  WebhookUpdateBody: webhooks.WebhookUpdateBody,
  WebhookResponse: webhooks.WebhookResponse,
  WebhookCreatedResponse: webhooks.WebhookCreatedResponse,
  WebhookListResponse: webhooks.WebhookListResponse,
  WebhookDelivery: webhooks.WebhookDelivery,
  WebhookDeliveryResponse: webhooks.WebhookDeliveryResponse,
  WebhookDeliveryListResponse: webhooks.WebhookDeliveryListResponse,
  WebhookCreateBodyV2: webhooksV2.WebhookCreateBodyV2,
  WebhookUpdateBodyV2: webhooksV2.WebhookUpdateBodyV2,
  UserWebhookV2: webhooksV2.UserWebhookV2,
  UserWebhookResponseV2: webhooksV2.UserWebhookResponseV2,
  UserWebhookListResponseV2: webhooksV2.UserWebhookListResponseV2,
  EventTypeWebhookV2: webhooksV2.EventTypeWebhookV2,
  EventTypeWebhookResponseV2: webhooksV2.EventTypeWebhookResponseV2,
  EventTypeWebhookListResponseV2: webhooksV2.EventTypeWebhookListResponseV2,
  WebhooksDeletedResponseV2: webhooksV2.WebhooksDeletedResponseV2,
  NoShowBody: noShow.NoShowBody,
  NoShowResponse: noShow.NoShowResponse,
  DestinationCalendar: destinationCalendars.DestinationCalendar,
  DestinationCalendarCreateBody: destinationCalendars.DestinationCalendarCreateBody,
  DestinationCalendarUpdateBody: destinationCalendars.DestinationCalendarUpdateBody,
  DestinationCalendarResponse: destinationCalendars.DestinationCalendarResponse,
  DestinationCalendarCreatedResponse: destinationCalendars.DestinationCalendarCreatedResponse,
  DestinationCalendarListResponse: destinationCalendars.DestinationCalendarListResponse,
  SelectedCalendar: selectedCalendars.SelectedCalendar,
  SelectedCalendarCreateBody: selectedCalendars.SelectedCalendarCreateBody,
  SelectedCalendarUpdateBody: selectedCalendars.SelectedCalendarUpdateBody,
  SelectedCalendarResponse: selectedCalendars.SelectedCalendarResponse,
  SelectedCalendarCreatedResponse: selectedCalendars.SelectedCalendarCreatedResponse,
  SelectedCalendarListResponse: selectedCalendars.SelectedCalendarListResponse,
  ScheduleV2: schedulesV2.ScheduleV2,
  ScheduleResponseV2: schedulesV2.ScheduleResponseV2,
  ScheduleListResponseV2: schedulesV2.ScheduleListResponseV2,
  ScheduleDeletedResponseV2: schedulesV2.ScheduleDeletedResponseV2,
  ScheduleCreateBodyV2: schedulesV2.ScheduleCreateBodyV2,
  ScheduleUpdateBodyV2: schedulesV2.ScheduleUpdateBodyV2,
};

export const queryComponents: Record<string, z.ZodObject> = {
  IdQuery: common.IdQuery,
  TranscriptQuery: notSupported.TranscriptQuery,
  ListUsersQuery: users.ListUsersQuery,
  ListApiKeysQuery: apiKeys.ListApiKeysQuery,
  ApiKeyIdQuery: apiKeys.ApiKeyIdQuery,
  SlotsQueryV1: slots.SlotsQueryV1,
  SlotsQueryV2: slots.SlotsQueryV2,
  BookingListQueryV2: bookingsV2.BookingListQueryV2,
  BookingUidQuery: bookingsV2.BookingUidQuery,
  BookingReassignQuery: bookingsV2.BookingReassignQuery,
  BookingReferencesQueryV2: bookingsV2.BookingReferencesQueryV2,
  BookingListQueryV1: bookingsV1.BookingListQueryV1,
  BookingCancelQueryV1: bookingsV1.BookingCancelQueryV1,
  ReservationUidQuery: reservations.ReservationUidQuery,
  AvailabilityQuery: availability.AvailabilityQuery,
  ListSchedulesQuery: schedules.ListSchedulesQuery,
  ListAvailabilitiesQuery: availabilities.ListAvailabilitiesQuery,
  ListBlockersQuery: blockers.ListBlockersQuery,
  ListTeamsQuery: teams.ListTeamsQuery,
  TeamIdQuery: teams.TeamIdQuery,
  ListMembershipsQuery: memberships.ListMembershipsQuery,
  MembershipIdQuery: memberships.MembershipIdQuery,
  ListEventTypesQuery: eventTypes.ListEventTypesQuery,
  ListEventTypesQueryV2: eventTypesV2.ListEventTypesQueryV2,
  EventTypeIdQueryV2: eventTypesV2.EventTypeIdQueryV2,
  TeamEventTypesQuery: eventTypes.TeamEventTypesQuery,
  ListAttendeesQuery: attendees.ListAttendeesQuery,
  ListBookingReferencesQuery: bookingReferences.ListBookingReferencesQuery,
  ListPaymentsQuery: payments.ListPaymentsQuery,
  WorkspaceQuery: calendars.WorkspaceQuery,
  CalendarListQuery: calendars.CalendarListQuery,
  CalendarQuery: calendars.CalendarQuery,
  CalendarGetQuery: calendars.CalendarGetQuery,
  CalendarDeleteQuery: calendars.CalendarDeleteQuery,
  CalendarScheduleQuery: calendars.CalendarScheduleQuery,
  CalendarEventsQuery: calendarEvents.CalendarEventsQuery,
  CustomerAccountQuery: calendarEvents.CustomerAccountQuery,
  BookingPreviewQuery: calendarEvents.BookingPreviewQuery,
  ListCustomInputsQuery: customInputs.ListCustomInputsQuery,
  ListWebhooksQuery: webhooks.ListWebhooksQuery,
  WebhookIdQuery: webhooks.WebhookIdQuery,
  WebhookDeliveriesQuery: webhooks.WebhookDeliveriesQuery,
  WebhookDeliveryQuery: webhooks.WebhookDeliveryQuery,
  WebhookListQueryV2: webhooksV2.WebhookListQueryV2,
  WebhookIdQueryV2: webhooksV2.WebhookIdQueryV2,
  EventTypeWebhooksQueryV2: webhooksV2.EventTypeWebhooksQueryV2,
  EventTypeWebhookListQueryV2: webhooksV2.EventTypeWebhookListQueryV2,
  EventTypeWebhookIdQueryV2: webhooksV2.EventTypeWebhookIdQueryV2,
  UserAvailabilityPathQuery: availabilityPaths.UserAvailabilityPathQuery,
  TeamAvailabilityPathQuery: availabilityPaths.TeamAvailabilityPathQuery,
  ListDestinationCalendarsQuery: destinationCalendars.ListDestinationCalendarsQuery,
  ListSelectedCalendarsQuery: selectedCalendars.ListSelectedCalendarsQuery,
  SelectedCalendarIdQuery: selectedCalendars.SelectedCalendarIdQuery,
  ScheduleIdQueryV2: schedulesV2.ScheduleIdQueryV2,
};

/**
 * One example body per shared error response (SHARED_RESPONSES in scripts/openapi-text.ts),
 * written by the very function that writes errors (lib/http/error-response.ts) in each
 * surface's shape; the build attaches them to `components.responses` (`NotFound`,
 * `V2NotFound`, `WorkspaceNotFound`, `JsonApiNotFound`, ...).
 */
interface ErrorExampleInput {
  code: ErrorCode;
  message: string;
  details?: ErrorDetail[];
}

const ENTITY: Record<Surface, string> = { v1: "Booking", v2: "Booking", workspace: "Workspace", calendarEvents: "Calendar" };

function errorExampleInput(name: string, surface: Surface): ErrorExampleInput {
  const invalid: ErrorDetail[] =
    surface === "calendarEvents"
      ? [{ field: "query.end_date", rule: "too_big", message: "end_date must be at most 62 days after start_date." }]
      : surface === "workspace"
        ? [{ field: "body.capacity", rule: "too_small", message: "capacity must be at least 1." }]
        : [{ field: "body.start", rule: "invalid_format", message: "start must be an ISO 8601 date-time, e.g. 2026-03-02T09:00:00Z." }];
  switch (name) {
    case "Unauthorized":
      return { code: "unauthorized", message: "The API key is not valid." };
    case "Forbidden":
      return { code: "insufficient_scope", message: "This API key lacks the scope bookings:write.", details: [{ rule: "scope", message: "Required scope: bookings:write" }] };
    case "NotFound":
      return { code: "not_found", message: `${ENTITY[surface]} not found.` };
    case "ValidationError":
      return { code: "validation_error", message: describeDetails(invalid), details: invalid };
    case "Conflict":
      return surface === "workspace" || surface === "calendarEvents"
        ? { code: "conflict", message: 'A calendar with the slug "room-orion" already exists in this workspace.', details: [{ field: "body.slug", rule: "unique", message: "Slug already in use in this workspace" }] }
        : { code: "conflict", message: "This slot is not available.", details: [{ field: "body.start", rule: "slot_available", message: "Not a free slot of this event type" }] };
    case "Unprocessable":
      return { code: "unprocessable_entity", message: "This Idempotency-Key was used with another request; use a new key for a new request." };
    case "MethodNotAllowed":
      return { code: "method_not_allowed", message: "Method PUT is not allowed here. Allowed: GET, POST." };
    case "PayloadTooLarge":
      return { code: "payload_too_large", message: "The request body is larger than 1048576 bytes." };
    case "UnsupportedMediaType":
      return { code: "unsupported_media_type", message: "Send the request body as JSON (Content-Type: application/json)." };
    case "NotImplemented":
      return {
        code: "not_implemented",
        message: "Not supported by Slotbase: recordings and transcripts come from a video-conferencing integration (Cal.com's Cal Video), which Slotbase does not have.",
      };
    case "RateLimited":
      return { code: "rate_limited", message: "Too many requests: 120 a minute are allowed for this API key. Try again in 17 s." };
    case "Unavailable":
      return { code: "service_unavailable", message: "This deployment's database is not reachable; try again shortly." };
    default:
      throw new Error(`no error example for the shared response ${name}`);
  }
}

/** A request path of each surface, as error bodies of v2 name it. */
const EXAMPLE_PATH: Record<Surface, string> = {
  v1: "/v1/bookings/1",
  v2: "/v2/bookings/seed-booking-1",
  workspace: "/api/v2/w/5b0e6a3c-8f1d-4c2a-9e7b-1d2c3b4a5f60/calendars",
  calendarEvents: "/api/v1/calendar-events",
};

/** The example body of the shared response `name` on `surface`. */
export function errorResponseExample(name: string, surface: Surface): Record<string, unknown> {
  const { code, message, details } = errorExampleInput(name, surface);
  const body = errorBody(EXAMPLE_PATH[surface], new HttpError(code, message, { details }), "3f9c2a7e-5b1d-4e8a-9c6f-2d7b1e4a8c05");
  // v2 bodies carry the time of the error; an example's is fixed so the document stays the same on every build.
  return "timestamp" in body ? { ...body, timestamp: "2026-11-30T08:15:00.000Z" } : body;
}
