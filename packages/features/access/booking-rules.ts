import { Prisma } from "@slotbase/prisma";
import { forbidden, notFound, type FieldIssue } from "../errors/domain-errors";
import type { Access } from "./access";
import { canManageTeam, managedTeamIds } from "./team-rules";

/**
 * Who may do what with a booking (Cal.com's rules, without its leaks). The caller's strongest
 * role on it decides:
 *
 * | role         | who                                                     | read | cancel, reschedule | manage |
 * |--------------|---------------------------------------------------------|------|--------------------|--------|
 * | `admin`      | a system admin with an unrestricted key                 | yes  | yes                | yes    |
 * | `host`       | the booking's organizer                                 | yes  | yes                | yes    |
 * | `owner`      | the owner of its (personal) event type                  | yes  | yes                | yes    |
 * | `team-admin` | an OWNER/ADMIN of its event type's team (or a system admin whose key is restricted to that team) | yes | yes | yes |
 * | `attendee`   | a user whose CONFIRMED email is one of its attendees'   | yes  | yes (a seat: only their own) | 403 |
 * | `booker`     | the user whose key made it, or took one of its seats (a booking page, a CRM) | yes | yes (a seat: only those they hold or took) | 403 |
 *
 * "manage" is everything that changes the booking itself or its child rows: confirm, decline,
 * location, absences, reassign, references, payments, attendees. Anyone without a role gets
 * a 404: they do not learn that the booking exists.
 */
export type BookingRole = "admin" | "host" | "owner" | "team-admin" | "attendee" | "booker";
export type BookingAction = "read" | "cancel" | "reschedule" | "manage";

/** An attendee as the rules read it: their email, and who took their seat (seated bookings). */
export interface AttendeeForAccess {
  email: string;
  bookingSeat?: { bookedById: number | null } | null;
}

/** What the rules read from a booking. */
export interface BookingForAccess {
  userId: number | null;
  bookedById: number | null;
  eventType: { userId: number | null; teamId: number | null } | null;
  attendees: AttendeeForAccess[];
}

/** Prisma select that loads exactly BookingForAccess. */
export const bookingAccessFields = {
  userId: true,
  bookedById: true,
  eventType: { select: { userId: true, teamId: true } },
  attendees: { select: { email: true, bookingSeat: { select: { bookedById: true } } } },
} satisfies Prisma.BookingSelect;

/** The attendees whose seat the caller holds (their confirmed email) or took (with their key). */
export function ownSeats<A extends AttendeeForAccess>(access: Access, attendees: A[]): A[] {
  return attendees.filter(
    (attendee) => attendee.bookingSeat?.bookedById === access.userId || (access.confirmedEmail !== null && attendee.email.toLowerCase() === access.confirmedEmail),
  );
}

export function bookingRole(access: Access, booking: BookingForAccess): BookingRole | null {
  if (access.seesEverything) return "admin";
  if (booking.userId === access.userId) return "host";
  if (booking.eventType?.userId === access.userId) return "owner";
  if (booking.eventType?.teamId != null && canManageTeam(access, booking.eventType.teamId)) return "team-admin";
  const email = access.confirmedEmail;
  if (email !== null && booking.attendees.some((attendee) => attendee.email.toLowerCase() === email)) return "attendee";
  if (booking.bookedById !== null && booking.bookedById === access.userId) return "booker";
  if (booking.attendees.some((attendee) => attendee.bookingSeat?.bookedById === access.userId)) return "booker";
  return null;
}

const ORGANIZER_ROLES: readonly BookingRole[] = ["admin", "host", "owner", "team-admin"];

export function mayOnBooking(role: BookingRole | null, action: BookingAction): boolean {
  if (role === null) return false;
  return action === "manage" ? ORGANIZER_ROLES.includes(role) : true;
}

const MANAGE_ONLY = "Only the booking's host, its event type's owner, an OWNER/ADMIN of its team or an admin can do this.";

/**
 * The caller's role, when they may do `action`: 404 (as `what`, naming `field` when a body
 * named the booking) when they have no role or the booking is missing, 403 when their role
 * does not allow it.
 */
export function assertBooking(
  access: Access,
  booking: BookingForAccess | null,
  action: BookingAction,
  options: { what?: string; field?: string } = {},
): BookingRole {
  const role = booking ? bookingRole(access, booking) : null;
  const issue = (rule: string, message: string): FieldIssue | undefined => (options.field ? { field: options.field, rule, message } : undefined);
  if (role === null) throw notFound(options.what ?? "Booking", issue("exists", "No such booking, or not one you may see"));
  if (!mayOnBooking(role, action)) throw forbidden(MANAGE_ONLY, issue("forbidden", MANAGE_ONLY));
  return role;
}

