import { Prisma } from "@slotbase/prisma";
import { LONGEST_BOOKING } from "./booking-overlap-sql";
import type { BookingCursor, BookingSortField, SortOrder } from "./booking-cursor";

/**
 * The SQL of a booking list page: the caller's readable bookings (one source per role, see
 * readableBookingSources) united, filtered and sorted, so that each source is read through an
 * index of its own and the cost of a page grows with what the caller may see, not with the
 * table. An unrestricted admin has one source (every booking) and the (sort field, id)
 * indexes: a page, deep or by cursor, reads only the rows it returns.
 */

export type BookingStatusFilter = "upcoming" | "recurring" | "past" | "cancelled" | "unconfirmed";

export interface BookingFilters {
  status?: BookingStatusFilter[];
  attendeeEmails?: string[];
  attendeeName?: string;
  eventTypeIds?: number[];
  teamIds?: number[];
  bookingUids?: string[];
  recurringEventId?: string;
  afterStart?: Date;
  beforeEnd?: Date;
  createdAfter?: Date;
  createdBefore?: Date;
  updatedAfter?: Date;
  updatedBefore?: Date;
  userId?: number;
}

export interface SortKey {
  field: BookingSortField;
  order: SortOrder;
}

const COLUMN: Record<BookingSortField, Prisma.Sql> = {
  startTime: Prisma.raw(`"startTime"`),
  endTime: Prisma.raw(`"endTime"`),
  createdAt: Prisma.raw(`"createdAt"`),
  updatedAt: Prisma.raw(`"updatedAt"`),
};
const DIRECTION: Record<SortOrder, Prisma.Sql> = { asc: Prisma.raw("ASC"), desc: Prisma.raw("DESC") };

const at = (date: Date) => Prisma.sql`${date.toISOString()}::timestamp`;
const ACTIVE = Prisma.sql`b.status IN ('ACCEPTED', 'PENDING')`;

/**
 * Bookings ending at or after `time`. The redundant bound on the start (no booking is longer
 * than the longest one, read from the hand-written Booking_length_idx) lets a list sorted by
 * start begin its index scan near `time` instead of at the first booking ever made.
 */
const endsFrom = (time: Date) =>
  Prisma.sql`b."endTime" >= ${at(time)} AND b."startTime" >= ${at(time)} - ${LONGEST_BOOKING}`;
/** Bookings ending at or before `time` (so starting before it, which the start index can use). */
const endsBy = (time: Date) => Prisma.sql`b."endTime" <= ${at(time)} AND b."startTime" < ${at(time)}`;

function statusCondition(status: BookingStatusFilter, now: Date): Prisma.Sql {
  switch (status) {
    case "upcoming":
      return Prisma.sql`(${endsFrom(now)} AND ${ACTIVE})`;
    case "recurring":
      return Prisma.sql`(${endsFrom(now)} AND ${ACTIVE} AND b."recurringEventId" IS NOT NULL)`;
    case "past":
      return Prisma.sql`(${endsBy(now)} AND ${ACTIVE})`;
    case "cancelled":
      return Prisma.sql`b.status IN ('CANCELLED', 'REJECTED')`;
    case "unconfirmed":
      return Prisma.sql`(${endsFrom(now)} AND b.status = 'PENDING')`;
  }
}

