import type { Page } from "@slotbase/features";
import { AUTH_QUERY_PARAMETER, rawRequestTarget } from "../validation/query-input";
import { listPagingOf, nextPageOf, type ListPaging } from "../validation/list-query";
import type { ApiRequest, ApiResponse } from "./types";

export const TOTAL_COUNT_HEADER = "X-Total-Count";
export const LINK_HEADER = "Link";

/** Characters a URI reference keeps as they are; anything else in the path is percent-encoded. */
const URI_PATH_CHARACTER = /[^A-Za-z0-9\-._~!$&'()*+,;=:@/%]/g;

/**
 * The URL of the next page: the path and query the client asked for (as sent, whichever of
 * /v1/…, /api/v1/… or the bare path), with `take` and `page` set for the next page. The
 * `apiKey` parameter is left out: a credential does not belong in a link (send the key the
 * same way again, or as `Authorization: Bearer`).
 */
export function nextPageUrl(req: ApiRequest, next: { take: number; page: number }): string {
  const target = rawRequestTarget(req);
  const hash = target.indexOf("#");
  const withoutHash = hash === -1 ? target : target.slice(0, hash);
  const mark = withoutHash.indexOf("?");
  const path = (mark === -1 ? withoutHash : withoutHash.slice(0, mark)).replace(URI_PATH_CHARACTER, encodeURIComponent);
  const query = new URLSearchParams(mark === -1 ? "" : withoutHash.slice(mark + 1));
  query.delete(AUTH_QUERY_PARAMETER);
  query.set("take", String(next.take));
  query.set("page", String(next.page));
  return `${path}?${query.toString()}`;
}

/**
 * Sends a v1 list's paging headers: `X-Total-Count` (every row the caller may see with these
 * filters) always, and `Link: <next page>; rel="next"` (RFC 8288) while rows remain after
 * this page.
 */
export function setListHeaders(req: ApiRequest, res: ApiResponse, paging: ListPaging, total: number): void {
  res.setHeader(TOTAL_COUNT_HEADER, String(total));
  if (paging.page * paging.take < total) res.setHeader(LINK_HEADER, `<${nextPageUrl(req, nextPageOf(paging))}>; rel="next"`);
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
  const { items, total } = await read({ take: paging.take, page: paging.page });
  setListHeaders(ctx.req, ctx.res, paging, total);
  return items;
}
