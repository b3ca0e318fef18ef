// The list requests `yarn bench:lists` times for each viewer, their response checks, and which
// combinations a viewer cannot have (a deep page beyond their bookings, a second cursor page
// after the last).
import { performance } from "node:perf_hooks";
import { LIST_COUNT_LIMIT } from "@slotbase/features/common/pagination";
import { timedRequest, type HttpRequestSpec } from "./lib/http-load";
import { summarize, type LatencyStats } from "./lib/stats";

export const CURSOR_VERSION = "2026-05-01";

export interface ListRequestDef {
  key: string;
  label: string;
}

export const LIST_REQUESTS: ListRequestDef[] = [
  { key: "v1", label: "GET /v1/bookings?take=100" },
  { key: "v1-page50", label: "GET /v1/bookings?take=100&page=50" },
  { key: "v2", label: "GET /v2/bookings?take=100" },
  { key: "v2-skip5000", label: "GET /v2/bookings?take=100&skip=5000" },
  { key: "v2-sort", label: "GET /v2/bookings?take=100&sortStart=desc" },
  { key: "cursor", label: `GET /v2/bookings?limit=100 (cal-api-version ${CURSOR_VERSION})` },
  { key: "cursor-2", label: "  the second cursor page (pagination.nextCursor)" },
  { key: "cursor-upcoming", label: `GET /v2/bookings?limit=100&status=upcoming (${CURSOR_VERSION})` },
  { key: "v2-sort-end", label: "GET /v2/bookings?take=100&sortEnd=desc" },
  { key: "v2-sort-created", label: "GET /v2/bookings?take=100&sortCreated=desc" },
  { key: "cursor-updated", label: `GET /v2/bookings?limit=100&sortUpdatedAt=desc (${CURSOR_VERSION})` },
  { key: "cursor-past", label: `GET /v2/bookings?limit=100&status=past (${CURSOR_VERSION})` },
  { key: "cursor-after-start", label: `GET /v2/bookings?limit=100&afterStart=now&sortStart=asc (${CURSOR_VERSION})` },
];

interface V2Page {
  data?: unknown[];
  pagination?: { totalItems?: number; totalItemsExact?: boolean; nextCursor?: string | null; hasMore?: boolean };
}

const parse = (body: string): V2Page & { bookings?: unknown[] } => JSON.parse(body) as V2Page & { bookings?: unknown[] };
const want = (n: number) => Math.max(0, Math.min(100, n));

/** A request ready to time, or why this viewer cannot have it. */
export type Prepared = { spec: HttpRequestSpec } | { skipped: string };

