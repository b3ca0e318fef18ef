import { getPrisma } from "@slotbase/prisma";
import { api } from "../../support/api";
import { useTestDatabase } from "../../support/database";
import { createCaller, type Caller } from "../../support/fixtures";
import { createSchedule, createTeamEventType, createHostWithEventType } from "../../support/scheduling";
import { createTeam } from "../../support/teams";
import { berlin, BERLIN, localIso, nextMonday } from "../../support/dates";

useTestDatabase();

// MON is a Monday ahead (computed from today); hosts work 09:00–17:00 Berlin.
const MON = nextMonday();

const DAY = { start: MON, end: MON, timeZone: "Europe/Berlin" };
const NINE = berlin(MON, "09:00");


const slotStarts = async (caller: Caller, eventTypeId: number, extra: Record<string, string> = {}) => {
  const result = await api("GET /v2/slots", { key: caller.key, query: { ...DAY, eventTypeId: String(eventTypeId), ...extra } });
  return (result.body.data[MON] ?? []).map((s: { start: string }) => new Date(s.start).toISOString());
};

describe("slot reservations (holds)", () => {
  it("hides a held slot from everyone else for five minutes, and shows it to the holder with its uid", async () => {
    const { eventType } = await createHostWithEventType();
    const booker = await createCaller();
    const other = await createCaller();
    const created = await api("POST /v2/slots/reservations", { key: booker.key, body: { eventTypeId: eventType.id, slotStart: localIso(MON, "09:00", BERLIN) } });
    expect(created.status).toBe(201);
    const hold = created.body.data;
    expect(hold).toMatchObject({ eventTypeId: eventType.id, slotStart: NINE, slotEnd: berlin(MON, "09:30"), slotDuration: 30, reservationDuration: 5 });
    const until = new Date(hold.reservationUntil).getTime();
    expect(until - Date.now()).toBeGreaterThan(4.5 * 60_000);
    expect(until - Date.now()).toBeLessThanOrEqual(5 * 60_000);

    expect(await slotStarts(other, eventType.id)).not.toContain(NINE);
    expect(await slotStarts(booker, eventType.id)).not.toContain(NINE);
    expect(await slotStarts(booker, eventType.id, { reservationUid: hold.reservationUid })).toContain(NINE);

    const taken = await api("POST /v2/slots/reservations", { key: other.key, body: { eventTypeId: eventType.id, slotStart: NINE } });
    expect(taken.status).toBe(422);
    expect(taken.body.error.message).toMatch(/GET \/v2\/slots/);
  });

  it("stops blocking once expired", async () => {
    const { eventType } = await createHostWithEventType();
    const booker = await createCaller();
    const created = await api("POST /v2/slots/reservations", { key: booker.key, body: { eventTypeId: eventType.id, slotStart: NINE } });
    const prisma = await getPrisma();
    await prisma.slotReservation.update({ where: { uid: created.body.data.reservationUid }, data: { releaseAt: new Date(Date.now() - 1000) } });
    expect(await slotStarts(booker, eventType.id)).toContain(NINE);
    expect((await api("GET /v2/slots/reservations/{uid}", { key: booker.key, params: { uid: created.body.data.reservationUid } })).status).toBe(404);
    expect((await api("POST /v2/slots/reservations", { key: (await createCaller()).key, body: { eventTypeId: eventType.id, slotStart: NINE } })).status).toBe(201);
  });

  it("gets, moves and releases a hold", async () => {
    const { eventType } = await createHostWithEventType();
    const booker = await createCaller();
    const { reservationUid } = (await api("POST /v2/slots/reservations", { key: booker.key, body: { eventTypeId: eventType.id, slotStart: NINE } })).body.data;
    const got = await api("GET /v2/slots/reservations/{uid}", { key: booker.key, params: { uid: reservationUid } });
    expect(got.body.data.slotStart).toBe(NINE);
    const moved = await api("PATCH /v2/slots/reservations/{uid}", { key: booker.key, params: { uid: reservationUid }, body: { slotStart: berlin(MON, "10:00") } });
    expect(moved.status).toBe(200);
    expect(moved.body.data).toMatchObject({ reservationUid, slotStart: berlin(MON, "10:00") });
    const starts = await slotStarts(await createCaller(), eventType.id);
    expect(starts).toContain(NINE);
    expect(starts).not.toContain(berlin(MON, "10:00"));
    expect((await api("DELETE /v2/slots/reservations/{uid}", { key: booker.key, params: { uid: reservationUid } })).body).toEqual({ status: "success" });
    expect(await slotStarts(await createCaller(), eventType.id)).toContain(berlin(MON, "10:00"));
  });

  it("lets the owner hold longer, and nobody else", async () => {
    const { host, eventType } = await createHostWithEventType();
    const owned = await api("POST /v2/slots/reservations", { key: host.key, body: { eventTypeId: eventType.id, slotStart: NINE, reservationDuration: 30 } });
    expect(owned.status).toBe(201);
    expect(owned.body.data.reservationDuration).toBe(30);
    const stranger = await api("POST /v2/slots/reservations", { key: (await createCaller()).key, body: { eventTypeId: eventType.id, slotStart: berlin(MON, "10:00"), reservationDuration: 30 } });
    expect(stranger.status).toBe(403);
  });

  it("holds one seat of a seated slot", async () => {
    const { eventType } = await createHostWithEventType({ seatsPerTimeSlot: 2 });
    const first = await api("POST /v2/slots/reservations", { key: (await createCaller()).key, body: { eventTypeId: eventType.id, slotStart: NINE } });
    expect(first.status).toBe(201);
    const viewer = await createCaller();
    const slots = await api("GET /v2/slots", { key: viewer.key, query: { ...DAY, eventTypeId: String(eventType.id) } });
    expect(slots.body.data[MON][0]).toMatchObject({ seatsBooked: 1, seatsRemaining: 1 });
    expect((await api("POST /v2/slots/reservations", { key: (await createCaller()).key, body: { eventTypeId: eventType.id, slotStart: NINE } })).status).toBe(201);
    expect((await api("POST /v2/slots/reservations", { key: (await createCaller()).key, body: { eventTypeId: eventType.id, slotStart: NINE } })).status).toBe(422);
  });

  it("round robin: a hold takes one host, the slot stays offered while another is free", async () => {
    const owner = await createCaller();
    const mate = await createCaller();
    await createSchedule(owner.user.id, "Europe/Berlin");
    await createSchedule(mate.user.id, "Europe/Berlin");
    const team = await createTeam(owner, [{ caller: mate }]);
    const eventType = await createTeamEventType(team.id, [{ userId: owner.user.id }, { userId: mate.user.id }]);
    const body = { eventTypeId: eventType.id, slotStart: NINE };
    expect((await api("POST /v2/slots/reservations", { key: (await createCaller()).key, body })).status).toBe(201);
    expect(await slotStarts(owner, eventType.id)).toContain(NINE);
    expect((await api("POST /v2/slots/reservations", { key: (await createCaller()).key, body })).status).toBe(201);
    expect(await slotStarts(owner, eventType.id)).not.toContain(NINE);
    expect((await api("POST /v2/slots/reservations", { key: (await createCaller()).key, body })).status).toBe(422);
  });

  it("never lets two concurrent holds take the last place", async () => {
    const { eventType } = await createHostWithEventType();
    const callers = await Promise.all(Array.from({ length: 8 }, () => createCaller()));
    const results = await Promise.all(callers.map((c) => api("POST /v2/slots/reservations", { key: c.key, body: { eventTypeId: eventType.id, slotStart: NINE } })));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201).length).toBeLessThanOrEqual(1);
    expect(statuses.every((s) => s === 201 || s === 422)).toBe(true);
    const prisma = await getPrisma();
    expect(await prisma.slotReservation.count({ where: { eventTypeId: eventType.id, releaseAt: { gt: new Date() } } })).toBeLessThanOrEqual(1);
  });
});
