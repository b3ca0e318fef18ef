import { getPrisma, type BookingReferenceModel } from "@slotbase/prisma";
import type { AuthContext } from "../auth/auth-context";
import { notFound } from "../errors/http-error";
import { isRecordNotFound } from "../errors/database-errors";
import { toSkipTake, type PageRequest } from "../common/pagination";
import { viewerOf, type Viewer } from "../bookings/booking-access";
import {
  assertCanManage,
  assertCanRead,
  bookingAccessSelect,
  bookingToChange,
  canManage,
  onVisibleBooking,
  roleOnRow,
  type AccessBooking,
  type Db,
} from "../attendees/booking-child-access";

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

type RowWithBooking = BookingReferenceModel & { booking: AccessBooking | null };

function present(viewer: Viewer, row: RowWithBooking): PublicBookingReference {
  const { booking, meetingPassword, ...reference } = row;
  return canManage(roleOnRow(viewer, booking)) ? { ...reference, meetingPassword } : reference;
}

/** Deleted by someone else in between: a 404, never a 500. */
const gone = (error: unknown): never => {
  throw isRecordNotFound(error) ? notFound("Booking reference") : error;
};

const withBooking = { booking: { select: bookingAccessSelect } } as const;

async function referenceToChange(db: Db, viewer: Viewer, id: number): Promise<RowWithBooking> {
  const row = await db.bookingReference.findUnique({ where: { id }, include: withBooking });
  if (!row) throw notFound("Booking reference");
  assertCanManage(viewer, row.booking, "Booking reference");
  return row;
}

export async function listBookingRefs(auth: AuthContext, query: PageRequest & BookingReferenceFilter): Promise<PublicBookingReference[]> {
  const viewer = await viewerOf(auth);
  const prisma = await getPrisma();
  const rows = await prisma.bookingReference.findMany({
    where: onVisibleBooking(viewer, query.bookingId),
    include: withBooking,
    orderBy: { id: "asc" },
    ...toSkipTake(query),
  });
  return rows.map((row) => present(viewer, row));
}

export async function getBookingRef(auth: AuthContext, id: number): Promise<PublicBookingReference> {
  const viewer = await viewerOf(auth);
  const prisma = await getPrisma();
  const row = await prisma.bookingReference.findUnique({ where: { id }, include: withBooking });
  if (!row) throw notFound("Booking reference");
  assertCanRead(viewer, row.booking, "Booking reference");
  return present(viewer, row);
}

export async function createBookingRef(auth: AuthContext, input: BookingReferenceCreateInput): Promise<PublicBookingReference> {
  const viewer = await viewerOf(auth);
  const prisma = await getPrisma();
  return prisma.$transaction(async (db) => {
    const { booking } = await bookingToChange(db, viewer, { id: input.bookingId }, "body.bookingId");
    const row = await db.bookingReference.create({ data: { ...input, bookingId: booking.id } });
    return present(viewer, { ...row, booking });
  });
}

export async function updateBookingRef(auth: AuthContext, id: number, input: BookingReferenceUpdateInput): Promise<PublicBookingReference> {
  const viewer = await viewerOf(auth);
  const prisma = await getPrisma();
  return prisma.$transaction(async (db) => {
    const { booking } = await referenceToChange(db, viewer, id);
    const row = await db.bookingReference.update({ where: { id }, data: input }).catch(gone);
    return present(viewer, { ...row, booking });
  });
}

export async function deleteBookingRef(auth: AuthContext, id: number): Promise<void> {
  const viewer = await viewerOf(auth);
  const prisma = await getPrisma();
  await prisma.$transaction(async (db) => {
    await referenceToChange(db, viewer, id);
    await db.bookingReference.delete({ where: { id } }).catch(gone);
  });
}
