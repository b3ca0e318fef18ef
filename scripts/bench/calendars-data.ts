// Seeds the workspace-calendars benchmark's data, in SQL (multi-row INSERTs), deterministic
// (seeded PRNG, uuids from md5 of fixed strings):
//
// - a workspace (a team, Europe/Berlin) with an admin (User.role ADMIN, accepted OWNER) whose
//   API key makes every request, and 50 bookers (accepted members) who made the bookings;
// - 200 calendars in mixed zones, capacities 1–10 (about 40% are single rooms), six
//   parent/child pairs (three buildings of capacity 1 with a room inside, booked whole, and
//   three floors of capacity 8–10 with a meeting room inside), each booked through its own
//   hostless team event type;
// - 2–5 schedules per calendar: weekly opening hours Mon–Fri (07:00–19:00 at the widest), a
//   daily unavailable lunch break 12:00–13:00, and for some a Saturday morning (until a date),
//   a one-off closure, a monthly late opening or a monthly unavailable inventory morning;
// - 50,000 bookings of 30 or 60 minutes in the calendars' open hours (calendarAvailability of
//   their own rules), over the 30 days from tomorrow and the 30 days before (history), spread
//   in proportion to each calendar's capacity × open hours: 89% ACCEPTED, 6% PENDING, 5%
//   CANCELLED, one attendee each, booked hostless (userId = bookedById = the booker,
//   exclusive = false, calendarExclusive = capacity = 1).
//
// Capacity is never exceeded at any instant, whatever the status: a calendar of capacity c gets
// c "lanes", each a sequence of non-overlapping bookings; a building of capacity 1 and the room
// inside it share one lane (a booking of either occupies both). checkCalendarSeed proves it in SQL.
//
// The benchmarked calendar is the first: a desk pool of capacity 5 in Europe/Berlin, no parent,
// Mon–Fri 09:00–17:00 with the lunch break, a monthly cleaning morning and a one-off afternoon
// closure in the range, and 900 bookings (about half in the range: 39% of its capacity in
// open hours), through a 30-minute event type (60 allowed) without notice.
import type { Client } from "pg";
import { calendarAvailability, type CalendarScheduleRule, type Interval } from "@slotbase/scheduling";
import { RANGE_DAYS, type BenchRange } from "./slots-data";
import { prng } from "./lib/prng";

export const WORKSPACE_ZONE = "Europe/Berlin";
export const CALENDARS = 200;
export const TOTAL_BOOKINGS = 50_000;
export const BENCH_CAPACITY = 5;
/** The benchmarked calendar's bookings, history included. */
export const BENCH_CALENDAR_BOOKINGS = 900;
const BOOKERS = 50;
const MINUTE = 60_000;
const DAY = 86_400_000;
const CELL = 30 * MINUTE;
const BATCH = 5_000;

const ZONES = [
  "Europe/Berlin", "Europe/Berlin", "Europe/Berlin", "Europe/Berlin", "Europe/London", "Europe/London",
  "America/New_York", "America/New_York", "America/Los_Angeles", "Asia/Kolkata", "Asia/Tokyo", "Australia/Sydney", "UTC",
];
const OPENING_HOURS: [number, number][] = [[8 * 60, 18 * 60], [9 * 60, 17 * 60], [7 * 60, 19 * 60], [8 * 60 + 30, 17 * 60 + 30]];
/** Parent index → whether it is booked whole (capacity 1: a building) or shared (a floor); its child is index + 1. */
const PARENTS: Record<number, "building" | "floor"> = { 20: "building", 60: "floor", 100: "building", 140: "floor", 170: "building", 190: "floor" };

type Status = "ACCEPTED" | "PENDING" | "CANCELLED";

export interface RuleSpec extends CalendarScheduleRule {
  name: string;
}

interface CalendarSpec {
  index: number;
  slug: string;
  name: string;
  timeZone: string;
  capacity: number;
  parentIndex: number | null;
  rules: RuleSpec[];
  eventLength: number;
}

interface BookingRow {
  uid: string;
  calendarIndex: number;
  bookerIndex: number;
  start: number;
  end: number;
  status: Status;
}

