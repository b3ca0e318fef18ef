import { minutesBetween } from "@slotbase/scheduling";
import { type BookingCreateInput, type TeamSummary, type BookingListQuery, type BookingRecord } from "@slotbase/features";
import type { z } from "zod";
import type { ListPaging } from "../validation/list-query";
import { PAGE_SIZE_MAX } from "../validation/common";
import type { BookingCreateBodyV1, BookingListQueryV1, BookingV1 } from "../schemas/bookings-v1";

const asObject = (value: unknown): Record<string, unknown> => (value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

/** v1 (Cal.com v1): upper-case status, startTime/endTime, the host as `user`. */
export function toBookingV1(booking: BookingRecord, options: { teams?: Map<number, TeamSummary> } = {}): z.infer<typeof BookingV1> {
  const eventType = booking.eventType;
  const team = eventType?.teamId ? (options.teams?.get(eventType.teamId) ?? null) : null;
  return {
    ...(options.teams ? { eventType: eventType ? { id: eventType.id, slug: eventType.slug, title: eventType.title, team } : null } : {}),
    id: booking.id,
    uid: booking.uid,
    userId: booking.userId,
    eventTypeId: booking.eventTypeId,
    title: booking.title,
    description: booking.description,
    startTime: booking.startTime,
    endTime: booking.endTime,
    ...(booking.user ? { timeZone: booking.user.timeZone } : {}),
    attendees: booking.attendees.map((a) => ({ id: a.id, email: a.email, name: a.name, timeZone: a.timeZone, locale: a.locale, bookingId: a.bookingId, noShow: a.noShow })),
    user: booking.user ? { id: booking.user.id, name: booking.user.name, email: booking.user.email, username: booking.user.username, timeZone: booking.user.timeZone } : null,
    metadata: asObject(booking.metadata),
    responses: asObject(booking.responses),
    location: booking.location,
    status: booking.status,
    paid: booking.paid,
    cancellationReason: booking.cancellationReason,
    rejectionReason: booking.rejectionReason,
    fromReschedule: booking.fromReschedule,
    rescheduled: booking.rescheduled,
    noShowHost: booking.noShowHost,
    createdAt: booking.createdAt,
    updatedAt: booking.updatedAt,
    references: booking.references.map(({ meetingPassword: _secret, ...reference }) => reference),
  };
}

/** v1 list filters → the one list service (page → skip). */
export function listQueryFromV1(query: z.infer<typeof BookingListQueryV1>, paging: ListPaging): BookingListQuery {
  const eventTypeIds = [...(query.eventTypeId !== undefined ? [query.eventTypeId] : []), ...(query.eventTypeIds ?? [])];
  return {
    status: query.status ? [query.status] : undefined,
    attendeeEmails: query.attendeeEmail?.length ? query.attendeeEmail : undefined,
    attendeeName: query.attendeeName,
    eventTypeIds: eventTypeIds.length ? eventTypeIds : undefined,
    afterStart: query.dateFrom,
    beforeEnd: query.dateTo,
    userId: query.userId,
    sort: [{ field: query.sortBy, order: query.order }],
    page: query.cursor !== undefined ? { cursor: query.cursor, take: query.take ?? PAGE_SIZE_MAX } : { skip: (paging.page - 1) * paging.take, take: paging.take },
    withTeams: query.expand?.includes("team") === true,
  };
}

type CreateBodyV1 = z.infer<typeof BookingCreateBodyV1>;

function attendeeName(body: CreateBodyV1): string {
  if (body.name !== undefined) return body.name;
  const name = body.responses?.name;
  if (typeof name === "string") return name;
  return [name!.firstName, name!.lastName].filter(Boolean).join(" ");
}

function responsesLocation(body: CreateBodyV1): string | undefined {
  const location = body.responses?.location;
  if (location === undefined || typeof location === "string") return location;
  return location.optionValue?.trim() ? location.optionValue.trim() : location.value;
}

/**
 * A Cal.com v1 create body → the one create service. The attendee's name and email come
 * from the top level or from `responses`; the stored responses always carry both.
 */
export function createInputFromV1(body: CreateBodyV1): BookingCreateInput {
  const name = attendeeName(body);
  const email = (body.email ?? body.responses!.email!).toLowerCase();
  const guests = [...(body.guests ?? []), ...(body.responses?.guests ?? [])];
  return {
    eventTypeId: body.eventTypeId,
    start: body.start,
    lengthInMinutes: body.end ? minutesBetween(body.start, body.end) : undefined,
    attendee: { name, email, timeZone: body.timeZone, locale: body.language },
    guests: guests.length ? guests : undefined,
    location: body.location ?? responsesLocation(body) ?? null,
    title: body.title,
    description: body.description ?? null,
    metadata: body.metadata,
    responses: { name, email, ...body.responses },
    reservationUid: body.reservationUid,
  };
}
