import type { z } from "zod";
import * as common from "../schemas/common";
import * as users from "../schemas/users";
import * as apiKeys from "../schemas/api-keys";
import * as slots from "../schemas/slots";
import * as bookingsV2 from "../schemas/bookings-v2";
import * as bookingsV1 from "../schemas/bookings-v1";
import * as reservations from "../schemas/reservations";
import * as availability from "../schemas/availability";
import * as schedules from "../schemas/schedules";
import * as availabilities from "../schemas/availabilities";
import * as blockers from "../schemas/blockers";
import * as teams from "../schemas/teams";
import * as memberships from "../schemas/memberships";
import * as eventTypes from "../schemas/event-types";
import * as attendees from "../schemas/attendees";
import * as bookingReferences from "../schemas/booking-references";
import * as payments from "../schemas/payments";
import * as noShow from "../schemas/no-show";
import * as calendars from "../schemas/calendars";

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
  Calendar: calendars.Calendar,
  CalendarPageResponse: calendars.CalendarPageResponse,
  CalendarSchedule: calendars.CalendarSchedule,
  CalendarScheduleListResponse: calendars.CalendarScheduleListResponse,
  CalendarDeletedResponse: calendars.CalendarDeletedResponse,
  CalendarCreateBody: calendars.CalendarCreateBody,
  CalendarUpdateBody: calendars.CalendarUpdateBody,
  CalendarScheduleCreateBody: calendars.CalendarScheduleCreateBody,
  CalendarScheduleUpdateBody: calendars.CalendarScheduleUpdateBody,
  DeletedResponse: common.DeletedResponse,
  ApiIndexResponse: common.ApiIndexResponse,
  User: users.User,
  UserCreateBody: users.UserCreateBody,
  UserUpdateBody: users.UserUpdateBody,
  UserResponse: users.UserResponse,
  EmailConfirmationBody: users.EmailConfirmationBody,
  UserListResponse: users.UserListResponse,
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
  BookingListResponseV2: bookingsV2.BookingListResponseV2,
  BookingReferencesResponseV2: bookingsV2.BookingReferencesResponseV2,
  BookingV1: bookingsV1.BookingV1,
  BookingCreateBodyV1: bookingsV1.BookingCreateBodyV1,
  BookingUpdateBodyV1: bookingsV1.BookingUpdateBodyV1,
  BookingCancelBodyV1: bookingsV1.BookingCancelBodyV1,
  BookingResponseV1: bookingsV1.BookingResponseV1,
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
  AvailabilityLookupResponse: availability.AvailabilityLookupResponse,
  Schedule: schedules.Schedule,
  ScheduleCreateBody: schedules.ScheduleCreateBody,
  ScheduleUpdateBody: schedules.ScheduleUpdateBody,
  ScheduleResponse: schedules.ScheduleResponse,
  ScheduleListResponse: schedules.ScheduleListResponse,
  Availability: availabilities.Availability,
  AvailabilityCreateBody: availabilities.AvailabilityCreateBody,
  AvailabilityUpdateBody: availabilities.AvailabilityUpdateBody,
  AvailabilityResponse: availabilities.AvailabilityResponse,
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
  MembershipListResponse: memberships.MembershipListResponse,
  EventType: eventTypes.EventType,
  EventTypeHost: eventTypes.EventTypeHost,
  EventTypeCreateBody: eventTypes.EventTypeCreateBody,
  EventTypeUpdateBody: eventTypes.EventTypeUpdateBody,
  EventTypeResponse: eventTypes.EventTypeResponse,
  EventTypeListResponse: eventTypes.EventTypeListResponse,
  Attendee: attendees.Attendee,
  AttendeeCreateBody: attendees.AttendeeCreateBody,
  AttendeeUpdateBody: attendees.AttendeeUpdateBody,
  AttendeeResponse: attendees.AttendeeResponse,
  AttendeeListResponse: attendees.AttendeeListResponse,
  BookingReference: bookingReferences.BookingReference,
  BookingReferenceCreateBody: bookingReferences.BookingReferenceCreateBody,
  BookingReferenceUpdateBody: bookingReferences.BookingReferenceUpdateBody,
  BookingReferenceResponse: bookingReferences.BookingReferenceResponse,
  BookingReferenceListResponse: bookingReferences.BookingReferenceListResponse,
  Payment: payments.Payment,
  PaymentResponse: payments.PaymentResponse,
  PaymentListResponse: payments.PaymentListResponse,
  NoShowBody: noShow.NoShowBody,
  NoShowResponse: noShow.NoShowResponse,
};

export const queryComponents: Record<string, z.ZodObject> = {
  IdQuery: common.IdQuery,
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
};
