import { HOST_LOCK_NAMESPACE } from "@slotbase/features/bookings/booking-locks";
import { getPrisma } from "@slotbase/prisma";
import { api } from "../../support/api";
import { useTestDatabase } from "../../support/database";
import { createCaller } from "../../support/fixtures";
import { createBooking, createEventType, createHostWithEventType } from "../../support/scheduling";
import { addDays, berlin, nextMonday } from "../../support/dates";

useTestDatabase();

// MON is a Monday ahead (computed from today); hosts work 09:00–17:00 Berlin.
const MON = nextMonday();
const day = (n: number) => addDays(MON, n);

// No double booking, ever: these run on PGlite and, in CI, on PostgreSQL (TEST_DATABASE_URL),
// where the requests really race on separate connections.
const attendee = (i: number) => ({ name: `Booker ${i}`, email: `booker${i}@example.com`, timeZone: "UTC" });


describe("no double booking under concurrency", () => {
  it("50 concurrent creates of one slot: exactly 1 success and 49 × 409", async () => {
    const { host, eventType } = await createHostWithEventType();
    const booker = await createCaller();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => api("POST /v2/bookings", { key: booker.key, body: { eventTypeId: eventType.id, start: berlin(MON, "09:00"), attendee: attendee(i) } })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    expect(results.find((r) => r.status === 409)!.body.error.message).toMatch(/GET \/v2\/slots/);
    const prisma = await getPrisma();
    expect(await prisma.booking.count({ where: { userId: host.user.id, status: "ACCEPTED" } })).toBe(1);
  });

  it("round after round of same-slot races: one winner each, the rest 409, never an error", async () => {
    const { host, eventType } = await createHostWithEventType();
    const booker = await createCaller();
    const statuses: number[] = [];
    for (let round = 0; round < 8; round += 1) {
      const start = berlin(day(Math.floor(round / 4)), `${String(9 + (round % 4)).padStart(2, "0")}:00`);
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => api("POST /v2/bookings", { key: booker.key, body: { eventTypeId: eventType.id, start, attendee: attendee(i) } })),
      );
      statuses.push(...results.map((r) => r.status));
    }
    expect(statuses.filter((s) => s === 201)).toHaveLength(8);
    expect(statuses.filter((s) => s !== 201 && s !== 409)).toEqual([]);
    const prisma = await getPrisma();
    expect(await prisma.booking.count({ where: { userId: host.user.id, status: "ACCEPTED" } })).toBe(8);
  });

  (process.env.TEST_DATABASE_URL ? it : it.skip)("a create takes its host's lock before writing, so racing inserts never deadlock in the constraint check", async () => {
    const { host, eventType } = await createHostWithEventType();
    const booker = await createCaller();
    const prisma = await getPrisma();
    let settled = false;
    let request: ReturnType<typeof api> | undefined;
    await prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${HOST_LOCK_NAMESPACE}::int, ${host.user.id}::int)`;
      request = api("POST /v2/bookings", { key: booker.key, body: { eventTypeId: eventType.id, start: berlin(MON, "09:00"), attendee: attendee(1) } });
      void request.finally(() => (settled = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(settled).toBe(false);
    });
    expect((await request!).status).toBe(201);
  });

  it("refuses an overlap with different bounds, allows back-to-back", async () => {
    const { host } = await createHostWithEventType();
    const hour = await createEventType(host.user.id, { length: 60 });
    const half = await createEventType(host.user.id, { length: 30 });
    const booker = await createCaller();
    const book = (eventTypeId: number, start: string) => api("POST /v2/bookings", { key: booker.key, body: { eventTypeId, start, attendee: attendee(1) } });
    expect((await book(hour.id, berlin(MON, "09:00"))).status).toBe(201); // 09:00–10:00 Berlin
    expect((await book(half.id, berlin(MON, "09:30"))).status).toBe(409); // 09:30 overlaps
    expect((await book(half.id, berlin(MON, "10:00"))).status).toBe(201); // 10:00 back to back
    expect((await book(half.id, berlin(MON, "08:30"))).status).toBe(409); // 08:30 Berlin: outside the hours, not a slot
  });

  it("the database itself refuses overlapping accepted bookings, whatever the application checks", async () => {
    const { host } = await createHostWithEventType();
    await createBooking(host.user.id, berlin(MON, "09:00"), berlin(MON, "10:00"));
    await expect(createBooking(host.user.id, berlin(MON, "09:59"), berlin(MON, "10:30"))).rejects.toThrow();
    await expect(createBooking(host.user.id, berlin(MON, "10:00"), berlin(MON, "10:30"))).resolves.toBeDefined();
  });

  it("two concurrent confirms of overlapping pending bookings: exactly one is confirmed", async () => {
    const { host, eventType } = await createHostWithEventType({ requiresConfirmation: true });
    const a = await createBooking(host.user.id, berlin(MON, "09:00"), berlin(MON, "09:30"), { status: "PENDING", eventTypeId: eventType.id });
    const b = await createBooking(host.user.id, berlin(MON, "09:15"), berlin(MON, "09:45"), { status: "PENDING", eventTypeId: eventType.id });
    const results = await Promise.all([a, b].map((booking) => api("POST /v2/bookings/{bookingUid}/confirm", { key: host.key, params: { bookingUid: booking.uid } })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const prisma = await getPrisma();
    expect(await prisma.booking.count({ where: { userId: host.user.id, status: "ACCEPTED" } })).toBe(1);
  });

  it("a seated slot with 3 seats and 10 concurrent bookers: 3 succeed", async () => {
    const { eventType } = await createHostWithEventType({ seatsPerTimeSlot: 3 });
    const booker = await createCaller();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => api("POST /v2/bookings", { key: booker.key, body: { eventTypeId: eventType.id, start: berlin(MON, "09:00"), attendee: attendee(i) } })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    expect(results.filter((r) => r.status === 409)).toHaveLength(7);
    const prisma = await getPrisma();
    const bookings = await prisma.booking.findMany({ where: { eventTypeId: eventType.id }, include: { attendees: true, seats: true } });
    expect(bookings).toHaveLength(1);
    expect(bookings[0]!.attendees).toHaveLength(3);
    expect(bookings[0]!.seats).toHaveLength(3);
  });

  it("cancel then rebook the same slot succeeds", async () => {
    const { eventType } = await createHostWithEventType();
    const booker = await createCaller();
    const body = { eventTypeId: eventType.id, start: berlin(MON, "09:00"), attendee: attendee(1) };
    const first = await api("POST /v2/bookings", { key: booker.key, body });
    expect((await api("POST /v2/bookings", { key: booker.key, body })).status).toBe(409);
    await api("POST /v2/bookings/{bookingUid}/cancel", { key: booker.key, params: { bookingUid: first.body.data.uid }, body: {} });
    expect((await api("POST /v2/bookings", { key: booker.key, body })).status).toBe(201);
  });
});
