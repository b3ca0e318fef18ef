import { getPrisma, Prisma } from "@slotbase/prisma";
import type { Db } from "./bookable-event";
import { bookingOverlaps } from "../bookings/booking-overlap-sql";
import type { Interval, SeatedBooking } from "@slotbase/scheduling";

export interface BusyQuery {
  hostIds: number[];
  /**
   * Only busy time overlapping [from, to) once widened by its own event type's buffers. A
   * slots search passes its slots' time widened by its event type's buffers (slotSearchWindow).
   */
  range: Interval;
  now: number;
  /** A seated event type: its own bookings are seats to join, not busy time. */
  seatedEventTypeId?: number | null;
  /** The booking being rescheduled: its time is not busy. */
  ignoreBookingUid?: string | null;
  /** The caller's own hold: it does not hide its slot from the caller. */
  ignoreReservationUid?: string | null;
}

export interface HostBusy {
  /** Bookings, holds and blockers, each widened by its own event type's buffers. */
  busy: Interval[];
  seated: SeatedBooking[];
}

export interface BusySource extends Interval {
  kind: "booking" | "reservation" | "blocker";
  /** Only for the people allowed to see it. */
  title: string | null;
}

const iso = (ms: number) => new Date(ms).toISOString();
const ACTIVE = Prisma.sql`('ACCEPTED', 'PENDING')`;
const epochMs = (column: Prisma.Sql) => Prisma.sql`(date_part('epoch', ${column}) * 1000)`;

function bounds(query: { range: Interval }) {
  return { from: iso(query.range.start), to: iso(query.range.end) };
}

export type BusyRow = { hostId: number; spans: string };

/** Each host's spans, folded by slotbase_busy_spans into "startMs endMs startMs endMs …". */
function addBusyRows(result: Map<number, HostBusy>, rows: BusyRow[]): void {
  for (const row of rows) {
    const host = result.get(row.hostId);
    if (!host) continue;
    const numbers = row.spans.split(" ");
    for (let i = 0; i + 1 < numbers.length; i += 2) host.busy.push({ start: Number(numbers[i]), end: Number(numbers[i + 1]) });
  }
}

/** Busy time read inside another query (see busySpansColumn), for these hosts. */
export function busyFromRows(hostIds: number[], rows: BusyRow[] | null): Map<number, HostBusy> {
  const result = new Map<number, HostBusy>(hostIds.map((id) => [id, { busy: [], seated: [] }]));
  addBusyRows(result, rows ?? []);
  return result;
}

/**
 * slotbase_busy_spans as a JSON column of another query ([{hostId, spans}]), for callers that
 * read the hosts and their busy time in one round trip. Arguments are SQL expressions.
 */
export function busySpansColumn(args: { hostIds: Prisma.Sql; from: Prisma.Sql; to: Prisma.Sql; now: number; seatedEventTypeId: Prisma.Sql; ignoreReservationUid?: string | null }): Prisma.Sql {
  return Prisma.sql`(SELECT json_agg(json_build_object('hostId', b.host_id, 'spans', b.spans)) FROM slotbase_busy_spans(
    ${args.hostIds}, ${args.from}, ${args.to}, ${iso(args.now)}::timestamp, ${args.seatedEventTypeId}, '', ${args.ignoreReservationUid ?? ""}) b)`;
}

/**
 * The hosts' busy time in one round trip: accepted and pending bookings (as organizer, or
 * as an attendee by email), unexpired holds and blockers, widened by their own event
 * type's buffers. Postgres folds each host's spans into one string: a team of 20 with a
 * thousand bookings each is 20 rows, not 20,000.
 */
export async function loadBusyTimes(query: BusyQuery, db?: Db): Promise<Map<number, HostBusy>> {
  const result = new Map<number, HostBusy>(query.hostIds.map((id) => [id, { busy: [], seated: [] }]));
  if (query.hostIds.length === 0) return result;
  const prisma = db ?? (await getPrisma());
  const { from, to } = bounds(query);
  const now = iso(query.now);
  const seated = query.seatedEventTypeId ?? -1;
  const ignoreBooking = query.ignoreBookingUid ?? "";
  const ignoreHold = query.ignoreReservationUid ?? "";
  // slotbase_busy_spans (see the migration that creates it) keeps its plan per connection.
  const rows = await prisma.$queryRaw<BusyRow[]>(Prisma.sql`
    SELECT host_id AS "hostId", spans
    FROM slotbase_busy_spans(${query.hostIds}::int[], ${from}::timestamp, ${to}::timestamp, ${now}::timestamp, ${seated}::int, ${ignoreBooking}, ${ignoreHold})
  `);
  addBusyRows(result, rows);
  if (query.seatedEventTypeId) await addSeats(result, { ...query, seatedEventTypeId: query.seatedEventTypeId, from, to, nowIso: now }, prisma);
  return result;
}