/** The organizer side's conditions: host, event type owner, OWNER/ADMIN of the event type's team. */
function organizerConditions(access: Access): Prisma.BookingWhereInput[] {
  const or: Prisma.BookingWhereInput[] = [{ userId: access.userId }, { eventType: { userId: access.userId } }];
  const teams = managedTeamIds(access) ?? [];
  if (teams.length > 0) or.push({ eventType: { teamId: { in: teams } } });
  return or;
}

/** Prisma `where` for the bookings the caller may read (an unrestricted admin: all). */
export function readableBookingsWhere(access: Access): Prisma.BookingWhereInput {
  if (access.seesEverything) return {};
  const or: Prisma.BookingWhereInput[] = [
    ...organizerConditions(access),
    { bookedById: access.userId },
    { seats: { some: { bookedById: access.userId } } },
  ];
  if (access.confirmedEmail !== null) or.push({ attendees: { some: { email: access.confirmedEmail } } });
  return { OR: or };
}

/** The organizer side's conditions (organizerConditions) as SQL on the booking `b`, one per role. */
function organizerSources(access: Access): Prisma.Sql[] {
  const user = access.userId;
  const sources = [Prisma.sql`b."userId" = ${user}`, Prisma.sql`b."eventTypeId" IN (SELECT et.id FROM "EventType" et WHERE et."userId" = ${user})`];
  const teams = managedTeamIds(access) ?? [];
  if (teams.length > 0) sources.push(Prisma.sql`b."eventTypeId" IN (SELECT et.id FROM "EventType" et WHERE et."teamId" IN (${Prisma.join(teams)}))`);
  return sources;
}

/**
 * The bookings the caller may read (readableBookingsWhere) as SQL for lists: one condition on
 * the booking `b` per role, each answered by an index of its own (a list unites what they
 * select, so no role's condition makes PostgreSQL read every booking). Null: every booking.
 */
export function readableBookingSources(access: Access): Prisma.Sql[] | null {
  if (access.seesEverything) return null;
  const user = access.userId;
  const sources = [
    ...organizerSources(access),
    Prisma.sql`b."bookedById" = ${user}`,
    Prisma.sql`b.id IN (SELECT s."bookingId" FROM "BookingSeat" s WHERE s."bookedById" = ${user})`,
  ];
  // Attendee emails are stored lowercased: an equality the Attendee(email) index answers.
  if (access.confirmedEmail !== null) sources.push(Prisma.sql`b.id IN (SELECT a."bookingId" FROM "Attendee" a WHERE a.email = ${access.confirmedEmail})`);
  return sources;
}

const idsOf = (sources: Prisma.Sql[]) => Prisma.join(sources.map((source) => Prisma.sql`SELECT b.id FROM "Booking" b WHERE ${source}`), " UNION ");

/** The ids of the bookings the caller may read, as one SELECT (null: every booking). */
export function readableBookingIds(access: Access): Prisma.Sql | null {
  const sources = readableBookingSources(access);
  return sources && idsOf(sources);
}

/**
 * visibleAttendees as SQL on the attendee `c` of a booking the caller may read (null: every
 * attendee): the organizer side sees every seat, and so does everyone on a booking whose event
 * type shows its seats to one another; else only the seats they hold or took.
 */
export function visibleAttendeeCondition(access: Access): Prisma.Sql | null {
  if (access.seesEverything) return null;
  const own = [
    Prisma.sql`c."bookingId" IN (${idsOf(organizerSources(access))})`,
    Prisma.sql`NOT EXISTS (SELECT 1 FROM "Booking" hb JOIN "EventType" het ON het.id = hb."eventTypeId"
      WHERE hb.id = c."bookingId" AND het."seatsPerTimeSlot" IS NOT NULL AND het."seatsShowAttendees" IS NOT TRUE)`,
    Prisma.sql`EXISTS (SELECT 1 FROM "BookingSeat" s WHERE s."attendeeId" = c.id AND s."bookedById" = ${access.userId})`,
  ];
  if (access.confirmedEmail !== null) own.push(Prisma.sql`c.email = ${access.confirmedEmail}`);
  return Prisma.sql`(${Prisma.join(own, " OR ")})`;
}

