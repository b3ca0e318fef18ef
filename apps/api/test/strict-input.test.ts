import { createMocks, type RequestMethod } from "node-mocks-http";
import type { NextApiRequest, NextApiResponse } from "next";
import { routeTable } from "../lib/openapi/route-table";
import { api, type ApiResult } from "./support/api";
import { useTestDatabase } from "./support/database";
import { createCaller, type Caller } from "./support/fixtures";
import { assertMatchesDocumentedResponse, loadOpenApiDocument } from "./support/response-validator";
import { surfaceOf } from "../lib/http/surface";

/*
 * Strict input, for EVERY documented operation (the OpenAPI document is the table): an
 * unknown query parameter, a NUL in a path or query parameter and percent-encoding that is
 * not UTF-8 are each a 400 in the surface's error shape naming the parameter, never a 5xx and
 * never silently ignored. These are answered before any service runs.
 */

useTestDatabase();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const METHODS = ["get", "post", "put", "patch", "delete"] as const;
const document = loadOpenApiDocument();

interface Operation {
  name: string;
  method: string;
  template: string;
  pathParameters: string[];
  queryParameters: string[];
}

const operations: Operation[] = Object.entries(document.paths as Record<string, Json>).flatMap(([template, item]) =>
  METHODS.filter((method) => item[method] && item[method]["x-scope"]).map((method) => {
    const parameters = ((item[method].parameters ?? []) as Json[]).filter((p) => typeof p.$ref !== "string");
    return {
      name: `${method.toUpperCase()} ${template}`,
      method: method.toUpperCase(),
      template,
      pathParameters: parameters.filter((p) => p.in === "path").map((p) => p.name as string),
      queryParameters: parameters.filter((p) => p.in === "query").map((p) => p.name as string),
    };
  }),
);

/** A well-formed value for each path parameter (memberships are `<userId>_<teamId>`, selected calendars `<userId>_<integration>_<externalId>`). */
function sampleParams(operation: Operation): Record<string, string> {
  const sample = operation.template.startsWith("/v1/memberships") ? "1_1" : operation.template.startsWith("/v1/selected-calendars") ? "1_google_calendar_primary" : "1";
  return Object.fromEntries(operation.pathParameters.map((name) => [name, sample]));
}

/**
 * The refusal's details, with JSON:API error objects read back as `{ field, rule, message }`
 * (their `source.parameter` names path and query parameters alike).
 */
function detailsOf(result: ApiResult, operation?: Operation): Json[] {
  if (Array.isArray(result.body?.errors)) {
    const where = (parameter: string) => (operation?.pathParameters.includes(parameter) ? "path" : "query");
    return result.body.errors.map((e: Json) => ({ field: `${where(e.source?.parameter)}.${e.source?.parameter}`, rule: e.meta?.rule, message: e.detail }));
  }
  return result.body?.details ?? result.body?.error?.details ?? [];
}

function expectRefused(operation: Operation, result: ApiResult, field: string, rule: string): void {
  const surface = surfaceOf(operation.template);
  expect({ status: result.status, details: detailsOf(result, operation) }).toEqual({
    status: surface === "calendarEvents" ? 422 : 400,
    details: expect.arrayContaining([expect.objectContaining({ field, rule })]),
  });
  if (surface === "calendarEvents") expect(result.body.errors[0]).toMatchObject({ status: "422", code: "validation_error" });
  else if (surface === "v2") expect(result.body).toMatchObject({ status: "error", error: { code: "validation_error" } });
  else if (surface === "workspace") expect(result.body).toEqual({ error: expect.objectContaining({ code: "validation_error" }) });
  else expect(result.body).toMatchObject({ code: "validation_error" });
}

type Handler = (req: NextApiRequest, res: NextApiResponse) => Promise<void>;

/** A request built by hand: a raw URL (bad percent-encoding the api() helper cannot send) and req.query as Next would give it. */
async function rawCall(operation: Operation, url: string, query: Record<string, string>, key: string, initUrl?: string): Promise<ApiResult> {
  const route = routeTable().find((r) => r.template === operation.template)!;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const handler = (require(route.file) as { default: Handler }).default;
  const { req, res } = createMocks({
    method: operation.method as RequestMethod,
    url,
    query,
    headers: { authorization: `Bearer ${key}` },
  });
  (req as { body?: unknown }).body = "";
  // Next keeps the request target as sent in its request meta (req.url is rebuilt, lossily).
  if (initUrl) (req as unknown as Record<symbol, unknown>)[Symbol.for("NextInternalRequestMeta")] = { initURL: initUrl };
  await handler(req as unknown as NextApiRequest, res as unknown as NextApiResponse);
  const status = res._getStatusCode();
  const text = res._getData() as string;
  const body = text ? JSON.parse(text) : undefined;
  assertMatchesDocumentedResponse({ template: operation.template, method: operation.method, status, body });
  return { status, headers: res._getHeaders() as ApiResult["headers"], body };
}

function pathWith(operation: Operation, values: Record<string, string>): string {
  return operation.template.replace(/\{(\w+)\}/g, (_, name: string) => values[name]!);
}

let caller: Caller;
beforeAll(async () => {
  caller = await createCaller();
});

it("covers every authenticated operation of the document", () => {
  expect(operations.length).toBeGreaterThan(60);
});

