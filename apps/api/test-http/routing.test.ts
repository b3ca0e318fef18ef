import { readFileSync } from "node:fs";
import { fillExampleDates } from "../lib/openapi/example-dates";
import { OPENAPI_DOCUMENT_PATH } from "../test/support/response-validator";
import { api, ok } from "./support/client";
import { errorShape, raw, v1Error, v2Error, type RawResponse } from "./support/http";
import { suiteEnv } from "./support/server-state";

/**
 * What only the real server does: next.config.mjs's rewrites, the unknown-path catch-all,
 * Next's handling of methods, preflights and headers, static files.
 */
const admin = () => suiteEnv().adminKey;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function expectJsonWithRequestId(response: RawResponse) {
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  expect(response.headers.get("x-request-id")).toEqual(expect.any(String));
}

describe("rewrites: /v1, /v2 and /api/... serve the same routes", () => {
  it("/v1/me and /api/v1/me answer the same user", async () => {
    const [short, long] = await Promise.all([raw("GET", "/v1/me", { key: admin() }), raw("GET", "/api/v1/me", { key: admin() })]);
    expect(short.status).toBe(200);
    expect(long.status).toBe(200);
    expect(short.json).toEqual(long.json);
    expect(short.json).toEqual({ user: expect.objectContaining({ email: "http-suite-admin@example.com", role: "ADMIN" }) });
  });

  it("the key also works as ?apiKey= (v1 style), through the rewrite", async () => {
    const response = await raw("GET", `/v1/me?apiKey=${encodeURIComponent(admin())}`);
    expect(response.status).toBe(200);
  });

  it("/v2/bookings and /api/v2/bookings answer the same list", async () => {
    const [short, long] = await Promise.all([raw("GET", "/v2/bookings", { key: admin() }), raw("GET", "/api/v2/bookings", { key: admin() })]);
    expect(short.status).toBe(200);
    expect(short.json).toEqual(long.json);
    expect(short.json).toEqual(expect.objectContaining({ status: "success", data: expect.any(Array) }));
  });

  it("an error on a rewritten v2 path names the path the client asked for", async () => {
    const response = await raw("DELETE", "/v2/slots?x=1");
    expect(response.status).toBe(405);
    expect(response.json).toEqual(v2Error(response, "method_not_allowed", "/v2/slots"));
  });
});

describe("unversioned paths are v1, as Cal.com's rewrites made them", () => {
  it("/event-types?apiKey= (n8n's older Cal Trigger) answers what /v1/event-types answers", async () => {
    const query = `?apiKey=${encodeURIComponent(admin())}`;
    const [bare, v1] = await Promise.all([raw("GET", `/event-types${query}`), raw("GET", `/v1/event-types${query}`)]);
    expect(bare.status).toBe(200);
    expect(bare.json).toEqual(v1.json);
    expect(bare.json).toEqual({ event_types: expect.any(Array) });
  });

  it("/me, /bookings/{id} and a POST reach their v1 routes; errors are v1's", async () => {
    expect((await raw("GET", "/me", { key: admin() })).json).toEqual((await raw("GET", "/v1/me", { key: admin() })).json);
    const missing = await raw("GET", "/bookings/2000000000", { key: admin() });
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual(v1Error(missing, "not_found"));
    const invalid = await raw("POST", "/users", { key: admin(), body: { email: "not-an-email" } });
    expect(invalid.status).toBe(400);
    expect(invalid.json).toMatchObject({ code: "validation_error" });
  });

  it("/hooks (Cal.com's first name for webhooks, n8n's Cal Trigger before v2.0) serves /v1/webhooks", async () => {
    const query = `?apiKey=${encodeURIComponent(admin())}`;
    const body = { subscriberUrl: "https://hooks.example.com/n8n-legacy", eventTriggers: ["BOOKING_CREATED"], active: true };
    const created = await raw("POST", `/hooks${query}`, { body });
    expect(created.status).toBe(201);
    const id = (created.json as { webhook: { id: string } }).webhook.id;
    const listed = await raw("GET", `/hooks${query}`);
    expect((listed.json as { webhooks: { id: string }[] }).webhooks.map((w) => w.id)).toContain(id);
    expect((await raw("GET", `/hooks/${id}${query}`)).json).toEqual((await raw("GET", `/v1/webhooks/${id}${query}`)).json);
    expect((await raw("DELETE", `/hooks/${id}${query}`)).status).toBe(200);
    expect((await raw("GET", `/v1/webhooks/${id}${query}`)).status).toBe(404);
  });

  it("seed 001's calendar-events keep their prefix; unknown paths stay v1 404s; the project's own paths are its own", async () => {
    const events = await raw("GET", "/calendar-events", { key: admin() });
    expect(events.status).toBe(404);
    const nope = await raw("GET", "/nope", { key: admin() });
    expect(nope.status).toBe(404);
    expect(nope.json).toMatchObject({ code: "not_found" });
    expect((await raw("GET", "/openapi.json")).status).toBe(200);
    expect((await raw("GET", "/")).status).toBe(200);
  });
});

