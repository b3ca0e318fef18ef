export interface PageRequest {
  take: number;
  page: number;
}

/** v2's offset paging (Cal.com's `take` + `skip`). */
export interface OffsetRequest {
  take: number;
  skip: number;
}

export const toSkipTake = (request: PageRequest | OffsetRequest) => ("skip" in request ? { skip: request.skip, take: request.take } : { skip: (request.page - 1) * request.take, take: request.take });

/**
 * Lists that can grow with the bookings count their rows up to this many: a count is what
 * makes an offset page cost as much as the whole list. Beyond, the total is this limit and
 * marked as not exact.
 */
export const LIST_COUNT_LIMIT = 20_000;

/** One page of a list, and how many rows the caller may see with the same filters in all. */
export interface Page<T> {
  items: T[];
  total: number;
  /** False when the rows were counted only up to LIST_COUNT_LIMIT (`total` is then that limit). */
  exact?: boolean;
}

/**
 * Reads one page with `find` and counts the matching rows with `count` (a COUNT over the
 * very `where` the page was read with, access filter included, so rows are never loaded to
 * be counted). The count is skipped when the page itself tells the total: a page that is
 * not full, and not past the end, holds the last rows.
 */
export async function findPage<T>(page: PageRequest | OffsetRequest, find: (window: { skip: number; take: number }) => Promise<T[]>, count: () => Promise<number>): Promise<Page<T>> {
  const window = toSkipTake(page);
  const items = await find(window);
  if (items.length < window.take && (items.length > 0 || window.skip === 0)) return { items, total: window.skip + items.length };
  return { items, total: await count() };
}

/**
 * findPage for a list that grows with the bookings: `count(limit)` counts at most `limit` rows
 * (Prisma's count with `take`), so the total is exact up to LIST_COUNT_LIMIT and marked
 * otherwise.
 */
export async function findCappedPage<T>(
  page: PageRequest | OffsetRequest,
  find: (window: { skip: number; take: number }) => Promise<T[]>,
  count: (limit: number) => Promise<number>,
): Promise<Page<T>> {
  const counted = await findPage(page, find, () => count(LIST_COUNT_LIMIT + 1));
  return { ...counted, total: Math.min(counted.total, LIST_COUNT_LIMIT), exact: counted.total <= LIST_COUNT_LIMIT };
}

/** The same page with each item mapped. */
export const mapPage = <T, U>(page: Page<T>, map: (item: T) => U): Page<U> => ({ ...page, items: page.items.map(map) });
