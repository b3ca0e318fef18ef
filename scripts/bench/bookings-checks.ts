// bench:bookings, the checks around the measurements: the seed is what it claims, the database
// agrees with the responses (no double booking), and the outbox has drained.
import { findAvailableSlots } from "@slotbase/features/slots/slot-service";
import { iso, raceSlot, SLOT_MINUTES, SLOTS_PER_DAY, type BookingsBenchData } from "./bookings-data";
import { withPgClient } from "./lib/database";
import { expect } from "./lib/run";

/** The seeded hosts really are free around the clock: 96 slots a day, from 00:00 UTC. */
export async function checkSeed(data: BookingsBenchData): Promise<number> {
  const range = { start: data.firstSlot, end: data.firstSlot + 86_400_000 };
  const { slots } = await findAvailableSlots({ eventType: { id: data.load[0]!.eventTypeId }, range });
  expect(slots.length === SLOTS_PER_DAY, `a load host has ${slots.length} free slots on the first day, expected ${SLOTS_PER_DAY}`);
  expect(slots.every((s, i) => s.start === data.firstSlot + i * SLOT_MINUTES * 60_000), "the free slots are not every 15 minutes from 00:00 UTC");
  return slots.length;
}

export interface Verification {
  loadBookings: number;
  acceptedLoadBookings: number;
  matchingUids: number;
  overlappingPairs: number;
  bookingsWithoutOneAttendee: number;
  notificationsQueued: number;
  raceBookingsPerSlot: number[];
}

/** The database agrees with the responses: every 201 is one ACCEPTED booking, no double booking. */
export async function verify(url: string, data: BookingsBenchData, uids: string[], raceRounds: number): Promise<Verification> {
  return withPgClient(url, async (pg) => {
    const loadTypes = data.load.map((h) => h.eventTypeId);
    const count = async (sql: string, params: unknown[] = []) => Number((await pg.query<{ n: string }>(sql, params)).rows[0]!.n);
    const result: Verification = {
      loadBookings: await count(`SELECT count(*) AS n FROM "Booking" WHERE "eventTypeId" = ANY($1)`, [loadTypes]),
      acceptedLoadBookings: await count(`SELECT count(*) AS n FROM "Booking" WHERE "eventTypeId" = ANY($1) AND status = 'ACCEPTED'`, [loadTypes]),
      matchingUids: await count(`SELECT count(*) AS n FROM "Booking" WHERE uid = ANY($1) AND "eventTypeId" = ANY($2) AND status = 'ACCEPTED'`, [uids, loadTypes]),
      overlappingPairs: await count(
        `SELECT count(*) AS n FROM "Booking" a JOIN "Booking" b
           ON a."userId" = b."userId" AND a.id < b.id
          AND tsrange(a."startTime", a."endTime", '[)') && tsrange(b."startTime", b."endTime", '[)')
        WHERE a.status = 'ACCEPTED' AND b.status = 'ACCEPTED'`,
      ),
      bookingsWithoutOneAttendee: await count(
        `SELECT count(*) AS n FROM "Booking" b WHERE b."eventTypeId" = ANY($1) AND (SELECT count(*) FROM "Attendee" a WHERE a."bookingId" = b.id) <> 1`,
        [loadTypes],
      ),
      notificationsQueued: await count(`SELECT count(*) AS n FROM "Notification" n JOIN "Booking" b ON b.id = n."bookingId" WHERE b."eventTypeId" = ANY($1)`, [loadTypes]),
      raceBookingsPerSlot: (
        await pg.query<{ n: string }>(
          `SELECT count(b.id) AS n FROM unnest($2::timestamp[]) WITH ORDINALITY AS s(start, i)
             LEFT JOIN "Booking" b ON b."eventTypeId" = $1 AND b.status = 'ACCEPTED' AND b."startTime" = s.start
           GROUP BY s.i ORDER BY s.i`,
          [data.race.eventTypeId, Array.from({ length: raceRounds }, (_, r) => iso(raceSlot(data, r)))],
        )
      ).rows.map((r) => Number(r.n)),
    };
    const n = uids.length;
    expect(new Set(uids).size === n, "a uid was returned twice");
    expect(result.loadBookings === n && result.acceptedLoadBookings === n, `${n} × 201, but the database holds ${result.loadBookings} bookings (${result.acceptedLoadBookings} ACCEPTED)`);
    expect(result.matchingUids === n, `only ${result.matchingUids} of the ${n} returned uids are ACCEPTED load bookings`);
    expect(result.overlappingPairs === 0, `${result.overlappingPairs} pairs of ACCEPTED bookings overlap on one host`);
    expect(result.bookingsWithoutOneAttendee === 0, `${result.bookingsWithoutOneAttendee} bookings without exactly one attendee`);
    expect(result.notificationsQueued === 2 * n, `${result.notificationsQueued} notifications queued for ${n} bookings, expected ${2 * n} (host and attendee)`);
    expect(result.raceBookingsPerSlot.every((c) => c === 1), `race slots hold ${result.raceBookingsPerSlot.join(", ")} ACCEPTED bookings, expected 1 each`);
    return result;
  });
}

/** Notification rows of the load bookings by status. */
export async function outboxStatus(url: string, data: BookingsBenchData): Promise<Record<string, number>> {
  return withPgClient(url, async (pg) => {
    const { rows } = await pg.query<{ status: string; n: string }>(
      `SELECT n.status, count(*) AS n FROM "Notification" n JOIN "Booking" b ON b.id = n."bookingId" WHERE b."eventTypeId" = ANY($1) GROUP BY n.status`,
      [data.load.map((h) => h.eventTypeId)],
    );
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  });
}

export async function waitForDelivery(url: string, data: BookingsBenchData, timeoutMs: number): Promise<{ drainedMs: number | null; status: Record<string, number> }> {
  const started = Date.now();
  for (;;) {
    const status = await outboxStatus(url, data);
    if (!status.PENDING) return { drainedMs: Date.now() - started, status };
    if (Date.now() - started > timeoutMs) return { drainedMs: null, status };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

