import { z } from "zod";
import { LIST_COUNT_LIMIT, LIST_MAX_OFFSET } from "@slotbase/features";
import { idParam, int32, isoDateTime, listParam } from "../validation/common";
import { attendeeInput, bookingMetadata, bookingResponses, bookingUidParam, guestList, positiveId, reasonText } from "./booking-inputs";
import { BookingLocationUpdateV2, BookingLocationV2 } from "./booking-locations-v2";

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
  bookingUid: listParam().pipe(z.array(z.string().min(1).max(100)).max(100)).optional().describe("Only these bookings (uids, comma-separated or repeated)."),
  eventTypeId: idParam.optional(),
  eventTypeIds: commaIds().optional().describe("Comma-separated event type ids."),
  teamsIds: commaIds().optional().describe("Comma-separated team ids."),
  teamId: idParam.optional().describe("Bookings of this team's event types (Cal.com's single form of teamsIds; combined with it)."),
  afterStart: isoDateTime().optional().describe("Bookings starting at or after this instant."),
  beforeEnd: isoDateTime().optional().describe("Bookings ending at or before this instant."),
  afterCreatedAt: isoDateTime().optional().describe("Bookings created at or after this instant."),
  beforeCreatedAt: isoDateTime().optional().describe("Bookings created at or before this instant."),
  afterUpdatedAt: isoDateTime().optional().describe("Bookings last changed at or after this instant."),
  beforeUpdatedAt: isoDateTime().optional().describe("Bookings last changed at or before this instant."),
  sortStart: sortOrder(),
  sortEnd: sortOrder(),
  sortCreated: sortOrder(),
  sortUpdatedAt: sortOrder(),
  take: z.coerce.number().int().min(1).max(250).optional().describe("Page size, 1–250, default 10 (offset paging)."),
  skip: z.coerce
    .number()
    .int()
    .min(0)
    .max(LIST_MAX_OFFSET, `Offset paging reaches ${LIST_MAX_OFFSET} bookings deep: page further with a cursor (cal-api-version 2026-05-01), or narrow the list with filters`)
    .optional()
    .describe(`Offset paging: bookings to skip, at most ${LIST_MAX_OFFSET} (deeper: cursor paging, which costs the same on every page).`),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(250)
    .optional()
    .describe("Page size (Cal.com 2026-05-01's name; 1–250, default 50 with cursor paging, else the same as take)."),
  cursor: z.string().min(1).max(500).optional().describe("Cursor paging: pagination.nextCursor of the previous page."),
});

const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

/**
 * Cal.com's CreateBookingInput_2024_08_13 (and its instant and recurring forms): the event type
 * by id, or by slug with its owner's username or its team's slug.
 */
export const BookingCreateBodyV2 = z
  .object({
    start: isoDateTime().describe("The slot's start, as GET /v2/slots gives it."),
    eventTypeId: positiveId().optional(),
    eventTypeSlug: z.string().regex(SLUG, "Lowercase letters, digits and '-'").optional().describe("With username or teamSlug, instead of eventTypeId."),
    username: z.string().trim().toLowerCase().min(1).max(63).optional().describe("The owner of eventTypeSlug."),
    teamSlug: z.string().regex(SLUG, "Lowercase letters, digits and '-'").optional().describe("The team owning eventTypeSlug."),
    organizationSlug: z.string().max(100).optional().describe("Accepted as Cal.com; there are no organizations here, so it narrows nothing."),
    attendee: attendeeInput(),
    guests: guestList().optional(),
    meetingUrl: z.url({ protocol: /^https?$/ }).max(1000).optional().describe("Deprecated by Cal.com: a link location."),
    location: BookingLocationV2.optional(),
    lengthInMinutes: z.number().int().min(1).max(1440).optional().describe("One of the event type's durations; default its length."),
    metadata: bookingMetadata().optional(),
    bookingFieldsResponses: bookingResponses().optional(),
    reservationUid: z.string().min(1).max(100).optional().describe("Your hold on this slot (POST /v2/slots/reservations): released on booking."),
    routing: z
      .object({
        teamMemberIds: z.array(positiveId()).min(1).max(100).describe("Only these hosts of the round-robin event type may take the booking."),
        teamMemberEmail: z.email().max(254).optional(),
        responseId: z.number().int().nullable().optional(),
        queuedResponseId: z.string().max(100).nullable().optional(),
        skipContactOwner: z.boolean().optional(),
        crmAppSlug: z.string().max(100).optional(),
        crmOwnerRecordType: z.string().max(100).optional(),
      })
      .strict()
      .optional()
      .describe("Cal.com's routing: teamMemberIds narrows the hosts who may take it; the other fields are accepted and recorded nowhere."),
    emailVerificationCode: z.string().max(100).optional().describe("Accepted as Cal.com; Slotbase does not ask bookers to verify their email."),
    instant: z.literal(false).optional().describe("Instant meetings are not supported: only false is accepted."),
    recurrenceCount: int32()
      .min(1)
      .max(52)
      .optional()
      .describe("A recurring event type: book this many occurrences (at most the event type's count, which is the default)."),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.eventTypeId !== undefined) return;
    if (body.eventTypeSlug === undefined || (body.username === undefined && body.teamSlug === undefined)) {
      ctx.addIssue({ code: "custom", path: ["eventTypeId"], message: "Send eventTypeId, or eventTypeSlug with username or teamSlug" });
    }
  });