export interface CalendarsBenchData {
  range: BenchRange;
  workspace: { id: number; uuid: string; timeZone: string };
  admin: { userId: number };
  /** The capacity-5 calendar whose event type /v2/slots is asked about. */
  bench: {
    calendarId: number;
    eventTypeId: number;
    capacity: number;
    timeZone: string;
    schedules: number;
    bookingsInRange: number;
    bookingsByStatus: Record<string, number>;
    bookingsBeforeRange: number;
  };
  sizes: {
    calendars: number;
    parentChildPairs: number;
    calendarsByCapacity: Record<string, number>;
    calendarsByZone: Record<string, number>;
    schedules: number;
    schedulesByKind: Record<string, number>;
    eventTypes: number;
    bookings: number;
    bookingsInRange: number;
    bookingsBeforeRange: number;
    bookingsByStatus: Record<string, number>;
    attendees: number;
  };
  seedMs: number;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

const weekly = (name: string, days: number[], start: number, end: number, from: string, until: string | null = null): RuleSpec => ({
  name, availabilityType: "available", recurrence: "weekly", startMinute: start, endMinute: end, daysOfWeek: days, dayOfMonth: null, startDate: from, endDate: until,
});
const daily = (name: string, type: RuleSpec["availabilityType"], start: number, end: number, from: string): RuleSpec => ({
  name, availabilityType: type, recurrence: "daily", startMinute: start, endMinute: end, daysOfWeek: [], dayOfMonth: null, startDate: from, endDate: null,
});
const monthly = (name: string, type: RuleSpec["availabilityType"], day: number, start: number, end: number, from: string): RuleSpec => ({
  name, availabilityType: type, recurrence: "monthly", startMinute: start, endMinute: end, daysOfWeek: [], dayOfMonth: day, startDate: from, endDate: null,
});
const once = (name: string, type: RuleSpec["availabilityType"], date: string, start: number, end: number): RuleSpec => ({
  name, availabilityType: type, recurrence: "once", startMinute: start, endMinute: end, daysOfWeek: [], dayOfMonth: null, startDate: date, endDate: null,
});
const WEEKDAYS = [1, 2, 3, 4, 5];

/** `date`, or the Monday after it when it falls on a weekend. */
function weekdayFrom(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 6 ? addDays(date, 2) : weekday === 0 ? addDays(date, 1) : date;
}

/** The 200 calendars: the benchmarked desk pool first, then rooms, meeting rooms and desk pools in mixed zones. */
function calendarSpecs(range: BenchRange): CalendarSpec[] {
  const random = prng(20261206);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const rulesFrom = addDays(range.startDate, -RANGE_DAYS - 60);
  const benchRules: RuleSpec[] = [
    weekly("Opening hours", WEEKDAYS, 9 * 60, 17 * 60, rulesFrom),
    daily("Lunch break", "unavailable", 12 * 60, 13 * 60, rulesFrom),
    monthly("Cleaning", "unavailable", Number(addDays(range.startDate, 10).slice(8)), 9 * 60, 11 * 60, rulesFrom),
    once("Team offsite", "unavailable", weekdayFrom(addDays(range.startDate, 17)), 13 * 60, 17 * 60),
  ];
  const specs: CalendarSpec[] = [
    { index: 0, slug: "bench-desk-pool", name: "Bench desk pool", timeZone: WORKSPACE_ZONE, capacity: BENCH_CAPACITY, parentIndex: null, rules: benchRules, eventLength: 30 },
  ];
  for (let i = 1; i < CALENDARS; i += 1) {
    const parentIndex = PARENTS[i - 1] ? i - 1 : null;
    const parent = parentIndex === null ? null : specs[parentIndex]!;
    const role = PARENTS[i];
    const capacity = role === "building" ? 1 : role === "floor" ? 8 + Math.floor(random() * 3) : parent ? 1 + Math.floor(random() * 3) : random() < 0.4 ? 1 : 2 + Math.floor(random() * 9);
    const kind = role === "building" ? "Building" : role === "floor" ? "Floor" : capacity === 1 ? "Room" : capacity <= 4 ? "Meeting room" : "Desk pool";
    const timeZone = parent?.timeZone ?? pick(ZONES);
    let rules: RuleSpec[];
    if (parent) {
      rules = parent.rules.map((r) => ({ ...r })); // a room keeps its building's (or floor's) hours
    } else {
      const [open, close] = pick(OPENING_HOURS);
      rules = [weekly("Opening hours", WEEKDAYS, open, close, rulesFrom), daily("Lunch break", "unavailable", 12 * 60, 13 * 60, rulesFrom)];
      const extras: RuleSpec[] = [
        weekly("Saturday mornings", [6], 9 * 60, 13 * 60, rulesFrom, addDays(range.startDate, 14)),
        once("Closed", "unavailable", addDays(range.startDate, Math.floor(random() * 2 * RANGE_DAYS) - RANGE_DAYS), random() < 0.5 ? 0 : 13 * 60, random() < 0.5 ? 1440 : 17 * 60),
        monthly("Late opening", "available", 1 + Math.floor(random() * 28), 18 * 60, 21 * 60, rulesFrom),
        monthly("Inventory", "unavailable", 1 + Math.floor(random() * 28), 8 * 60, 10 * 60, rulesFrom),
      ];
      for (let k = extras.length - 1; k > 0; k -= 1) {
        const j = Math.floor(random() * (k + 1));
        [extras[k], extras[j]] = [extras[j]!, extras[k]!];
      }
      rules.push(...extras.slice(0, Math.floor(random() * 4)));
    }
    const n = String(i).padStart(3, "0");
    specs.push({ index: i, slug: `${kind.toLowerCase().replace(/ /g, "-")}-${n}`, name: `${kind} ${n}`, timeZone, capacity, parentIndex, rules, eventLength: capacity === 1 ? 60 : 30 });
  }
  return specs;
}

/** Calendars that share lanes: a building of capacity 1 with the room inside it; every other calendar alone. */
interface Group {
  members: CalendarSpec[];
  lanes: number;
  cells: Interval[];
  quota: number;
}

/** The open 30-minute cells of `rules` in [from, to): where bookings may fall. */
function openCells(rules: readonly CalendarScheduleRule[], timeZone: string, from: number, to: number): Interval[] {
  const cells: Interval[] = [];
  for (const window of calendarAvailability(rules, timeZone, { start: from, end: to })) {
    for (let start = window.start; start + CELL <= window.end; start += CELL) cells.push({ start, end: start + CELL });
  }
  return cells;
}

/** Splits `total` in proportion to `weights` (largest remainder), so the parts add up exactly. */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const left = total - parts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < left; k += 1) parts[order[k]![1]]! += 1;
  return parts;
}

