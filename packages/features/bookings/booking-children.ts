import type { Prisma } from "@slotbase/prisma";
import type { Access } from "../access/access";
import { assertBooking, assertOrphanRow, bookingAccessFields, type BookingAction, type BookingRole } from "../access/booking-rules";

/**
 * Loading and locking for the rows that hang off a booking (attendees, references, payments,
 * no-shows). Who may do what is decided in access/booking-rules; this file only reads what
 * those rules need, plus what the child services' own rules need.
 */
export type Db = Prisma.TransactionClient;

export const childBookingSelect = {
  id: true,
  uid: true,
  status: true,
  startTime: true,
  endTime: true,
  noShowHost: true,
  ...bookingAccessFields,
  eventType: { select: { userId: true, teamId: true, seatsPerTimeSlot: true, seatsShowAttendees: true } },
} satisfies Prisma.BookingSelect;

export type ChildBooking = Prisma.BookingGetPayload<{ select: typeof childBookingSelect }>;

/** The caller's role for `action` on a child row's booking (a row without one: unrestricted admins only). */
export function assertOnRowBooking(access: Access, booking: ChildBooking | null, action: BookingAction, what: string): BookingRole {
  return booking ? assertBooking(access, booking, action, { what }) : assertOrphanRow(access, what);
}

/** Serialises changes to one booking's rows (PostgreSQL row lock, held until commit). */
export async function lockBooking(db: Db, bookingId: number): Promise<void> {
  await db.$queryRaw`SELECT id FROM "Booking" WHERE id = ${bookingId} FOR UPDATE`;
}

/**
 * The booking an input names (`field`, e.g. bookingId), locked, for a change by its organizer
 * side: 404 naming the field when it does not exist or the caller may not see it, 403 naming
 * it when they may see but not manage it. Strangers are turned away before they can take the
 * lock; the rules are checked again under it.
 */
export async function bookingToChange(db: Db, access: Access, where: { id: number } | { uid: string }, field: string): Promise<ChildBooking> {
  const first = await db.booking.findUnique({ where, select: childBookingSelect });
  assertBooking(access, first, "manage", { field });
  await lockBooking(db, first!.id);
  const locked = await db.booking.findUnique({ where: { id: first!.id }, select: childBookingSelect });
  assertBooking(access, locked, "manage", { field });
  return locked!;
}
