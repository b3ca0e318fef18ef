import type { Prisma } from "@slotbase/prisma";
import { forbidden, ForbiddenError, notFound, NotFoundError } from "../errors/domain-errors";
import type { Access } from "./access";
import { assertBooking, bookingAccessFields, readableBookingsWhere, type BookingForAccess } from "./booking-rules";
import { assertEventType, readableEventTypesWhere } from "./event-type-rules";
import { assertMayActFor, assertOwnedBy } from "./owner-rules";

/**
 * Calendar sources, Cal.com's two resources about a user's external calendars: where bookings
 * are written (destination calendars) and which calendars are read for busy time (selected
 * calendars).
 *
 * A destination calendar belongs to exactly one of a user (their default), an event type (its
 * bookings) or a booking, and follows its owner's rules:
 *
 * | owner      | read                                                   | change (and set as owner)                          |
 * |------------|--------------------------------------------------------|----------------------------------------------------|
 * | user       | the user, an unrestricted admin                        | the same (others' only for an unrestricted admin)  |
 * | event type | who reads the event type (a team's accepted members)   | who manages it (its owner, its team's OWNER/ADMIN) |
 * | booking    | who reads the booking (booking-rules.ts)               | its organizer side (host, type owner, team OWNER/ADMIN) |
 *
 * Anyone else does not learn it exists (404); someone who may read but not change gets 403.
 *
 * A selected calendar belongs to one user: that user and an unrestricted admin see and change
 * it; to anyone else it does not exist (404). A team-restricted admin key is, here, a user.
 */
const DESTINATION = "Destination calendar";
const SELECTED = "Selected calendar";

export type CalendarSourceNeed = "read" | "manage";

/** What the rules read from a destination calendar. */
export interface DestinationCalendarForAccess {
  userId: number | null;
  eventType: { userId: number | null; teamId: number | null } | null;
  booking: BookingForAccess | null;
}

/** Prisma select that loads exactly DestinationCalendarForAccess. */
export const destinationCalendarAccessFields = {
  userId: true,
  eventType: { select: { userId: true, teamId: true } },
  booking: { select: bookingAccessFields },
} satisfies Prisma.DestinationCalendarSelect;

/** Whose a destination calendar is: its event type's, else its booking's, else its user's. */
export type DestinationOwnerKind = "eventType" | "booking" | "user";

export function destinationOwnerKind(row: { eventTypeId: number | null; bookingId: number | null }): DestinationOwnerKind {
  return row.eventTypeId !== null ? "eventType" : row.bookingId !== null ? "booking" : "user";
}

/** A rule's 404 about the owner, told as a 404 about the destination calendar (its 403 stays). */
function asDestination(check: () => unknown): void {
  try {
    check();
  } catch (error) {
    if (error instanceof NotFoundError) throw notFound(DESTINATION);
    throw error;
  }
}

/** 404 unless the caller may see the destination calendar; 403 when they may see it but `need` is manage. */
export function assertDestinationCalendar(access: Access, row: DestinationCalendarForAccess | null, need: CalendarSourceNeed): void {
  if (!row) throw notFound(DESTINATION);
  if (row.eventType) return asDestination(() => assertEventType(access, row.eventType!, need));
  if (row.booking) return asDestination(() => assertBooking(access, row.booking, need));
  // A row without any owner (never written by the API) is an unrestricted admin's to clean up.
  if (row.userId === null && access.seesEverything) return;
  assertOwnedBy(access, row.userId, DESTINATION);
}

/** Prisma `where` for the destination calendars the caller may read (an unrestricted admin: all). */
export function readableDestinationCalendarsWhere(access: Access): Prisma.DestinationCalendarWhereInput {
  if (access.seesEverything) return {};
  return {
    OR: [
      { userId: access.userId, eventTypeId: null, bookingId: null },
      { eventType: readableEventTypesWhere(access) },
      { eventTypeId: null, booking: readableBookingsWhere(access) },
    ],
  };
}

/** A user's own destination calendars: their default, their personal event types', the bookings they host. */
export function destinationCalendarsOfUserWhere(userId: number): Prisma.DestinationCalendarWhereInput {
  return {
    OR: [
      { userId, eventTypeId: null, bookingId: null },
      { eventType: { userId, teamId: null } },
      { eventTypeId: null, booking: { userId } },
    ],
  };
}

/** Setting a user's default destination calendar, or listing a user's: themself, or anyone for an unrestricted admin (403). */
export function assertMayUseDestinationsOf(access: Access, userId: number, message = "Only admins can set or list another user's destination calendars."): void {
  assertMayActFor(access, userId, message);
}

/**
 * Naming an event type as a destination calendar's owner: the caller must manage it. One they
 * cannot see is a 404 naming `eventTypeId`; one they only read (a plain team member) a 403.
 */
export function assertMayTargetEventType(access: Access, eventType: { userId: number | null; teamId: number | null } | null, eventTypeId: number): void {
  const missing = () => notFound("Event type", { field: "eventTypeId", rule: "not_found", message: `No event type ${eventTypeId} you may see` });
  if (!eventType) throw missing();
  try {
    assertEventType(access, eventType, "manage");
  } catch (error) {
    if (error instanceof NotFoundError) throw missing();
    if (error instanceof ForbiddenError) {
      const message = "Only the event type's owner or an OWNER/ADMIN of its team can set its destination calendar.";
      throw forbidden(message, { field: "eventTypeId", rule: "forbidden", message });
    }
    throw error;
  }
}

/**
 * Naming a booking as a destination calendar's owner: the caller must be on its organizer side.
 * One they cannot see is a 404 naming `bookingId`; an attendee or booker gets 403.
 */
export function assertMayTargetBooking(access: Access, booking: BookingForAccess | null): void {
  assertBooking(access, booking, "manage", { what: "Booking", field: "bookingId" });
}

// Selected calendars ---------------------------------------------------------------------

/** 404 unless the selected calendars of `userId` are the caller's (or they are an unrestricted admin). */
export const assertSelectedCalendarsVisible = (access: Access, userId: number) => assertOwnedBy(access, userId, SELECTED);

/** Prisma `where` on `userId` for the selected calendars the caller may see. */
export function visibleSelectedCalendarsWhere(access: Access): { userId?: number } {
  return access.seesEverything ? {} : { userId: access.userId };
}

/** Selecting, moving or listing another user's calendars: unrestricted admins only (403). */
export function assertMayUseSelectedCalendarsOf(access: Access, userId: number, message = "Only admins can select or list another user's calendars."): void {
  assertMayActFor(access, userId, message);
}

/**
 * Whether a user's availability (GET /v1/availability) shows their selected calendars: to
 * whoever may read those calendars themselves (the user, an unrestricted admin). Everyone else
 * sees when the user is busy, not which calendars are read.
 */
export function seesSelectedCalendarsOf(access: Access, userId: number): boolean {
  return access.seesEverything || access.userId === userId;
}
