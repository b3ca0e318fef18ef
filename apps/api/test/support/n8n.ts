import { api, type ApiResult } from "./api";

/*
 * The requests n8n's Cal.com nodes build (packages/nodes-base/nodes/Cal in n8n-io/n8n),
 * rebuilt on top of api(): the same method, path, query, headers and body, so a test can
 * run a node's exact request sequence against the handlers. The versions read are named
 * in test/n8n/cal-nodes.test.ts.
 */

/** GenericFunctions.ts CAL_API_VERSION: the cal-api-version each operation group sends. */
export const CAL_API_VERSION = {
  BOOKINGS_WRITE: "2026-02-25",
  BOOKINGS_LIST: "2026-05-01",
  EVENT_TYPES: "2024-06-14",
  SLOTS: "2024-09-04",
  SCHEDULES: "2024-06-11",
} as const;

/** GenericFunctions.ts: a Get Many page asks for at most 100 bookings. */
export const MAX_PAGE_SIZE = 100;

type Method = "GET" | "POST" | "PATCH" | "DELETE";
type Query = Record<string, string | number | boolean>;

/** One request as n8n sends it, kept so a test can assert on the sequence. */
export interface SentRequest {
  operation: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body?: unknown;
}

/** n8n's qs values are serialized to strings on the wire. */
const toWire = (query: Query = {}): Record<string, string> => Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)]));

/**
 * n8n's request helper (n8n-core removeEmptyBody, called by httpRequest) drops an empty body
 * from GET, HEAD and OPTIONS only; POST, PATCH and DELETE carry the callers' default `{}` as JSON.
 */
function bodyFor(method: Method, body: unknown): unknown {
  if (method === "GET") return undefined;
  return body ?? {};
}

/**
 * calApiRequestV2 (+ calApiRequestV2Versioned when `apiVersion` is given): `{host}/v2{resource}`,
 * the credential's `Authorization: Bearer <apiKey>` header, and `cal-api-version` only when
 * the operation sets one. `template` is this project's route template under /v2.
 */
export async function calV2(
  key: string,
  method: Method,
  template: string,
  options: { apiVersion?: string; params?: Record<string, string | number>; query?: Query; body?: unknown; sent?: SentRequest[] } = {},
): Promise<ApiResult> {
  const body = bodyFor(method, options.body);
  const headers: Record<string, string> = {};
  if (body !== undefined) headers["content-type"] = "application/json";
  if (options.apiVersion) headers["cal-api-version"] = options.apiVersion;
  const query = toWire(options.query);
  const operation = `${method} /v2${template}`;
  options.sent?.push({ operation, query, headers, body });
  return api(operation, { key, params: options.params, query, headers, body });
}

/**
 * calApiRequest (the v1 Cal Trigger): `{host}{resource}` on the bare host with the key in the
 * `apiKey` query parameter and no Authorization header. The app's rewrite serves unversioned
 * paths from /v1 (next.config.mjs `fallback`), so `template` is the /v1 route that answers
 * `{host}/event-types`, `{host}/webhooks`, ….
 */
export async function calV1Bare(
  key: string,
  method: Method,
  template: string,
  options: { params?: Record<string, string | number>; body?: unknown } = {},
): Promise<ApiResult> {
  const body = bodyFor(method, options.body);
  return api(`${method} /v1${template}`, {
    key,
    keyIn: "query",
    params: options.params,
    headers: body !== undefined ? { "content-type": "application/json" } : {},
    body,
  });
}

/**
 * calApiRequestV2AllItems: GET `resource` with `limit = min(limit - collected, 100)` and the
 * previous page's `pagination.nextCursor` as `cursor`, while `pagination.hasMore` is true, the
 * cursor is a new non-empty string and fewer than `limit` records are in; cuts to `limit`.
 */
export async function calV2AllItems(
  key: string,
  template: string,
  apiVersion: string,
  query: Query,
  limit: number,
): Promise<{ records: Record<string, unknown>[]; sent: SentRequest[]; pages: ApiResult[] }> {
  const records: Record<string, unknown>[] = [];
  const sent: SentRequest[] = [];
  const pages: ApiResult[] = [];
  const seenCursors = new Set<string>();
  let cursor: string | undefined;
  do {
    const pageQuery: Query = { ...query, limit: Math.min(limit - records.length, MAX_PAGE_SIZE) };
    if (cursor !== undefined) pageQuery.cursor = cursor;
    const response = await calV2(key, "GET", template, { apiVersion, query: pageQuery, sent });
    pages.push(response);
    if (response.status !== 200) break;
    if (Array.isArray(response.body?.data)) records.push(...response.body.data);
    const nextCursor = response.body?.pagination?.nextCursor;
    cursor =
      response.body?.pagination?.hasMore === true && typeof nextCursor === "string" && nextCursor !== "" && !seenCursors.has(nextCursor)
        ? nextCursor
        : undefined;
    if (cursor !== undefined) seenCursors.add(cursor);
  } while (cursor !== undefined && records.length < limit);
  return { records: records.length > limit ? records.slice(0, limit) : records, sent, pages };
}
