import { readFileSync } from "node:fs";
import { OPENAPI_DOCUMENT_PATH } from "../test/support/response-validator";
import { errorShape, raw, streamBody } from "./support/http";
import { suiteEnv } from "./support/server-state";

/**
 * Request bodies as the real server receives them: every route turns Next's body parser off
 * (its errors are plain text), so lib/http/read-json-body.ts reads the stream, with its 1 MB
 * limit (413) and its media-type check (415); node-mocks-http hands bodies over ready-made
 * and never exercises any of this.
 */
const admin = () => suiteEnv().adminKey;
const MAX_BODY_BYTES = 1_000_000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const document = JSON.parse(readFileSync(OPENAPI_DOCUMENT_PATH, "utf8")) as Json;

/** The well-formed id of an object that does not exist, in the shape the path's resource uses. */
function sampleId(template: string): string {
  if (template.startsWith("/v1/memberships")) return "999998_999999";
  if (template.startsWith("/v1/selected-calendars")) return "999999_google_calendar_nobody";
  return "999999";
}

/** A concrete path for a template, with ids of objects that do not exist. */
function samplePath(template: string): string {
  return template
    .replace("{id}", sampleId(template))
    .replace(/\{(teamId|userId|calendar_id|schedule_id|eventTypeId|scheduleId|webhookId)\}/g, "999999")
    .replace("{workspace_uuid}", "00000000-0000-4000-8000-000000000000")
    .replace(/\{(bookingUid|uid|deliveryId)\}/g, "no-such-thing");
}

const operations: { method: string; template: string; takesBody: boolean; notSupported: boolean }[] = Object.entries(document.paths as Record<string, Json>).flatMap(
  ([template, item]) =>
    ["post", "put", "patch", "delete"]
      .filter((method) => item[method])
      .map((method) => ({
        method: method.toUpperCase(),
        template,
        takesBody: Boolean(item[method].requestBody),
        // Cal.com operations Slotbase does not support answer 501 whatever they are sent.
        notSupported: Boolean(item[method].responses?.["501"]),
      })),
);
const withBody = operations.filter((op) => op.takesBody);
const withoutBody = operations.filter((op) => !op.takesBody);

describe("malformed JSON", () => {
  it("the document has operations with and without bodies (sanity)", () => {
    expect(withBody.length).toBeGreaterThan(20);
    expect(withBody.map((op) => `${op.method} ${op.template}`)).toEqual(
      expect.arrayContaining(["POST /v1/users", "POST /v2/bookings", "POST /v2/bookings/{bookingUid}/cancel", "PATCH /v1/event-types/{id}"]),
    );
    expect(withoutBody.map((op) => `${op.method} ${op.template}`)).toEqual(
      expect.arrayContaining(["POST /v1/bookings/{id}/confirm", "POST /v2/bookings/{bookingUid}/reassign"]),
    );
  });

  it.each(withBody.map((op) => [op.method, op.template] as const))("%s %s → 400 invalid_json in the surface's shape", async (method, template) => {
    const path = samplePath(template);
    const response = await raw(method, path, { key: admin(), body: '{"broken": ', headers: { "content-type": "application/json" } });
    expect({ status: response.status, contentType: response.headers.get("content-type") }).toEqual({
      status: 400,
      contentType: expect.stringMatching(/^application\/json/),
    });
    expect(response.json).toEqual(errorShape(response, "bad_request", path));
    const details = ((response.json as Json).details ?? (response.json as Json).error.details) as Json[];
    expect(details).toEqual([expect.objectContaining({ field: "body", rule: "invalid_json" })]);
  });

  // Routes that take no body do not read one: a malformed body is ignored, and the answer is
  // the route's own (here a 404 for an object that does not exist), never Next's plain-text
  // `400 Invalid JSON`, which these routes answered while their body parser was on.
  it.each(withoutBody.map((op) => [op.method, op.template, op.notSupported] as const))("%s %s (no body) → never Next's text 400; the route's JSON answer", async (method, template, notSupported) => {
    const path = samplePath(template);
    const response = await raw(method, path, { key: admin(), body: '{"broken": ', headers: { "content-type": "application/json" } });
    expect(response.text).not.toBe("Invalid JSON");
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const expected = notSupported ? { status: 501, code: "not_implemented" } : { status: 404, code: "not_found" };
    expect({ status: response.status, body: response.json }).toEqual({ status: expected.status, body: errorShape(response, expected.code, path) });
  });

  it("the same through /api/v1 and /api/v2 (the paths the rewrites lead to)", async () => {
    for (const path of ["/api/v1/users", "/api/v2/bookings"]) {
      const response = await raw("POST", path, { key: admin(), body: "{", headers: { "content-type": "application/json" } });
      expect(response.status).toBe(400);
      expect(response.json).toEqual(errorShape(response, "bad_request", path));
    }
  });
});