/** `count` non-overlapping bookings of 30 (70%) or 60 minutes in one lane's cells, in random cells. */
function laneBookings(random: () => number, cells: readonly Interval[], count: number): Interval[] {
  const taken = new Uint8Array(cells.length);
  const order = Array.from({ length: cells.length }, (_, i) => i);
  const out: Interval[] = [];
  for (let k = 0; k < order.length && out.length < count; k += 1) {
    const j = k + Math.floor(random() * (order.length - k));
    [order[k], order[j]] = [order[j]!, order[k]!];
    const i = order[k]!;
    if (taken[i]) continue;
    taken[i] = 1;
    const long = random() < 0.3 && i + 1 < cells.length && !taken[i + 1] && cells[i + 1]!.start === cells[i]!.end;
    if (long) taken[i + 1] = 1;
    out.push({ start: cells[i]!.start, end: long ? cells[i + 1]!.end : cells[i]!.end });
  }
  if (out.length < count) throw new Error(`only ${out.length} of ${count} bookings fit in a lane of ${cells.length} cells`);
  return out;
}

function bookingsOf(groups: Group[]): BookingRow[] {
  const rows: BookingRow[] = [];
  for (const group of groups) {
    const random = prng(7919 * (group.members[0]!.index + 1));
    const perLane = apportion(group.quota, Array.from({ length: group.lanes }, () => 1));
    const spans = perLane.flatMap((count) => laneBookings(random, group.cells, count)).sort((a, b) => a.start - b.start);
    for (const span of spans) {
      // In a building booked whole, 70% of the bookings are of the room inside it.
      const member = group.members.length > 1 && random() < 0.7 ? group.members[1]! : group.members[0]!;
      const roll = random();
      const status: Status = roll < 0.05 ? "CANCELLED" : roll < 0.11 ? "PENDING" : "ACCEPTED";
      const n = rows.length;
      rows.push({ uid: `bench-cal-${member.index}-${n}`, calendarIndex: member.index, bookerIndex: Math.floor(random() * BOOKERS), start: span.start, end: span.end, status });
    }
  }
  return rows;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Users, the workspace and its memberships; returns the admin's and the bookers' ids and the workspace. */
async function insertPeople(pg: Client): Promise<{ adminId: number; bookerIds: number[]; workspace: CalendarsBenchData["workspace"] }> {
  const handles = ["bench-admin", ...Array.from({ length: BOOKERS }, (_, i) => `bench-booker-${String(i + 1).padStart(2, "0")}`)];
  const users = await pg.query<{ id: number; username: string }>(
    `INSERT INTO "User" (email, username, name, "timeZone", role, "emailVerified", "updatedAt")
     SELECT h || '@bench.example.com', h, h, $2, CASE WHEN h = 'bench-admin' THEN 'ADMIN' ELSE 'USER' END::"UserRole", now(), now()
     FROM unnest($1::text[]) WITH ORDINALITY AS t(h, n) ORDER BY n
     RETURNING id, username`,
    [handles, WORKSPACE_ZONE],
  );
  const idOf = new Map(users.rows.map((r) => [r.username, r.id]));
  const team = await pg.query<{ id: number; uuid: string; timeZone: string }>(
    `INSERT INTO "Team" (uuid, name, slug, "timeZone", "updatedAt") VALUES (md5('bench-workspace')::uuid, 'Bench workspace', 'bench-workspace', $1, now())
     RETURNING id, uuid::text, "timeZone"`,
    [WORKSPACE_ZONE],
  );
  const workspace = team.rows[0]!;
  await pg.query(
    `INSERT INTO "Membership" ("userId", "teamId", role, accepted, "updatedAt")
     SELECT u, $2, CASE WHEN u = $3 THEN 'OWNER' ELSE 'MEMBER' END::"MembershipRole", true, now() FROM unnest($1::int[]) AS u`,
    [[...idOf.values()], workspace.id, idOf.get("bench-admin")],
  );
  return { adminId: idOf.get("bench-admin")!, bookerIds: handles.slice(1).map((h) => idOf.get(h)!), workspace };
}

/** Calendars (parents linked after), their schedules and one hostless team event type each; returns ids by index. */
async function insertCalendars(pg: Client, teamId: number, specs: readonly CalendarSpec[]): Promise<{ calendarIds: number[]; eventTypeIds: number[] }> {
  const calendars = await pg.query<{ id: number; n: string }>(
    `INSERT INTO "Calendar" (uuid, "teamId", name, slug, "timeZone", capacity, "updatedAt")
     SELECT md5('bench-calendar-' || t.slug)::uuid, $1, t.name, t.slug, t.zone, t.capacity, now()
     FROM unnest($2::text[], $3::text[], $4::text[], $5::int[]) WITH ORDINALITY AS t(slug, name, zone, capacity, n) ORDER BY t.n
     RETURNING id, slug AS n`,
    [teamId, specs.map((s) => s.slug), specs.map((s) => s.name), specs.map((s) => s.timeZone), specs.map((s) => s.capacity)],
  );
  const idBySlug = new Map(calendars.rows.map((r) => [r.n, r.id]));
  const calendarIds = specs.map((s) => idBySlug.get(s.slug)!);
  const children = specs.filter((s) => s.parentIndex !== null);
  await pg.query(`UPDATE "Calendar" c SET "parentId" = t.parent FROM unnest($1::int[], $2::int[]) AS t(child, parent) WHERE c.id = t.child`, [
    children.map((s) => calendarIds[s.index]),
    children.map((s) => calendarIds[s.parentIndex!]),
  ]);
  const rules = specs.flatMap((s) => s.rules.map((r) => ({ ...r, calendarId: calendarIds[s.index]! })));
  await pg.query(
    `INSERT INTO "CalendarSchedule" ("calendarId", name, "availabilityType", recurrence, "startMinute", "endMinute", "daysOfWeek", "dayOfMonth", "startDate", "endDate", "updatedAt")
     SELECT t.calendar_id, t.name, t.kind::"CalendarAvailabilityType", t.recurrence::"CalendarRecurrence", t.start_minute, t.end_minute,
       COALESCE((SELECT array_agg(d::int ORDER BY d::int) FROM unnest(string_to_array(NULLIF(t.days, ''), ',')) AS d), ARRAY[]::int[]),
       t.day_of_month, t.start_date, t.end_date, now()
     FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::text[], $8::int[], $9::date[], $10::date[]) WITH ORDINALITY
       AS t(calendar_id, name, kind, recurrence, start_minute, end_minute, days, day_of_month, start_date, end_date, n)
     ORDER BY t.n`,
    [
      rules.map((r) => r.calendarId),
      rules.map((r) => r.name),
      rules.map((r) => r.availabilityType),
      rules.map((r) => r.recurrence),
      rules.map((r) => r.startMinute),
      rules.map((r) => r.endMinute),
      rules.map((r) => r.daysOfWeek.join(",")),
      rules.map((r) => r.dayOfMonth),
      rules.map((r) => r.startDate),
      rules.map((r) => r.endDate),
    ],
  );
  const eventTypes = await pg.query<{ id: number; calendarId: number }>(
    `INSERT INTO "EventType" (title, slug, length, "teamId", "calendarId", "schedulingType", "minimumBookingNotice", metadata, "updatedAt")
     SELECT t.title, t.slug, t.length, $1, t.calendar_id, 'ROUND_ROBIN'::"SchedulingType", 0, '{"multipleDuration":[30,60]}'::jsonb, now()
     FROM unnest($2::text[], $3::text[], $4::int[], $5::int[]) WITH ORDINALITY AS t(title, slug, length, calendar_id, n) ORDER BY t.n
     RETURNING id, "calendarId"`,
    [teamId, specs.map((s) => `Book ${s.name}`), specs.map((s) => `book-${s.slug}`), specs.map((s) => s.eventLength), calendarIds],
  );
  const eventTypeByCalendar = new Map(eventTypes.rows.map((r) => [r.calendarId, r.id]));
  return { calendarIds, eventTypeIds: calendarIds.map((id) => eventTypeByCalendar.get(id)!) };
}

async function insertBookings(pg: Client, rows: readonly BookingRow[], specs: readonly CalendarSpec[], ids: { calendarIds: number[]; eventTypeIds: number[]; bookerIds: number[] }): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    await pg.query(
      `WITH b AS (
         INSERT INTO "Booking" (uid, "userId", "bookedById", "eventTypeId", "calendarId", title, "startTime", "endTime", status, exclusive, "calendarExclusive", "updatedAt")
         SELECT t.uid, t.booker, t.booker, t.event_type_id, t.calendar_id, 'Bench calendar booking', t.start_time, t.end_time, t.status::"BookingStatus", false, t.capacity = 1, now()
         FROM unnest($1::text[], $2::int[], $3::int[], $4::int[], $5::timestamp[], $6::timestamp[], $7::text[], $8::int[])
           AS t(uid, booker, event_type_id, calendar_id, start_time, end_time, status, capacity)
         RETURNING id, uid, "calendarId"
       )
       INSERT INTO "Attendee" (email, name, "timeZone", "bookingId")
       SELECT 'guest-' || b.uid || '@example.com', 'Guest ' || b.id, c."timeZone", b.id FROM b JOIN "Calendar" c ON c.id = b."calendarId"`,
      [
        batch.map((r) => r.uid),
        batch.map((r) => ids.bookerIds[r.bookerIndex]),
        batch.map((r) => ids.eventTypeIds[r.calendarIndex]),
        batch.map((r) => ids.calendarIds[r.calendarIndex]),
        batch.map((r) => iso(r.start)),
        batch.map((r) => iso(r.end)),
        batch.map((r) => r.status),
        batch.map((r) => specs[r.calendarIndex]!.capacity),
      ],
    );
  }
}

