import { getPrisma } from "@slotbase/prisma";
import {
  canonicalJson,
  flushBackgroundWrites,
  DomainError,
  IDEMPOTENCY_KEY_TTL_MS,
  parseIdempotencyKey,
  requestFingerprint,
  runIdempotent,
  sweepExpiredIdempotencyKeys,
  type AuthContext,
  type IdempotentRequest,
} from "@slotbase/features";
import { idempotencyPath } from "../../lib/route/endpoint";
import { HttpError } from "../../lib/http/http-error";
import { toHttpError } from "../../lib/http/domain-error-response";
import { useTestDatabase } from "../support/database";
import { createCaller } from "../support/fixtures";

useTestDatabase();

async function caller(): Promise<AuthContext> {
  const { user, apiKeyId } = await createCaller();
  return { userId: user.id, role: "USER", isAdmin: false, apiKeyId, scopes: [], teamId: null };
}

let counter = 0;
function request(overrides: Partial<IdempotentRequest> = {}): IdempotentRequest {
  const method = overrides.method ?? "POST";
  const path = overrides.path ?? "/v2/things";
  return { key: `k-${(counter += 1)}`, method, path, requestHash: requestFingerprint({ method, path, body: { a: 1 } }), ...overrides };
}

/** Work that counts its runs and answers 201 with a JSON text. */
function counted(status = 201) {
  const work = Object.assign(
    async () => {
      work.runs += 1;
      return { status, body: JSON.stringify({ run: work.runs, b: 1, a: 2 }) };
    },
    { runs: 0 },
  );
  return work;
}

/** What the service throws, as the API answers it on a v2 path (lib/http/domain-error-response.ts). */
const asAnswered = (error: unknown) => (error instanceof DomainError ? toHttpError(error, "v2") : error);
const rejection = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => asAnswered(error) as HttpError);

describe("canonicalJson and requestFingerprint", () => {
  it("ignore key order at every depth but not array order or values", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
    expect(canonicalJson({ a: undefined, b: new Date("2027-01-01T00:00:00Z") })).toBe('{"b":"2027-01-01T00:00:00.000Z"}');
    expect(canonicalJson(undefined)).toBe("null");
    expect(canonicalJson(JSON.parse('{"__proto__":{"x":1},"a":1}'))).toBe('{"__proto__":{"x":1},"a":1}');
  });

  it("tell requests apart by method, path, query and body, and nothing else", () => {
    const base = { method: "POST", path: "/v2/x", query: { id: "1" }, body: { a: 1, b: [1, 2] } };
    const hash = requestFingerprint(base);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(requestFingerprint({ ...base, method: "post", body: { b: [1, 2], a: 1 } })).toBe(hash);
    for (const change of [{ method: "PUT" }, { path: "/v2/y" }, { query: { id: "2" } }, { body: { a: 1, b: [2, 1] } }, { body: { a: "1", b: [1, 2] } }]) {
      expect(requestFingerprint({ ...base, ...change })).not.toBe(hash);
    }
  });
});

describe("parseIdempotencyKey and idempotencyPath", () => {
  it("accepts 1–255 printable ASCII characters and names the header otherwise", () => {
    expect(parseIdempotencyKey(undefined)).toBeUndefined();
    expect(parseIdempotencyKey("a")).toBe("a");
    expect(parseIdempotencyKey("~".repeat(255))).toHaveLength(255);
    for (const bad of ["", " ", "x".repeat(256), "é", "a\nb", ["a", "b"]]) {
      let error: unknown;
      try {
        parseIdempotencyKey(bad);
      } catch (caught) {
        error = caught;
      }
      const answered = asAnswered(error) as HttpError;
      expect(answered).toBeInstanceOf(HttpError);
      expect(answered.status).toBe(400);
      expect(answered.details[0]!.field).toBe("header.Idempotency-Key");
    }
  });

  it("binds a key to the path without query, the same with or without the /api rewrite", () => {
    expect(idempotencyPath("/v2/slots/reservations?apiKey=cal_x")).toBe("/v2/slots/reservations");
    expect(idempotencyPath("/api/v2/slots/reservations")).toBe("/v2/slots/reservations");
    expect(idempotencyPath("/v1/bookings/")).toBe("/v1/bookings");
    expect(idempotencyPath("/")).toBe("/");
  });
});

