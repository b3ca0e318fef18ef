// Seeds the calendar-events benchmark's data (calendar-events-plan.ts) in SQL, in one
// transaction, with multi-row INSERT … SELECT FROM unnest(…) statements:
//
// - a user (bench-events-owner, accepted OWNER of the workspace: its API key is the member
//   view) and the workspace (a Team with a uuid, Europe/Berlin);
// - the 50 resources ("Calendar" rows) and their one weekly schedule each;
// - one event type of the workspace (on the first resource) that every booking and hold refers to;
// - the blockers, the holds ("SlotReservation"), then the bookings in batches, each with its
//   attendee (one customer of 2,000). The database's triggers bump "Calendar".revision on every
//   row and create a "CustomerAccount" per attendee email in the workspace.
//
// checkCalendarEventsSeed then checks the database as seeded, in SQL.
import type { Client } from "pg";
import {
  BLOCKERS,
  CANCELLED_BOOKINGS,
  countBy,
  CUSTOMERS,
  EXPIRED_HOLDS,
  LIVE_HOLDS,
  RESOURCES,
  TOTAL_BOOKINGS,
  WORKSPACE_ZONE,
  type CalendarEventsPlan,
  type ViewRange,
} from "./calendar-events-plan";

const BATCH = 5_000;

export interface SeededResource {
  id: number;
  uuid: string;
  name: string;
  capacity: number;
  isPublic: boolean;
  timeZone: string;
}

