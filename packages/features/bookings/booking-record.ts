import { getPrisma, type Prisma } from "@slotbase/prisma";
import type { Db } from "../slots/bookable-event";
import { notFound } from "../errors/domain-errors";

/** Everything the v1 and v2 mappings show of a booking, loaded in one query. */
export const bookingInclude = {
  attendees: { orderBy: { id: "asc" }, include: { bookingSeat: { select: { bookedById: true, referenceUid: true, data: true } } } },
  user: { select: { id: true, name: true, email: true, username: true, timeZone: true } },
  eventType: {
    select: {
      id: true,
      title: true,
      slug: true,
      userId: true,
      teamId: true,
      length: true,
      schedulingType: true,
      seatsPerTimeSlot: true,
      seatsShowAttendees: true,
    },
  },
  references: true,
} satisfies Prisma.BookingInclude;

export type BookingRecord = Prisma.BookingGetPayload<{ include: typeof bookingInclude }> & { rescheduledToUid: string | null };

/** The booking a reschedule created from this one, if any (the link back is `fromReschedule`). */
async function withRescheduleLink<T extends { uid: string; rescheduled: boolean | null }>(db: Db, booking: T): Promise<T & { rescheduledToUid: string | null }> {
  if (!booking.rescheduled) return { ...booking, rescheduledToUid: null };
  const next = await db.booking.findFirst({ where: { fromReschedule: booking.uid }, select: { uid: true }, orderBy: { id: "desc" } });
  return { ...booking, rescheduledToUid: next?.uid ?? null };
}

export async function loadBookingRecord(where: { id: number } | { uid: string }, db?: Db): Promise<BookingRecord> {
  const prisma = db ?? (await getPrisma());
  const booking = await prisma.booking.findUnique({ where, include: bookingInclude });
  if (!booking) throw notFound("Booking");
  return withRescheduleLink(prisma, booking);
}

export async function loadBookingRecords(where: Prisma.BookingWhereInput, page: { skip: number; take: number; orderBy: Prisma.BookingOrderByWithRelationInput[] }): Promise<BookingRecord[]> {
  const prisma = await getPrisma();
  const bookings = await prisma.booking.findMany({ where, include: bookingInclude, ...page });
  const rescheduled = bookings.filter((b) => b.rescheduled).map((b) => b.uid);
  const links = rescheduled.length
    ? await prisma.booking.findMany({ where: { fromReschedule: { in: rescheduled } }, select: { uid: true, fromReschedule: true } })
    : [];
  const next = new Map(links.map((l) => [l.fromReschedule!, l.uid]));
  return bookings.map((b) => ({ ...b, rescheduledToUid: next.get(b.uid) ?? null }));
}