describe.each(operations)("$name", (operation) => {
  it("refuses an unknown query parameter, naming it and what the operation accepts", async () => {
    const result = await api(operation.name, { params: sampleParams(operation), query: { notAParameter: "1" }, key: caller.key });
    expectRefused(operation, result, "query.notAParameter", "unrecognized_key");
    const detail = detailsOf(result).find((d: Json) => d.field === "query.notAParameter");
    for (const name of operation.queryParameters) expect(detail.message).toContain(name);
    for (const name of operation.pathParameters) expect(detail.message).not.toMatch(new RegExp(`\\b${name}\\b`));
    expect(detail.message).toContain("apiKey");
  });

  it("refuses a NUL in each path parameter and in a query parameter", async () => {
    for (const name of operation.pathParameters) {
      const result = await api(operation.name, { params: { ...sampleParams(operation), [name]: "a\u0000b" }, key: caller.key });
      expectRefused(operation, result, `path.${name}`, "invalid_characters");
    }
    const name = operation.queryParameters[0] ?? "notAParameter";
    const result = await api(operation.name, { params: sampleParams(operation), query: { [name]: "a\u0000b" }, key: caller.key });
    expectRefused(operation, result, `query.${name}`, "invalid_characters");
  });

  it("refuses %FF (not UTF-8) in each path parameter and in a query parameter", async () => {
    const params = sampleParams(operation);
    for (const name of operation.pathParameters) {
      // Next's decoding of the path is lossy: the handler sees U+FFFD; the raw URL tells.
      const url = pathWith(operation, { ...params, [name]: "%FF" });
      const result = await rawCall(operation, url, { ...params, [name]: "\uFFFD" }, caller.key);
      expectRefused(operation, result, `path.${name}`, "invalid_encoding");
    }
    const name = operation.queryParameters[0] ?? "notAParameter";
    const result = await rawCall(operation, `${pathWith(operation, params)}?${name}=%FF`, { ...params, [name]: "\uFFFD" }, caller.key);
    expectRefused(operation, result, `query.${name}`, "invalid_encoding");
  });
});

describe("how parameters are read", () => {
  const listV1 = operations.find((op) => op.name === "GET /v1/bookings")!;
  const listV2 = operations.find((op) => op.name === "GET /v2/bookings")!;
  const user = operations.find((op) => op.name === "GET /v1/users/{id}")!;

  it("accepts apiKey everywhere, as authentication, not input", async () => {
    const result = await api("GET /v1/users/{id}", { params: { id: caller.user.id }, key: caller.key, keyIn: "query" });
    expect(result.status).toBe(200);
  });

  it("lists nothing but apiKey as accepted where an operation takes no query parameters", async () => {
    const result = await api("GET /v1/users/{id}", { params: { id: caller.user.id }, query: { expand: "team" }, key: caller.key });
    expectRefused(user, result, "query.expand", "unrecognized_key");
    expect(detailsOf(result)[0].message).toMatch(/takes no query parameters \(only apiKey/);
  });

  it("reads name[] as name for a declared list parameter, merged with plain repeats", async () => {
    const result = await api("GET /v1/bookings", { query: { "attendeeEmail[]": ["a@example.com", "b@example.com"], attendeeEmail: "c@example.com" }, key: caller.key });
    expect(result.status).toBe(200);
    const invalid = await api("GET /v1/bookings", { query: { "attendeeEmail[]": ["a@example.com", "not-an-email"] }, key: caller.key });
    expectRefused(listV1, invalid, "query.attendeeEmail.1", "invalid_format");
  });

  it("names a bracketed parameter the operation does not declare as sent", async () => {
    const result = await api("GET /v2/bookings", { query: { "bookingId[]": "x" }, key: caller.key });
    expectRefused(listV2, result, "query.bookingId[]", "unrecognized_key");
  });

  it("reports unknown parameters together with the schema's own findings", async () => {
    const result = await api("GET /v2/bookings", { query: { take: "0", pageSize: "5" }, key: caller.key });
    expectRefused(listV2, result, "query.pageSize", "unrecognized_key");
    expectRefused(listV2, result, "query.take", "too_small");
  });

  it("names a parameter whose name is not UTF-8 by its encoded text", async () => {
    const result = await rawCall(listV2, "/v2/bookings?a%FFb=1", { "a\uFFFDb": "1" }, caller.key);
    expectRefused(listV2, result, "query.a%FFb", "invalid_encoding");
  });

  it("reads the request target Next kept as sent: req.url comes re-encoded (%FF as U+FFFD)", async () => {
    const result = await rawCall(listV2, "/v2/bookings?attendeeName=%EF%BF%BD", { attendeeName: "\uFFFD" }, caller.key, "http://localhost:3000/v2/bookings?attendeeName=%FF");
    expectRefused(listV2, result, "query.attendeeName", "invalid_encoding");
    const fine = await rawCall(listV2, "/v2/bookings?attendeeName=%EF%BF%BD", { attendeeName: "\uFFFD" }, caller.key, "http://localhost:3000/v2/bookings?attendeeName=%EF%BF%BD");
    expect(fine.status).toBe(200);
  });

  it("names the right path parameter when an operation has several", async () => {
    const reassign = operations.find((op) => op.name === "POST /v2/bookings/{bookingUid}/reassign/{userId}")!;
    const bad = await rawCall(reassign, "/v2/bookings/%E0%A4/reassign/7", { bookingUid: "\uFFFD", userId: "7" }, caller.key);
    expectRefused(reassign, bad, "path.bookingUid", "invalid_encoding");
    expect(detailsOf(bad)).toHaveLength(1);
    const other = await rawCall(reassign, "/api/v2/bookings/abc/reassign/%C0%AF", { bookingUid: "abc", userId: "\uFFFD" }, caller.key);
    expectRefused(reassign, other, "path.userId", "invalid_encoding");
  });
});