export interface CalendarEventsBenchData {
  now: number;
  workspace: { id: number; uuid: string; timeZone: string };
  owner: { userId: number };
  eventTypeId: number;
  /** In plan order. */
  resources: SeededResource[];
  /** The month view's 20 resources (all public) and the week view's 50, as uuids. */
  monthResources: string[];
  weekResources: string[];
  month: ViewRange;
  week: ViewRange;
  sizes: {
    resources: number;
    resourcesByCapacity: Record<string, number>;
    publicResources: number;
    resourcesByZone: Record<string, number>;
    schedules: number;
    bookings: number;
    bookingsByStatus: Record<string, number>;
    bookingsOutsideOpeningHours: number;
    liveHolds: number;
    expiredHolds: number;
    blockers: number;
    customers: number;
  };
  seedMs: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

async function insertWorkspace(pg: Client): Promise<{ ownerId: number; workspace: CalendarEventsBenchData["workspace"] }> {
  const user = await pg.query<{ id: number }>(
    `INSERT INTO "User" (email, username, name, "timeZone", "emailVerified", "updatedAt")
     VALUES ('bench-events-owner@bench.example.com', 'bench-events-owner', 'Bench Owner', $1, now(), now()) RETURNING id`,
    [WORKSPACE_ZONE],
  );
  const team = await pg.query<{ id: number; uuid: string; timeZone: string }>(
    `INSERT INTO "Team" (uuid, name, slug, "timeZone", "updatedAt") VALUES (md5('bench-events-workspace')::uuid, 'Bench events workspace', 'bench-events-workspace', $1, now())
     RETURNING id, uuid::text, "timeZone"`,
    [WORKSPACE_ZONE],
  );
  const ownerId = user.rows[0]!.id;
  const workspace = team.rows[0]!;
  await pg.query(`INSERT INTO "Membership" ("userId", "teamId", role, accepted, "updatedAt") VALUES ($1, $2, 'OWNER', true, now())`, [ownerId, workspace.id]);
  return { ownerId, workspace };
}

async function insertResources(pg: Client, teamId: number, plan: CalendarEventsPlan): Promise<{ resources: SeededResource[]; eventTypeId: number }> {
  const specs = plan.resources;
  const rows = await pg.query<{ id: number; uuid: string; slug: string }>(
    `INSERT INTO "Calendar" (uuid, "teamId", name, slug, "timeZone", color, "isPublic", capacity, "updatedAt")
     SELECT md5('bench-events-resource-' || t.slug)::uuid, $1, t.name, t.slug, t.zone, t.color, t.public, t.capacity, now()
     FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::bool[], $7::int[]) WITH ORDINALITY AS t(slug, name, zone, color, public, capacity, n)
     ORDER BY t.n
     RETURNING id, uuid::text, slug`,
    [teamId, specs.map((s) => s.slug), specs.map((s) => s.name), specs.map((s) => s.timeZone), specs.map((s) => s.color), specs.map((s) => s.isPublic), specs.map((s) => s.capacity)],
  );
  const bySlug = new Map(rows.rows.map((r) => [r.slug, r]));
  const resources = specs.map((s): SeededResource => {
    const row = bySlug.get(s.slug)!;
    return { id: row.id, uuid: row.uuid, name: s.name, capacity: s.capacity, isPublic: s.isPublic, timeZone: s.timeZone };
  });
  await pg.query(
    `INSERT INTO "CalendarSchedule" ("calendarId", name, "availabilityType", recurrence, "startMinute", "endMinute", "daysOfWeek", "startDate", "endDate", "updatedAt")
     SELECT t.calendar_id, 'Opening hours', 'available', 'weekly', t.start_minute, t.end_minute, $4::int[], t.start_date, NULL, now()
     FROM unnest($1::int[], $2::int[], $3::int[], $5::date[]) AS t(calendar_id, start_minute, end_minute, start_date)`,
    [
      resources.map((r) => r.id),
      specs.map((s) => s.rule.startMinute),
      specs.map((s) => s.rule.endMinute),
      specs[0]!.rule.daysOfWeek,
      specs.map((s) => s.rule.startDate),
    ],
  );
  const eventType = await pg.query<{ id: number }>(
    `INSERT INTO "EventType" (title, slug, length, "teamId", "calendarId", "minimumBookingNotice", "updatedAt")
     VALUES ('Resource booking', 'resource-booking', 60, $1, $2, 0, now()) RETURNING id`,
    [teamId, resources[0]!.id],
  );
  return { resources, eventTypeId: eventType.rows[0]!.id };
}

async function insertBlockersAndHolds(pg: Client, plan: CalendarEventsPlan, resources: SeededResource[], eventTypeId: number): Promise<void> {
  const { blockers, holds } = plan;
  await pg.query(
    `INSERT INTO "Blocker" (uid, "calendarId", title, "startTime", "endTime", "updatedAt")
     SELECT t.uid, t.calendar_id, t.title, t.start_time, t.end_time, now()
     FROM unnest($1::text[], $2::int[], $3::text[], $4::timestamp[], $5::timestamp[]) AS t(uid, calendar_id, title, start_time, end_time)`,
    [blockers.map((b) => b.uid), blockers.map((b) => resources[b.resourceIndex]!.id), blockers.map((b) => b.title), blockers.map((b) => iso(b.start)), blockers.map((b) => iso(b.end))],
  );
  await pg.query(
    `INSERT INTO "SlotReservation" (uid, "eventTypeId", "calendarId", "slotUtcStartDate", "slotUtcEndDate", "releaseAt")
     SELECT t.uid, $1, t.calendar_id, t.start_time, t.end_time, t.release_at
     FROM unnest($2::text[], $3::int[], $4::timestamp[], $5::timestamp[], $6::timestamp[]) AS t(uid, calendar_id, start_time, end_time, release_at)`,
    [eventTypeId, holds.map((h) => h.uid), holds.map((h) => resources[h.resourceIndex]!.id), holds.map((h) => iso(h.start)), holds.map((h) => iso(h.end)), holds.map((h) => iso(h.releaseAt))],
  );
}

async function insertBookings(pg: Client, plan: CalendarEventsPlan, resources: SeededResource[], eventTypeId: number): Promise<void> {
  const rows = plan.bookings;
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    await pg.query(
      `WITH t AS (
         SELECT * FROM unnest($2::text[], $3::int[], $4::timestamp[], $5::timestamp[], $6::text[], $7::bool[], $8::text[], $9::text[], $10::text[])
           AS t(uid, calendar_id, start_time, end_time, status, exclusive_calendar, email, name, zone)
       ), b AS (
         INSERT INTO "Booking" (uid, "userId", "eventTypeId", "calendarId", title, "startTime", "endTime", status, exclusive, "calendarExclusive", "updatedAt")
         SELECT t.uid, NULL, $1, t.calendar_id, 'Resource booking', t.start_time, t.end_time, t.status::"BookingStatus", false, t.exclusive_calendar, now()
         FROM t
         RETURNING id, uid
       )
       INSERT INTO "Attendee" (email, name, "timeZone", "bookingId")
       SELECT t.email, t.name, t.zone, b.id FROM b JOIN t ON t.uid = b.uid`,
      [
        eventTypeId,
        batch.map((r) => r.uid),
        batch.map((r) => resources[r.resourceIndex]!.id),
        batch.map((r) => iso(r.start)),
        batch.map((r) => iso(r.end)),
        batch.map((r) => r.status),
        batch.map((r) => resources[r.resourceIndex]!.capacity === 1),
        batch.map((r) => plan.customers[r.customerIndex]!.email),
        batch.map((r) => plan.customers[r.customerIndex]!.name),
        batch.map((r) => resources[r.resourceIndex]!.timeZone),
      ],
    );
  }
}