describe("runIdempotent", () => {
  it("runs the work once and replays its stored result, byte for byte", async () => {
    const auth = await caller();
    const req = request();
    const work = counted();
    const first = await runIdempotent(auth, req, work);
    const second = await runIdempotent(auth, req, work);
    expect(first).toEqual({ status: 201, body: '{"run":1,"b":1,"a":2}', replayed: false });
    expect(second).toEqual({ ...first, replayed: true });
    expect(work.runs).toBe(1);
  });

  it("refuses the key for another method or path even with the same fingerprint (422)", async () => {
    const auth = await caller();
    const req = request();
    await runIdempotent(auth, req, counted());
    for (const other of [{ ...req, method: "PUT" }, { ...req, path: "/v2/other" }, { ...req, requestHash: "0".repeat(64) }]) {
      const error = await rejection(runIdempotent(auth, other, counted()));
      expect(error).toBeInstanceOf(HttpError);
      expect(error!.status).toBe(422);
      expect(error!.code).toBe("unprocessable_entity");
    }
  });

  it("lets go of the key when the work throws anything, or answers other than 2xx", async () => {
    const auth = await caller();
    const req = request();
    const prisma = await getPrisma();
    const boom = new Error("database went away");
    expect(await rejection(runIdempotent(auth, req, () => Promise.reject(boom)))).toBe(boom);
    expect(await prisma.idempotencyKey.count({ where: { userId: auth.userId } })).toBe(0);

    const accepted = counted(202);
    expect((await runIdempotent(auth, req, accepted)).replayed).toBe(false);
    const notModified = counted(304);
    expect(await runIdempotent(auth, request({ key: "other" }), notModified)).toMatchObject({ status: 304, replayed: false });
    expect(await prisma.idempotencyKey.findMany({ where: { userId: auth.userId }, select: { key: true, responseStatus: true } })).toEqual([
      { key: req.key, responseStatus: 202 },
    ]);
  });

  it("answers 409 with Retry-After: 1 while the first run is unfinished", async () => {
    const auth = await caller();
    const req = request();
    let finish: () => void = () => undefined;
    const slow = runIdempotent(auth, req, () => new Promise((resolve) => (finish = () => resolve({ status: 200, body: "{}" }))));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const busy = await rejection(runIdempotent(auth, req, counted()));
    expect(busy!.status).toBe(409);
    expect(busy!.headers).toEqual({ "Retry-After": "1" });
    finish();
    expect(await slow).toMatchObject({ status: 200, replayed: false });
    expect(await runIdempotent(auth, req, counted())).toEqual({ status: 200, body: "{}", replayed: true });
  });

  it("keeps a key for 24 hours per user", async () => {
    const [alice, bob] = [await caller(), await caller()];
    const req = request();
    const before = Date.now();
    await runIdempotent(alice, req, counted());
    expect((await runIdempotent(bob, req, counted())).replayed).toBe(false);
    const prisma = await getPrisma();
    const row = await prisma.idempotencyKey.findUniqueOrThrow({ where: { userId_key: { userId: alice.userId, key: req.key } } });
    expect(row.expiresAt.getTime()).toBeGreaterThanOrEqual(before + IDEMPOTENCY_KEY_TTL_MS);
    expect(row.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + IDEMPOTENCY_KEY_TTL_MS);
  });
});

describe("sweepExpiredIdempotencyKeys", () => {
  it("deletes expired keys in small batches and leaves live ones", async () => {
    const auth = await caller();
    const live = request();
    await runIdempotent(auth, live, counted());
    await flushBackgroundWrites(); // the opportunistic sweep, if that call started one
    const prisma = await getPrisma();
    const past = new Date(Date.now() - 1000);
    await prisma.idempotencyKey.createMany({
      data: Array.from({ length: 5 }, (_, i) => ({
        userId: auth.userId,
        key: `old-${i}`,
        method: "POST",
        path: "/v2/x",
        requestHash: "h",
        expiresAt: past,
      })),
    });

    expect(await sweepExpiredIdempotencyKeys(3)).toBe(3);
    expect(await sweepExpiredIdempotencyKeys()).toBe(2);
    expect(await sweepExpiredIdempotencyKeys()).toBe(0);
    expect((await prisma.idempotencyKey.findMany({ where: { userId: auth.userId } })).map((row) => row.key)).toEqual([live.key]);
  });
});
