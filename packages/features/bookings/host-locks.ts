import { Prisma } from "@slotbase/prisma";
import type { Db } from "../availability/bookable-event";

export const HOST_LOCK_NAMESPACE = 0x5107; // pg_advisory_xact_lock(namespace, hostId): one lock per host

/** The lock on one host's bookings, as SQL, taken until the end of the transaction. */
export const hostLockSql = (hostId: number) => Prisma.sql`pg_advisory_xact_lock(${HOST_LOCK_NAMESPACE}::int, ${hostId}::int)`;

/**
 * Hosts whose bookings must be counted, not merely constrained: seats are filled by
 * counting attendees, and pending bookings are outside the exclusion constraint. Those
 * creates take a per-host transaction lock first, so they run one at a time per host.
 */
export async function lockHosts(tx: Db, hostIds: number[]): Promise<void> {
  for (const id of [...hostIds].sort((a, b) => a - b)) {
    await tx.$executeRaw`SELECT ${hostLockSql(id)}`;
  }
}
