// The advisory locks booking writes take: one per host, one per calendar capacity (always hosts first).
import { Prisma } from "@slotbase/prisma";
import type { Db } from "../slots/bookable-event";

export const HOST_LOCK_NAMESPACE = 0x5107; // pg_advisory_xact_lock(namespace, hostId): one lock per host

/** The lock on one host's bookings, as SQL, taken until the end of the transaction. */
export const hostLockSql = (hostId: number) => Prisma.sql`pg_advisory_xact_lock(${HOST_LOCK_NAMESPACE}::int, ${hostId}::int)`;

/** The same lock if it is free at once (true), else nothing (false): a writer that finds it taken is in a race. */
export const hostTryLockSql = (hostId: number) => Prisma.sql`pg_try_advisory_xact_lock(${HOST_LOCK_NAMESPACE}::int, ${hostId}::int)`;

/**
 * A race's loser (its try-lock found the host's lock taken): waits until the write in flight
 * has committed or rolled back (a shared lock, so every waiting loser wakes at once instead of
 * one after another), then, in a new snapshot, whether the host's time [start, end) is taken
 * now, as the exclusion constraint would judge it. Two statements, no transaction held open.
 */
export async function hostTimeTakenAfterWriters(db: Db, hostId: number, start: Date, end: Date): Promise<boolean> {
  await db.$executeRaw`SELECT pg_advisory_xact_lock_shared(${HOST_LOCK_NAMESPACE}::int, ${hostId}::int)`;
  const [row] = await db.$queryRaw<{ taken: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM "Booking"
      WHERE "userId" = ${hostId} AND status = 'ACCEPTED' AND exclusive
        AND tsrange("startTime", "endTime", '[)') && tsrange(${start.toISOString()}::timestamp, ${end.toISOString()}::timestamp, '[)')
    ) AS taken`;
  return row?.taken === true;
}

/**
 * Takes the hosts' locks (in id order) for the rest of the transaction: creates of seated and
 * pending bookings, which are counted rather than constrained, run one at a time per host,
 * and racing inserts never deadlock in the exclusion-constraint check.
 */
export async function lockHosts(tx: Db, hostIds: number[]): Promise<void> {
  for (const id of [...hostIds].sort((a, b) => a - b)) {
    await tx.$executeRaw`SELECT ${hostLockSql(id)}`;
  }
}

export const CALENDAR_LOCK_NAMESPACE = 0x5108; // pg_advisory_xact_lock(namespace, calendarId)

/**
 * The lock on one calendar's capacity (slots/calendar-resource.ts says which calendar guards a
 * booking's: the highest enclosing calendar of capacity 1, else its own), taken after any
 * host locks, so every writer takes locks in the same order.
 */
export async function lockCalendar(tx: Db, lockId: number): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CALENDAR_LOCK_NAMESPACE}::int, ${lockId}::int)`;
}
