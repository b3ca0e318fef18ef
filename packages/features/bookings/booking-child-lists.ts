import { getPrisma, Prisma } from "@slotbase/prisma";
import { LIST_COUNT_LIMIT, toSkipTake, type OffsetRequest, type PageRequest } from "../common/pagination";

/** Tables of rows that hang off a booking and are listed by id. */
export type BookingChildTable = "Attendee" | "BookingReference" | "Payment";

const TABLE: Record<BookingChildTable, Prisma.Sql> = {
  Attendee: Prisma.raw(`"Attendee"`),
  BookingReference: Prisma.raw(`"BookingReference"`),
  Payment: Prisma.raw(`"Payment"`),
};

/**
 * One page of the ids of `table`'s rows `c` on the bookings `readable` selects (null: every
 * row, orphans included) that meet `conditions`, in id order, with their count up to
 * LIST_COUNT_LIMIT. The rows are reached from the readable bookings through the
 * (bookingId) index, so a page costs what the caller may see, not what the table holds.
 */
export async function childRowIds(
  table: BookingChildTable,
  readable: Prisma.Sql | null,
  conditions: Prisma.Sql[],
  request: PageRequest | OffsetRequest,
): Promise<{ ids: number[]; total: number; exact: boolean }> {
  const { skip, take } = toSkipTake(request);
  const from = readable ? Prisma.sql`(${readable}) r JOIN ${TABLE[table]} c ON c."bookingId" = r.id` : Prisma.sql`${TABLE[table]} c`;
  const where = conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const prisma = await getPrisma();
  const [rows, [counted]] = await Promise.all([
    prisma.$queryRaw<{ id: number }[]>(Prisma.sql`SELECT c.id FROM ${from} ${where} ORDER BY c.id LIMIT ${take} OFFSET ${skip}`),
    prisma.$queryRaw<{ n: number }[]>(Prisma.sql`SELECT count(*)::int AS n FROM (SELECT c.id FROM ${from} ${where} LIMIT ${LIST_COUNT_LIMIT + 1}) x`),
  ]);
  const total = counted?.n ?? 0;
  return { ids: rows.map((row) => row.id), total: Math.min(total, LIST_COUNT_LIMIT), exact: total <= LIST_COUNT_LIMIT };
}

/** A filter on the row's booking, when the client sent one. */
export const onBooking = (bookingId: number | undefined): Prisma.Sql[] => (bookingId !== undefined ? [Prisma.sql`c."bookingId" = ${bookingId}`] : []);
