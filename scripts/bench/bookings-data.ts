// Seeds the bookings benchmark's data: hosts that are free around the clock, so the create
// benchmark has thousands of distinct free slots and never runs out of them.
//
// - 20 "load" hosts, each with a 24/7 default schedule (every day 00:00–23:59:59 in UTC, which
//   the engine reads as the whole day) and a personal 15-minute event type without notice:
//   96 free slots per host and day, 1,920 a day across the hosts, none booked yet;
// - one "race" host with the same schedule and event type: the same-slot race books only its
//   slots, so the races never touch the load hosts' slots;
// - one "profile" host, the same again, for the in-process measurements;
// - a booker: a plain user (not an admin, not a host) whose API key makes every booking, the
//   way a booking page or a CRM would.
// - a history: HISTORY_BOOKINGS past bookings of the load hosts (one attendee and two sent
//   emails each), so the run starts on tables of a service in use and PostgreSQL plans its
//   queries for that (planned on near-empty tables, they stayed sequential scans as the run
//   filled them: this machine's PostgreSQL runs without autovacuum, which would re-analyse).
// The slots the benchmark books start tomorrow at 00:00 UTC: always in the future, whatever
// the time of the run.
import { createApiKey } from "@slotbase/features/api-keys/create-api-key";
import type { Database } from "@slotbase/prisma";

export const LOAD_HOSTS = 20;
export const HISTORY_BOOKINGS = 100_000;
export const SLOT_MINUTES = 15;
export const SCHEDULE_ZONE = "UTC";
export const SLOTS_PER_DAY = (24 * 60) / SLOT_MINUTES;

const DAY_MS = 86_400_000;
const time = (hhmmss: string) => new Date(`1970-01-01T${hhmmss}Z`);

export interface BenchHost {
  userId: number;
  eventTypeId: number;
}

export interface BookingsBenchData {
  load: BenchHost[];
  race: BenchHost;
  profile: BenchHost;
  booker: { userId: number; apiKey: string };
  /** The first slot the benchmark books (tomorrow 00:00 UTC), ms since the epoch. */
  firstSlot: number;
  seedMs: number;
}

/** Tomorrow 00:00 UTC. */
export function firstBenchSlot(now: number = Date.now()): number {
  return Math.floor(now / DAY_MS) * DAY_MS + DAY_MS;
}

/** A user free 24/7 (default schedule) with a personal 15-minute event type, no notice. */
async function createAroundTheClockHost(prisma: Database, handle: string): Promise<BenchHost> {
  const user = await prisma.user.create({ data: { email: `${handle}@bench.example.com`, username: handle, name: handle, timeZone: SCHEDULE_ZONE } });
  const schedule = await prisma.schedule.create({
    data: {
      userId: user.id,
      name: "Around the clock",
      timeZone: SCHEDULE_ZONE,
      availability: { create: [{ userId: user.id, days: [0, 1, 2, 3, 4, 5, 6], startTime: time("00:00:00"), endTime: time("23:59:59") }] },
    },
  });
  await prisma.user.update({ where: { id: user.id }, data: { defaultScheduleId: schedule.id } });
  const eventType = await prisma.eventType.create({
    data: { title: "Bench 15 min", slug: "bench-15", length: SLOT_MINUTES, minimumBookingNotice: 0, userId: user.id },
  });
  return { userId: user.id, eventTypeId: eventType.id };
}

/** Seeds an empty, migrated database. */
export async function seedBookingsBench(prisma: Database, now: number = Date.now()): Promise<BookingsBenchData> {
  const started = Date.now();
  const load: BenchHost[] = [];
  for (let i = 0; i < LOAD_HOSTS; i += 1) load.push(await createAroundTheClockHost(prisma, `bench-host-${String(i + 1).padStart(2, "0")}`));
  const race = await createAroundTheClockHost(prisma, "bench-race");
  const profile = await createAroundTheClockHost(prisma, "bench-profile");
  const booker = await prisma.user.create({ data: { email: "bench-booker@bench.example.com", username: "bench-booker", name: "Bench booker", timeZone: SCHEDULE_ZONE } });
  const { key } = await createApiKey(prisma, { userId: booker.id, note: "bench:bookings" });
  await seedHistory(prisma, load, now);
  return { load, race, profile, booker: { userId: booker.id, apiKey: key }, firstSlot: firstBenchSlot(now), seedMs: Date.now() - started };
}

