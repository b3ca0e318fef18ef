import { createMocks, type RequestMethod } from "node-mocks-http";
import type { NextApiRequest, NextApiResponse } from "next";
import { z } from "zod";
import { schemaComponents } from "../lib/openapi/components";
import { withMiddleware } from "../lib/middleware/with-middleware";
import { endpoint } from "../lib/route/endpoint";
import { toResponseBody } from "../lib/validation/response";
import { UserResponse } from "../lib/schemas/users";
import { BookingResponseV1 } from "../lib/schemas/bookings-v1";
import { ApiKeyCreatedResponse } from "../lib/schemas/api-keys";
import { api } from "./support/api";
import { useTestDatabase } from "./support/database";
import { createCaller } from "./support/fixtures";
import { loadOpenApiDocument } from "./support/response-validator";

/*
 * What leaves the server is an allow-list: every success body is the output of its
 * operation's public response schema, so unknown keys (a new column) never leave, at any depth.
 */

useTestDatabase();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** Every zod schema reachable from `schema` (object shapes, arrays, unions, wrappers, pipes...). */
function* reachable(schema: z.ZodType, seen = new Set<unknown>()): Generator<z.ZodType> {
  if (seen.has(schema)) return;
  seen.add(schema);
  yield schema;
  const visit = function* (value: unknown): Generator<z.ZodType> {
    if (value && typeof value === "object" && "_zod" in value) yield* reachable(value as z.ZodType, seen);
    else if (Array.isArray(value)) for (const item of value) yield* visit(item);
    else if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
      for (const item of Object.values(value)) yield* visit(item);
    }
  };
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  for (const [key, value] of Object.entries(def)) if (key !== "checks") yield* visit(value);
}

const responseNames = (() => {
  const document = loadOpenApiDocument();
  const names = new Set<string>();
  for (const item of Object.values(document.paths as Record<string, Json>)) {
    for (const operation of Object.values(item) as Json[]) {
      for (const [status, response] of Object.entries((operation?.responses ?? {}) as Record<string, Json>)) {
        const ref = response?.content?.["application/json"]?.schema?.$ref;
        if (status.startsWith("2") && typeof ref === "string") names.add(ref.replace("#/components/schemas/", ""));
      }
    }
  }
  return [...names].sort();
})();

