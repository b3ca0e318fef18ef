import { Prisma, type PrismaClient } from "@slotbase/prisma";
import { claimDueCte } from "../common/claim-due";

/** A claimed Notification row: what rendering and sending it needs, and its claim token. */
export interface ClaimedRow {
  id: string;
  recipient: string;
  template: string;
  payload: Prisma.JsonValue;
  attempts: number;
  token: Date;
}

/** Claims due rows with what rendering them needs, oldest first: one statement. */
export async function claimNotifications(prisma: PrismaClient, now: Date, leaseUntil: Date, limit: number): Promise<ClaimedRow[]> {
  const rows = await prisma.$queryRaw<Omit<ClaimedRow, "token">[]>(Prisma.sql`
    WITH ${claimDueCte("Notification", now, leaseUntil, limit)}
    SELECT id, recipient, template, payload, attempts FROM claimed ORDER BY "createdAt", id`);
  return rows.map((row) => ({ ...row, token: leaseUntil }));
}

/**
 * The ids of rows still held under `token`; with `leaseUntil`, their claim moves there
 * (compare-and-set). Without, a locking read: no new row version and no index entry, but it
 * waits for a claim in flight on the row to end and then sees its token, as the UPDATE would.
 */
export async function renewClaims(prisma: PrismaClient, ids: string[], token: Date, leaseUntil: Date | null): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const held = Prisma.sql`id = ANY(${ids}::text[]) AND status = 'PENDING' AND "nextAttemptAt" = ${token.toISOString()}::timestamp`;
  const rows = leaseUntil
    ? await prisma.$queryRaw<{ id: string }[]>(Prisma.sql`UPDATE "Notification" SET "nextAttemptAt" = ${leaseUntil.toISOString()}::timestamp WHERE ${held} RETURNING id`)
    : await prisma.$queryRaw<{ id: string }[]>(Prisma.sql`SELECT id FROM "Notification" WHERE ${held} FOR SHARE`);
  return new Set(rows.map((r) => r.id));
}

/** What happened to one claimed row. */
export interface Outcome {
  row: ClaimedRow;
  status: "SUCCEEDED" | "FAILED" | "PENDING";
  attempts: number;
  sentAt: Date | null;
  lastError: string | null;
  /** PENDING: when to try again. */
  nextAttemptAt: Date | null;
  /** A replacement payload (SUCCEEDED rows whose payload held a secret). */
  payload?: Prisma.InputJsonObject;
}

const text = (value: Date | null) => value?.toISOString() ?? null;

/**
 * Records outcomes in one statement, each only while its row is still claimed under the token
 * it was sent with (a row whose lease ran out may be another worker's now). Returns the ids written.
 */
export async function recordOutcomes(prisma: PrismaClient, outcomes: Outcome[]): Promise<Set<string>> {
  if (outcomes.length === 0) return new Set();
  const column = <T>(pick: (o: Outcome) => T) => outcomes.map(pick);
  const rows = await prisma.$queryRaw<{ id: string }[]>(Prisma.sql`
    UPDATE "Notification" n SET
      status = v.status::"DeliveryStatus",
      attempts = v.attempts,
      "sentAt" = COALESCE(v.sent::timestamp, n."sentAt"),
      "lastError" = v.error,
      "nextAttemptAt" = COALESCE(v.next::timestamp, n."nextAttemptAt"),
      payload = COALESCE(v.payload::jsonb, n.payload)
    FROM unnest(
      ${column((o) => o.row.id)}::text[], ${column((o) => o.row.token.toISOString())}::text[], ${column((o) => o.status)}::text[],
      ${column((o) => o.attempts)}::int[], ${column((o) => text(o.sentAt))}::text[], ${column((o) => o.lastError)}::text[],
      ${column((o) => text(o.nextAttemptAt))}::text[], ${column((o) => (o.payload ? JSON.stringify(o.payload) : null))}::text[]
    ) AS v(id, token, status, attempts, sent, error, next, payload)
    WHERE n.id = v.id AND n.status = 'PENDING' AND n."nextAttemptAt" = v.token::timestamp
    RETURNING n.id`);
  return new Set(rows.map((r) => r.id));
}
