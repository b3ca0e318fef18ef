import { Prisma } from "@slotbase/prisma";
import type { CalendarScheduleRule } from "@slotbase/scheduling";
import { toScheduleRecord, valuesOf } from "../calendars/calendar-schedule-rule";
import type { Db } from "../slots/bookable-event";
import { bookingOverlaps } from "../bookings/booking-overlap-sql";

/**
 * The rows a calendar-events view is drawn from, each read once for all of its calendars: the
 * number of queries does not grow with the number of resources.
 */
export type OccupantKind = "booking" | "hold" | "blocker";

export interface Occupant {
  kind: OccupantKind;
  calendarId: number;
  /** Booking, hold or blocker uid. */
  uid: string;
  /** Booking row id (customers are looked up by it); 0 otherwise. */
  bookingId: number;
  start: number;
  end: number;
  /** Booking status, lower-cased (accepted, pending). */
  status: string | null;
  /** The booking's event type title, or the blocker's title. */
  title: string | null;
}

type OccupantRow = Omit<Occupant, "start" | "end" | "bookingId"> & { start: Date; end: Date; bookingId: number | null };

/** Accepted and pending bookings, unexpired holds and blockers of `calendarIds` overlapping `range`, as booked (no buffers). */
export async function loadOccupants(db: Db, calendarIds: number[], range: { start: number; end: number }, now: number): Promise<Occupant[]> {
  if (calendarIds.length === 0) return [];
  const from = new Date(range.start);
  const to = new Date(range.end);
  const rows = await db.$queryRaw<OccupantRow[]>(Prisma.sql`
    SELECT 'booking' AS kind, b."calendarId", b.uid, b.id AS "bookingId", b."startTime" AS start, b."endTime" AS "end",
      lower(b.status::text) AS status, et.title
    FROM "Booking" b LEFT JOIN "EventType" et ON et.id = b."eventTypeId"
    WHERE b."calendarId" = ANY(${calendarIds}::int[]) AND b.status IN ('ACCEPTED', 'PENDING')
      AND ${bookingOverlaps(Prisma.sql`${from.toISOString()}::timestamp`, Prisma.sql`${to.toISOString()}::timestamp`)}
    UNION ALL
    SELECT 'hold', r."calendarId", r.uid, NULL, r."slotUtcStartDate", r."slotUtcEndDate", NULL, NULL
    FROM "SlotReservation" r
    WHERE r."calendarId" = ANY(${calendarIds}::int[]) AND r."releaseAt" > ${new Date(now)}
      AND r."slotUtcEndDate" > ${from} AND r."slotUtcStartDate" < ${to}
    UNION ALL
    SELECT 'blocker', x."calendarId", x.uid, NULL, x."startTime", x."endTime", NULL, x.title
    FROM "Blocker" x
    WHERE x."calendarId" = ANY(${calendarIds}::int[]) AND x."endTime" > ${from} AND x."startTime" < ${to}`);
  return rows.map((row) => ({ ...row, bookingId: row.bookingId ?? 0, start: row.start.getTime(), end: row.end.getTime() }));
}

/** The schedules of `calendarIds`, as the engine reads them. */
export async function loadScheduleRules(db: Db, calendarIds: number[]): Promise<Map<number, CalendarScheduleRule[]>> {
  const rules = new Map<number, CalendarScheduleRule[]>();
  if (calendarIds.length === 0) return rules;
  const rows = await db.calendarSchedule.findMany({ where: { calendarId: { in: calendarIds } }, orderBy: { id: "asc" } });
  for (const row of rows) appendTo(rules, row.calendarId, valuesOf(toScheduleRecord(row)));
  return rules;
}

function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export interface Customer {
  id: string;
  firstName: string;
  lastName: string;
}

/** The customer accounts on each booking: its attendees' accounts in the booking calendar's workspace, in attendee order. */
export async function loadCustomers(db: Db, bookingIds: number[]): Promise<Map<number, Customer[]>> {
  const customers = new Map<number, Customer[]>();
  if (bookingIds.length === 0) return customers;
  const rows = await db.$queryRaw<(Customer & { bookingId: number })[]>(Prisma.sql`
    SELECT a."bookingId", ca.uuid::text AS id, ca."firstName", ca."lastName"
    FROM "Attendee" a
    JOIN "Booking" b ON b.id = a."bookingId"
    JOIN "Calendar" c ON c.id = b."calendarId"
    JOIN "CustomerAccount" ca ON ca."teamId" = c."teamId" AND ca.email = lower(a.email)
    WHERE a."bookingId" = ANY(${bookingIds}::int[])
    ORDER BY a."bookingId", a.id`);
  for (const { bookingId, ...customer } of rows) appendTo(customers, bookingId, customer);
  return customers;
}
