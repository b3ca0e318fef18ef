import { getPrisma } from "@slotbase/prisma";
import { requestFingerprint } from "@slotbase/features";
import { api, type ApiResult } from "../support/api";
import { useTestDatabase } from "../support/database";
import { addKey, createCaller, type Caller } from "../support/fixtures";
import { createEventType, createSchedule } from "../support/scheduling";
import { berlin, BERLIN, localIso, nextMonday } from "../support/dates";

useTestDatabase();

// MON is a Monday ahead (computed from today); hosts work 09:00–17:00 Berlin.
const MON = nextMonday();

/** POST /v2/slots/reservations is `idempotent: true`: the real route these tests go through. */
const OPERATION = "POST /v2/slots/reservations";
const PATH = "/v2/slots/reservations";
const NINE = berlin(MON, "09:00");
const TEN = berlin(MON, "10:00");
const DAY_MS = 24 * 60 * 60 * 1000;

/** An event type with seats, so the same hold request succeeds again when the work is redone. */
async function eventType(data: Record<string, unknown> = { seatsPerTimeSlot: 10 }) {
  const host = await createCaller();
  await createSchedule(host.user.id, "Europe/Berlin");
  return createEventType(host.user.id, data);
}

const reserve = (caller: Caller, body: unknown, idempotencyKey?: string) =>
  api(OPERATION, { key: caller.key, body, headers: idempotencyKey === undefined ? {} : { "Idempotency-Key": idempotencyKey } });

const holdCount = async (eventTypeId: number) => (await getPrisma()).slotReservation.count({ where: { eventTypeId } });
const keyRows = async (userId: number) => (await getPrisma()).idempotencyKey.findMany({ where: { userId } });
const replayed = (result: ApiResult) => result.headers["idempotent-replayed"];
const code = (result: ApiResult) => result.body?.error?.code;
let counter = 0;
const newKey = () => `key-${Date.now()}-${(counter += 1)}`;

