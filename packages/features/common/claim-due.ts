import { Prisma, type PrismaClient } from "@slotbase/prisma";

/** The outbox tables: each row has `status` and `nextAttemptAt`. */
export type OutboxTable = "Notification" | "WebhookDelivery";

/**
 * Claims up to `limit` due PENDING rows of an outbox for one pass: one statement locks them
 * (SKIP LOCKED: rows another worker is claiming are left to it) and moves their nextAttemptAt
 * to `leaseUntil`, so no other pass sees them as due until the lease runs out. The lease
 * timestamp is the pass's claim token: every later write checks it.
 */
export async function claimDueRows(prisma: PrismaClient, table: OutboxTable, now: Date, leaseUntil: Date, limit: number): Promise<string[]> {
  const name = Prisma.raw(`"${table}"`);
  const rows = await prisma.$queryRaw<{ id: string }[]>(Prisma.sql`
    UPDATE ${name} SET "nextAttemptAt" = ${leaseUntil.toISOString()}::timestamp
    WHERE id IN (
      SELECT id FROM ${name}
      WHERE status = 'PENDING' AND "nextAttemptAt" <= ${now.toISOString()}::timestamp
      ORDER BY "nextAttemptAt", id
      LIMIT ${limit}::int
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id`);
  return rows.map((r) => r.id);
}