describe("health probes at the root, not under v1", () => {
  it("/health is alive and /health/ready is ready on the suite's migrated database, without a key", async () => {
    const [live, ready] = await Promise.all([raw("GET", "/health"), raw("GET", "/health/ready")]);
    expect(live.status).toBe(200);
    expect(live.json).toEqual({ status: "ok", uptimeSeconds: expect.any(Number) });
    expect(ready.status).toBe(200);
    expect(ready.json).toEqual({ status: "ready", failing: [], checks: { database: { status: "ok" }, migrations: { status: "ok" } } });
    expect(ready.headers.get("cache-control")).toBe("no-store");
  });
});

describe("what Next refuses before routing is JSON too", () => {
  it("a path with percent-escapes that are not UTF-8 (or not escapes) is a 400 in the surface's shape", async () => {
    const v1 = await raw("GET", "/v1/%zz");
    expect(v1.status).toBe(400);
    expectJsonWithRequestId(v1);
    expect(v1.json).toMatchObject({ code: "bad_request", details: [expect.objectContaining({ field: "path", rule: "invalid_encoding" })] });
    const v2 = await raw("GET", "/v2/bookings/%FF", { key: admin() });
    expect(v2.status).toBe(400);
    expectJsonWithRequestId(v2);
    expect(v2.json).toMatchObject({ status: "error", path: "/v2/bookings/%FF", error: { code: "bad_request" } });
  });

  it("a trailing slash serves the same route (no redirect without a body)", async () => {
    const [plain, slashed] = await Promise.all([raw("GET", "/v1/me", { key: admin() }), raw("GET", "/v1/me/", { key: admin() })]);
    expect(slashed.status).toBe(200);
    expect(slashed.json).toEqual(plain.json);
  });
});

describe("HEAD is served wherever GET is", () => {
  it("answers GET's status and headers without a body", async () => {
    const [get, head] = await Promise.all([raw("GET", "/v1/me", { key: admin() }), raw("HEAD", "/v1/me", { key: admin() })]);
    expect(head.status).toBe(200);
    expect(head.headers.get("content-type")).toBe(get.headers.get("content-type"));
    expect(head.headers.get("x-request-id")).toEqual(expect.any(String));
    expect(head.text).toBe("");
  });

  it("still needs a key", async () => {
    expect((await raw("HEAD", "/v1/me")).status).toBe(401);
  });
});

