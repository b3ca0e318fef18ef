import { getPrisma, type AttendeeModel } from "@slotbase/prisma";
import type { AuthContext } from "../auth/auth-context";
import { accessOf, type Access } from "../access/access";
import { readableBookingIds, visibleAttendeeCondition, visibleAttendees } from "../access/booking-rules";
import { conflict, notFound } from "../errors/domain-errors";
import { isRecordNotFound } from "../errors/database-errors";
import type { Page, PageRequest } from "../common/pagination";
import { childRowIds, onBooking } from "../bookings/booking-child-lists";
import { assertOnRowBooking, bookingToChange, childBookingSelect, lockBooking, type Db } from "../bookings/booking-children";

/**
 * v1 attendees: the people booked with a booking's host. Whoever may see the booking (its
 * host, its attendees, its event type's owner, an OWNER/ADMIN of the event type's team, a
 * system admin) reads them; only the organizer side adds, edits and removes them (an attendee
 * gets 403, anyone else 404). A booking keeps at least one attendee; a seated booking takes no
 * more attendees than its event type has seats. No-show flags change through /v1/no-show only.
 */
export interface AttendeeCreateInput {
  bookingId: number;
  email: string;
  name: string;
  timeZone: string;
  locale?: string | null;
  phoneNumber?: string | null;
}

export type AttendeeUpdateInput = Partial<Omit<AttendeeCreateInput, "bookingId">>;

export interface AttendeeFilter {
  bookingId?: number;
}

const emailOnBooking = (email: string) =>
  conflict(`${email} is already an attendee of this booking.`, [
    { field: "email", rule: "unique", message: "Already an attendee of this booking" },
  ]);

/** Deleted by someone else in between: a 404, never a 500. */
const gone = (error: unknown): never => {
  throw isRecordNotFound(error) ? notFound("Attendee") : error;
};

async function assertEmailFree(db: Db, bookingId: number, email: string, exceptId?: number): Promise<void> {
  const clash = await db.attendee.findFirst({
    where: { bookingId, email: { equals: email, mode: "insensitive" }, ...(exceptId !== undefined ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw emailOnBooking(email);
}

async function findAttendee(db: Db, id: number) {
  return db.attendee.findUnique({ where: { id }, include: { booking: { select: childBookingSelect } } });
}

/** The attendee, locked on its booking, for a change by the organizer side (404 / 403 otherwise). */
async function attendeeToChange(db: Db, access: Access, id: number): Promise<AttendeeModel> {
  const first = await findAttendee(db, id);
  if (!first) throw notFound("Attendee");
  assertOnRowBooking(access, first.booking, "manage", "Attendee");
  if (first.bookingId !== null) await lockBooking(db, first.bookingId);
  const row = first.bookingId !== null ? await findAttendee(db, id) : first;
  if (!row) throw notFound("Attendee");
  assertOnRowBooking(access, row.booking, "manage", "Attendee");
  const { booking: _booking, ...attendee } = row;
  return attendee;
}

export async function listAttendees(auth: AuthContext, query: PageRequest & AttendeeFilter): Promise<Page<AttendeeModel>> {
  const access = await accessOf(auth);
  const prisma = await getPrisma();
  const visible = visibleAttendeeCondition(access);
  const { ids, total, exact } = await childRowIds("Attendee", readableBookingIds(access), [...(visible ? [visible] : []), ...onBooking(query.bookingId)], query);
  const items = ids.length > 0 ? await prisma.attendee.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } }) : [];
  return { items, total, exact };
}

export async function getAttendee(auth: AuthContext, id: number): Promise<AttendeeModel> {
  const access = await accessOf(auth);
  const prisma = await getPrisma();
  const row = await findAttendee(prisma, id);
  if (!row) throw notFound("Attendee");
  assertOnRowBooking(access, row.booking, "read", "Attendee");
  // Another seat's attendee of a seated booking is not theirs to see.
  if (row.booking && !visibleAttendees(access, row.booking).some((a) => a.email.toLowerCase() === row.email.toLowerCase())) throw notFound("Attendee");
  const { booking: _booking, ...attendee } = row;
  return attendee;
}

export async function createAttendee(auth: AuthContext, input: AttendeeCreateInput): Promise<AttendeeModel> {
  const access = await accessOf(auth);
  const prisma = await getPrisma();
  const email = input.email.toLowerCase();
  return prisma.$transaction(async (db) => {
    const booking = await bookingToChange(db, access, { id: input.bookingId }, "bookingId");
    await assertEmailFree(db, booking.id, email);
    const seats = booking.eventType?.seatsPerTimeSlot ?? null;
    if (seats !== null && booking.attendees.length >= seats) {
      throw conflict(`All ${seats} seats of this booking are taken.`, [{ field: "bookingId", rule: "seats_full", message: "No seat left" }]);
    }
    return db.attendee.create({ data: { ...input, email, bookingId: booking.id } });
  });
}

export async function updateAttendee(auth: AuthContext, id: number, input: AttendeeUpdateInput): Promise<AttendeeModel> {
  const access = await accessOf(auth);
  const prisma = await getPrisma();
  const email = input.email?.toLowerCase();
  return prisma.$transaction(async (db) => {
    const attendee = await attendeeToChange(db, access, id);
    if (email !== undefined && attendee.bookingId !== null) await assertEmailFree(db, attendee.bookingId, email, attendee.id);
    return db.attendee.update({ where: { id }, data: { ...input, ...(email !== undefined ? { email } : {}) } }).catch(gone);
  });
}

export async function deleteAttendee(auth: AuthContext, id: number): Promise<void> {
  const access = await accessOf(auth);
  const prisma = await getPrisma();
  await prisma.$transaction(async (db) => {
    const attendee = await attendeeToChange(db, access, id);
    if (attendee.bookingId !== null && (await db.attendee.count({ where: { bookingId: attendee.bookingId } })) <= 1) {
      throw conflict("A booking keeps at least one attendee: add another before removing this one, or cancel the booking.", [
        { rule: "last_attendee", message: "This is the booking's last attendee" },
      ]);
    }
    await db.attendee.delete({ where: { id } }).catch(gone);
  });
}
