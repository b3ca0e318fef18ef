import { minutesBetween } from "@slotbase/scheduling";
import { invalidField, type BookingListQuery, type BookingPage, type BookingRecord } from "@slotbase/features";
import type { z } from "zod";
import type { BookingReferenceV2, BookingV2 } from "../schemas/bookings-v2";

const asObject = (value: unknown): Record<string, unknown> => (value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
const isUrl = (value: string | null) => (value !== null && /^https?:\/\//.test(value) ? value : undefined);
/** Cal.com omits an optional field without a value; it never sends null for it. */
const present = <T>(value: T | null | undefined): T | undefined => value ?? undefined;

type BookingV2Output = z.input<typeof BookingV2>;
type Attendee = BookingRecord["attendees"][number];

function attendeeV2(attendee: Attendee, seated: boolean): BookingV2Output["attendees"][number] {
  const base = {
    name: attendee.name,
    email: attendee.email,
    displayEmail: attendee.email,
    timeZone: attendee.timeZone,
    language: present(attendee.locale),
    phoneNumber: present(attendee.phoneNumber),
    absent: attendee.noShow,
  };
  if (!seated || !attendee.bookingSeat) return base;
  const { email: _email, ...responses } = asObject(asObject(attendee.bookingSeat.data).responses);
  return { ...base, seatUid: attendee.bookingSeat.referenceUid, bookingFieldsResponses: responses, metadata: asObject(asObject(attendee.bookingSeat.data).metadata) };
}

/**
 * v2 (Cal.com's BookingOutput_2024_08_13): lower-case statuses, `start`/`end`, hosts and
 * attendees (absent = no-show); a seated event type's booking carries its answers per seat.
 */
export function toBookingV2(booking: BookingRecord, extra: { seatUid?: string } = {}): BookingV2Output {
  const seated = booking.eventType?.seatsPerTimeSlot != null;
  const cancelled = booking.status === "CANCELLED";
  const guests = seated ? [] : booking.attendees.slice(1).map((a) => a.email);
  return {
    id: booking.id,
    uid: booking.uid,
    title: booking.title,
    description: booking.description ?? "",
    hosts: booking.user
      ? [{ id: booking.user.id, name: booking.user.name ?? "", email: booking.user.email, displayEmail: booking.user.email, username: booking.user.username ?? "unknown", timeZone: booking.user.timeZone }]
      : [],
    status: booking.status.toLowerCase() as BookingV2Output["status"],
    cancellationReason: cancelled ? present(booking.cancellationReason) : undefined,
    cancelledByEmail: cancelled ? present(booking.cancelledBy) : undefined,
    rejectionReason: present(booking.rejectionReason),
    rescheduledByEmail: present(booking.rescheduledBy),
    rescheduledFromUid: present(booking.fromReschedule),
    rescheduledToUid: present(booking.rescheduledToUid),
    start: booking.startTime.toISOString(),
    end: booking.endTime.toISOString(),
    duration: minutesBetween(booking.startTime, booking.endTime),
    eventTypeId: booking.eventTypeId,
    eventType: booking.eventType ? { id: booking.eventType.id, slug: booking.eventType.slug } : null,
    location: booking.location ?? "",
    meetingUrl: isUrl(booking.location),
    absentHost: booking.noShowHost ?? false,
    createdAt: booking.createdAt.toISOString(),
    updatedAt: (booking.updatedAt ?? booking.createdAt).toISOString(),
    metadata: asObject(booking.metadata),
    icsUid: present(booking.iCalUID),
    attendees: booking.attendees.map((a) => attendeeV2(a, seated)),
    guests: guests.length > 0 ? guests : undefined,
    bookingFieldsResponses: seated ? undefined : asObject(booking.responses),
    recurringBookingUid: present(booking.recurringEventId),
    seatUid: extra.seatUid,
  };
}

/** A created booking; on a seated event type with the seat the booker took (`seatUid`), as Cal.com. */
export function toCreatedBookingV2(booking: BookingRecord): BookingV2Output {
  const seatUid = booking.eventType?.seatsPerTimeSlot != null ? booking.attendees[0]?.bookingSeat?.referenceUid : undefined;
  return toBookingV2(booking, { seatUid });
}

export const successV2 = <T>(data: T) => ({ status: "success" as const, data });

export function toBookingReferenceV2(reference: BookingRecord["references"][number]): z.input<typeof BookingReferenceV2> {
  return {
    id: reference.id,
    type: reference.type,
    eventUid: reference.uid,
    destinationCalendarId: reference.externalCalendarId,
    meetingId: present(reference.meetingId),
    meetingUrl: present(reference.meetingUrl),
  };
}

/** Cal.com's reassign answer: the booking and who has it now. */
export function toReassignedV2(booking: BookingRecord) {
  const host = booking.user!;
  return { bookingUid: booking.uid, reassignedTo: { id: host.id, name: host.name ?? "", email: host.email } };
}

type ListQueryV2 = z.infer<typeof import("../schemas/bookings-v2").BookingListQueryV2>;

/** Cal.com's cal-api-version whose GET /v2/bookings pages by cursor (`limit`, `cursor`, `pagination.nextCursor`). */
export const CURSOR_PAGING_VERSION = "2026-05-01";

function sortOfV2(query: ListQueryV2): NonNullable<BookingListQuery["sort"]> {
  const sort: NonNullable<BookingListQuery["sort"]> = [];
  if (query.sortStart) sort.push({ field: "startTime", order: query.sortStart });
  if (query.sortEnd) sort.push({ field: "endTime", order: query.sortEnd });
  if (query.sortCreated) sort.push({ field: "createdAt", order: query.sortCreated });
  if (query.sortUpdatedAt) sort.push({ field: "updatedAt", order: query.sortUpdatedAt });
  return sort;
}

/**
 * Cursor pages walk one sort key: the one given, else start time, forwards for upcoming,
 * recurring and unconfirmed bookings and backwards otherwise (Cal.com 2026-05-01's directions).
 */
function cursorSort(query: ListQueryV2, sort: NonNullable<BookingListQuery["sort"]>) {
  if (sort.length > 1) throw invalidField("sortStart", "cursor_sort", "Cursor paging sorts by one field: send at most one of sortStart, sortEnd, sortCreated, sortUpdatedAt");
  if (sort.length === 1) return sort;
  const forwards = query.status?.length === 1 && ["upcoming", "recurring", "unconfirmed"].includes(query.status[0]!);
  return [{ field: "startTime" as const, order: forwards ? ("asc" as const) : ("desc" as const) }];
}

/** v2 list filters → the one list service; `apiVersion` is the request's cal-api-version header. */
export function listQueryFromV2(query: ListQueryV2, apiVersion?: string): BookingListQuery {
  const sort = sortOfV2(query);
  const byCursor = apiVersion === CURSOR_PAGING_VERSION || query.cursor !== undefined;
  if (byCursor && query.skip !== undefined) throw invalidField("skip", "cursor_paging", "With cursor paging (cal-api-version 2026-05-01 or a cursor) send cursor, not skip");
  return {
    status: query.status,
    attendeeEmails: query.attendeeEmail ? [query.attendeeEmail] : undefined,
    attendeeName: query.attendeeName,
    bookingUids: query.bookingUid,
    eventTypeIds: [...(query.eventTypeId ? [query.eventTypeId] : []), ...(query.eventTypeIds ?? [])],
    teamIds: query.teamId !== undefined ? [query.teamId, ...(query.teamsIds ?? [])] : query.teamsIds,
    afterStart: query.afterStart,
    beforeEnd: query.beforeEnd,
    createdAfter: query.afterCreatedAt,
    createdBefore: query.beforeCreatedAt,
    updatedAfter: query.afterUpdatedAt,
    updatedBefore: query.beforeUpdatedAt,
    sort: byCursor ? cursorSort(query, sort) : sort.length ? sort : undefined,
    page: byCursor ? { cursor: query.cursor, take: query.limit ?? query.take ?? 50 } : { skip: query.skip ?? 0, take: query.take ?? query.limit ?? 10 },
  };
}

/** Cal.com's list answer: the bookings and, per paging style, its `pagination` object. */
export function toBookingListV2(page: BookingPage, listQuery: BookingListQuery) {
  const data = page.bookings.map((booking) => toBookingV2(booking));
  if (!("skip" in listQuery.page)) return { status: "success" as const, data, pagination: { nextCursor: page.nextCursor ?? null, hasMore: Boolean(page.nextCursor) } };
  const { skip, take } = listQuery.page;
  const totalItems = page.totalItems ?? 0;
  return {
    status: "success" as const,
    data,
    pagination: {
      totalItems,
      totalItemsExact: page.totalIsExact ?? true,
      remainingItems: Math.max(0, totalItems - skip - data.length),
      returnedItems: data.length,
      itemsPerPage: take,
      currentPage: Math.floor(skip / take) + 1,
      totalPages: Math.ceil(totalItems / take),
      hasNextPage: skip + data.length < totalItems,
      hasPreviousPage: skip > 0,
    },
  };
}
