import { calendarAvailability, localDateOf, wallClockToInstant, type Interval, type ResourceAvailability } from "@slotbase/scheduling";
import { getPrisma, Prisma } from "@slotbase/prisma";
import { toScheduleRecord, valuesOf } from "../calendars/calendar-schedule-rule";
import type { Db } from "./bookable-event";
import { bookingOverlaps } from "../bookings/booking-overlap-sql";

/**
 * A workspace calendar as the engine books it (a room, a desk pool): when it is open (its
 * schedules), how many bookings may overlap (its capacity) and what occupies it.
 *
 * Calendars nest (`parentId`). A booking of a calendar also occupies every enclosing calendar
 * of capacity 1 (a room inside a building booked whole), so the calendars from the highest
 * capacity-1 calendar around this one (itself included) down to all of its descendants share
 * one booking at a time: there, every booking, hold and blocker fills the calendar. Without
 * such an enclosing calendar only this calendar's own bookings and holds count, one unit
 * each; a blocker always fills it.
 */
export interface CalendarResource {
  calendarId: number;
  capacity: number;
  timeZone: string;
  /** The calendar whose advisory lock serialises bookings that share this capacity. */
  lockId: number;
  resource: ResourceAvailability;
}

type Chain = { id: number; parentId: number | null; capacity: number; timeZone: string; depth: number }[];

const DAY_MS = 86_400_000;

/** The calendar and its ancestors, nearest first (depth 0 = the calendar). */
async function chainOf(db: Db, calendarId: number): Promise<Chain> {
  return db.$queryRaw<Chain>(Prisma.sql`
    WITH RECURSIVE chain AS (
      SELECT id, "parentId", capacity, "timeZone", 0 AS depth FROM "Calendar" WHERE id = ${calendarId}
      UNION ALL
      SELECT c.id, c."parentId", c.capacity, c."timeZone", chain.depth + 1
      FROM "Calendar" c JOIN chain ON c.id = chain."parentId" WHERE chain.depth < 32
    )
    SELECT id, "parentId", capacity, "timeZone", depth FROM chain ORDER BY depth`);
}

type BusyRow = { s: number; e: number; kind: "booking" | "hold" | "blocker" };

/** What occupies the calendars `scope` over `range` (bookings and holds widened by their own buffers). */
async function busyOf(db: Db, scope: number[], range: Interval, now: number, ignore: { bookingUid?: string | null; reservationUid?: string | null }): Promise<BusyRow[]> {
  const from = new Date(range.start).toISOString();
  const to = new Date(range.end).toISOString();
  return db.$queryRaw<BusyRow[]>(Prisma.sql`
    SELECT date_part('epoch', b."startTime") * 1000 - COALESCE(et."beforeEventBuffer", 0) * 60000 AS s,
      date_part('epoch', b."endTime") * 1000 + COALESCE(et."afterEventBuffer", 0) * 60000 AS e, 'booking' AS kind
    FROM "Booking" b LEFT JOIN "EventType" et ON et.id = b."eventTypeId"
    WHERE b."calendarId" = ANY(${scope}::int[]) AND b.status IN ('ACCEPTED', 'PENDING')
      AND ${bookingOverlaps(Prisma.sql`${from}::timestamp - interval '1 day'`, Prisma.sql`${to}::timestamp + interval '1 day'`)}
      AND b.uid <> ${ignore.bookingUid ?? ""}
    UNION ALL
    SELECT date_part('epoch', r."slotUtcStartDate") * 1000 - et."beforeEventBuffer" * 60000,
      date_part('epoch', r."slotUtcEndDate") * 1000 + et."afterEventBuffer" * 60000, 'hold'
    FROM "SlotReservation" r JOIN "EventType" et ON et.id = r."eventTypeId"
    WHERE r."calendarId" = ANY(${scope}::int[]) AND r."releaseAt" > ${new Date(now).toISOString()}::timestamp
      AND r.uid <> ${ignore.reservationUid ?? ""}
      AND r."slotUtcEndDate" > ${from}::timestamp - interval '1 day' AND r."slotUtcStartDate" < ${to}::timestamp + interval '1 day'
    UNION ALL
    SELECT date_part('epoch', x."startTime") * 1000, date_part('epoch', x."endTime") * 1000, 'blocker'
    FROM "Blocker" x
    WHERE x."calendarId" = ANY(${scope}::int[]) AND x."endTime" > ${from}::timestamp AND x."startTime" < ${to}::timestamp`);
}

/** The calendar and every calendar inside it. */
async function subtreeOf(db: Db, rootId: number): Promise<number[]> {
  const rows = await db.$queryRaw<{ id: number }[]>(Prisma.sql`
    WITH RECURSIVE tree AS (
      SELECT id, 0 AS depth FROM "Calendar" WHERE id = ${rootId}
      UNION ALL SELECT c.id, tree.depth + 1 FROM "Calendar" c JOIN tree ON c."parentId" = tree.id WHERE tree.depth < 32
    )
    SELECT id FROM tree`);
  return rows.map((row) => row.id);
}

/** Which calendar's lock guards bookings of `calendarId` (see CalendarResource.lockId). */
export async function calendarLockId(db: Db, calendarId: number): Promise<number> {
  const chain = await chainOf(db, calendarId);
  return ([...chain].reverse().find((c) => c.capacity === 1) ?? chain[0])?.id ?? calendarId;
}

export interface CalendarResourceRequest {
  calendarId: number;
  /** The time slots may start in, widened by the caller as for hosts' busy time. */
  range: Interval;
  now: number;
  ignoreBookingUid?: string | null;
  ignoreReservationUid?: string | null;
}

export async function loadCalendarResource(request: CalendarResourceRequest, db?: Db): Promise<CalendarResource | null> {
  const prisma = db ?? (await getPrisma());
  const chain = await chainOf(prisma, request.calendarId);
  const calendar = chain[0];
  if (!calendar) return null;
  // The highest calendar of capacity 1 from this one up: everything inside it shares its one place.
  const exclusiveRoot = [...chain].reverse().find((c) => c.capacity === 1) ?? null;
  const scope = exclusiveRoot ? await subtreeOf(prisma, exclusiveRoot.id) : [calendar.id];
  const [schedules, busy] = await Promise.all([
    prisma.calendarSchedule.findMany({ where: { calendarId: calendar.id } }),
    busyOf(prisma, scope, request.range, request.now, { bookingUid: request.ignoreBookingUid, reservationUid: request.ignoreReservationUid }),
  ]);
  // Whole local days around the range: slots align to the rules' own start times, or to local
  // midnight for an open calendar (no rules), however the range was asked for.
  const around = { start: wallClockToInstant(localDateOf(request.range.start - DAY_MS, calendar.timeZone), 0, calendar.timeZone), end: request.range.end + DAY_MS };
  const rules = schedules.map((row) => valuesOf(toScheduleRecord(row)));
  const full = calendar.capacity;
  return {
    calendarId: calendar.id,
    capacity: calendar.capacity,
    timeZone: calendar.timeZone,
    lockId: (exclusiveRoot ?? calendar).id,
    resource: {
      windows: calendarAvailability(rules, calendar.timeZone, around),
      capacity: calendar.capacity,
      busy: busy.map((row) => ({ start: Number(row.s), end: Number(row.e), units: row.kind === "blocker" || exclusiveRoot ? full : 1 })),
    },
  };
}
