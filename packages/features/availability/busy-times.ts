import { getPrisma, Prisma } from "@slotbase/prisma";
import { widenInterval, type Interval, type SeatedBooking } from "@slotbase/scheduling";

export interface BusyQuery {
  hostIds: number[];
  /** Only busy time overlapping [from, to). */
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
  busy: Interval[];
  seated: SeatedBooking[];
  /** Busy time with its source, for /availability. */
  sources: BusySource[];
}

export interface BusySource extends Interval {
  kind: "booking" | "reservation" | "blocker";
  /** Only for the people allowed to see it. */
  title: string | null;
}

// Bookings can be widened by their own type's buffers (at most a day each side), so look a little wider.
const MARGIN_MS = 2 * 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

interface Row {
  hostId: number;
  kind: "booking" | "reservation" | "blocker" | "seat" | "seat-hold";
  startMs: number;
  endMs: number;
  /** The row's own event type's buffers, minutes. */
  beforeMin: number;
  afterMin: number;
  title: string | null;
  uid: string | null;
  seats: number;
}

/**
 * Everything that makes the hosts busy in one round trip: accepted and pending bookings
 * (as organizer, or as an attendee by email), unexpired holds and blockers. Bookings and
 * holds come widened by their own event type's buffers.
 */
export async function loadBusyTimes(query: BusyQuery): Promise<Map<number, HostBusy>> {
  const result = new Map<number, HostBusy>(query.hostIds.map((id) => [id, { busy: [], seated: [], sources: [] }]));
  if (query.hostIds.length === 0) return result;
  const prisma = await getPrisma();
  const from = iso(query.range.start - MARGIN_MS);
  const to = iso(query.range.end + MARGIN_MS);
  const now = iso(query.now);
  const seated = query.seatedEventTypeId ?? -1;
  const ignoreBooking = query.ignoreBookingUid ?? "";
  const ignoreHold = query.ignoreReservationUid ?? "";
  const hostIds = query.hostIds;
  const ms = (column: Prisma.Sql) => Prisma.sql`(extract(epoch from ${column}) * 1000)::float8`;

  const rows = await prisma.$queryRaw<Row[]>(Prisma.sql`
    WITH hosts AS (SELECT id, email FROM "User" WHERE id = ANY(${hostIds}::int[])),
    booked AS (
      SELECT b."userId" AS "hostId", b.id FROM "Booking" b
      WHERE b."userId" = ANY(${hostIds}::int[]) AND b.status IN ('ACCEPTED', 'PENDING')
        AND b."startTime" < ${to}::timestamp AND b."endTime" > ${from}::timestamp
      UNION
      SELECT h.id, b.id FROM hosts h
      JOIN "Attendee" a ON a.email = h.email
      JOIN "Booking" b ON b.id = a."bookingId"
      WHERE b.status IN ('ACCEPTED', 'PENDING') AND b."startTime" < ${to}::timestamp AND b."endTime" > ${from}::timestamp
    )
    SELECT k."hostId", CASE WHEN b."eventTypeId" = ${seated} AND b."userId" = k."hostId" THEN 'seat' ELSE 'booking' END AS kind,
      ${ms(Prisma.sql`b."startTime"`)} AS "startMs", ${ms(Prisma.sql`b."endTime"`)} AS "endMs",
      COALESCE(et."beforeEventBuffer", 0) AS "beforeMin", COALESCE(et."afterEventBuffer", 0) AS "afterMin",
      b.title, b.uid,
      CASE WHEN b."eventTypeId" = ${seated} THEN (SELECT count(*)::int FROM "Attendee" a WHERE a."bookingId" = b.id) ELSE 0 END AS seats
    FROM booked k JOIN "Booking" b ON b.id = k.id LEFT JOIN "EventType" et ON et.id = b."eventTypeId"
    WHERE b.uid <> ${ignoreBooking}
    UNION ALL
    SELECT r."userId", CASE WHEN r."isSeat" AND r."eventTypeId" = ${seated} THEN 'seat-hold' ELSE 'reservation' END,
      ${ms(Prisma.sql`r."slotUtcStartDate"`)}, ${ms(Prisma.sql`r."slotUtcEndDate"`)}, et."beforeEventBuffer", et."afterEventBuffer",
      NULL, r.uid, 1
    FROM "SlotReservation" r JOIN "EventType" et ON et.id = r."eventTypeId"
    WHERE r."userId" = ANY(${hostIds}::int[]) AND r."releaseAt" > ${now}::timestamp AND r.uid <> ${ignoreHold}
      AND r."slotUtcStartDate" < ${to}::timestamp AND r."slotUtcEndDate" > ${from}::timestamp
    UNION ALL
    SELECT x."userId", 'blocker', ${ms(Prisma.sql`x."startTime"`)}, ${ms(Prisma.sql`x."endTime"`)}, 0, 0, x.title, x.uid, 0
    FROM "Blocker" x
    WHERE x."userId" = ANY(${hostIds}::int[]) AND x."startTime" < ${to}::timestamp AND x."endTime" > ${from}::timestamp
  `);

  const seatHolds: Row[] = [];
  for (const row of rows) {
    const host = result.get(row.hostId);
    if (!host) continue;
    // Seats are matched against slot starts, so they stay unwidened (the engine adds the event's buffers).
    const span = { start: Number(row.startMs), end: Number(row.endMs) };
    if (row.kind === "seat") host.seated.push({ ...span, seatsBooked: row.seats, bookingUid: row.uid ?? undefined });
    else if (row.kind === "seat-hold") seatHolds.push(row);
    else {
      host.busy.push(widenInterval(span, row.beforeMin, row.afterMin));
      host.sources.push({ ...span, kind: row.kind, title: row.title });
    }
  }
  for (const hold of seatHolds) countSeatHold(result.get(hold.hostId)!, { start: Number(hold.startMs), end: Number(hold.endMs) });
  return result;
}

/** A held seat counts as a taken seat of the booking at that time (or starts a new seated slot). */
function countSeatHold(host: HostBusy, span: Interval): void {
  const booking = host.seated.find((b) => b.start === span.start);
  if (booking) booking.seatsBooked += 1;
  else host.seated.push({ ...span, seatsBooked: 1 });
}