/**
 * Seated events keep their attendees from one another unless the event type shows them
 * (Cal.com's seatsShowAttendees): an attendee or booker sees only the seats they hold (their
 * confirmed email) or took (BookingSeat.bookedById; right after taking them, `ownIds`); the
 * organizer side sees everyone.
 */
export function visibleAttendees<A extends AttendeeForAccess & { id?: number }>(
  access: Access,
  booking: Omit<BookingForAccess, "attendees"> & {
    attendees: A[];
    eventType: { userId: number | null; teamId: number | null; seatsPerTimeSlot: number | null; seatsShowAttendees: boolean | null } | null;
  },
  ownIds: readonly number[] = [],
): A[] {
  const hidesOthers = Boolean(booking.eventType?.seatsPerTimeSlot) && !booking.eventType?.seatsShowAttendees;
  if (!hidesOthers || mayOnBooking(bookingRole(access, booking), "manage")) return booking.attendees;
  const own = new Set(ownSeats(access, booking.attendees));
  return booking.attendees.filter((attendee) => own.has(attendee) || (attendee.id !== undefined && ownIds.includes(attendee.id)));
}

/** A row without a booking (legacy data): only an unrestricted admin may see it. */
export function assertOrphanRow(access: Access, what: string): BookingRole {
  if (!access.seesEverything) throw notFound(what);
  return "admin";
}

/** Filtering a list by one host: their own bookings, or anyone's for an unrestricted admin. */
export function assertMayFilterByHost(access: Access, userId: number): void {
  if (userId !== access.userId && !access.seesEverything) {
    const message = "Only admins can list another user's bookings.";
    throw forbidden(message, { field: "userId", rule: "forbidden", message });
  }
}

/**
 * A username in a collective request (Cal.com's dynamic group booking) puts that user in the
 * meeting: only users who accept that (User.allowDynamicBooking, on by default as in Cal.com).
 */
export function assertJoinableByUsername(users: { username: string | null; allowDynamicBooking: boolean }[]): void {
  const refusing = users.filter((user) => !user.allowDynamicBooking).map((user) => user.username);
  if (refusing.length > 0) {
    const message = `These users do not accept group bookings by username: ${refusing.join(", ")}.`;
    throw forbidden(message, { field: "usernameList", rule: "dynamic_booking", message });
  }
}

/**
 * The seats a non-organizer gives up when they cancel a seated booking: theirs only, unless
 * they hold every seat (then the booking itself is cancelled: null). The organizer side
 * always cancels the booking (null).
 */
export function seatsToRelease<A extends AttendeeForAccess>(
  access: Access,
  role: BookingRole,
  booking: BookingForAccess & { attendees: A[]; eventType: { seatsPerTimeSlot: number | null } | null },
): A[] | null {
  if (!booking.eventType?.seatsPerTimeSlot || mayOnBooking(role, "manage")) return null;
  const mine = ownSeats(access, booking.attendees);
  if (mine.length === 0) throw forbidden("You hold no seat of this booking.");
  return mine.length < booking.attendees.length ? mine : null;
}

/**
 * The one seat (by its uid) a caller cancels: the organizer side may release anyone's, a seat
 * holder only their own; a seat the caller may not see is not found.
 */
export function seatToRelease<A extends AttendeeForAccess & { bookingSeat?: { referenceUid: string } | null }>(
  access: Access,
  role: BookingRole,
  booking: { attendees: A[] },
  seatUid: string,
): A {
  const seat = booking.attendees.find((attendee) => attendee.bookingSeat?.referenceUid === seatUid);
  const visible = seat && (mayOnBooking(role, "manage") || ownSeats(access, [seat]).length === 1);
  if (!visible) throw notFound("Seat", { field: "seatUid", rule: "exists", message: "No seat of this booking has this uid" });
  return seat;
}

/** Moving a seated booking moves everyone's seat: the organizer side, or someone holding every seat. */
export function assertMayMoveEverySeat(
  access: Access,
  role: BookingRole,
  booking: BookingForAccess & { eventType: { seatsPerTimeSlot: number | null } | null },
): void {
  if (!booking.eventType?.seatsPerTimeSlot || mayOnBooking(role, "manage")) return;
  if (ownSeats(access, booking.attendees).length < booking.attendees.length) {
    throw forbidden("Other people hold seats of this booking: only its organizer can move it. Cancel your seat and book another slot instead.");
  }
}