describe("Idempotency-Key on POST /v2/slots/reservations", () => {
  it("replays the first response to a retry with the same key and body, without holding again", async () => {
    const type = await eventType();
    const booker = await createCaller();
    const key = newKey();
    const body = { eventTypeId: type.id, slotStart: NINE };

    const first = await reserve(booker, body, key);
    expect(first.status).toBe(201);
    expect(replayed(first)).toBeUndefined();
    const retry = await reserve(booker, body, key);
    expect(retry.status).toBe(first.status);
    expect(retry.body).toEqual(first.body);
    expect(replayed(retry)).toBe("true");
    expect(retry.headers["x-request-id"]).toBeTruthy();
    expect(retry.headers["x-request-id"]).not.toBe(first.headers["x-request-id"]);
    expect(await holdCount(type.id)).toBe(1);

    const [row] = await keyRows(booker.user.id);
    expect(row).toMatchObject({ key, method: "POST", path: PATH, responseStatus: 201 });
    expect(row!.requestHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(row!.responseBody as string)).toEqual(first.body);
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(DAY_MS);
  });

  it("changes nothing without the header: every request does the work", async () => {
    const type = await eventType();
    const booker = await createCaller();
    const body = { eventTypeId: type.id, slotStart: NINE };
    const first = await reserve(booker, body);
    const second = await reserve(booker, body);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.data.reservationUid).not.toBe(first.body.data.reservationUid);
    expect(replayed(second)).toBeUndefined();
    expect(await holdCount(type.id)).toBe(2);
    expect(await keyRows(booker.user.id)).toEqual([]);
  });

  it("does not care about key order in the body", async () => {
    const type = await eventType();
    const booker = await createCaller();
    const key = newKey();
    const first = await reserve(booker, { eventTypeId: type.id, slotStart: NINE, reservationDuration: 5 }, key);
    const retry = await reserve(booker, { reservationDuration: 5, slotStart: NINE, eventTypeId: type.id }, key);
    expect(first.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(replayed(retry)).toBe("true");
    expect(await holdCount(type.id)).toBe(1);
  });

  it("refuses the same key with a different body (422), and still replays the original", async () => {
    const type = await eventType();
    const booker = await createCaller();
    const key = newKey();
    const body = { eventTypeId: type.id, slotStart: NINE };
    const first = await reserve(booker, body, key);
    expect(first.status).toBe(201);

    for (const other of [
      { eventTypeId: type.id, slotStart: TEN },
      { eventTypeId: type.id, slotStart: NINE, reservationDuration: 5 },
      // The JSON sent is compared, not its meaning: the same instant written differently is another request.
      { eventTypeId: type.id, slotStart: localIso(MON, "09:00", BERLIN) },
    ]) {
      const refused = await reserve(booker, other, key);
      expect(refused.status).toBe(422);
      expect(code(refused)).toBe("unprocessable_entity");
      expect(refused.body.error.message).toMatch(/This Idempotency-Key was used with a different request/);
      expect(refused.body.error.details).toEqual([expect.objectContaining({ field: "header.Idempotency-Key", rule: "request_mismatch" })]);
      expect(replayed(refused)).toBeUndefined();
    }
    expect(await holdCount(type.id)).toBe(1);
    const retry = await reserve(booker, body, key);
    expect(retry.body).toEqual(first.body);
    expect(replayed(retry)).toBe("true");
  });

  it("scopes keys to the API key's user: another user's identical key is independent, another key of the same user is not", async () => {
    const type = await eventType();
    const alice = await createCaller();
    const bob = await createCaller();
    const key = newKey();
    const body = { eventTypeId: type.id, slotStart: NINE };

    const fromAlice = await reserve(alice, body, key);
    const fromBob = await reserve(bob, body, key);
    expect([fromAlice.status, fromBob.status]).toEqual([201, 201]);
    expect(replayed(fromBob)).toBeUndefined();
    expect(fromBob.body.data.reservationUid).not.toBe(fromAlice.body.data.reservationUid);
    expect(await holdCount(type.id)).toBe(2);

    // Another API key of Alice's: the same user, so the same key space.
    const aliceAgain = await reserve(await addKey(alice.user), body, key);
    expect(aliceAgain.body).toEqual(fromAlice.body);
    expect(replayed(aliceAgain)).toBe("true");
    expect(await holdCount(type.id)).toBe(2);
  });

  it("forgets a key once expired: the retry does the work again", async () => {
    const type = await eventType();
    const booker = await createCaller();
    const key = newKey();
    const body = { eventTypeId: type.id, slotStart: NINE };
    const first = await reserve(booker, body, key);
    const prisma = await getPrisma();
    await prisma.idempotencyKey.updateMany({ where: { userId: booker.user.id, key }, data: { expiresAt: new Date(Date.now() - 1000) } });

    const again = await reserve(booker, body, key);
    expect(again.status).toBe(201);
    expect(replayed(again)).toBeUndefined();
    expect(again.body.data.reservationUid).not.toBe(first.body.data.reservationUid);
    expect(await holdCount(type.id)).toBe(2);
    const rows = await keyRows(booker.user.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.expiresAt.getTime()).toBeGreaterThan(Date.now() + DAY_MS - 60_000);
    expect(JSON.parse(rows[0]!.responseBody as string)).toEqual(again.body);
  });

  it("keeps no failure: after a 422 (slot not free) the retry with the same key does the work", async () => {
    const type = await eventType({});
    const booker = await createCaller();
    const other = await createCaller();
    const key = newKey();
    const body = { eventTypeId: type.id, slotStart: NINE };
    const taken = await reserve(other, body);
    expect(taken.status).toBe(201);

    const refused = await reserve(booker, body, key);
    expect(refused.status).toBe(422);
    expect(refused.body.error.details[0].field).toBe("body.slotStart");
    expect(await keyRows(booker.user.id)).toEqual([]);

    const released = await api("DELETE /v2/slots/reservations/{uid}", { key: other.key, params: { uid: taken.body.data.reservationUid } });
    expect(released.status).toBe(200);
    const retry = await reserve(booker, body, key);
    expect(retry.status).toBe(201);
    expect(replayed(retry)).toBeUndefined();
    const again = await reserve(booker, body, key);
    expect(again.body).toEqual(retry.body);
    expect(replayed(again)).toBe("true");
  });

  it("keeps no invalid request either: a 400 body leaves the key free", async () => {
    const type = await eventType();
    const booker = await createCaller();
    const key = newKey();
    const invalid = await reserve(booker, { eventTypeId: type.id, slotStart: "soon" }, key);
    expect(invalid.status).toBe(400);
    expect(await keyRows(booker.user.id)).toEqual([]);
    expect((await reserve(booker, { eventTypeId: type.id, slotStart: NINE }, key)).status).toBe(201);
  });

  it("lets exactly one of several concurrent requests with the same key do the work", async () => {
    const type = await eventType();
    const booker = await createCaller();
    const key = newKey();
    const body = { eventTypeId: type.id, slotStart: NINE };

    // Whether the others meet the claim still running (409) or already finished (replay)
    // depends on timing; either way the work is done once.
    const results = await Promise.all(Array.from({ length: 6 }, () => reserve(booker, body, key)));
    const fresh = results.filter((r) => r.status === 201 && replayed(r) === undefined);
    expect(fresh).toHaveLength(1);
    for (const result of results) {
      if (result.status === 201) {
        expect(result.body).toEqual(fresh[0]!.body);
      } else {
        expect(result.status).toBe(409);
        expect(code(result)).toBe("conflict");
        expect(result.headers["retry-after"]).toBe("1");
      }
    }
    const prisma = await getPrisma();
    expect(await prisma.slotReservation.count({ where: { eventTypeId: type.id, slotUtcStartDate: new Date(NINE) } })).toBe(1);
    const retry = await reserve(booker, body, key);
    expect(retry.body).toEqual(fresh[0]!.body);
    expect(replayed(retry)).toBe("true");
  });

  it("answers 409 with Retry-After while the first request runs, and takes over a claim abandoned for minutes", async () => {
    const type = await eventType();
    const booker = await createCaller();
    const key = newKey();
    const body = { eventTypeId: type.id, slotStart: NINE };
    const prisma = await getPrisma();
    const now = Date.now();
    // What a request still running (or killed mid-way) leaves behind: a claim without a response.
    const claim = await prisma.idempotencyKey.create({
      data: {
        userId: booker.user.id,
        key,
        method: "POST",
        path: PATH,
        requestHash: requestFingerprint({ method: "POST", path: PATH, query: {}, body }),
        createdAt: new Date(now),
        expiresAt: new Date(now + DAY_MS),
      },
    });

    const busy = await reserve(booker, body, key);
    expect(busy.status).toBe(409);
    expect(code(busy)).toBe("conflict");
    expect(busy.headers["retry-after"]).toBe("1");
    expect(busy.body.error.details[0]).toMatchObject({ field: "header.Idempotency-Key", rule: "in_progress" });
    expect(await holdCount(type.id)).toBe(0);

    await prisma.idempotencyKey.update({ where: { id: claim.id }, data: { createdAt: new Date(now - 6 * 60_000) } });
    const taken = await reserve(booker, body, key);
    expect(taken.status).toBe(201);
    expect(replayed(taken)).toBeUndefined();
    expect(await holdCount(type.id)).toBe(1);
  });

  it("refuses an invalid Idempotency-Key header (400 naming it) before doing anything", async () => {
    const type = await eventType();
    const booker = await createCaller();
    const body = { eventTypeId: type.id, slotStart: NINE };
    for (const bad of ["", "   ", "k".repeat(256), "clé-1", "tab\there", "line\u0001"]) {
      const result = await reserve(booker, body, bad);
      expect(result.status).toBe(400);
      expect(code(result)).toBe("validation_error");
      expect(result.body.error.details).toEqual([expect.objectContaining({ field: "header.Idempotency-Key" })]);
    }
    expect(await holdCount(type.id)).toBe(0);
    expect(await keyRows(booker.user.id)).toEqual([]);

    const longest = "k".repeat(255);
    expect((await reserve(booker, body, longest)).status).toBe(201);
    expect((await reserve(booker, body, "order 42 / retry-safe ~ key")).status).toBe(201);
    expect((await keyRows(booker.user.id)).map((row) => row.key).sort()).toEqual([longest, "order 42 / retry-safe ~ key"].sort());
  });
});
