import { minutesBetween } from "@slotbase/scheduling";
import type { BookingListQuery, BookingRecord } from "@slotbase/features";
import type { z } from "zod";
import type { BookingReferenceV2, BookingV2 } from "../schemas/bookings-v2";

const asObject = (value: unknown): Record<string, unknown> => (value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
const isUrl = (value: string | null) => (value !== null && /^https?:\/\//.test(value) ? value : null);

/** v2: lower-case statuses, `start`/`end`, hosts and attendees (absent = no-show). */
export function toBookingV2(booking: BookingRecord): z.infer<typeof BookingV2> {
  return {
    id: booking.id,
    uid: booking.uid,
    title: booking.title,
    description: booking.description,
    start: booking.startTime.toISOString(),
    end: booking.endTime.toISOString(),
    duration: minutesBetween(booking.startTime, booking.endTime),
    status: booking.status.toLowerCase() as z.infer<typeof BookingV2>["status"],
    eventTypeId: booking.eventTypeId,
    eventType: booking.eventType ? { id: booking.eventType.id, slug: booking.eventType.slug } : null,
    attendees: booking.attendees.map((a) => ({ name: a.name, email: a.email, timeZone: a.timeZone, language: a.locale, phoneNumber: a.phoneNumber, absent: a.noShow })),
    hosts: booking.user ? [{ id: booking.user.id, name: booking.user.name, email: booking.user.email, username: booking.user.username, timeZone: booking.user.timeZone }] : [],
    location: booking.location,
    meetingUrl: isUrl(booking.location),
    metadata: asObject(booking.metadata),
    bookingFieldsResponses: asObject(booking.responses),
    cancellationReason: booking.cancellationReason,
    rejectionReason: booking.rejectionReason,
    rescheduledFromUid: booking.fromReschedule,
    rescheduledToUid: booking.rescheduledToUid,
    absentHost: booking.noShowHost ?? false,
    createdAt: booking.createdAt.toISOString(),
    updatedAt: booking.updatedAt?.toISOString() ?? null,
  };
}

export const successV2 = <T>(data: T) => ({ status: "success" as const, data });

export function toBookingReferenceV2(reference: BookingRecord["references"][number]): z.infer<typeof BookingReferenceV2> {
  return { id: reference.id, type: reference.type, uid: reference.uid, meetingId: reference.meetingId, meetingUrl: reference.meetingUrl, externalCalendarId: reference.externalCalendarId };
}

type ListQueryV2 = z.infer<typeof import("../schemas/bookings-v2").BookingListQueryV2>;

/** v2 list filters → the one list service. */
export function listQueryFromV2(query: ListQueryV2): BookingListQuery {
  const sort: NonNullable<BookingListQuery["sort"]> = [];
  if (query.sortStart) sort.push({ field: "startTime", order: query.sortStart });
  if (query.sortEnd) sort.push({ field: "endTime", order: query.sortEnd });
  if (query.sortCreated) sort.push({ field: "createdAt", order: query.sortCreated });
  return {
    status: query.status,
    attendeeEmails: query.attendeeEmail ? [query.attendeeEmail] : undefined,
    attendeeName: query.attendeeName,
    eventTypeIds: [...(query.eventTypeId ? [query.eventTypeId] : []), ...(query.eventTypeIds ?? [])],
    teamIds: query.teamId !== undefined ? [query.teamId, ...(query.teamsIds ?? [])] : query.teamsIds,
    afterStart: query.afterStart,
    beforeEnd: query.beforeEnd,
    sort: sort.length ? sort : undefined,
    skip: query.skip,
    take: query.take,
  };
}
