import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "@slotbase/prisma/testing";
import { localDateOf, weekdayOf } from "@slotbase/scheduling";
import { parseApiKey } from "../api-keys/key-format";
import { invalidateKeys } from "../api-keys/key-invalidation";
import { authenticateApiKey } from "../auth/authenticate";
import { demoKeyFile } from "../scripts/demo-admin-key";
import { DEMO_BOOKINGS, DEMO_CALENDAR_BOOKINGS, DEMO_USERS, SEED_KEY_NOTE } from "../scripts/demo-data";
import { seedCommand } from "../scripts/seed-command";
import { seedDemoData } from "../scripts/seed-demo-data";

let db: TestDatabase;
let dir: string;
let keyFile: string;
beforeAll(async () => {
  db = await createTestDatabase();
  dir = mkdtempSync(path.join(tmpdir(), "slotbase-seed-"));
  keyFile = path.join(dir, "data", "demo-admin-key");
});
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

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
  it("creates the demo world, and seeding again changes nothing", async () => {
    const first = await seedDemoData(db.prisma, { keyFile });
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

    const second = await seedDemoData(db.prisma, { keyFile });
    expect(await countAll()).toEqual(afterFirst);
    expect(second).toMatchObject({ adminKey: first.adminKey, key: { status: "kept" } });

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

/** Runs `yarn db:seed <args>` on the test database; its output lines. */
async function seed(args: string[] = [], options: { now?: Date } = {}): Promise<string[]> {
  const lines: string[] = [];
  await seedCommand({ prisma: db.prisma, description: "test database" }, args, { keyFile, now: options.now, print: (line) => lines.push(line) });
  return lines;
}

const works = async (key: string) => (await authenticateApiKey(key)).isAdmin;
const keptKey = () => readFileSync(keyFile, "utf8").trim();

describe("yarn db:seed: the demo admin's key", () => {
  it("prints the same key on every run while it works, kept in a file only its owner can read", async () => {
    const first = await seed();
    const key = first.at(-1)!;
    expect(await works(key)).toBe(true);
    expect(keptKey()).toBe(key);
    if (process.platform !== "win32") expect(statSync(keyFile).mode & 0o777).toBe(0o600);

    const again = await seed();
    expect(again.at(-1)).toBe(key);
    expect(again).toContain("Demo admin key: the same as last time");
    expect(again.join("\n")).toContain(`kept in:     ${keyFile}`);
    expect(await works(key)).toBe(true);
    expect(await db.prisma.apiKey.count({ where: { note: SEED_KEY_NOTE } })).toBe(1);
  });

  it("--new-key: a different key, and the previous one stops working at once", async () => {
    const old = keptKey();
    expect(await works(old)).toBe(true); // cached as verified: the rotation must drop it
    const lines = await seed(["--new-key"]);
    const key = lines.at(-1)!;
    expect(key).not.toBe(old);
    expect(lines).toContain("Demo admin key: NEW, as asked (--new-key): the previous seed key no longer works");
    expect(keptKey()).toBe(key);
    expect(await works(key)).toBe(true);
    await expect(authenticateApiKey(old)).rejects.toThrow("The API key is not valid.");
    expect((await seed()).at(-1)).toBe(key);
  });

  it("replaces a kept key that was revoked, expired or restricted, deleting none, and says so", async () => {
    const revoked = keptKey();
    const row = (await storedKey(revoked))!;
    await db.prisma.apiKey.delete({ where: { id: row.id } }); // as DELETE /v1/api-keys/{id} does
    await invalidateKeys({ apiKeyId: row.id });
    const lines = await seed();
    const replacement = lines.at(-1)!;
    expect(replacement).not.toBe(revoked);
    expect(lines).toContain("Demo admin key: NEW: the kept one no longer works (it is not in the database: revoked or deleted, or the database was reset)");
    expect(keptKey()).toBe(replacement);
    expect(await works(replacement)).toBe(true);

    await db.prisma.apiKey.update({ where: { id: (await storedKey(replacement))!.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const afterExpiry = await seed();
    expect(afterExpiry.find((l) => l.startsWith("Demo admin key:"))).toMatch(/^Demo admin key: NEW: the kept one no longer works \(it expired at /);
    await db.prisma.apiKey.update({ where: { id: (await storedKey(afterExpiry.at(-1)!))!.id }, data: { scopes: ["bookings:read"] } });
    const afterRestriction = await seed();
    expect(afterRestriction).toContain("Demo admin key: NEW: the kept one no longer works (it was restricted (scopes or team))");
    expect(await works(afterRestriction.at(-1)!)).toBe(true);
    // Nothing was deleted: the expired and the restricted key are still there, as their owner left them.
    expect(await db.prisma.apiKey.count({ where: { note: SEED_KEY_NOTE } })).toBe(3);

    // A file that does not hold a key (edited by hand, another APIKEY_PREFIX) is replaced too.
    writeFileSync(keyFile, "not a key\n");
    expect((await seed()).find((l) => l.startsWith("Demo admin key:"))).toBe("Demo admin key: NEW: the kept one no longer works (it lacks this server's key prefix (APIKEY_PREFIX))");
  });

  it("--hide-key (the quick start's): the key in the file only, its path on the last line", async () => {
    const lines = await seed(["--hide-key"]);
    expect(lines.at(-1)).toBe(keyFile);
    expect(lines.join("\n")).not.toContain(keptKey());
    expect(await works(keptKey())).toBe(true);
    await expect(seed(["--new-keys"])).rejects.toThrow(/Usage: yarn db:seed \[--new-key\] \[--hide-key\]/);
  });

  it("keeps the embedded database's key in its folder, PostgreSQL's per database in the git-ignored .slotbase-data/", () => {
    expect(demoKeyFile({ SLOTBASE_DATA_DIR: "/srv/slotbase/pglite" })).toBe("/srv/slotbase/pglite/demo-admin-key");
    expect(demoKeyFile({})).toMatch(/\/\.slotbase-data\/pglite\/demo-admin-key$/);
    expect(demoKeyFile({ DATABASE_URL: "postgresql://me:secret@db.internal:6543/slotbase?sslmode=require" })).toMatch(/\/\.slotbase-data\/demo-admin-key-db\.internal-6543-slotbase$/);
    expect(demoKeyFile({ DATABASE_URL: "postgresql://127.0.0.1/app" })).toMatch(/\/\.slotbase-data\/demo-admin-key-127\.0\.0\.1-5432-app$/);
  });
});

/** The demo bookings' times, by uid, as ISO strings. */
async function demoTimesByUid(): Promise<Record<string, [string, string]>> {
  const rows = await db.prisma.booking.findMany({ where: { uid: { startsWith: "seed-" } }, orderBy: { uid: "asc" } });
  return Object.fromEntries(rows.map((b) => [b.uid, [b.startTime.toISOString(), b.endTime.toISOString()]]));
}

describe("demo bookings: on the weekdays after the seed's day", () => {
  it("places them on the next weekdays in each host's zone, and moves them when seeded again later", async () => {
    // Friday 15 June 2029, 14:00 in Berlin (summer time, +02:00; New York -04:00): Monday to Wednesday next.
    const friday = await seedDemoData(db.prisma, { keyFile, now: new Date("2029-06-15T12:00:00Z") });
    expect(friday.days).toEqual(["2029-06-18", "2029-06-19", "2029-06-20"]);
    const counts = await countAll();
    expect(await demoTimesByUid()).toMatchObject({
      "seed-booking-1": ["2029-06-18T08:00:00.000Z", "2029-06-18T08:30:00.000Z"], // day 1, 10:00 Berlin
      "seed-booking-2": ["2029-06-19T12:00:00.000Z", "2029-06-19T12:30:00.000Z"], // day 2, 14:00 Berlin
      "seed-booking-3": ["2029-06-18T14:00:00.000Z", "2029-06-18T14:30:00.000Z"], // day 1, 10:00 New York
      "seed-booking-5": ["2029-06-20T13:00:00.000Z", "2029-06-20T14:00:00.000Z"], // day 3, 15:00 Berlin
      "seed-room-1": ["2029-06-18T08:00:00.000Z", "2029-06-18T09:00:00.000Z"],
      "seed-desk-1": ["2029-06-18T06:00:00.000Z", "2029-06-18T16:00:00.000Z"],
      "seed-booth-1": ["2029-06-20T09:00:00.000Z", "2029-06-20T10:00:00.000Z"],
    });
    const blocker = await db.prisma.blocker.findFirstOrThrow();
    expect([blocker.startTime.toISOString(), blocker.endTime.toISOString()]).toEqual(["2029-06-20T06:00:00.000Z", "2029-06-20T08:00:00.000Z"]);

    // Monday 05:30 in Berlin is still Sunday 23:30 in New York: Alice's day 1 is Tuesday, Bob's Monday.
    const monday = await seedDemoData(db.prisma, { keyFile, now: new Date("2029-06-18T03:30:00Z") });
    expect(monday.days).toEqual(["2029-06-19", "2029-06-20", "2029-06-21"]);
    expect(await demoTimesByUid()).toMatchObject({
      "seed-booking-1": ["2029-06-19T08:00:00.000Z", "2029-06-19T08:30:00.000Z"],
      "seed-booking-3": ["2029-06-18T14:00:00.000Z", "2029-06-18T14:30:00.000Z"],
    });

    // Seeded again in winter (+01:00 in Berlin): the same rows moved, none added, none left behind.
    const december = await seedDemoData(db.prisma, { keyFile, now: new Date("2029-12-07T09:00:00Z") });
    expect(december.days).toEqual(["2029-12-10", "2029-12-11", "2029-12-12"]);
    expect(await countAll()).toEqual(counts);
    expect(await db.prisma.booking.count({ where: { startTime: { lt: new Date("2029-12-10T00:00:00Z") } } })).toBe(0);
    expect((await demoTimesByUid())["seed-booking-1"]).toEqual(["2029-12-10T09:00:00.000Z", "2029-12-10T09:30:00.000Z"]);
  });

  it("by the real clock: every demo booking is ahead, on a weekday in its zone, within the next week", async () => {
    const now = Date.now();
    await seedDemoData(db.prisma, { keyFile });
    const zoneOf = (uid: string) => {
      const host = DEMO_BOOKINGS.find((b) => b.uid === uid)?.host;
      return DEMO_USERS.find((u) => u.key === host)?.timeZone ?? "Europe/Berlin";
    };
    const rows = await db.prisma.booking.findMany({ where: { uid: { startsWith: "seed-" } } });
    expect(rows).toHaveLength(DEMO_BOOKINGS.length + DEMO_CALENDAR_BOOKINGS.length);
    for (const row of rows) {
      expect(row.startTime.getTime()).toBeGreaterThan(now);
      expect(row.startTime.getTime()).toBeLessThan(now + 7 * 86_400_000);
      expect([1, 2, 3, 4, 5]).toContain(weekdayOf(localDateOf(row.startTime.getTime(), zoneOf(row.uid))));
    }
  });

  it("goes to the next free weekday where the developer's own booking holds a demo booking's time", async () => {
    await seedDemoData(db.prisma, { keyFile, now: new Date("2029-06-15T12:00:00Z") }); // demo days from Monday 18 June
    const alice = await db.prisma.user.findUniqueOrThrow({ where: { email: "alice@slotbase.dev" } });
    const room = await db.prisma.calendar.findFirstOrThrow({ where: { slug: "room-orion" } });
    // Booked through the API meanwhile, on the Monday after: Alice at 10:00 and the room at 10:30 (Berlin).
    await db.prisma.booking.create({ data: { uid: "dev-1", title: "Mine", userId: alice.id, startTime: new Date("2029-06-25T08:00:00Z"), endTime: new Date("2029-06-25T08:30:00Z") } });
    await db.prisma.booking.create({
      data: { uid: "dev-2", title: "Mine too", calendarId: room.id, exclusive: false, calendarExclusive: true, startTime: new Date("2029-06-25T08:30:00Z"), endTime: new Date("2029-06-25T09:00:00Z") },
    });
    // Seeded again a week later, the demo's day 1 is that Monday: the two demo bookings that
    // would overlap them go to Tuesday, and Alice's Tuesday 10:00 demo booking, now taken by
    // the first, to Wednesday; the rest stay on their days.
    const again = await seedDemoData(db.prisma, { keyFile, now: new Date("2029-06-22T12:00:00Z") });
    expect(again.moved).toEqual([
      { uid: "seed-booking-1", weekdays: 1 },
      { uid: "seed-booking-4", weekdays: 1 },
      { uid: "seed-room-1", weekdays: 1 },
    ]);
    expect(await demoTimesByUid()).toMatchObject({
      "seed-booking-1": ["2029-06-26T08:00:00.000Z", "2029-06-26T08:30:00.000Z"],
      "seed-booking-4": ["2029-06-27T08:00:00.000Z", "2029-06-27T08:30:00.000Z"],
      "seed-booking-3": ["2029-06-25T14:00:00.000Z", "2029-06-25T14:30:00.000Z"],
      "seed-room-1": ["2029-06-26T08:00:00.000Z", "2029-06-26T09:00:00.000Z"],
      "seed-desk-1": ["2029-06-25T06:00:00.000Z", "2029-06-25T16:00:00.000Z"],
    });
    const later = await seedDemoData(db.prisma, { keyFile, now: new Date("2029-06-29T12:00:00Z") });
    expect(later.moved).toEqual([]);
    await db.prisma.booking.deleteMany({ where: { uid: { in: ["dev-1", "dev-2"] } } });
  });
});
