import { getPrisma, type BookingReferenceModel } from "@slotbase/prisma";
import type { AuthContext } from "../auth/auth-context";
import { accessOf, type Access } from "../access/access";
import { bookingRole, mayOnBooking, readableBookingIds } from "../access/booking-rules";
import { notFound } from "../errors/domain-errors";
import { isRecordNotFound } from "../errors/database-errors";
import type { Page, PageRequest } from "../common/pagination";
import { childRowIds, onBooking } from "../bookings/booking-child-lists";
import { assertOnRowBooking, bookingToChange, childBookingSelect, type ChildBooking, type Db } from "../bookings/booking-children";

/**
 * v1 booking references: where a booking lives in other systems (a video meeting, a calendar
 * event). Whoever may see the booking reads them; only its organizer side (host, event type
 * owner, team OWNER/ADMIN, system admin) creates, edits and deletes them (an attendee gets
 * 403, anyone else 404). `meetingPassword` is shown only to the organizer side.
 */
export interface BookingReferenceCreateInput {
  bookingId: number;
  type: string;
  uid: string;
  meetingId?: string | null;
  meetingPassword?: string | null;
  meetingUrl?: string | null;
  externalCalendarId?: string | null;
  deleted?: boolean | null;
}

export type BookingReferenceUpdateInput = Partial<Omit<BookingReferenceCreateInput, "bookingId">>;

export interface BookingReferenceFilter {
  bookingId?: number;
}

/** A reference as the caller may see it: without `meetingPassword` unless they manage the booking. */
export type PublicBookingReference = Omit<BookingReferenceModel, "meetingPassword"> & { meetingPassword?: string | null };

type RowWithBooking = BookingReferenceModel & { booking: ChildBooking | null };

function present(access: Access, row: RowWithBooking): PublicBookingReference {
  const { booking, meetingPassword, ...reference } = row;
  const role = booking ? bookingRole(access, booking) : access.seesEverything ? "admin" : null;
  return mayOnBooking(role, "manage") ? { ...reference, meetingPassword } : reference;
}

/** Deleted by someone else in between: a 404, never a 500. */
const gone = (error: unknown): never => {
  throw isRecordNotFound(error) ? notFound("Booking reference") : error;
};

const withBooking = { booking: { select: childBookingSelect } } as const;

async function referenceToChange(db: Db, access: Access, id: number): Promise<RowWithBooking> {
  const row = await db.bookingReference.findUnique({ where: { id }, include: withBooking });
  if (!row) throw notFound("Booking reference");
  assertOnRowBooking(access, row.booking, "manage", "Booking reference");
  return row;
}

export async function listBookingRefs(auth: AuthContext, query: PageRequest & BookingReferenceFilter): Promise<Page<PublicBookingReference>> {
  const access = await accessOf(auth);
  const prisma = await getPrisma();
  const { ids, total, exact } = await childRowIds("BookingReference", readableBookingIds(access), onBooking(query.bookingId), query);
  const rows = ids.length > 0 ? await prisma.bookingReference.findMany({ where: { id: { in: ids } }, include: withBooking, orderBy: { id: "asc" } }) : [];
  return { items: rows.map((row) => present(access, row)), total, exact };
}

export async function getBookingRef(auth: AuthContext, id: number): Promise<PublicBookingReference> {
  const access = await accessOf(auth);
  const prisma = await getPrisma();
  const row = await prisma.bookingReference.findUnique({ where: { id }, include: withBooking });
  if (!row) throw notFound("Booking reference");
  assertOnRowBooking(access, row.booking, "read", "Booking reference");
  return present(access, row);
}

export async function createBookingRef(auth: AuthContext, input: BookingReferenceCreateInput): Promise<PublicBookingReference> {
  const access = await accessOf(auth);
  const prisma = await getPrisma();
  return prisma.$transaction(async (db) => {
    const booking = await bookingToChange(db, access, { id: input.bookingId }, "bookingId");
    const row = await db.bookingReference.create({ data: { ...input, bookingId: booking.id } });
    return present(access, { ...row, booking });
  });
}

export async function updateBookingRef(auth: AuthContext, id: number, input: BookingReferenceUpdateInput): Promise<PublicBookingReference> {
  const access = await accessOf(auth);
  const prisma = await getPrisma();
  return prisma.$transaction(async (db) => {
    const { booking } = await referenceToChange(db, access, id);
    const row = await db.bookingReference.update({ where: { id }, data: input }).catch(gone);
    return present(access, { ...row, booking });
  });
}

export async function deleteBookingRef(auth: AuthContext, id: number): Promise<void> {
  const access = await accessOf(auth);
  const prisma = await getPrisma();
  await prisma.$transaction(async (db) => {
    await referenceToChange(db, access, id);
    await db.bookingReference.delete({ where: { id } }).catch(gone);
  });
}