/** A seated type's own bookings with their taken seats (attendees), and its held seats. */
async function addSeats(
  result: Map<number, HostBusy>,
  query: BusyQuery & { seatedEventTypeId: number; from: string; to: string; nowIso: string },
  prisma: Db,
): Promise<void> {
  const ignoreBooking = query.ignoreBookingUid ?? "";
  const ignoreHold = query.ignoreReservationUid ?? "";
  const rows = await prisma.$queryRaw<{ hostId: number; kind: "booking" | "hold"; s: number; e: number; uid: string; seats: number }[]>(Prisma.sql`
    SELECT b."userId" AS "hostId", 'booking' AS kind, ${epochMs(Prisma.sql`b."startTime"`)} AS s, ${epochMs(Prisma.sql`b."endTime"`)} AS e, b.uid,
      (SELECT count(*)::int FROM "Attendee" a WHERE a."bookingId" = b.id) AS seats
    FROM "Booking" b
    WHERE b."eventTypeId" = ${query.seatedEventTypeId} AND b."userId" = ANY(${query.hostIds}::int[]) AND b.status IN ${ACTIVE}
      AND ${bookingOverlaps(Prisma.sql`${query.from}::timestamp`, Prisma.sql`${query.to}::timestamp`)} AND b.uid <> ${ignoreBooking}
    UNION ALL
    SELECT r."userId", 'hold', ${epochMs(Prisma.sql`r."slotUtcStartDate"`)}, ${epochMs(Prisma.sql`r."slotUtcEndDate"`)}, r.uid, 1
    FROM "SlotReservation" r
    WHERE r."eventTypeId" = ${query.seatedEventTypeId} AND r."isSeat" AND r."userId" = ANY(${query.hostIds}::int[])
      AND r."releaseAt" > ${query.nowIso}::timestamp AND r.uid <> ${ignoreHold}
      AND r."slotUtcEndDate" > ${query.from}::timestamp AND r."slotUtcStartDate" < ${query.to}::timestamp
    ORDER BY kind
  `);
  for (const row of rows) {
    const host = result.get(row.hostId);
    if (!host) continue;
    const span = { start: Number(row.s), end: Number(row.e) };
    // Seats are matched against slot starts, so they stay unwidened (the engine adds the event's buffers).
    if (row.kind === "booking") host.seated.push({ ...span, seatsBooked: row.seats, bookingUid: row.uid });
    else {
      const booking = host.seated.find((b) => b.start === span.start);
      if (booking) booking.seatsBooked += 1;
      else host.seated.push({ ...span, seatsBooked: 1 });
    }
  }
}

/** One user's busy time with what it is, for /availability (the caller decides who sees titles). */
export async function loadBusySources(userId: number, range: Interval, now: number): Promise<BusySource[]> {
  const prisma = await getPrisma();
  const from = iso(range.start);
  const to = iso(range.end);
  const rows = await prisma.$queryRaw<{ kind: BusySource["kind"]; s: number; e: number; title: string | null; uid: string }[]>(Prisma.sql`
    SELECT DISTINCT ON (b.id) 'booking' AS kind, ${epochMs(Prisma.sql`b."startTime"`)} AS s, ${epochMs(Prisma.sql`b."endTime"`)} AS e, b.title, b.uid
    FROM "Booking" b LEFT JOIN "Attendee" a ON a."bookingId" = b.id
    WHERE (b."userId" = ${userId} OR a.email = (SELECT email FROM "User" WHERE id = ${userId}))
      AND b.status IN ${ACTIVE} AND ${bookingOverlaps(Prisma.sql`${from}::timestamp`, Prisma.sql`${to}::timestamp`)}
    UNION ALL
    SELECT 'reservation', ${epochMs(Prisma.sql`r."slotUtcStartDate"`)}, ${epochMs(Prisma.sql`r."slotUtcEndDate"`)}, NULL, r.uid
    FROM "SlotReservation" r
    WHERE r."userId" = ${userId} AND r."releaseAt" > ${iso(now)}::timestamp AND r."slotUtcEndDate" > ${from}::timestamp AND r."slotUtcStartDate" < ${to}::timestamp
    UNION ALL
    SELECT 'blocker', ${epochMs(Prisma.sql`x."startTime"`)}, ${epochMs(Prisma.sql`x."endTime"`)}, x.title, x.uid
    FROM "Blocker" x
    WHERE x."userId" = ${userId} AND x."endTime" > ${from}::timestamp AND x."startTime" < ${to}::timestamp
  `);
  return rows
    .map((row) => ({ kind: row.kind, start: Number(row.s), end: Number(row.e), title: row.title }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
}