/** Seeds an empty, migrated database. */
export async function seedCalendarsBench(pg: Client, range: BenchRange): Promise<CalendarsBenchData> {
  const started = Date.now();
  const historyFrom = range.start - RANGE_DAYS * DAY;
  const specs = calendarSpecs(range);

  // Lanes: capacity c → c lanes; a building booked whole shares its one lane with the room inside.
  const groups: Group[] = [];
  for (const spec of specs) {
    if (spec.parentIndex !== null && specs[spec.parentIndex]!.capacity === 1) continue; // in its building's group
    const child = PARENTS[spec.index] === "building" ? specs[spec.index + 1]! : null;
    groups.push({
      members: child ? [spec, child] : [spec],
      lanes: child ? 1 : spec.capacity,
      cells: openCells(spec.rules, spec.timeZone, historyFrom, range.end),
      quota: 0,
    });
  }
  const [benchGroup, ...others] = groups;
  benchGroup!.quota = BENCH_CALENDAR_BOOKINGS;
  apportion(TOTAL_BOOKINGS - BENCH_CALENDAR_BOOKINGS, others.map((g) => g.lanes * g.cells.length)).forEach((q, i) => (others[i]!.quota = q));
  const bookings = bookingsOf(groups);
  if (bookings.length !== TOTAL_BOOKINGS) throw new Error(`seeded ${bookings.length} bookings, not ${TOTAL_BOOKINGS}`);

  await pg.query("BEGIN");
  try {
    const people = await insertPeople(pg);
    const ids = await insertCalendars(pg, people.workspace.id, specs);
    await insertBookings(pg, bookings, specs, { ...ids, bookerIds: people.bookerIds });
    await pg.query("COMMIT");

    const inRange = (b: BookingRow) => b.start >= range.start && b.start < range.end;
    const benchBookings = bookings.filter((b) => b.calendarIndex === 0);
    const rules = specs.flatMap((s) => s.rules);
    return {
      range,
      workspace: people.workspace,
      admin: { userId: people.adminId },
      bench: {
        calendarId: ids.calendarIds[0]!,
        eventTypeId: ids.eventTypeIds[0]!,
        capacity: specs[0]!.capacity,
        timeZone: specs[0]!.timeZone,
        schedules: specs[0]!.rules.length,
        bookingsInRange: benchBookings.filter(inRange).length,
        bookingsByStatus: countBy(benchBookings.filter(inRange), (b) => b.status),
        bookingsBeforeRange: benchBookings.filter((b) => b.start < range.start).length,
      },
      sizes: {
        calendars: specs.length,
        parentChildPairs: specs.filter((s) => s.parentIndex !== null).length,
        calendarsByCapacity: countBy(specs, (s) => String(s.capacity)),
        calendarsByZone: countBy(specs, (s) => s.timeZone),
        schedules: rules.length,
        schedulesByKind: countBy(rules, (r) => `${r.recurrence} ${r.availabilityType}`),
        eventTypes: specs.length,
        bookings: bookings.length,
        bookingsInRange: bookings.filter(inRange).length,
        bookingsBeforeRange: bookings.filter((b) => b.start < range.start).length,
        bookingsByStatus: countBy(bookings, (b) => b.status),
        attendees: bookings.length,
      },
      seedMs: Date.now() - started,
    };
  } catch (error) {
    await pg.query("ROLLBACK");
    throw error;
  }
}

