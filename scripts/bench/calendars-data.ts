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
import { RANGE_DAYS, type BenchRange } from "./slots-data";
import { BATCH, BOOKERS, calendarSpecs, countBy, DAY, planBookings, TOTAL_BOOKINGS, WORKSPACE_ZONE, type BookingRow, type CalendarSpec } from "./calendars-plan";

export { BENCH_CAPACITY, CALENDARS } from "./calendars-plan";

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

/** Seeds an empty, migrated database. */export async function seedCalendarsBench(pg: Client, range: BenchRange): Promise<CalendarsBenchData> {
  const started = Date.now();
  const historyFrom = range.start - RANGE_DAYS * DAY;
  const specs = calendarSpecs(range);

  const bookings = planBookings(specs, historyFrom, range.end);
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
