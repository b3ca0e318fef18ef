import type { Prisma } from "@slotbase/prisma";
import { forbidden, HttpError, notFound, type ErrorDetail } from "../errors/http-error";
import { roleOn, visibleBookingsWhere, type BookingRole, type Viewer } from "../bookings/booking-access";

/**
 * Access to the rows that hang off a booking (attendees, booking references, payments) and to
 * booking-level actions like no-show, built on the booking's own rules (bookings/booking-access):
 * whoever may see the booking reads them; only its organizer side (host, event type owner, team
 * OWNER/ADMIN, system admin) changes them; an attendee gets 403; anyone else 404.
 */
export type Db = Prisma.TransactionClient;

/** What the access rules and the child resources' own rules read from a booking. */
export const bookingAccessSelect = {
  id: true,
  uid: true,
  userId: true,
  status: true,
  startTime: true,
  endTime: true,
  noShowHost: true,
  eventType: { select: { userId: true, teamId: true, seatsPerTimeSlot: true } },
  attendees: { select: { email: true } },
} satisfies Prisma.BookingSelect;

export type AccessBooking = Prisma.BookingGetPayload<{ select: typeof bookingAccessSelect }>;

/** A system admin whose key is not restricted to one team sees every booking. */
export const seesEveryBooking = (viewer: Viewer) => viewer.auth.isAdmin && viewer.auth.teamId === null;

const MANAGE_ONLY = "Only the booking's host, its event type's owner, an OWNER/ADMIN of its team or an admin can do this.";

export const canManage = (role: BookingRole | null): boolean => role !== null && role !== "attendee";

/** The viewer's role on a child row's booking (a row without a booking: system admins only). */
export function roleOnRow(viewer: Viewer, booking: AccessBooking | null): BookingRole | null {
  if (!booking) return seesEveryBooking(viewer) ? "admin" : null;
  return roleOn(viewer, booking);
}

/** Prisma `where` for child rows the viewer may read, optionally of one booking. */
export function onVisibleBooking(viewer: Viewer, bookingId?: number): { booking?: Prisma.BookingWhereInput; bookingId?: number } {
  return {
    ...(seesEveryBooking(viewer) ? {} : { booking: visibleBookingsWhere(viewer) }),
    ...(bookingId !== undefined ? { bookingId } : {}),
  };
}

/** Read access to a child row: 404 (as `what`) unless the viewer may see its booking. */
export function assertCanRead(viewer: Viewer, booking: AccessBooking | null, what: string): BookingRole {
  const role = roleOnRow(viewer, booking);
  if (!role) throw notFound(what);
  return role;
}

/** Change access to a child row: 404 (as `what`) for strangers, 403 for an attendee. */
export function assertCanManage(viewer: Viewer, booking: AccessBooking | null, what: string): BookingRole {
  const role = assertCanRead(viewer, booking, what);
  if (!canManage(role)) throw forbidden(MANAGE_ONLY);
  return role;
}

const bookingMissing = (field: string) =>
  new HttpError("not_found", "Booking not found.", {
    details: [{ field, rule: "exists", message: "No such booking, or not one you may see" } satisfies ErrorDetail],
  });

/** Serialises changes to one booking's rows (PostgreSQL row lock, held until commit). */
export async function lockBooking(db: Db, bookingId: number): Promise<void> {
  await db.$queryRaw`SELECT id FROM "Booking" WHERE id = ${bookingId} FOR UPDATE`;
}

/**
 * The booking a body names (`field`, e.g. body.bookingId), locked, for a change by the organizer
 * side: 404 naming the field when it does not exist or the viewer may not see it, 403 naming it
 * for an attendee.
 */
export async function bookingToChange(db: Db, viewer: Viewer, where: { id: number } | { uid: string }, field: string): Promise<{ booking: AccessBooking; role: BookingRole }> {
  const check = (booking: AccessBooking | null): { booking: AccessBooking; role: BookingRole } => {
    const role = booking ? roleOn(viewer, booking) : null;
    if (!booking || !role) throw bookingMissing(field);
    if (!canManage(role)) throw new HttpError("forbidden", MANAGE_ONLY, { details: [{ field, rule: "forbidden", message: MANAGE_ONLY }] });
    return { booking, role };
  };
  // Strangers are turned away before they can take the lock; the rules are checked again under it.
  const { booking } = check(await db.booking.findUnique({ where, select: bookingAccessSelect }));
  await lockBooking(db, booking.id);
  return check(await db.booking.findUnique({ where: { id: booking.id }, select: bookingAccessSelect }));
}
