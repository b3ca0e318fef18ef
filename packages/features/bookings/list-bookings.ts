import { getPrisma, type Prisma } from "@slotbase/prisma";
import type { AuthContext } from "../auth/auth-context";
import { accessOf } from "../access/access";
import { assertMayFilterByHost, readableBookingSources } from "../access/booking-rules";
import { loadBookingRecords, type BookingRecord } from "./booking-record";
import { asSeenBy, getBooking } from "./booking-lifecycle";
import { teamSummaries, type TeamSummary } from "./booking-teams";
import { invalidField, NotFoundError } from "../errors/domain-errors";
import { LIST_COUNT_LIMIT } from "../common/pagination";
import { decodeBookingCursor, encodeBookingCursor } from "./booking-cursor";
import { afterCursor, cappedCountQuery, filterConditions, pageIdsQuery, type BookingFilters, type SortKey } from "./booking-list-sql";

export type { BookingStatusFilter } from "./booking-list-sql";
export type { BookingSortField, SortOrder } from "./booking-cursor";

/**
 * Offset paging reaches this deep at most (skip); further on, a cursor costs the same on
 * every page while an offset makes PostgreSQL read and drop every row before it.
 */
export const LIST_MAX_OFFSET = 10_000;

export interface BookingListQuery extends BookingFilters {
  sort?: SortKey[];
  /** Also read the teams of the bookings' event types (`BookingPage.teams`). */
  withTeams?: boolean;
  /** Offset paging (with a total count), or keyset paging from an opaque cursor (no count). */
  page: { skip: number; take: number } | { cursor?: string; take: number };
}

export interface BookingPage {
  bookings: BookingRecord[];
  /** Offset paging: the bookings the query matches, counted up to LIST_COUNT_LIMIT. */
  totalItems?: number;
  /** Offset paging: false when more than LIST_COUNT_LIMIT match (totalItems is then that limit). */
  totalIsExact?: boolean;
  /** The cursor of the next page (null on the last one); on an offset page, of its first sort key. */
  nextCursor?: string | null;
  /** With `withTeams`: the team of each team event type on this page, by id. */
  teams?: Map<number, TeamSummary>;
}

const DEFAULT_SORT: SortKey = { field: "startTime", order: "asc" };

/** The bookings with these ids, in the order of `ids`. */
async function recordsInOrder(ids: number[]): Promise<BookingRecord[]> {
  if (ids.length === 0) return [];
  const records = await loadBookingRecords({ id: { in: ids } }, { skip: 0, take: ids.length, orderBy: [] });
  const byId = new Map(records.map((record) => [record.id, record]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * The caller's bookings (as host, attendee, event type owner or team OWNER/ADMIN; admins: all),
 * filtered and paged: by offset (up to LIST_MAX_OFFSET) with a total, or by keyset from a
 * cursor, which costs the same on page 1,000 as on page 1.
 */
export async function listBookings(auth: AuthContext, query: BookingListQuery): Promise<BookingPage> {
  const access = await accessOf(auth);
  if (query.userId !== undefined) assertMayFilterByHost(access, query.userId);
  const sources = readableBookingSources(access);
  const conditions = filterConditions(query, new Date());
  const prisma = await getPrisma();
  const ids = async (sql: Prisma.Sql) => (await prisma.$queryRaw<{ id: number }[]>(sql)).map((row) => row.id);
  const seen = (records: BookingRecord[]) => records.map((record) => asSeenBy(access, record));

  if ("skip" in query.page) {
    if (query.page.skip > LIST_MAX_OFFSET) {
      throw invalidField("skip", "max", `Offset paging reaches ${LIST_MAX_OFFSET} bookings deep: page further with a cursor, or narrow the list with filters`);
    }
    const sort = query.sort?.length ? query.sort : [DEFAULT_SORT];
    // Ties are broken by id in the first key's direction, as on cursor pages: a client may go on from an offset page with its cursor.
    const [pageIds, [counted]] = await Promise.all([
      ids(pageIdsQuery(sources, conditions, sort, sort[0]!.order, query.page)),
      prisma.$queryRaw<{ n: number }[]>(cappedCountQuery(sources, conditions, LIST_COUNT_LIMIT)),
    ]);
    const records = await recordsInOrder(pageIds);
    const total = counted?.n ?? 0;
    const teams = query.withTeams ? await teamSummaries(records.flatMap((r) => (r.eventType?.teamId ? [r.eventType.teamId] : []))) : undefined;
    const last = records[records.length - 1];
    const nextCursor = last && sort.length === 1 && query.page.skip + records.length < total ? encodeBookingCursor(sort[0]!, last) : null;
    return { bookings: seen(records), totalItems: Math.min(total, LIST_COUNT_LIMIT), totalIsExact: total <= LIST_COUNT_LIMIT, nextCursor, teams };
  }

  const sort = query.sort?.[0] ?? DEFAULT_SORT;
  const after = query.page.cursor ? decodeBookingCursor(query.page.cursor, sort) : undefined;
  const keyset = after ? [...conditions, afterCursor(sort, after)] : conditions;
  const records = await recordsInOrder(await ids(pageIdsQuery(sources, keyset, [sort], sort.order, { skip: 0, take: query.page.take + 1 })));
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