export const BookingUidQuery = z.object({ bookingUid: bookingUidParam() });
export const BookingReassignQuery = z.object({ bookingUid: bookingUidParam(), userId: idParam });
/** GET /v2/bookings/{bookingUid}/references: Cal.com's `type` filter. */
export const BookingReferencesQueryV2 = BookingUidQuery.extend({
  type: z.string().trim().min(1).max(100).optional().describe("Only references of this integration type, e.g. google_calendar or daily_video."),
});

/** Cal.com's CancelBookingInput_2024_08_13 or, with `seatUid`, CancelSeatedBookingInput_2024_08_13. */
export const CancelBodyV2 = z
  .object({
    cancellationReason: reasonText().optional(),
    cancelSubsequentBookings: z.boolean().optional().describe("Also cancel the later occurrences of the booking's recurring series."),
    seatUid: z.string().min(1).max(100).optional().describe("Cancel only this seat of a seated booking (the organizer side: anyone's; a seat holder: their own)."),
  })
  .strict();

/** Cal.com's RescheduleBookingInput_2024_08_13 or, with `seatUid`, RescheduleSeatedBookingInput_2024_08_13. */
export const RescheduleBodyV2 = z
  .object({
    start: isoDateTime(),
    seatUid: z.string().min(1).max(100).optional().describe("Move only this seat of a seated booking (the organizer side: anyone's; a seat holder: their own)."),
    reschedulingReason: reasonText().optional(),
    rescheduledBy: z.email().max(254).optional().describe("Accepted as Cal.com; the booking records the caller's own confirmed email (an address a client names proves nothing)."),
    rescheduleWithSameHost: z.boolean().optional().describe("Keep the current host: a 409 when they are not free at the new time (without it another free host of a round-robin type may take it)."),
    emailVerificationCode: z.string().max(100).optional().describe("Accepted as Cal.com; Slotbase does not ask bookers to verify their email."),
  })
  .strict();
export const DeclineBodyV2 = z.object({ reason: reasonText().optional() }).strict();
export const LocationBodyV2 = z.object({ location: BookingLocationUpdateV2 }).strict();
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

const jsonRecord = () => z.record(z.string(), z.unknown());

const AttendeeV2 = z.object({
  name: z.string(),
  email: z.string(),
  displayEmail: z.string().describe("The address to show (Cal.com 2026-05-01); the same as email here."),
  timeZone: z.string(),
  language: z.string().optional(),
  phoneNumber: z.string().optional(),
  absent: z.boolean(),
  seatUid: z.string().optional().describe("Seated event types: this attendee's seat (cancel or reschedule it with { seatUid })."),
  bookingFieldsResponses: jsonRecord().optional().describe("Seated event types: this seat's answers (its email left out, as Cal.com)."),
  metadata: jsonRecord().optional().describe("Seated event types: this seat's metadata."),
});
const HostV2 = z.object({
  id: z.number().int(),
  name: z.string(),
  email: z.string(),
  displayEmail: z.string(),
  username: z.string().describe('"unknown" for a user without a username, as Cal.com.'),
  timeZone: z.string(),
});