/** Builds (and checks once) one request for a viewer who may see `visible` bookings. */
export async function prepareRequest(key: string, baseUrl: string, apiKey: string, visible: number): Promise<Prepared> {
  const auth = { Authorization: `Bearer ${apiKey}` };
  const cursorHeaders = { ...auth, "cal-api-version": CURSOR_VERSION };
  const offsetV2 = (query: string, skip: number): HttpRequestSpec => ({
    url: `${baseUrl}/v2/bookings?${query}`,
    headers: auth,
    check: (status, body) => {
      if (status !== 200) return "expected 200";
      const page = parse(body);
      // Totals are counted up to LIST_COUNT_LIMIT (then totalItemsExact is false).
      const total = Math.min(visible, LIST_COUNT_LIMIT);
      if (page.pagination?.totalItems !== total) return `totalItems ${page.pagination?.totalItems}, the seed gave this viewer ${visible} (counted up to ${LIST_COUNT_LIMIT})`;
      if (page.pagination?.totalItemsExact !== visible <= LIST_COUNT_LIMIT) return `totalItemsExact ${page.pagination?.totalItemsExact} for ${visible} bookings`;
      if (page.data?.length !== want(visible - skip)) return `${page.data?.length} bookings, expected ${want(visible - skip)}`;
      return null;
    },
  });
  const v1 = (query: string, skip: number): HttpRequestSpec => ({
    url: `${baseUrl}/v1/bookings?${query}`,
    headers: auth,
    check: (status, body) => {
      if (status !== 200) return "expected 200";
      const n = parse(body).bookings?.length;
      return n === want(visible - skip) ? null : `${n} bookings, expected ${want(visible - skip)}`;
    },
  });
  const cursor = (query: string, expected: number | null): HttpRequestSpec => ({
    url: `${baseUrl}/v2/bookings?${query}`,
    headers: cursorHeaders,
    check: (status, body) => {
      if (status !== 200) return "expected 200";
      const page = parse(body);
      if (!Array.isArray(page.data) || !page.pagination || !("nextCursor" in page.pagination)) return "not a cursor page";
      if (expected === null ? page.data.length === 0 : page.data.length !== expected) return `${page.data.length} bookings, expected ${expected ?? "some"}`;
      return null;
    },
  });
  const deep = (skip: number, spec: HttpRequestSpec): Prepared =>
    visible > skip ? { spec } : { skipped: `sees ${visible.toLocaleString("en")} bookings: nothing after ${skip.toLocaleString("en")}` };
  let prepared: Prepared;
  switch (key) {
    case "v1":
      prepared = { spec: v1("take=100", 0) };
      break;
    case "v1-page50":
      prepared = deep(4_900, v1("take=100&page=50", 4_900));
      break;
    case "v2":
      prepared = { spec: offsetV2("take=100", 0) };
      break;
    case "v2-skip5000":
      prepared = deep(5_000, offsetV2("take=100&skip=5000", 5_000));
      break;
    case "v2-sort":
      prepared = { spec: offsetV2("take=100&sortStart=desc", 0) };
      break;
    case "cursor":
      prepared = { spec: cursor("limit=100", want(visible)) };
      break;
    case "cursor-2": {
      if (visible <= 100) return { skipped: `sees ${visible} bookings: one cursor page` };
      const first = parse((await timedRequest(cursor("limit=100", 100))).body);
      const next = first.pagination?.nextCursor;
      if (!next) throw new Error("the first cursor page has no nextCursor");
      prepared = { spec: cursor(`limit=100&cursor=${encodeURIComponent(next)}`, want(visible - 100)) };
      break;
    }
    case "cursor-upcoming":
      prepared = { spec: cursor("limit=100&status=upcoming", null) };
      break;
    case "v2-sort-end":
      prepared = { spec: offsetV2("take=100&sortEnd=desc", 0) };
      break;
    case "v2-sort-created":
      prepared = { spec: offsetV2("take=100&sortCreated=desc", 0) };
      break;
    case "cursor-updated":
      prepared = { spec: cursor("limit=100&sortUpdatedAt=desc", want(visible)) };
      break;
    case "cursor-past":
      prepared = { spec: cursor("limit=100&status=past", null) };
      break;
    case "cursor-after-start":
      prepared = { spec: cursor(`limit=100&sortStart=asc&afterStart=${encodeURIComponent(new Date().toISOString())}`, null) };
      break;
    default:
      throw new Error(`unknown request ${key}`);
  }
  if ("spec" in prepared) await timedRequest(prepared.spec);
  return prepared;
}

/**
 * `warmup` untimed requests, then up to `requests` timed ones, one at a time; a slow request
 * stops after `budgetMs` of timed requests once it has `minRequests` samples.
 */
export async function timeRequest(spec: HttpRequestSpec, options: { warmup: number; requests: number; minRequests: number; budgetMs: number }): Promise<LatencyStats> {
  for (let i = 0; i < options.warmup; i += 1) await timedRequest(spec);
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < options.requests && (samples.length < options.minRequests || performance.now() - started < options.budgetMs)) {
    samples.push((await timedRequest(spec)).ms);
  }
  return summarize(samples);
}
