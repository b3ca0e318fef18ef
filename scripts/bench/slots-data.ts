// Seeds the slots benchmark's data: one host with 1,000 bookings in the 30-day range, and a
// round-robin team of 20 hosts with 1,000 each (20,000). Deterministic (seeded PRNG).
//
// Shape, kept honest: a host's accepted bookings never overlap (an exclusion constraint
// forbids it anyway). Each host's 30 days are cut into half-hour cells; 1,000 of the 1,440
// cells, picked at random, hold a 20-minute booking starting 0, 5 or 10 minutes into the cell.
// So bookings fall around the clock, inside and outside working hours, and about a third of
// the working-hour slots stay free. 90% are ACCEPTED, 5% PENDING (busy too), 5% CANCELLED
// (not busy). Each booking has one attendee (a guest). The same pattern, with another seed,
// fills the 30 days before the range (history the busy query must skip).
// Schedules: Mon–Fri 09:00–17:00 with 12:00–13:00 unavailable, in Europe/Berlin; a few team
// hosts work in America/New_York or Asia/Kolkata.
import type { Client } from "pg";
import type { Database } from "@slotbase/prisma";
import { localDateOf, parseRangeBound } from "@slotbase/scheduling";
import { prng } from "./lib/prng";

export const BENCH_ZONE = "Europe/Berlin";
export const RANGE_DAYS = 30;
export const BOOKINGS_PER_HOST = 1_000;
export const TEAM_SIZE = 20;
const TEAM_ZONES: Record<number, string> = { 4: "America/New_York", 9: "America/New_York", 14: "America/New_York", 7: "Asia/Kolkata", 17: "Asia/Kolkata" };

const MINUTE = 60_000;
const CELL_MS = 30 * MINUTE;
const BOOKING_MS = 20 * MINUTE;
const BATCH = 5_000;

export interface BenchRange {
  timeZone: string;
  /** The query's startTime and endTime (dates, end inclusive). */
  startDate: string;
  endDate: string;
  /** The same as instants, [start, end). */
  start: number;
  end: number;
}

export interface SeededScenario {
  eventTypeId: number;
  hostIds: number[];
  hostZones: Record<string, number>;
  bookingsInRange: number;
  bookingsByStatus: Record<string, number>;
  bookingsBeforeRange: number;
}

export interface SlotsBenchData {
  range: BenchRange;
  single: SeededScenario;
  team: SeededScenario & { teamId: number };
  seedMs: number;
}

/** `date` ("YYYY-MM-DD") plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The 30 days starting tomorrow in Europe/Berlin: everything in the future. */
export function benchRange(now: number = Date.now()): BenchRange {
  const startDate = addDays(localDateOf(now, BENCH_ZONE), 1);
  const endDate = addDays(startDate, RANGE_DAYS - 1);
  return {
    timeZone: BENCH_ZONE,
    startDate,
    endDate,
    start: parseRangeBound(startDate, BENCH_ZONE, "start")!,
    end: parseRangeBound(endDate, BENCH_ZONE, "end")!,
  };
}

interface BookingRow {
  uid: string;
  userId: number;
  eventTypeId: number;
  start: number;
  end: number;
  status: "ACCEPTED" | "PENDING" | "CANCELLED";
}

/** `count` non-overlapping 20-minute bookings in random half-hour cells of [from, to). */
function hostBookings(seed: number, userId: number, eventTypeId: number, from: number, to: number, count: number, tag: string): BookingRow[] {
  const random = prng(seed);
  const cells = Math.floor((to - from) / CELL_MS);
  if (count > cells) throw new Error(`${count} bookings do not fit in ${cells} half-hour cells`);
  const order = Array.from({ length: cells }, (_, i) => i);
  for (let i = 0; i < count; i += 1) {
    const j = i + Math.floor(random() * (cells - i));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order
    .slice(0, count)
    .sort((a, b) => a - b)
    .map((cell, i) => {
      const start = from + cell * CELL_MS + [0, 5, 10][Math.floor(random() * 3)]! * MINUTE;
      const roll = random();
      const status = roll < 0.05 ? "CANCELLED" : roll < 0.1 ? "PENDING" : "ACCEPTED";
      return { uid: `bench-${tag}-${userId}-${i}`, userId, eventTypeId, start, end: start + BOOKING_MS, status };
    });
}

/** Bookings with one attendee each, a multi-row INSERT per batch (unnest), not one per row. */
async function insertBookings(pg: Client, rows: readonly BookingRow[]): Promise<void> {
  const iso = (ms: number) => new Date(ms).toISOString();
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    await pg.query(
      `WITH b AS (
         INSERT INTO "Booking" (uid, "userId", "eventTypeId", title, "startTime", "endTime", status, "updatedAt")
         SELECT t.uid, t.user_id, t.event_type_id, 'Bench booking', t.start_time, t.end_time, t.status::"BookingStatus", now()
         FROM unnest($1::text[], $2::int[], $3::int[], $4::timestamp[], $5::timestamp[], $6::text[])
           AS t(uid, user_id, event_type_id, start_time, end_time, status)
         RETURNING id, uid
       )
       INSERT INTO "Attendee" (email, name, "timeZone", "bookingId")
       SELECT 'guest-' || b.uid || '@example.com', 'Guest ' || b.id, 'Europe/Berlin', b.id FROM b`,
      [
        batch.map((r) => r.uid),
        batch.map((r) => r.userId),
        batch.map((r) => r.eventTypeId),
        batch.map((r) => iso(r.start)),
        batch.map((r) => iso(r.end)),
        batch.map((r) => r.status),
      ],
    );
  }
}