describe("unknown paths: a JSON 404 in the surface's error shape, whoever asks", () => {
  it.each([
    ["GET", "/v1/nope"],
    ["GET", "/api/v1/anything-unknown"],
    ["GET", "/nope"],
    ["GET", "/nope/deeper/still?with=query"],
    ["GET", "/v1/users/1/extra"],
    ["GET", "/v1/bookings/1/cancel/more"],
    ["GET", "/v3/users"],
    ["GET", "/favicon.ico"],
    ["GET", "/404"],
    ["GET", "/_error"],
    ["POST", "/v1/nope"],
    ["PUT", "/nope"],
    ["DELETE", "/api/v1/anything-unknown"],
    ["PATCH", "/v1"],
  ])("%s %s → 404 v1 shape", async (method, path) => {
    const response = await raw(method, path, { body: method === "GET" ? undefined : { some: "body" } });
    expect(response.status).toBe(404);
    expectJsonWithRequestId(response);
    expect(response.json).toEqual({ message: expect.any(String), code: "not_found", details: [], requestId: response.headers.get("x-request-id") });
  });

  it.each([
    ["GET", "/v2/nope"],
    ["GET", "/v2/bookings/some-uid/nope"],
    ["GET", "/api/v2/nope"],
    ["POST", "/v2/nope"],
    ["DELETE", "/v2"],
  ])("%s %s → 404 v2 shape, with the path asked for", async (method, path) => {
    const response = await raw(method, `${path}?apiKey=whatever`, { body: method === "POST" ? "{not json" : undefined, headers: { "content-type": "application/json" } });
    expect(response.status).toBe(404);
    expectJsonWithRequestId(response);
    expect(response.json).toEqual(v2Error(response, "not_found", path));
    expect((response.json as { error: { details: unknown[] } }).error.details).toEqual([]);
  });

  it("needs no key, and a key changes nothing (the answer does not depend on who asks)", async () => {
    const [anonymous, withKey, badKey] = await Promise.all([
      raw("GET", "/v1/nope"),
      raw("GET", "/v1/nope", { key: admin() }),
      raw("GET", "/v1/nope", { key: "cal_not_a_real_key" }),
    ]);
    expect([anonymous.status, withKey.status, badKey.status]).toEqual([404, 404, 404]);
    expect((anonymous.json as { code: string }).code).toBe("not_found");
    expect((badKey.json as { code: string }).code).toBe("not_found");
  });

  it("HEAD and OPTIONS on an unknown path are 404s too (no body for HEAD)", async () => {
    const head = await raw("HEAD", "/v1/nope");
    expect(head.status).toBe(404);
    expect(head.text).toBe("");
    expect(head.headers.get("x-request-id")).toEqual(expect.any(String));
    const options = await raw("OPTIONS", "/v1/nope", { headers: { origin: "https://app.example.com", "access-control-request-method": "GET" } });
    expect(options.status).toBe(404);
    expect(options.json).toEqual(v1Error(options, "not_found"));
    expect(options.headers.get("access-control-allow-origin")).toBeTruthy();
  });

  it("every documented path still answers (the catch-all never shadows a route)", async () => {
    const document = JSON.parse(readFileSync(OPENAPI_DOCUMENT_PATH, "utf8")) as { paths: Record<string, Record<string, unknown>> };
    const sample = (template: string) =>
      template
        .replace("{id}", template.startsWith("/v1/memberships") ? "999999_999999" : "999999")
        .replace(/\{(teamId|userId|eventTypeId|scheduleId|webhookId)\}/g, "999999")
        .replace(/\{(bookingUid|uid)\}/g, "no-such-thing");
    // What the catch-all says (a route's own 404 names the object, not the path).
    const unknown = (await raw("GET", "/v1/nope")).json as { message: string };
    const messageOf = (body: unknown) => {
      const json = body as { message?: string; error?: { message?: string } } | undefined;
      return json?.message ?? json?.error?.message;
    };
    const shadowed: string[] = [];
    for (const template of Object.keys(document.paths)) {
      const methods = Object.keys(document.paths[template]!).filter((m) => ["get", "post", "put", "patch", "delete"].includes(m));
      for (const method of methods) {
        // Served without a key too (a booking page's): the route itself may answer its own 404.
        const security = (document.paths[template]![method] as { security?: Record<string, unknown>[] }).security ?? [];
        const anonymous = security.some((requirement) => Object.keys(requirement).length === 0);
        for (const path of [sample(template), template.startsWith("/v") ? `/api${sample(template)}` : undefined]) {
          if (!path) continue;
          // No key: a served route says 401 (or answers, when public); the catch-all would say its 404.
          const response = await raw(method.toUpperCase(), path);
          if (messageOf(response.json) === unknown.message) shadowed.push(`${method.toUpperCase()} ${path} → ${response.status}`);
          else if (response.status === 404 && !anonymous) shadowed.push(`${method.toUpperCase()} ${path} → 404 without a key: ${response.text.slice(0, 120)}`);
        }
      }
    }
    expect(shadowed).toEqual([]);
  });
});

