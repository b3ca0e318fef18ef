import { createTestDatabase, type TestDatabase } from "@slotbase/prisma/testing";
import { parseApiKey } from "../api-keys/key-format";
import { DEMO_BOOKINGS, DEMO_CALENDAR_BOOKINGS, SEED_KEY_NOTE } from "../scripts/demo-data";
import { seedDemoData } from "../scripts/seed-demo-data";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

async function countAll() {
  const p = db.prisma;
  return {
    users: await p.user.count(),
    teams: await p.team.count(),
    memberships: await p.membership.count(),
    schedules: await p.schedule.count(),
    availability: await p.availability.count(),
    eventTypes: await p.eventType.count(),
    hosts: await p.host.count(),
    bookings: await p.booking.count(),
    attendees: await p.attendee.count(),
    seats: await p.bookingSeat.count(),
    apiKeys: await p.apiKey.count(),
    calendars: await p.calendar.count(),
    calendarSchedules: await p.calendarSchedule.count(),
    blockers: await p.blocker.count(),
    customerAccounts: await p.customerAccount.count(),
  };
}

async function storedKey(key: string) {
  const parsed = parseApiKey(key);
  if (!parsed.ok) throw new Error(`not an API key: ${parsed.reason}`);
  return db.prisma.apiKey.findUnique({ where: { hashedKey: parsed.hashedKey }, include: { user: true } });
}

describe("seedDemoData", () => {
  it("creates the demo world, and seeding again changes nothing but the admin key", async () => {
    const first = await seedDemoData(db.prisma);
    const afterFirst = await countAll();
    expect(afterFirst).toEqual({
      users: 3,
      teams: 1,
      memberships: 2,
      schedules: 2,
      availability: 3,
      eventTypes: 7,
      hosts: 2,
      bookings: DEMO_BOOKINGS.length + DEMO_CALENDAR_BOOKINGS.length,
      attendees: 13,
      seats: 2,
      apiKeys: 1,
      calendars: 4,
      calendarSchedules: 5,
      blockers: 1,
      customerAccounts: 4,
    });

    const second = await seedDemoData(db.prisma);
    expect(await countAll()).toEqual(afterFirst);
    expect(second.adminKey).not.toBe(first.adminKey);
    expect(await storedKey(first.adminKey)).toBeNull();

    const stored = await storedKey(second.adminKey);
    expect(stored).toMatchObject({ note: SEED_KEY_NOTE, user: { email: "admin@slotbase.dev", role: "ADMIN" } });
  });

  it("links users, schedules, team and event types as the API expects", async () => {
    const alice = await db.prisma.user.findUniqueOrThrow({
      where: { email: "alice@slotbase.dev" },
      include: { memberships: { include: { team: true } }, schedules: { include: { availability: true } } },
    });
    expect(alice).toMatchObject({ timeZone: "Europe/Berlin", role: "USER" });
    expect(alice.memberships).toEqual([expect.objectContaining({ role: "OWNER", accepted: true, team: expect.objectContaining({ slug: "acme-support" }) })]);
    expect(alice.defaultScheduleId).toBe(alice.schedules[0].id);
    expect(alice.schedules[0].availability).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ days: [1, 2, 3, 4, 5], startTime: new Date("1970-01-01T09:00:00Z"), endTime: new Date("1970-01-01T17:00:00Z"), unavailable: false }),
        expect.objectContaining({ startTime: new Date("1970-01-01T12:00:00Z"), endTime: new Date("1970-01-01T13:00:00Z"), unavailable: true }),
      ]),
    );

    const support = await db.prisma.eventType.findFirstOrThrow({ where: { slug: "support-call" }, include: { hosts: true } });
    expect(support).toMatchObject({ schedulingType: "ROUND_ROBIN", userId: null, length: 30 });
    expect(support.hosts).toHaveLength(2);
    const workshop = await db.prisma.eventType.findFirstOrThrow({ where: { slug: "workshop" } });
    expect(workshop).toMatchObject({ seatsPerTimeSlot: 5, userId: alice.id, length: 60 });
  });
});