/**
 * HISTORY_BOOKINGS past 15-minute bookings spread over the load hosts (back to back, ending
 * before `now`, without an event type so the run's checks leave them out), each with one
 * attendee and its two emails sent. Written in SQL: a few seconds.
 */
async function seedHistory(prisma: Database, hosts: BenchHost[], now: number): Promise<void> {
  const lastEnd = new Date(Math.floor(now / (SLOT_MINUTES * 60_000)) * SLOT_MINUTES * 60_000).toISOString();
  const hostIds = hosts.map((h) => h.userId);
  await prisma.$executeRaw`
    WITH history AS (
      SELECT g, (${hostIds}::int[])[1 + g % ${hostIds.length}::int] AS host,
        ${lastEnd}::timestamp - (g / ${hostIds.length}::int + 1) * ${SLOT_MINUTES}::int * interval '1 minute' AS start
      FROM generate_series(0, ${HISTORY_BOOKINGS - 1}::int) AS g),
    booking AS (
      INSERT INTO "Booking" (uid, "userId", title, "startTime", "endTime", status, "createdAt", "updatedAt")
      SELECT 'bench-history-' || g, host, 'Earlier booking', start, start + ${SLOT_MINUTES}::int * interval '1 minute', 'ACCEPTED',
        start - interval '2 days', start - interval '2 days'
      FROM history RETURNING id, "createdAt"),
    attendee AS (
      INSERT INTO "Attendee" (email, name, "timeZone", "bookingId")
      SELECT 'past-guest-' || id || '@bench.example.com', 'Past guest ' || id, 'Europe/Berlin', id FROM booking)
    INSERT INTO "Notification" ("bookingId", recipient, template, payload, status, attempts, "nextAttemptAt", "sentAt", "createdAt")
    SELECT b.id, r.recipient, 'booking.created', '{}'::jsonb, 'SUCCEEDED', 1, b."createdAt", b."createdAt", b."createdAt"
    FROM booking b, (VALUES ('host'), ('attendee')) AS r(recipient)`;
}

/**
 * The n-th distinct (host, slot) of the load hosts: consecutive n go to different hosts, and
 * every host's slots fill up in time order, so no two n ever target the same host and slot.
 */
export function loadSlot(data: Pick<BookingsBenchData, "load" | "firstSlot">, n: number): { host: BenchHost; start: number } {
  const host = data.load[n % data.load.length]!;
  return { host, start: data.firstSlot + Math.floor(n / data.load.length) * SLOT_MINUTES * 60_000 };
}

/** The race host's r-th slot (a fresh one per round). */
export function raceSlot(data: Pick<BookingsBenchData, "firstSlot">, round: number): number {
  return data.firstSlot + round * SLOT_MINUTES * 60_000;
}

export const iso = (ms: number) => new Date(ms).toISOString();

/** The n-th booker's attendee details (distinct emails). */
export const benchAttendee = (n: number) => ({ name: `Guest ${n}`, email: `guest-${n}@bench.example.com`, timeZone: "Europe/Berlin" });

/** A POST /v2/bookings answer for `host` at `start`, checked: its uid, or what is wrong with it. */
export function createdBookingUid(status: number, body: string, host: BenchHost, start: number): { uid: string } | { problem: string } {
  if (status !== 201) return { problem: "expected 201" };
  const parsed = JSON.parse(body) as { status?: string; data?: { uid?: unknown; start?: string; status?: string; hosts?: { id: number }[] } };
  if (parsed.status !== "success" || typeof parsed.data?.uid !== "string") return { problem: "no success envelope with a uid" };
  if (Date.parse(parsed.data.start ?? "") !== start) return { problem: `booked ${parsed.data.start}, asked for ${iso(start)}` };
  if (parsed.data.status !== "accepted") return { problem: `status ${parsed.data.status}` };
  if (parsed.data.hosts?.[0]?.id !== host.userId) return { problem: "another host" };
  return { uid: parsed.data.uid };
}