/** A LIKE pattern matching `text` anywhere, its own wildcards taken literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The filters as conditions on the booking `b` (all must hold). */
export function filterConditions(filters: BookingFilters, now: Date): Prisma.Sql[] {
  const and: Prisma.Sql[] = [];
  if (filters.status?.length) and.push(Prisma.sql`(${Prisma.join(filters.status.map((s) => statusCondition(s, now)), " OR ")})`);
  if (filters.attendeeEmails?.length) {
    const emails = filters.attendeeEmails.map((email) => email.toLowerCase());
    and.push(Prisma.sql`b.id IN (SELECT a."bookingId" FROM "Attendee" a WHERE a.email IN (${Prisma.join(emails)}))`);
  }
  if (filters.attendeeName) {
    and.push(Prisma.sql`EXISTS (SELECT 1 FROM "Attendee" a WHERE a."bookingId" = b.id AND a.name ILIKE ${containing(filters.attendeeName)})`);
  }
  if (filters.eventTypeIds?.length) and.push(Prisma.sql`b."eventTypeId" IN (${Prisma.join(filters.eventTypeIds)})`);
  if (filters.teamIds?.length) and.push(Prisma.sql`b."eventTypeId" IN (SELECT et.id FROM "EventType" et WHERE et."teamId" IN (${Prisma.join(filters.teamIds)}))`);
  if (filters.bookingUids?.length) and.push(Prisma.sql`b.uid IN (${Prisma.join(filters.bookingUids)})`);
  if (filters.recurringEventId !== undefined) and.push(Prisma.sql`b."recurringEventId" = ${filters.recurringEventId}`);
  if (filters.afterStart) and.push(Prisma.sql`b."startTime" >= ${at(filters.afterStart)}`);
  if (filters.beforeEnd) and.push(endsBy(filters.beforeEnd));
  if (filters.createdAfter) and.push(Prisma.sql`b."createdAt" >= ${at(filters.createdAfter)}`);
  if (filters.createdBefore) and.push(Prisma.sql`b."createdAt" <= ${at(filters.createdBefore)}`);
  if (filters.updatedAfter) and.push(Prisma.sql`b."updatedAt" >= ${at(filters.updatedAfter)}`);
  if (filters.updatedBefore) and.push(Prisma.sql`b."updatedAt" <= ${at(filters.updatedBefore)}`);
  if (filters.userId !== undefined) and.push(Prisma.sql`b."userId" = ${filters.userId}`);
  return and;
}

/** Bookings strictly after the cursor in (field, id) order, the order of a cursor page. */
export function afterCursor(sort: SortKey, after: BookingCursor): Prisma.Sql {
  const beyond = Prisma.raw(sort.order === "asc" ? ">" : "<");
  return Prisma.sql`(b.${COLUMN[sort.field]}, b.id) ${beyond} (${at(after.value)}, ${after.id})`;
}

/** One select per source, each with the conditions; united (UNION: a booking several roles reach counts once). */
function unitedSources(sources: Prisma.Sql[] | null, conditions: Prisma.Sql[]): Prisma.Sql {
  const selects = (sources ?? [Prisma.sql`TRUE`]).map(
    (source) =>
      Prisma.sql`SELECT b.id, b."startTime", b."endTime", b."createdAt", b."updatedAt" FROM "Booking" b WHERE ${Prisma.join([source, ...conditions], " AND ")}`,
  );
  return Prisma.join(selects, " UNION ");
}

/** The ids of one page, in order: `sort` then the id in `idOrder`. */
export function pageIdsQuery(
  sources: Prisma.Sql[] | null,
  conditions: Prisma.Sql[],
  sort: SortKey[],
  idOrder: SortOrder,
  page: { skip: number; take: number },
): Prisma.Sql {
  const orderBy = Prisma.join([...sort.map((s) => Prisma.sql`u.${COLUMN[s.field]} ${DIRECTION[s.order]}`), Prisma.sql`u.id ${DIRECTION[idOrder]}`], ", ");
  return Prisma.sql`SELECT u.id FROM (${unitedSources(sources, conditions)}) u ORDER BY ${orderBy} LIMIT ${page.take} OFFSET ${page.skip}`;
}

/** How many bookings match, counting at most `limit + 1` (more than `limit`: the count is not exact). */
export function cappedCountQuery(sources: Prisma.Sql[] | null, conditions: Prisma.Sql[], limit: number): Prisma.Sql {
  return Prisma.sql`SELECT count(*)::int AS n FROM (SELECT u.id FROM (${unitedSources(sources, conditions)}) u LIMIT ${limit + 1}) c`;
}
