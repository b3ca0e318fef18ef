import { getPrisma, type Prisma } from "@slotbase/prisma";
import type { AuthContext } from "../auth/auth-context";
import { conflict } from "../errors/domain-errors";
import { accessOf } from "../access/access";
import { assertBooking } from "../access/booking-rules";
import { loadBookingRecord, type BookingRecord } from "./booking-record";

/**
 * The two booking operations only the v1 surface has (Cal.com v1 PATCH and DELETE
 * /bookings/{id}). Both are for the organizer's side (host, event type owner, team
 * OWNER/ADMIN, admin): an attendee or booker gets 403, anyone else 404.
 */

export interface BookingDetailsChange {
  title?: string;
  description?: string | null;
  location?: string | null;
  /** Replaces the metadata as a whole. */
  metadata?: Record<string, unknown>;
}

const ACTIVE = ["ACCEPTED", "PENDING"] as const;

async function managedBooking(auth: AuthContext, key: { id: number }): Promise<BookingRecord> {
  const [access, booking] = await Promise.all([accessOf(auth), loadBookingRecord(key)]);
  assertBooking(access, booking, "manage");
  return booking;
}

/**
 * Edits what describes a booking, never its time or status (reschedule, cancel and confirm
 * do those). A change the attendees' calendars show (title, description, location) moves
 * the calendar event's SEQUENCE on; metadata alone does not. Cancelled or declined
 * bookings are history: 409.
 */
export async function updateBookingDetails(auth: AuthContext, key: { id: number }, change: BookingDetailsChange): Promise<BookingRecord> {
  const booking = await managedBooking(auth, key);
  if (!(ACTIVE as readonly string[]).includes(booking.status)) {
    throw conflict(`A ${booking.status.toLowerCase()} booking cannot be changed.`);
  }
  const visible = change.title !== undefined || change.description !== undefined || change.location !== undefined;
  const data: Prisma.BookingUpdateManyMutationInput = {
    ...(change.title !== undefined ? { title: change.title } : {}),
    ...(change.description !== undefined ? { description: change.description } : {}),
    ...(change.location !== undefined ? { location: change.location } : {}),
    ...(change.metadata !== undefined ? { metadata: change.metadata as Prisma.InputJsonObject } : {}),
    ...(visible ? { iCalSequence: { increment: 1 } } : {}),
  };
  const prisma = await getPrisma();
  const { count } = await prisma.booking.updateMany({ where: { id: booking.id, status: { in: [...ACTIVE] } }, data });
  if (count === 0) throw conflict("This booking was changed meanwhile; fetch it again.");
  return loadBookingRecord({ id: booking.id });
}