const time = (hhmm: string) => new Date(`1970-01-01T${hhmm}:00Z`);

/** A user whose default schedule is Mon–Fri 09:00–17:00 with a 12:00–13:00 break, in `timeZone`. */
async function createHost(prisma: Database, handle: string, timeZone: string): Promise<number> {
  const user = await prisma.user.create({ data: { email: `${handle}@bench.example.com`, username: handle, name: handle, timeZone } });
  const weekdays = [1, 2, 3, 4, 5];
  const schedule = await prisma.schedule.create({
    data: {
      userId: user.id,
      name: "Working hours",
      timeZone,
      availability: {
        create: [
          { userId: user.id, days: weekdays, startTime: time("09:00"), endTime: time("17:00") },
          { userId: user.id, days: weekdays, startTime: time("12:00"), endTime: time("13:00"), unavailable: true },
        ],
      },
    },
  });
  await prisma.user.update({ where: { id: user.id }, data: { defaultScheduleId: schedule.id } });
  return user.id;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

function scenarioOf(eventTypeId: number, hosts: { id: number; zone: string }[], inRange: BookingRow[], before: BookingRow[]): SeededScenario {
  return {
    eventTypeId,
    hostIds: hosts.map((h) => h.id),
    hostZones: countBy(hosts, (h) => h.zone),
    bookingsInRange: inRange.length,
    bookingsByStatus: countBy(inRange, (b) => b.status),
    bookingsBeforeRange: before.length,
  };
}

/** Seeds an empty, migrated database. */
export async function seedSlotsBench(prisma: Database, pg: Client, range: BenchRange): Promise<SlotsBenchData> {
  const started = Date.now();
  const historyFrom = range.start - RANGE_DAYS * 86_400_000;
  const bookingsOf = (userId: number, eventTypeId: number) => ({
    inRange: hostBookings(userId * 7919 + 1, userId, eventTypeId, range.start, range.end, BOOKINGS_PER_HOST, "r"),
    before: hostBookings(userId * 7919 + 2, userId, eventTypeId, historyFrom, range.start, BOOKINGS_PER_HOST, "h"),
  });

  // One host, a personal 30-minute event type.
  const soloId = await createHost(prisma, "bench-solo", BENCH_ZONE);
  const soloType = await prisma.eventType.create({
    data: { title: "Bench 30 min", slug: "bench-30", length: 30, minimumBookingNotice: 0, userId: soloId },
  });
  const solo = bookingsOf(soloId, soloType.id);

  // A round-robin team of 20 hosts.
  const hosts: { id: number; zone: string }[] = [];
  for (let i = 0; i < TEAM_SIZE; i += 1) {
    const zone = TEAM_ZONES[i] ?? BENCH_ZONE;
    hosts.push({ id: await createHost(prisma, `bench-host-${String(i + 1).padStart(2, "0")}`, zone), zone });
  }
  const team = await prisma.team.create({ data: { name: "Bench team", slug: "bench-team", timeZone: BENCH_ZONE } });
  await prisma.membership.createMany({
    data: hosts.map((h, i) => ({ userId: h.id, teamId: team.id, role: i === 0 ? "OWNER" : "MEMBER", accepted: true })),
  });
  const teamType = await prisma.eventType.create({
    data: {
      title: "Bench team 30 min",
      slug: "bench-team-30",
      length: 30,
      minimumBookingNotice: 0,
      teamId: team.id,
      schedulingType: "ROUND_ROBIN",
      hosts: { create: hosts.map((h) => ({ userId: h.id })) },
    },
  });
  const teamBookings = hosts.map((h) => bookingsOf(h.id, teamType.id));

  await insertBookings(pg, [...solo.inRange, ...solo.before]);
  await insertBookings(pg, teamBookings.flatMap((b) => [...b.inRange, ...b.before]));

  return {
    range,
    single: scenarioOf(soloType.id, [{ id: soloId, zone: BENCH_ZONE }], solo.inRange, solo.before),
    team: {
      teamId: team.id,
      ...scenarioOf(teamType.id, hosts, teamBookings.flatMap((b) => b.inRange), teamBookings.flatMap((b) => b.before)),
    },
    seedMs: Date.now() - started,
  };
}
