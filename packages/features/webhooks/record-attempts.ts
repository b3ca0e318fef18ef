import { Prisma, type PrismaClient } from "@slotbase/prisma";
import { log } from "../logging/logger";
import { errorText } from "../notifications/error-text";

/** What a pass learned about one claimed delivery; `token` is the claim it holds (its lease's end). */
export type AttemptRecord = { token: Date } & (
  /** Sent (any answer or none): every field of the attempt is written. */
  | {
      id: string;
      kind: "attempt";
      status: "PENDING" | "SUCCEEDED" | "FAILED";
      attempts: number;
      at: Date;
      durationMs: number;
      responseStatus: number | null;
      responseBody: string | null;
      lastError: string | null;
      /** PENDING: when to try again. */
      nextAttemptAt: Date | null;
    }
  /** Not sent: given up without an attempt (webhook turned off) or handed back to a later pass. */
  | { id: string; kind: "unsent"; status: "PENDING" | "FAILED"; lastError: string | null; nextAttemptAt: Date | null }
);

const text = (value: Date | number | null): string | null => (value === null ? null : value instanceof Date ? value.toISOString() : String(value));

/** One statement for a batch of records; only rows still held by their claim (token) change. Returns their ids. */
async function writeRecords(prisma: PrismaClient, records: AttemptRecord[]): Promise<string[]> {
  const column = <T>(pick: (r: AttemptRecord) => T) => records.map(pick);
  const attempted = (r: AttemptRecord) => (r.kind === "attempt" ? r : null);
  const rows = await prisma.$queryRaw<{ id: string }[]>(Prisma.sql`
    UPDATE "WebhookDelivery" d SET
      status = v.status::"DeliveryStatus",
      "nextAttemptAt" = COALESCE(v.next::timestamp, d."nextAttemptAt"),
      "lastError" = CASE WHEN v.attempted THEN v.error ELSE COALESCE(v.error, d."lastError") END,
      attempts = CASE WHEN v.attempted THEN v.attempts::int ELSE d.attempts END,
      "lastAttemptAt" = CASE WHEN v.attempted THEN v.at::timestamp ELSE d."lastAttemptAt" END,
      "durationMs" = CASE WHEN v.attempted THEN v.duration::int ELSE d."durationMs" END,
      "responseStatus" = CASE WHEN v.attempted THEN v.response_status::int ELSE d."responseStatus" END,
      "responseBody" = CASE WHEN v.attempted THEN v.response_body ELSE d."responseBody" END,
      "deliveredAt" = CASE WHEN v.status = 'SUCCEEDED' THEN v.at::timestamp ELSE d."deliveredAt" END
    FROM unnest(
      ${column((r) => r.id)}::text[], ${column((r) => r.kind === "attempt")}::boolean[], ${column((r) => r.status)}::text[],
      ${column((r) => text(r.nextAttemptAt))}::text[], ${column((r) => r.lastError)}::text[],
      ${column((r) => text(attempted(r)?.attempts ?? null))}::text[], ${column((r) => text(attempted(r)?.at ?? null))}::text[],
      ${column((r) => text(attempted(r)?.durationMs ?? null))}::text[], ${column((r) => text(attempted(r)?.responseStatus ?? null))}::text[],
      ${column((r) => attempted(r)?.responseBody ?? null)}::text[], ${column((r) => r.token.toISOString())}::text[]
    ) AS v(id, attempted, status, next, error, attempts, at, duration, response_status, response_body, token)
    WHERE d.id = v.id AND d.status = 'PENDING' AND d."nextAttemptAt" = v.token::timestamp
    RETURNING d.id`);
  return rows.map((r) => r.id);
}

export interface AttemptRecorder {
  record(record: AttemptRecord): void;
  /** Resolves once everything recorded is written, with the ids that were (a row whose claim ran out is not). */
  written(): Promise<Set<string>>;
}

/**
 * Writes a pass's records in batches: whatever is recorded while a write runs goes out with
 * the next one, so a busy pass costs a few statements, not one per delivery. A failed write
 * is logged; its rows stay claimed and are retried when the claim's lease runs out.
 */
export function attemptRecorder(prisma: PrismaClient): AttemptRecorder {
  let buffer: AttemptRecord[] = [];
  let flushing: Promise<void> | undefined;
  const done = new Set<string>();

  const flush = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    while (buffer.length > 0) {
      const batch = buffer;
      buffer = [];
      try {
        for (const id of await writeRecords(prisma, batch)) done.add(id);
      } catch (error) {
        log.error("webhook delivery bookkeeping failed", { deliveries: batch.length, error: errorText(error) });
      }
    }
    flushing = undefined;
  };

  return {
    record(record) {
      buffer.push(record);
      flushing ??= flush();
    },
    async written() {
      while (flushing) await flushing;
      return done;
    },
  };
}