/** Seeds an empty, migrated database with `plan`. */
export async function seedCalendarEventsBench(pg: Client, plan: CalendarEventsPlan): Promise<CalendarEventsBenchData> {
  const started = Date.now();
  await pg.query("BEGIN");
  let seeded: { ownerId: number; workspace: CalendarEventsBenchData["workspace"]; resources: SeededResource[]; eventTypeId: number };
  try {
    const { ownerId, workspace } = await insertWorkspace(pg);
    const { resources, eventTypeId } = await insertResources(pg, workspace.id, plan);
    await insertBlockersAndHolds(pg, plan, resources, eventTypeId);
    await insertBookings(pg, plan, resources, eventTypeId);
    await pg.query("COMMIT");
    seeded = { ownerId, workspace, resources, eventTypeId };
  } catch (error) {
    await pg.query("ROLLBACK");
    throw error;
  }
  const { resources } = seeded;
  const used = new Set(plan.bookings.map((b) => b.customerIndex));
  return {
    now: plan.now,
    workspace: seeded.workspace,
    owner: { userId: seeded.ownerId },
    eventTypeId: seeded.eventTypeId,
    resources,
    monthResources: plan.monthResources.map((i) => resources[i]!.uuid),
    weekResources: resources.map((r) => r.uuid),
    month: plan.month,
    week: plan.week,
    sizes: {
      resources: resources.length,
      resourcesByCapacity: countBy(resources, (r) => String(r.capacity)),
      publicResources: resources.filter((r) => r.isPublic).length,
      resourcesByZone: countBy(resources, (r) => r.timeZone),
      schedules: resources.length,
      bookings: plan.bookings.length,
      bookingsByStatus: countBy(plan.bookings, (b) => b.status),
      bookingsOutsideOpeningHours: plan.bookings.filter((b) => !b.inOpeningHours).length,
      liveHolds: plan.holds.filter((h) => h.releaseAt > plan.now).length,
      expiredHolds: plan.holds.filter((h) => h.releaseAt <= plan.now).length,
      blockers: plan.blockers.length,
      customers: used.size,
    },
    seedMs: Date.now() - started,
  };
}

/**
 * The seed as the database holds it: the row counts the plan promises, one attendee per
 * booking, a customer account per distinct attendee email, every resource's revision bumped,
 * and no resource over capacity at any instant (ACCEPTED and PENDING bookings and live holds;
 * a blocker fills a resource, so nothing may overlap it). Returns the problems found.
 */