describe("413: a body over 1 MB, streamed through the real reader", () => {
  const headers = () => ({ authorization: `Bearer ${admin()}`, "content-type": "application/json" });

  it("v1, chunked (no Content-Length): the reader counts the bytes as they come", async () => {
    const response = await streamBody("POST", "/v1/users", { headers: headers(), totalBytes: 3 * MAX_BODY_BYTES, pauseAfterBytes: MAX_BODY_BYTES + 100_000 });
    expect(response.status).toBe(413);
    expect(response.json).toEqual(errorShape(response, "payload_too_large", "/v1/users"));
    expect(response.headers.get("x-request-id")).toEqual(expect.any(String));
  });

  it("v2, with a Content-Length of 2 MB: the v2 shape, as soon as 1 MB has been read", async () => {
    const response = await streamBody("POST", "/v2/bookings", {
      headers: headers(),
      totalBytes: 2 * MAX_BODY_BYTES,
      contentLength: true,
      pauseAfterBytes: MAX_BODY_BYTES + 100_000,
    });
    expect(response.status).toBe(413);
    expect(response.json).toEqual(errorShape(response, "payload_too_large", "/v2/bookings"));
  });

  it("a body just under the limit is read (and then validated: 400 validation_error, not 413)", async () => {
    const response = await streamBody("POST", "/v1/users", { headers: headers(), totalBytes: MAX_BODY_BYTES - 1_000 });
    expect(response.status).toBe(400);
    expect(response.json).toEqual(errorShape(response, "validation_error", "/v1/users"));
  });

  // A client that sends the whole body before it reads the answer (fetch, most HTTP
  // libraries) on a keep-alive connection must get every 413, and the connection must stay
  // usable or be closed cleanly (RFC 9112 section 9.6: a server that stops reading and closes
  // while the client still sends risks a reset that erases its answer).
  it("a keep-alive client (fetch) sending 2 MB bodies gets a 413 every time, never a reset", async () => {
    const body = `{"padding":"${" ".repeat(2 * MAX_BODY_BYTES)}"}`;
    const outcomes: (number | string)[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      try {
        const response = await fetch(new URL("/v2/bookings", suiteEnv().baseUrl), { method: "POST", headers: headers(), body });
        await response.text();
        outcomes.push(response.status);
      } catch (error) {
        outcomes.push(String((error as { cause?: { code?: string } }).cause?.code ?? error));
      }
    }
    expect(outcomes).toEqual([413, 413, 413, 413, 413, 413]);
  });

  it("the server still answers afterwards", async () => {
    expect((await raw("GET", "/v1/me", { key: admin() })).status).toBe(200);
  });
});

describe("415: a body that is not JSON", () => {
  it.each([
    ["POST", "/v1/users", "text/plain"],
    ["POST", "/v1/teams", "application/x-www-form-urlencoded"],
    ["POST", "/v2/bookings", "text/plain"],
    ["PATCH", "/v1/users/999999", "application/xml"],
  ])("%s %s as %s", async (method, path, type) => {
    const response = await raw(method, path, { key: admin(), body: type.includes("form") ? "name=x" : "hello", headers: { "content-type": type } });
    expect(response.status).toBe(415);
    expect(response.json).toEqual(errorShape(response, "unsupported_media_type", path));
  });

  it("JSON media types with parameters or a +json suffix are accepted", async () => {
    for (const type of ["application/json; charset=utf-8", "application/merge-patch+json"]) {
      const response = await raw("POST", "/v1/teams", { key: admin(), body: "{}", headers: { "content-type": type } });
      expect({ type, status: response.status }).toEqual({ type, status: 400 }); // read, then invalid: name is required
      expect((response.json as Json).code).toBe("validation_error");
    }
  });
});
