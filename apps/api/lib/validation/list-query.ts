import { z } from "zod";
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from "./common";

/**
 * The most rows a v1 list answers when the client sends neither `take` nor `page` (Cal.com v1
 * returns every row then). More than this never goes silently missing: `X-Total-Count` says
 * how many there are and `Link: <…>; rel="next"` points to the rest (lib/http/list-headers.ts).
 * A multiple of PAGE_SIZE_MAX, so the rest starts on a page boundary of take=PAGE_SIZE_MAX.
 */
export const LIST_ALL_CAP = 1000;

if (LIST_ALL_CAP % PAGE_SIZE_MAX !== 0) throw new Error("LIST_ALL_CAP must be a multiple of PAGE_SIZE_MAX");

/**
 * v1 list paging: `take` (1–100) and `page` (from 1). Without either, the whole list up to
 * LIST_ALL_CAP rows; with either, a page of `take` (default 10) rows.
 */
export const listQuery = z.object({
  take: z.coerce
    .number()
    .int()
    .min(1)
    .max(PAGE_SIZE_MAX)
    .optional()
    .describe(
      `Page size, 1–${PAGE_SIZE_MAX} (${PAGE_SIZE_DEFAULT} when only page is sent). Without take and page the answer holds every row, up to ${LIST_ALL_CAP}. ` +
        'X-Total-Count always says how many rows match; Link rel="next" names the next page while rows remain.',
    ),
  page: z.coerce.number().int().min(1).max(1_000_000).optional().describe("Page number, from 1 (1 when only take is sent)."),
});

export interface ListPaging {
  take: number;
  page: number;
  /** Neither take nor page was sent: the whole list, up to LIST_ALL_CAP. */
  whole: boolean;
}

/** The page a v1 list reads for the `take` and `page` the client sent (either may be absent). */
export function listPagingOf(query: { take?: number; page?: number }): ListPaging {
  if (query.take === undefined && query.page === undefined) return { take: LIST_ALL_CAP, page: 1, whole: true };
  return { take: query.take ?? PAGE_SIZE_DEFAULT, page: query.page ?? 1, whole: false };
}

/**
 * The take and page of the page after `paging`: the same size, or, after a whole list cut at
 * LIST_ALL_CAP, pages of PAGE_SIZE_MAX starting at the first row not sent.
 */
export function nextPageOf(paging: ListPaging): { take: number; page: number } {
  if (paging.whole) return { take: PAGE_SIZE_MAX, page: LIST_ALL_CAP / PAGE_SIZE_MAX + 1 };
  return { take: paging.take, page: paging.page + 1 };
}
