import { Prisma, type PrismaClient } from "@slotbase/prisma";

/** The outbox tables: each row has `status` and `nextAttemptAt`. */
export type OutboxTable = "Notification" | "WebhookDelivery";

/**
 * The statement that claims up to `limit` due PENDING rows of an outbox for one pass, as a
 * CTE named `claimed` (its rows are the claimed rows, RETURNING *): SKIP LOCKED leaves rows
 * another worker is claiming to it, and nextAttemptAt moves to `leaseUntil`, so no other pass
 * sees them as due until the lease runs out. The lease timestamp is the pass's claim token:
 * every later write checks it.
 */
export function claimDueCte(table: OutboxTable, now: Date, leaseUntil: Date, limit: number): Prisma.Sql {
  const name = Prisma.raw(`"${table}"`);
  return Prisma.sql`claimed AS (
    UPDATE ${name} SET "nextAttemptAt" = ${leaseUntil.toISOString()}::timestamp
    WHERE id IN (
      SELECT id FROM ${name}
      WHERE status = 'PENDING' AND "nextAttemptAt" <= ${now.toISOString()}::timestamp
      ORDER BY "nextAttemptAt", id
      LIMIT ${limit}::int
      FOR UPDATE SKIP LOCKED
    )
    RETURNING *)`;
}

/** Claims due rows (see claimDueCte) and returns their ids. */
export async function claimDueRows(prisma: PrismaClient, table: OutboxTable, now: Date, leaseUntil: Date, limit: number): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ id: string }[]>(Prisma.sql`WITH ${claimDueCte(table, now, leaseUntil, limit)} SELECT id FROM claimed`);
  return rows.map((r) => r.id);
}
