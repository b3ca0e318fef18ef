import { LIST_ALL_CAP } from "../../lib/validation/list-query";
import { api, type ApiCall, type ApiResult } from "./api";

/*
 * v1 list paging as clients see it (lib/http/list-headers.ts): X-Total-Count on every page,
 * Link rel="next" while rows remain, the whole list without take and page.
 */

export { LIST_ALL_CAP };

type Id = number | string;

export const totalCount = (result: ApiResult) => {
  const value = result.headers["x-total-count"];
  return value === undefined ? undefined : Number(value);
};

/** The URL of Link rel="next", or undefined on the last page. */
export function nextLink(result: ApiResult): string | undefined {
  const value = result.headers.link;
  if (value === undefined) return undefined;
  const match = /^<([^>]+)>; rel="next"$/.exec(String(value));
  if (!match) throw new Error(`Link header is not one rel="next" link: ${String(value)}`);
  return match[1];
}

/** A link's query as api() takes it (repeated names as arrays). */
export function queryOf(url: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(url.split("?")[1] ?? "")) {
    const seen = query[name];
    query[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return query;
}

/**
 * Follows Link rel="next" from `call` to the last page (each link's query sent as is, path
 * parameters kept) and returns every page, asserting that each says the same total.
 */
export async function walkList(operation: string, call: ApiCall, maxPages = 50): Promise<ApiResult[]> {
  const pages = [await api(operation, call)];
  for (let link = nextLink(pages[0]!); link !== undefined; link = nextLink(pages[pages.length - 1]!)) {
    if (pages.length >= maxPages) throw new Error(`more than ${maxPages} pages`);
    expect(link).not.toContain("apiKey");
    const path = link.split("?")[0]!;
    expect(path).toBe(pathOf(operation, call));
    pages.push(await api(operation, { ...call, query: queryOf(link) }));
  }
  for (const page of pages) {
    expect(page.status).toBe(200);
    expect(totalCount(page)).toBe(totalCount(pages[0]!));
  }
  return pages;
}

function pathOf(operation: string, call: ApiCall): string {
  const template = operation.split(" ")[1]!;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(call.params?.[name])));
}

/**
 * The list `operation` answers `expected` (the ids the caller may see with `call`'s filters,
 * in the list's order) as a whole without take and page, and page by page along its Link
 * headers with take=2, X-Total-Count always counting exactly those rows; past the end it is
 * empty and links nowhere.
 */
export async function expectListPaging(operation: string, call: ApiCall, field: string, expected: Id[], idOf: (row: { id: Id }) => Id = (row) => row.id): Promise<void> {
  const ids = (result: ApiResult) => (result.body[field] as { id: Id }[]).map(idOf);

  const whole = await api(operation, call);
  expect(whole.status).toBe(200);
  expect(ids(whole)).toEqual(expected);
  expect(totalCount(whole)).toBe(expected.length);
  expect(nextLink(whole)).toBeUndefined();

  const pages = await walkList(operation, { ...call, query: { ...call.query, take: "2" } });
  expect(pages).toHaveLength(Math.max(1, Math.ceil(expected.length / 2)));
  expect(pages.flatMap(ids)).toEqual(expected);
  expect(totalCount(pages[0]!)).toBe(expected.length);

  const beyond = await api(operation, { ...call, query: { ...call.query, take: "2", page: String(Math.ceil(expected.length / 2) + 1) } });
  expect(beyond.status).toBe(200);
  expect(ids(beyond)).toEqual([]);
  expect(totalCount(beyond)).toBe(expected.length);
  expect(nextLink(beyond)).toBeUndefined();
}