export async function checkCalendarEventsSeed(pg: Client, data: CalendarEventsBenchData): Promise<string[]> {
  const problems: string[] = [];
  const count = async (sql: string, params: unknown[] = []) => (await pg.query<{ n: number }>(sql, params)).rows[0]!.n;
  const expectCount = async (what: string, sql: string, expected: number, params: unknown[] = []) => {
    const n = await count(sql, params);
    if (n !== expected) problems.push(`${what}: ${n}, expected ${expected}`);
  };
  await expectCount("resources", `SELECT count(*)::int AS n FROM "Calendar" WHERE "teamId" = $1`, RESOURCES, [data.workspace.id]);
  await expectCount("live bookings", `SELECT count(*)::int AS n FROM "Booking" WHERE status IN ('ACCEPTED', 'PENDING')`, TOTAL_BOOKINGS);
  await expectCount("cancelled bookings", `SELECT count(*)::int AS n FROM "Booking" WHERE status = 'CANCELLED'`, CANCELLED_BOOKINGS);
  await expectCount("live holds", `SELECT count(*)::int AS n FROM "SlotReservation" WHERE "releaseAt" > now() AT TIME ZONE 'UTC'`, LIVE_HOLDS);
  await expectCount("expired holds", `SELECT count(*)::int AS n FROM "SlotReservation" WHERE "releaseAt" <= now() AT TIME ZONE 'UTC'`, EXPIRED_HOLDS);
  await expectCount("blockers", `SELECT count(*)::int AS n FROM "Blocker"`, BLOCKERS);
  await expectCount("bookings without exactly one attendee", `SELECT count(*)::int AS n FROM "Booking" b WHERE (SELECT count(*) FROM "Attendee" a WHERE a."bookingId" = b.id) <> 1`, 0);
  await expectCount(
    "customer accounts",
    `SELECT count(*)::int AS n FROM "CustomerAccount" WHERE "teamId" = $1`,
    await count(`SELECT count(DISTINCT lower(email))::int AS n FROM "Attendee"`),
    [data.workspace.id],
  );
  await expectCount("attendees without a customer account", `SELECT count(*)::int AS n FROM "Attendee" a WHERE NOT EXISTS (SELECT 1 FROM "CustomerAccount" ca WHERE ca.email = lower(a.email))`, 0);
  await expectCount("resources whose revision was never bumped", `SELECT count(*)::int AS n FROM "Calendar" WHERE revision = 0`, 0);
  if (data.sizes.customers > CUSTOMERS) problems.push(`${data.sizes.customers} customers, at most ${CUSTOMERS} planned`);
  const over = await pg.query<{ name: string; peak: number; capacity: number }>(`
    WITH uses AS (
      SELECT "calendarId" AS calendar, "startTime" AS s, "endTime" AS e, 1 AS units FROM "Booking" WHERE status IN ('ACCEPTED', 'PENDING')
      UNION ALL SELECT "calendarId", "slotUtcStartDate", "slotUtcEndDate", 1 FROM "SlotReservation" WHERE "releaseAt" > now() AT TIME ZONE 'UTC'
      UNION ALL SELECT x."calendarId", x."startTime", x."endTime", c.capacity FROM "Blocker" x JOIN "Calendar" c ON c.id = x."calendarId"
    ), changes AS (
      SELECT calendar, s AS at, units AS delta FROM uses UNION ALL SELECT calendar, e, -units FROM uses
    ), levels AS (
      SELECT calendar, sum(delta) OVER (PARTITION BY calendar ORDER BY at, delta ROWS UNBOUNDED PRECEDING) AS level FROM changes
    )
    SELECT c.name, max(l.level)::int AS peak, c.capacity FROM levels l JOIN "Calendar" c ON c.id = l.calendar
    GROUP BY c.id HAVING max(l.level) > c.capacity`);
  for (const row of over.rows) problems.push(`${row.name}: ${row.peak} units in use at once, capacity ${row.capacity}`);
  return problems;
}
