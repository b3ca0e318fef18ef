import type { Page } from "@slotbase/features";
import { AUTH_QUERY_PARAMETER, LICENSE_QUERY_PARAMETER, rawRequestTarget } from "../validation/query-input";
import { listPagingOf, nextPageOf, type ListPaging } from "../validation/list-query";
import type { ApiRequest, ApiResponse } from "./types";

export const TOTAL_COUNT_HEADER = "X-Total-Count";
export const LINK_HEADER = "Link";
export const TOTAL_COUNT_EXACT_HEADER = "X-Total-Count-Exact";

/** Characters a URI reference keeps as they are; anything else in the path is percent-encoded. */
const URI_PATH_CHARACTER = /[^A-Za-z0-9\-._~!$&'()*+,;=:@/%]/g;

/**
 * The URL the client asked for (as sent, whichever of /v1/…, /api/v1/… or the bare path) with
 * the query parameters `set` replaced and `drop` removed. The `apiKey` and license `key` parameters are left out:
 * a credential does not belong in a link (send the key the same way again, or as
 * `Authorization: Bearer`).
 */
function linkTo(req: ApiRequest, set: Record<string, string>, drop: string[] = []): string {
  const target = rawRequestTarget(req);
  const hash = target.indexOf("#");
  const withoutHash = hash === -1 ? target : target.slice(0, hash);
  const mark = withoutHash.indexOf("?");
  const path = (mark === -1 ? withoutHash : withoutHash.slice(0, mark)).replace(URI_PATH_CHARACTER, encodeURIComponent);
  const query = new URLSearchParams(mark === -1 ? "" : withoutHash.slice(mark + 1));
  for (const name of [AUTH_QUERY_PARAMETER, LICENSE_QUERY_PARAMETER, ...drop]) query.delete(name);
  for (const [name, value] of Object.entries(set)) query.set(name, value);
  return `${path}?${query.toString()}`;
}

/** The URL of the next page: the request's, with `take` and `page` set for the next page. */
export function nextPageUrl(req: ApiRequest, next: { take: number; page: number }): string {
  return linkTo(req, { take: String(next.take), page: String(next.page) });
}

const nextLink = (url: string) => `<${url}>; rel="next"`;

/** `X-Total-Count`, and `X-Total-Count-Exact: false` when the rows were counted only up to a limit. */
function setTotalHeaders(res: ApiResponse, total: number, exact: boolean): void {
  res.setHeader(TOTAL_COUNT_HEADER, String(total));
  if (!exact) res.setHeader(TOTAL_COUNT_EXACT_HEADER, "false");
}

/**
 * Sends a v1 list's paging headers: `X-Total-Count` (every row the caller may see with these
 * filters) always, and `Link: <next page>; rel="next"` (RFC 8288) while rows remain after
 * this page.
 */
export function setListHeaders(req: ApiRequest, res: ApiResponse, paging: ListPaging, total: number, exact = true): void {
  setTotalHeaders(res, total, exact);
  if (paging.page * paging.take < total) res.setHeader(LINK_HEADER, nextLink(nextPageUrl(req, nextPageOf(paging))));
}

/**
 * One v1 list answer: reads the page the client's `take` and `page` ask for (the whole list
 * up to LIST_ALL_CAP without them) with `read`, one service call returning a Page, sends the
 * paging headers, and returns the page's rows for the body.
 */
export async function listed<T>(
  ctx: { req: ApiRequest; res: ApiResponse; query: { take?: number; page?: number } },
  read: (page: { take: number; page: number }) => Promise<Page<T>>,
): Promise<T[]> {
  const paging = listPagingOf(ctx.query);
  const { items, total, exact } = await read({ take: paging.take, page: paging.page });
  setListHeaders(ctx.req, ctx.res, paging, total, exact);
  return items;
}

/** A page of a list that pages by offset up to a maximum depth and by cursor anywhere (bookings). */
export interface KeysetListPage {
  totalItems?: number;
  totalIsExact?: boolean;
  nextCursor?: string | null;
}

/**
 * Sends the paging headers of a v1 list that also pages by cursor. On an offset page:
 * `X-Total-Count` (with `X-Total-Count-Exact: false` when the count stopped at its limit) and
 * `Link rel="next"` to the next page number while it lies within `maxOffset`, to the cursor
 * of this page's last row beyond. On a cursor page (`cursorTake` set): only the Link, to the
 * next cursor.
 */
export function setKeysetListHeaders(req: ApiRequest, res: ApiResponse, paging: ListPaging, page: KeysetListPage, maxOffset: number, cursorTake?: number): void {
  const byCursor = (take: number) => page.nextCursor && res.setHeader(LINK_HEADER, nextLink(linkTo(req, { take: String(take), cursor: page.nextCursor }, ["page"])));
  if (cursorTake !== undefined) {
    byCursor(cursorTake);
    return;
  }
  const total = page.totalItems ?? 0;
  setTotalHeaders(res, total, page.totalIsExact !== false);
  if (paging.page * paging.take >= total) return;
  const next = nextPageOf(paging);
  if ((next.page - 1) * next.take <= maxOffset) res.setHeader(LINK_HEADER, nextLink(nextPageUrl(req, next)));
  else byCursor(next.take);
}
