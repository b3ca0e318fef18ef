import { getPrisma, type Prisma } from "@slotbase/prisma";
import type { AuthContext } from "../auth/auth-context";
import { accessOf } from "../access/access";
import { assertMayFilterByHost, readableBookingsWhere } from "../access/booking-rules";
import { loadBookingRecords, type BookingRecord } from "./booking-record";
import { asSeenBy, getBooking } from "./booking-lifecycle";
import { teamSummaries, type TeamSummary } from "./booking-teams";
import { NotFoundError } from "../errors/domain-errors";
import { decodeBookingCursor, encodeBookingCursor, keysetWhere, type BookingSortField, type SortOrder } from "./booking-cursor";

export type BookingStatusFilter = "upcoming" | "recurring" | "past" | "cancelled" | "unconfirmed";
export type { BookingSortField, SortOrder } from "./booking-cursor";

export interface BookingListQuery {
  status?: BookingStatusFilter[];
  attendeeEmails?: string[];
  attendeeName?: string;
  eventTypeIds?: number[];
  teamIds?: number[];
  bookingUids?: string[];
  /** The occurrences of one recurring series. */
  recurringEventId?: string;
  /** Bookings starting at or after. */
  afterStart?: Date;
  /** Bookings ending at or before. */
  beforeEnd?: Date;
  createdAfter?: Date;
  createdBefore?: Date;
  updatedAfter?: Date;
  updatedBefore?: Date;
  /** Admins only: one host's bookings. */
  userId?: number;
  sort?: { field: BookingSortField; order: SortOrder }[];
  /** Also read the teams of the bookings' event types (`BookingPage.teams`). */
  withTeams?: boolean;
  /** Offset paging (with a total count), or keyset paging from an opaque cursor (no count). */
  page: { skip: number; take: number } | { cursor?: string; take: number };
}

export interface BookingPage {
  bookings: BookingRecord[];
  /** Offset paging: every booking the query matches. */
  totalItems?: number;
  /** Keyset paging: the cursor of the next page, null on the last one. */
  nextCursor?: string | null;
  /** With `withTeams`: the team of each team event type on this page, by id. */
  teams?: Map<number, TeamSummary>;
}

function statusWhere(status: BookingStatusFilter, now: Date): Prisma.BookingWhereInput {
  switch (status) {
    case "upcoming":
      return { endTime: { gte: now }, status: { in: ["ACCEPTED", "PENDING"] } };
    case "recurring":
      return { endTime: { gte: now }, status: { in: ["ACCEPTED", "PENDING"] }, recurringEventId: { not: null } };
    case "past":
      return { endTime: { lte: now }, status: { in: ["ACCEPTED", "PENDING"] } };
    case "cancelled":
      return { status: { in: ["CANCELLED", "REJECTED"] } };
    case "unconfirmed":
      return { endTime: { gte: now }, status: "PENDING" };
  }
}

const range = (after?: Date, before?: Date): Prisma.DateTimeFilter | undefined =>
  after || before ? { ...(after ? { gte: after } : {}), ...(before ? { lte: before } : {}) } : undefined;

function filtersWhere(query: BookingListQuery, now: Date): Prisma.BookingWhereInput[] {
  const and: Prisma.BookingWhereInput[] = [];
  if (query.status?.length) and.push({ OR: query.status.map((s) => statusWhere(s, now)) });
  if (query.attendeeEmails?.length) and.push({ attendees: { some: { email: { in: query.attendeeEmails.map((e) => e.toLowerCase()) } } } });
  if (query.attendeeName) and.push({ attendees: { some: { name: { contains: query.attendeeName, mode: "insensitive" } } } });
  if (query.eventTypeIds?.length) and.push({ eventTypeId: { in: query.eventTypeIds } });
  if (query.teamIds?.length) and.push({ eventType: { teamId: { in: query.teamIds } } });
  if (query.bookingUids?.length) and.push({ uid: { in: query.bookingUids } });
  if (query.recurringEventId !== undefined) and.push({ recurringEventId: query.recurringEventId });
  if (query.afterStart) and.push({ startTime: { gte: query.afterStart } });
  if (query.beforeEnd) and.push({ endTime: { lte: query.beforeEnd } });
  const created = range(query.createdAfter, query.createdBefore);
  if (created) and.push({ createdAt: created });
  const updated = range(query.updatedAfter, query.updatedBefore);
  if (updated) and.push({ updatedAt: updated });
  if (query.userId !== undefined) and.push({ userId: query.userId });
  return and;
}

/**
 * The caller's bookings (as host, attendee, event type owner or team OWNER/ADMIN; admins: all),
 * filtered and paged: by offset with a total, or by keyset from a cursor, which costs the same
 * on page 1,000 as on page 1.
 */
export async function listBookings(auth: AuthContext, query: BookingListQuery): Promise<BookingPage> {
  const access = await accessOf(auth);
  if (query.userId !== undefined) assertMayFilterByHost(access, query.userId);
  const where: Prisma.BookingWhereInput = { AND: [readableBookingsWhere(access), ...filtersWhere(query, new Date())] };
  const seen = (records: BookingRecord[]) => records.map((record) => asSeenBy(access, record));

  if ("skip" in query.page) {
    const orderBy: Prisma.BookingOrderByWithRelationInput[] = [
      ...(query.sort ?? [{ field: "startTime" as const, order: "asc" as const }]).map((s) => ({ [s.field]: s.order })),
      { id: "asc" },
    ];
    const prisma = await getPrisma();
    const [records, totalItems] = await Promise.all([
      loadBookingRecords(where, { skip: query.page.skip, take: query.page.take, orderBy }),
      prisma.booking.count({ where }),
    ]);
    const teams = query.withTeams ? await teamSummaries(records.flatMap((r) => (r.eventType?.teamId ? [r.eventType.teamId] : []))) : undefined;
    return { bookings: seen(records), totalItems, teams };
  }

  const sort = query.sort?.[0] ?? { field: "startTime" as const, order: "asc" as const };
  const after = query.page.cursor ? decodeBookingCursor(query.page.cursor, sort) : undefined;
  const records = await loadBookingRecords(after ? { AND: [where, keysetWhere(sort, after)] } : where, {
    skip: 0,
    take: query.page.take + 1,
    orderBy: [{ [sort.field]: sort.order }, { id: sort.order }],
  });
  const hasMore = records.length > query.page.take;
  const page = records.slice(0, query.page.take);
  const last = page[page.length - 1];
  return { bookings: seen(page), nextCursor: hasMore && last ? encodeBookingCursor(sort, last) : null };
}

/** Most occurrences a series has (event types recur at most 52 times). */
const SERIES_MAX = 52;

/**
 * A booking by its uid or, as Cal.com's GET /v2/bookings/{uid}, a recurring series by its
 * recurringBookingUid: the occurrences the caller may see, in time order (none: 404).
 */
export async function getBookingOrSeries(auth: AuthContext, uid: string): Promise<{ booking: BookingRecord } | { series: BookingRecord[] }> {
  try {
    return { booking: await getBooking(auth, { uid }) };
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    const { bookings } = await listBookings(auth, { recurringEventId: uid, sort: [{ field: "startTime", order: "asc" }], page: { cursor: undefined, take: SERIES_MAX } });
    if (bookings.length === 0) throw error;
    return { series: bookings };
  }
}