describe("public response schemas", () => {
  it("never let unknown keys through: no loose, passthrough, catchall or strict object anywhere in a success body", () => {
    expect(responseNames.length).toBeGreaterThan(20);
    const problems: string[] = [];
    for (const name of responseNames) {
      const schema = schemaComponents[name];
      if (!schema) {
        problems.push(`${name}: not a registered component`);
        continue;
      }
      for (const part of reachable(schema)) {
        const def = (part as unknown as { _zod: { def: { type: string; catchall?: unknown } } })._zod.def;
        // .strict() would turn a new key into a 500; .loose()/.passthrough()/.catchall() would publish it.
        if (def.type === "object" && def.catchall !== undefined) problems.push(`${name}: an object with a catchall (${(def.catchall as z.ZodType)._zod.def.type})`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("strip unknown keys at every depth and keep Dates as Dates (ISO strings in JSON)", () => {
    const createdDate = new Date("2027-01-01T00:00:00.000Z");
    const row = {
      id: 1, username: "a", name: "A", email: "a@example.com", emailVerified: createdDate, bio: null, avatarUrl: null,
      timeZone: "Europe/London", weekStart: "Monday", timeFormat: 24, locale: "en", brandColor: null, darkBrandColor: null,
      theme: null, hideBranding: false, allowDynamicBooking: true, away: false, defaultScheduleId: null, bufferTime: 0,
      role: "USER", createdDate, updatedAt: createdDate, pendingEmail: null,
      locked: true, passwordHash: "secret",
    };
    const user = toResponseBody(UserResponse, { user: row, extra: 1 }) as Json;
    expect(user).not.toHaveProperty("extra");
    expect(user.user).not.toHaveProperty("locked");
    expect(user.user).not.toHaveProperty("passwordHash");
    expect(user.user.createdDate).toBeInstanceOf(Date);
    expect(JSON.parse(JSON.stringify(user)).user.createdDate).toBe("2027-01-01T00:00:00.000Z");

    const booking = toResponseBody(BookingResponseV1, {
      booking: {
        id: 1, uid: "u", userId: 1, eventTypeId: 1, title: "t", description: null, startTime: createdDate, endTime: createdDate,
        location: null, paid: false, cancellationReason: null, rejectionReason: null, fromReschedule: null, rescheduled: null,
        noShowHost: false, createdAt: createdDate, updatedAt: null, status: "ACCEPTED", iCalUID: "internal",
        attendees: [{ id: 1, email: "b@example.com", name: "B", timeZone: "UTC", locale: "en", bookingId: 1, noShow: false, phoneNumber: "+1555" }],
        user: { id: 1, name: "A", email: "a@example.com", username: "a", timeZone: "UTC", locked: false },
        metadata: { kept: "client data" }, responses: {},
        references: [{ id: 1, type: "zoom", uid: "z", meetingId: null, meetingUrl: null, externalCalendarId: null, deleted: null, bookingId: 1, meetingPassword: "pw" }],
      },
    }) as Json;
    expect(booking.booking).not.toHaveProperty("iCalUID");
    expect(booking.booking.attendees[0]).not.toHaveProperty("phoneNumber");
    expect(booking.booking.user).not.toHaveProperty("locked");
    expect(booking.booking.references[0]).not.toHaveProperty("meetingPassword");
    expect(booking.booking.metadata).toEqual({ kept: "client data" });
  });

  it("fail loudly (a 500 logged on our side) rather than send a body that breaks its schema", () => {
    expect(() => toResponseBody(ApiKeyCreatedResponse, { api_key: { id: 1 } })).toThrow(/does not match its schema: api_key\.id/);
  });

  it("GET /v1/me shows the allow-listed user: never locked", async () => {
    const caller = await createCaller();
    const result = await api("GET /v1/me", { key: caller.key });
    expect(result.status).toBe(200);
    expect(result.body.user).not.toHaveProperty("locked");
    expect(result.body.user.id).toBe(caller.user.id);
  });
});

describe("endpoint() responses", () => {
  const Thing = z.object({ id: z.number(), at: z.date(), nested: z.object({ shown: z.string() }) });
  const ThingResponse = z.object({ thing: Thing });
  const leaky = { thing: { id: 1, at: new Date("2027-03-29T07:00:00.000Z"), secret: "s", nested: { shown: "x", hidden: "h" } } };

  async function call(handler: ReturnType<typeof withMiddleware>, key: string, idempotencyKey?: string) {
    const { req, res } = createMocks({
      method: "POST" as RequestMethod,
      url: "/v2/things",
      headers: { authorization: `Bearer ${key}`, ...(idempotencyKey ? { "idempotency-key": idempotencyKey } : {}) },
    });
    (req as { body?: unknown }).body = "";
    await handler(req as unknown as NextApiRequest, res as unknown as NextApiResponse);
    return { status: res._getStatusCode(), headers: res._getHeaders(), text: res._getData() as string };
  }

  it("send the schema's output, and the idempotent replay sends the very same allow-listed text", async () => {
    const caller = await createCaller();
    let runs = 0;
    const handler = withMiddleware({
      POST: endpoint({
        scope: "bookings:write",
        response: ThingResponse,
        status: 201,
        idempotent: true,
        handler: async () => {
          runs += 1;
          return leaky;
        },
      }),
    });
    const expected = JSON.stringify({ thing: { id: 1, at: "2027-03-29T07:00:00.000Z", nested: { shown: "x" } } });
    const plain = await call(handler, caller.key);
    expect({ status: plain.status, text: plain.text }).toEqual({ status: 201, text: expected });
    const first = await call(handler, caller.key, "strip-test-1");
    const replay = await call(handler, caller.key, "strip-test-1");
    expect({ status: first.status, text: first.text }).toEqual({ status: 201, text: expected });
    expect({ status: replay.status, text: replay.text, replayed: replay.headers["idempotent-replayed"] }).toEqual({
      status: 201,
      text: expected,
      replayed: "true",
    });
    expect(runs).toBe(2);
  });
});