/**
 * Cal.com's `BookingOutput_2024_08_13` (and its recurring and seated forms): optional fields
 * are omitted when they have no value, never null, as Cal.com sends them.
 */
export const BookingV2 = z.object({
  id: z.number().int(),
  uid: z.string(),
  title: z.string(),
  description: z.string().describe("Empty when the booking has none."),
  hosts: z.array(HostV2),
  status: z.enum(["accepted", "pending", "cancelled", "rejected"]),
  cancellationReason: z.string().optional(),
  cancelledByEmail: z.string().optional(),
  rejectionReason: z.string().optional().describe("Slotbase: the reason given when the booking was declined."),
  rescheduledByEmail: z.string().optional(),
  rescheduledFromUid: z.string().optional(),
  rescheduledToUid: z.string().optional(),
  start: z.string(),
  end: z.string(),
  duration: z.number().int(),
  eventTypeId: z.number().int().nullable().describe("Null only for a booking of a workspace calendar, which has no event type."),
  eventType: z.object({ id: z.number().int(), slug: z.string() }).nullable(),
  location: z.string().describe("Empty when the booking has no location."),
  meetingUrl: z.string().optional().describe("Deprecated by Cal.com: the location, when it is a URL."),
  absentHost: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  metadata: jsonRecord(),
  icsUid: z.string().optional(),
  attendees: z.array(AttendeeV2),
  guests: z.array(z.string()).optional(),
  bookingFieldsResponses: jsonRecord().optional().describe("Absent for seated bookings, whose answers are per seat."),
  recurringBookingUid: z.string().optional().describe("The series this occurrence belongs to."),
  seatUid: z.string().optional().describe("On creating or rescheduling a seat: the seat that was taken."),
});

const OffsetPaginationV2 = z.object({
  totalItems: z.number().int().describe(`Counted up to ${LIST_COUNT_LIMIT}: beyond, this is ${LIST_COUNT_LIMIT} and totalItemsExact is false.`),
  totalItemsExact: z.boolean().describe(`False when more than ${LIST_COUNT_LIMIT} bookings match (totalItems, remainingItems and totalPages are then lower bounds).`),
  remainingItems: z.number().int(),
  returnedItems: z.number().int(),
  itemsPerPage: z.number().int(),
  currentPage: z.number().int(),
  totalPages: z.number().int(),
  hasNextPage: z.boolean(),
  hasPreviousPage: z.boolean(),
});
const CursorPaginationV2 = z.object({
  nextCursor: z.string().nullable().describe("Send as `cursor` for the next page; null on the last page."),
  hasMore: z.boolean(),
});

export const BookingResponseV2 = z.object({ status: z.literal("success"), data: BookingV2 });
/** A booking, or (a recurring event type's) the occurrences of its series in time order, as Cal.com answers. */
export const BookingOrSeriesResponseV2 = z.object({
  status: z.literal("success"),
  data: z.union([BookingV2, z.array(BookingV2)]).describe("An array for a recurring series (each occurrence with its recurringBookingUid)."),
});
export const BookingListResponseV2 = z.object({
  status: z.literal("success"),
  data: z.array(BookingV2),
  pagination: z.union([OffsetPaginationV2, CursorPaginationV2]).describe("Page numbers with take/skip; nextCursor and hasMore with cal-api-version 2026-05-01."),
});
/** Cal.com's `BookingReference` ({ id, type, eventUid, destinationCalendarId }), plus the meeting's id and URL where there is one. */
export const BookingReferenceV2 = z.object({
  id: z.number().int(),
  type: z.string(),
  eventUid: z.string().describe("The event's id in the integration (its calendar event or meeting)."),
  destinationCalendarId: z.string().nullable(),
  meetingId: z.string().optional(),
  meetingUrl: z.string().optional(),
});
export const BookingReferencesResponseV2 = z.object({ status: z.literal("success"), data: z.array(BookingReferenceV2) });

/** Cal.com's `ReassignBookingOutput_2024_08_13`. */
export const BookingReassignedResponseV2 = z.object({
  status: z.literal("success"),
  data: z.object({ bookingUid: z.string(), reassignedTo: z.object({ id: z.number().int(), name: z.string(), email: z.string() }) }),
});
