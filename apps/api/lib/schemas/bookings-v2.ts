import { z } from "zod";
import { idParam, isoDateTime } from "../validation/common";
import { attendeeInput, bookingMetadata, bookingResponses, bookingUidParam, guestList, locationText, positiveId, reasonText } from "./booking-inputs";

const STATUSES = ["upcoming", "recurring", "past", "cancelled", "unconfirmed"] as const;
const commaParts = () =>
  z
    .string()
    .max(2000)
    .transform((value) => value.split(",").map((part) => part.trim()).filter(Boolean));
const commaStatuses = () => commaParts().pipe(z.array(z.enum(STATUSES)).max(5));
const commaIds = () => commaParts().pipe(z.array(z.coerce.number<string>().int().positive().max(2_147_483_647)).max(100));
const sortOrder = () => z.enum(["asc", "desc"]).optional();

export const BookingListQueryV2 = z.object({
  status: commaStatuses().optional().describe("Comma-separated: upcoming, recurring, past, cancelled, unconfirmed."),
  attendeeEmail: z.email().max(254).optional(),
  attendeeName: z.string().min(1).max(200).optional(),
  eventTypeId: idParam.optional(),
  eventTypeIds: commaIds().optional().describe("Comma-separated event type ids."),
  teamsIds: commaIds().optional().describe("Comma-separated team ids."),
  teamId: idParam.optional().describe("Bookings of this team's event types (Cal.com's single form of teamsIds; combined with it)."),
  afterStart: isoDateTime().optional().describe("Bookings starting at or after this instant."),
  beforeEnd: isoDateTime().optional().describe("Bookings ending at or before this instant."),
  sortStart: sortOrder(),
  sortEnd: sortOrder(),
  sortCreated: sortOrder(),
  take: z.coerce.number().int().min(1).max(250).default(10).describe("1–250, default 10."),
  skip: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const BookingCreateBodyV2 = z
  .object({
    start: isoDateTime().describe("The slot's start, as GET /v2/slots gives it."),
    eventTypeId: positiveId(),
    attendee: attendeeInput(),
    guests: guestList().optional(),
    meetingUrl: z.url({ protocol: /^https?$/ }).max(1000).optional(),
    location: locationText().optional(),
    lengthInMinutes: z.number().int().min(1).max(1440).optional().describe("One of the event type's durations; default its length."),
    metadata: bookingMetadata().optional(),
    bookingFieldsResponses: bookingResponses().optional(),
    reservationUid: z.string().min(1).max(100).optional().describe("Your hold on this slot (POST /v2/slots/reservations): released on booking."),
  })
  .strict();

export const BookingUidQuery = z.object({ bookingUid: bookingUidParam() });
export const BookingReassignQuery = z.object({ bookingUid: bookingUidParam(), userId: idParam });
/** GET /v2/bookings/{bookingUid}/references: Cal.com's `type` filter. */
export const BookingReferencesQueryV2 = BookingUidQuery.extend({
  type: z.string().trim().min(1).max(100).optional().describe("Only references of this integration type, e.g. google_calendar or daily_video."),
});

export const CancelBodyV2 = z.object({ cancellationReason: reasonText().optional() }).strict();
export const RescheduleBodyV2 = z.object({ start: isoDateTime(), reschedulingReason: reasonText().optional() }).strict();
export const DeclineBodyV2 = z.object({ reason: reasonText().optional() }).strict();
export const LocationBodyV2 = z.object({ location: locationText() }).strict();
export const MarkAbsentBodyV2 = z
  .object({
    attendeeEmail: z.email().max(254).optional().describe("The seed's form: one attendee."),
    noShow: z.boolean().optional(),
    attendees: z.array(z.object({ email: z.email().max(254), absent: z.boolean() }).strict()).max(100).optional().describe("Cal.com's form: several attendees."),
    host: z.boolean().optional().describe("Mark the host absent (true) or present (false)."),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.attendeeEmail !== undefined && body.noShow === undefined) ctx.addIssue({ code: "custom", path: ["noShow"], message: "Required with attendeeEmail" });
    if (body.attendeeEmail === undefined && body.attendees === undefined && body.host === undefined) {
      ctx.addIssue({ code: "custom", path: ["attendeeEmail"], message: "Send attendeeEmail and noShow, attendees, or host" });
    }
  });

const AttendeeV2 = z.object({ name: z.string(), email: z.string(), timeZone: z.string(), language: z.string().nullable(), phoneNumber: z.string().nullable(), absent: z.boolean() });
const HostV2 = z.object({ id: z.number().int(), name: z.string().nullable(), email: z.string(), username: z.string().nullable(), timeZone: z.string() });

export const BookingV2 = z.object({
  id: z.number().int(),
  uid: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  start: z.string(),
  end: z.string(),
  duration: z.number().int(),
  status: z.enum(["accepted", "pending", "cancelled", "rejected"]),
  eventTypeId: z.number().int().nullable(),
  eventType: z.object({ id: z.number().int(), slug: z.string() }).nullable(),
  attendees: z.array(AttendeeV2),
  hosts: z.array(HostV2),
  location: z.string().nullable(),
  meetingUrl: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  bookingFieldsResponses: z.record(z.string(), z.unknown()),
  cancellationReason: z.string().nullable(),
  rejectionReason: z.string().nullable(),
  rescheduledFromUid: z.string().nullable(),
  rescheduledToUid: z.string().nullable(),
  absentHost: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string().nullable(),
});

export const BookingResponseV2 = z.object({ status: z.literal("success"), data: BookingV2 });
export const BookingListResponseV2 = z.object({ status: z.literal("success"), data: z.array(BookingV2) });
export const BookingReferenceV2 = z.object({
  id: z.number().int(),
  type: z.string(),
  uid: z.string(),
  meetingId: z.string().nullable(),
  meetingUrl: z.string().nullable(),
  externalCalendarId: z.string().nullable(),
});
export const BookingReferencesResponseV2 = z.object({ status: z.literal("success"), data: z.array(BookingReferenceV2) });