/**
 * The seed as the database holds it: no calendar over capacity at any instant (ACCEPTED and
 * PENDING bookings; a building of capacity 1 counts the bookings of the room inside it too),
 * one attendee per booking, every calendar with 2–5 schedules. Returns the problems found.
 */
export async function checkCalendarSeed(pg: Client): Promise<string[]> {
  const problems: string[] = [];
  const over = await pg.query<{ calendar: number; peak: number; capacity: number }>(`
    WITH scope AS (
      SELECT c.id, CASE WHEN p.capacity = 1 THEN p.id ELSE c.id END AS place, CASE WHEN p.capacity = 1 THEN 1 ELSE c.capacity END AS capacity
      FROM "Calendar" c LEFT JOIN "Calendar" p ON p.id = c."parentId"
    ), changes AS (
      SELECT s.place, s.capacity, b."startTime" AS at, 1 AS delta FROM "Booking" b JOIN scope s ON s.id = b."calendarId" WHERE b.status IN ('ACCEPTED', 'PENDING')
      UNION ALL
      SELECT s.place, s.capacity, b."endTime", -1 FROM "Booking" b JOIN scope s ON s.id = b."calendarId" WHERE b.status IN ('ACCEPTED', 'PENDING')
    ), levels AS (
      SELECT place, capacity, sum(delta) OVER (PARTITION BY place ORDER BY at, delta ROWS UNBOUNDED PRECEDING) AS level FROM changes
    )
    SELECT place AS calendar, max(level)::int AS peak, max(capacity)::int AS capacity FROM levels GROUP BY place HAVING max(level) > max(capacity)`);
  for (const row of over.rows) problems.push(`calendar ${row.calendar}: ${row.peak} bookings at once, capacity ${row.capacity}`);
  const attendees = await pg.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Booking" b WHERE (SELECT count(*) FROM "Attendee" a WHERE a."bookingId" = b.id) <> 1`);
  if (attendees.rows[0]!.n > 0) problems.push(`${attendees.rows[0]!.n} bookings without exactly one attendee`);
  const schedules = await pg.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Calendar" c WHERE (SELECT count(*) FROM "CalendarSchedule" s WHERE s."calendarId" = c.id) NOT BETWEEN 2 AND 5`,
  );
  if (schedules.rows[0]!.n > 0) problems.push(`${schedules.rows[0]!.n} calendars without 2–5 schedules`);
  return problems;
}