describe("405: a served path with another method", () => {
  it("v1: the error shape with an Allow header, before authentication", async () => {
    const response = await raw("DELETE", "/v1/me");
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    expect(response.json).toEqual(v1Error(response, "method_not_allowed"));
  });

  it("v2: the v2 shape with an Allow header", async () => {
    const response = await raw("PUT", "/v2/bookings", { key: admin(), body: {} });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, POST, HEAD, OPTIONS");
    expect(response.json).toEqual(v2Error(response, "method_not_allowed", "/v2/bookings"));
  });

  it("through /api/v1 too, and on public routes", async () => {
    const [api1, root] = await Promise.all([raw("PATCH", "/api/v1/users"), raw("POST", "/")]);
    expect(api1.status).toBe(405);
    expect(api1.headers.get("allow")).toBe("GET, POST, HEAD, OPTIONS");
    expect(api1.json).toEqual(v1Error(api1, "method_not_allowed"));
    expect(root.status).toBe(405);
    expect(root.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    expect(root.json).toEqual(v1Error(root, "method_not_allowed"));
  });
});

describe("the calendar-events surface answers in JSON:API", () => {
  it("an invalid parameter is a 422 naming it; an unknown path under it a 404", async () => {
    const invalid = await raw("GET", "/api/v1/calendar-events?resource_id=nope");
    expect(invalid.status).toBe(422);
    expect(invalid.json).toEqual(errorShape(invalid, "validation_error", "/api/v1/calendar-events"));
    expect((invalid.json as { errors: { source?: { parameter?: string } }[] }).errors[0]!.source).toEqual({ parameter: "resource_id" });
    const unknown = await raw("GET", "/api/v1/calendar-events/nope");
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual(errorShape(unknown, "not_found", "/api/v1/calendar-events/nope"));
  });
});

describe("401 without a key", () => {
  it.each([
    ["GET", "/v1/me"],
    ["GET", "/api/v1/users"],
    ["GET", "/v2/bookings"],
    ["POST", "/v2/bookings/no-such-thing/cancel"],
    ["GET", "/v2/schedules"],
    ["GET", "/api/v1/customer-accounts/00000000-0000-4000-8000-000000000000"],
  ])("%s %s", async (method, path) => {
    const response = await raw(method, path, { body: method === "POST" ? {} : undefined });
    expect(response.status).toBe(401);
    expectJsonWithRequestId(response);
    expect(response.json).toEqual(errorShape(response, "unauthorized", path));
  });

  it("what a booking page may do without a key is not a 401: its input is checked as anyone's", async () => {
    const response = await raw("POST", "/v2/bookings", { body: {} });
    expect(response.status).toBe(400);
    expect(response.json).toEqual(errorShape(response, "validation_error", "/v2/bookings"));
  });

  it("an unknown key is a 401 that does not echo the key", async () => {
    const response = await raw("GET", "/v1/me?apiKey=cal_0123456789abcdef0123456789abcdef");
    expect(response.status).toBe(401);
    expect(response.json).toEqual(v1Error(response, "unauthorized"));
    expect(response.text).not.toContain("0123456789abcdef0123456789abcdef");
  });
});

describe("CORS preflight", () => {
  it.each(["/v1/users", "/api/v1/users", "/v2/bookings", "/v2/slots/reservations"])("OPTIONS %s → 204 with the Access-Control-Allow-* headers, no key needed", async (path) => {
    const response = await raw("OPTIONS", path, {
      headers: { origin: "https://app.example.com", "access-control-request-method": "POST", "access-control-request-headers": "authorization, content-type" },
    });
    expect(response.status).toBe(204);
    expect(response.text).toBe("");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-methods")).toContain("POST");
    expect(response.headers.get("access-control-allow-headers")?.toLowerCase()).toEqual(expect.stringContaining("authorization"));
    expect(response.headers.get("access-control-allow-headers")?.toLowerCase()).toEqual(expect.stringContaining("content-type"));
    expect(Number(response.headers.get("access-control-max-age"))).toBeGreaterThan(0);
    expect(response.headers.get("x-request-id")).toEqual(expect.any(String));
  });

  it("a simple cross-origin request gets Access-Control-Allow-Origin and may read X-Request-Id", async () => {
    const response = await raw("GET", "/v1/me", { key: admin(), headers: { origin: "https://app.example.com" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-expose-headers")).toContain("X-Request-Id");
  });
});

describe("request ids", () => {
  it("every response carries X-Request-Id: success, errors, unknown paths, preflights, the docs", async () => {
    const responses = await Promise.all([
      raw("GET", "/"),
      raw("GET", "/v1/me", { key: admin() }),
      raw("GET", "/v1/me"),
      raw("DELETE", "/v1/me"),
      raw("GET", "/v1/nope"),
      raw("GET", "/nope"),
      raw("GET", "/v2/nope"),
      raw("OPTIONS", "/v1/me", { headers: { origin: "https://x.example", "access-control-request-method": "GET" } }),
      raw("POST", "/v1/users", { key: admin(), body: "{oops", headers: { "content-type": "application/json" } }),
      raw("GET", "/docs"),
      raw("GET", "/openapi.json"),
    ]);
    expect(responses.map((r) => UUID.test(r.headers.get("x-request-id") ?? ""))).toEqual(responses.map(() => true));
    const ids = responses.map((r) => r.headers.get("x-request-id"));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("a sane incoming X-Request-Id is echoed, on success and in error bodies", async () => {
    const id = `http-suite-${Date.now()}`;
    const success = await raw("GET", "/v1/me", { key: admin(), headers: { "x-request-id": id } });
    expect(success.headers.get("x-request-id")).toBe(id);
    const failure = await raw("GET", "/v2/nope", { headers: { "x-request-id": id } });
    expect(failure.headers.get("x-request-id")).toBe(id);
    expect((failure.json as { error: { requestId: string } }).error.requestId).toBe(id);
  });

  it("an unreasonable one (too short, odd characters, too long) is replaced", async () => {
    for (const id of ["short", "has spaces in it", "x".repeat(200), "<script>alert(1)</script>"]) {
      const response = await raw("GET", "/v1/nope", { headers: { "x-request-id": id } });
      expect(response.headers.get("x-request-id")).toMatch(UUID);
    }
  });
});

describe("documentation", () => {
  it("GET /docs serves Swagger UI from this server, and its assets are served", async () => {
    const response = await raw("GET", "/docs", { headers: { accept: "text/html" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(response.text).toContain('id="swagger-ui"');
    const assets = [...response.text.matchAll(/(?:src|href)="(\/swagger\/[^"]+)"/g)].map((match) => match[1]!);
    expect(assets).toEqual(expect.arrayContaining(["/swagger/swagger-ui-bundle.js", "/swagger/swagger-ui.css", "/swagger/init.js"]));
    const served = await Promise.all(assets.map(async (asset) => [asset, (await raw("GET", asset)).status] as const));
    expect(served.filter(([, status]) => status !== 200)).toEqual([]);
    const init = await raw("GET", "/swagger/init.js");
    expect(init.text).toContain('url: "/openapi.json"');
  });

  it("GET /openapi.json serves the generated document, example dates filled in for today (and /docs does too, asked for JSON)", async () => {
    const expected = fillExampleDates(JSON.parse(readFileSync(OPENAPI_DOCUMENT_PATH, "utf8")) as unknown, new Date());
    const [document, docsAsJson] = await Promise.all([raw("GET", "/openapi.json"), raw("GET", "/docs", { headers: { accept: "application/json" } })]);
    expect(document.status).toBe(200);
    expect(document.json).toEqual(expected);
    expect(docsAsJson.json).toEqual(expected);
  });

  it("GET / points at them (typed client, response checked against the document)", async () => {
    const index = ok(await api(undefined).GET("/"));
    expect(index).toEqual(expect.objectContaining({ docs: "/docs", openapi: "/openapi.json" }));
  });
});

describe("error messages name what the client sent, as the real server merges path and query", () => {
  it("a bad path parameter is path.<name>: through the rewrites, and when the query string sends the same name", async () => {
    for (const path of ["/v1/users/abc", "/api/v1/users/abc", "/users/abc", "/v1/users/abc?id=1"]) {
      const response = await raw("GET", path, { key: admin() });
      expect({ path, status: response.status }).toEqual({ path, status: 400 });
      expect(response.json).toMatchObject({ code: "validation_error", message: "Invalid request: id must be a positive integer.", details: [{ field: "path.id" }] });
    }
    const v2 = await raw("GET", "/v2/schedules/abc", { key: admin() });
    expect(v2.json).toMatchObject({ status: "error", error: { details: [{ field: "path.scheduleId" }] } });
    const query = await raw("GET", "/v1/bookings?userId=abc", { key: admin() });
    expect(query.json).toMatchObject({ details: [{ field: "query.userId" }] });
  });

  it("a missing parameter is '<name> is required', once per field", async () => {
    const response = await raw("GET", "/v2/slots?eventTypeId=1");
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ error: { message: "Invalid request: start is required; end is required." } });
  });

  it("a key under another scheme than Bearer, or in X-API-Key, is a 401 that says where keys go and never repeats the key", async () => {
    const token = await raw("GET", "/v1/me", { headers: { authorization: `Token ${admin()}` } });
    expect(token.status).toBe(401);
    expect(token.json).toMatchObject({ code: "unauthorized", message: expect.stringMatching(/must use the Bearer scheme/) });
    const header = await raw("GET", "/v2/me", { headers: { "x-api-key": admin() } });
    expect(header.status).toBe(401);
    expect(header.json).toMatchObject({ error: { code: "unauthorized", message: expect.stringMatching(/does not read the X-API-Key header/) } });
    expect(token.text + header.text).not.toContain(admin());
  });
});
