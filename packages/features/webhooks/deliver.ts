import { getPrisma, Prisma, type PrismaClient, type WebhookTriggerEvents } from "@slotbase/prisma";
import { claimDueCte } from "../common/claim-due";
import { log } from "../logging/logger";
import { errorText } from "../notifications/error-text";
import { safePost, targetPolicyFromEnv, type PostOutcome, type TargetPolicy } from "./delivery";
import { contentTypeOf } from "./payload-template";
import { deliveryBody } from "./enqueue-deliveries";
import { attemptRecorder, type AttemptRecord } from "./record-attempts";
import { signature } from "./sign";
import { MAX_RESPONSE_BYTES, retryDelay, webhookSettings, type WebhookSettings } from "./webhook-settings";
import { notifyWebhookDisabled } from "./webhook-disabled";

/**
 * Delivers due webhook deliveries: at least once, each attempt by one process only (claimed
 * with SKIP LOCKED under a lease, as the email outbox), signed with the webhook's current
 * secret, to an address checked at connection time; within a pass, one receiver's events in
 * order. A 2xx is SUCCEEDED; anything else is retried on WEBHOOK_RETRY_SCHEDULE, then FAILED.
 * A webhook whose receiver accepted nothing over a delivery's whole retry window is turned off
 * and its owner told by email. A pass costs one statement to claim, a few to record (batched),
 * one for the receivers' lastSuccessAt.
 */
export interface WebhookPassResult {
  delivered: number;
  retried: number;
  failed: number;
}

/** A delivery held by this process (claimed by a pass, or by the statement that queued it) with what sending it needs. */
export type ClaimedDelivery = {
  id: string;
  /** The claim: the lease's end, which every write about the delivery checks. */
  token: Date;
  body: string | null;
  /** The stored event `{ triggerEvent, createdAt, payload }` as JSON text (PostgreSQL's rendering of the jsonb). */
  event: string | null;
  payloadTemplate: string | null;
  attempts: number;
  triggerEvent: string;
  createdAt: Date;
  webhookId: string;
  subscriberUrl: string;
  secret: string | null;
  active: boolean;
  lastSuccessAt: Date | null;
};

/** How long a claim holds: two whole attempts and a minute. */
export const leaseMs = (settings: WebhookSettings): number => 2 * settings.totalTimeoutMs + 60_000;

/** Claims due deliveries with what sending them needs, oldest first: one statement. */
async function claimDeliveries(prisma: PrismaClient, now: Date, leaseUntil: Date, limit: number): Promise<ClaimedDelivery[]> {
  const rows = await prisma.$queryRaw<Omit<ClaimedDelivery, "token">[]>(Prisma.sql`
    WITH ${claimDueCte("WebhookDelivery", now, leaseUntil, limit)}
    SELECT c.id, c.body, c.payload::text AS event, c.attempts, c."triggerEvent"::text AS "triggerEvent", c."createdAt", c."webhookId",
      w."subscriberUrl", w."payloadTemplate", w.secret, w.active, w."lastSuccessAt"
    FROM claimed c JOIN "Webhook" w ON w.id = c."webhookId"
    ORDER BY c."createdAt", c.id`);
  return rows.map((row) => ({ ...row, token: leaseUntil }));
}

function describe(outcome: PostOutcome): string | null {
  if (outcome.kind === "response") return outcome.status >= 200 && outcome.status < 300 ? null : `HTTP ${outcome.status}`;
  return outcome.kind === "refused" ? `refused: ${outcome.reason}` : outcome.reason;
}

/**
 * The text sent and signed. A delivery queued with its event but no body (by a booking's own
 * statement) is rendered from the stored event at each attempt: without a template, the event's
 * JSON text as PostgreSQL renders it (the same bytes every time, nothing parsed here); with one,
 * the template filled in from it.
 */
function bodyOf(row: ClaimedDelivery): { body: string; contentType: string } {
  if (row.body !== null) return { body: row.body, contentType: contentTypeOf(row.body) };
  if (!row.payloadTemplate && row.event !== null) return { body: row.event, contentType: "application/json" };
  const event = row.event ? (JSON.parse(row.event) as { createdAt: string; payload: Record<string, unknown> }) : { createdAt: row.createdAt.toISOString(), payload: {} };
  const body = deliveryBody(row.triggerEvent as WebhookTriggerEvents, event.createdAt, event.payload, row.payloadTemplate);
  return { body, contentType: row.payloadTemplate ? contentTypeOf(body) : "application/json" };
}

async function attempt(row: ClaimedDelivery, settings: WebhookSettings, policy: TargetPolicy): Promise<Extract<AttemptRecord, { kind: "attempt" }>> {
  const { body, contentType } = bodyOf(row);
  const attempts = row.attempts + 1;
  const outcome = await safePost(
    row.subscriberUrl,
    {
      headers: {
        "Content-Type": contentType,
        "X-Cal-Signature-256": signature(body, row.secret),
        "X-Slotbase-Event": row.triggerEvent,
        "X-Slotbase-Delivery-Id": row.id,
        "X-Slotbase-Delivery-Attempt": String(attempts),
      },
      body,
    },
    { policy, connectTimeoutMs: settings.connectTimeoutMs, totalTimeoutMs: settings.totalTimeoutMs, maxResponseBytes: MAX_RESPONSE_BYTES },
  );
  const at = new Date();
  const problem = describe(outcome);
  const delay = problem === null ? null : retryDelay(settings.retryScheduleMs, attempts);
  const status = problem === null ? "SUCCEEDED" : delay === null ? "FAILED" : "PENDING";
  return {
    id: row.id,
    token: row.token,
    kind: "attempt",
    status,
    attempts,
    at,
    durationMs: Math.round(outcome.durationMs),
    responseStatus: outcome.kind === "response" ? outcome.status : null,
    responseBody: outcome.kind === "response" ? outcome.body : null,
    lastError: problem,
    nextAttemptAt: delay === null ? null : new Date(at.getTime() + delay),
  };
}

/**
 * One pass: the deliveries this process already holds (`held`, claimed by the statements that
 * queued them), then as many due ones as fit in `limit`, claimed; several receivers at once.
 * Safe to run in several processes.
 */
export async function deliverDueWebhooks(options: { limit?: number; held?: ClaimedDelivery[] } = {}): Promise<WebhookPassResult> {
  const prisma = await getPrisma();
  const settings = webhookSettings();
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 50), 1), 1000);
  const held = options.held ?? [];
  const now = new Date();
  const room = limit - held.length;
  const claimed = room > 0 ? await claimDeliveries(prisma, now, new Date(now.getTime() + leaseMs(settings)), room) : [];
  return sendClaimed(prisma, settings, held.length === 0 ? claimed : [...held, ...claimed]);
}

async function sendClaimed(prisma: PrismaClient, settings: WebhookSettings, rows: ClaimedDelivery[]): Promise<WebhookPassResult> {
  const result: WebhookPassResult = { delivered: 0, retried: 0, failed: 0 };
  if (rows.length === 0) return result;
  const policy = targetPolicyFromEnv();
  // The last moment an attempt may start and still be recorded well within its claim.
  const lastStartOf = (row: ClaimedDelivery) => row.token.getTime() - settings.totalTimeoutMs - 30_000;

  const recorder = attemptRecorder(prisma);
  const outcomes = new Map<string, { kind: keyof WebhookPassResult; row: ClaimedDelivery; problem: string | null }>();
  const lastSuccess = new Map<string, Date>();
  const recordedSuccess = new Map(rows.map((row) => [row.webhookId, row.lastSuccessAt]));
  const byWebhook = new Map<string, ClaimedDelivery[]>();
  for (const row of rows) {
    const queue = byWebhook.get(row.webhookId);
    if (queue) queue.push(row);
    else byWebhook.set(row.webhookId, [row]);
  }

  // One receiver's events go out one after another, oldest first; different receivers at once.
  await Promise.all(
    [...byWebhook.values()].map(async (queue) => {
      for (const row of queue) {
        if (!row.active) {
          const lastError = "The webhook was turned off before this delivery was sent";
          recorder.record({ id: row.id, token: row.token, kind: "unsent", status: "FAILED", lastError, nextAttemptAt: null });
          outcomes.set(row.id, { kind: "failed", row, problem: null });
          continue;
        }
        if (Date.now() > lastStartOf(row)) {
          // A slow receiver used up this claim: the rest of its queue goes back for the next pass.
          recorder.record({ id: row.id, token: row.token, kind: "unsent", status: "PENDING", lastError: null, nextAttemptAt: new Date() });
          continue;
        }
        const record = await attempt(row, settings, policy);
        recorder.record(record);
        if (record.status === "SUCCEEDED") lastSuccess.set(row.webhookId, record.at);
        else if (record.status === "PENDING") log.warn("webhook delivery failed, will retry", { deliveryId: row.id, webhookId: row.webhookId, attempts: record.attempts, error: record.lastError });
        else log.error("webhook delivery given up", { deliveryId: row.id, webhookId: row.webhookId, attempts: record.attempts, error: record.lastError });
        const kind = record.status === "SUCCEEDED" ? "delivered" : record.status === "PENDING" ? "retried" : "failed";
        // Judged with the receiver's successes before this one, this pass's included.
        const accepted = lastSuccess.get(row.webhookId) ?? row.lastSuccessAt;
        const receiverGone = kind === "failed" && (accepted === null || accepted < row.createdAt);
        outcomes.set(row.id, { kind, row, problem: receiverGone ? record.lastError : null });
      }
    }),
  );

  const written = await recorder.written();
  const disabled = new Set<string>();
  for (const [id, { kind, row, problem }] of outcomes) {
    if (!written.has(id)) continue;
    result[kind] += 1;
    // Nothing accepted since this delivery was queued, over its whole retry window: the receiver is gone.
    if (problem !== null && !disabled.has(row.webhookId)) {
      disabled.add(row.webhookId);
      await notifyWebhookDisabled(prisma, row.webhookId, problem);
    }
  }
  const stale = new Map([...lastSuccess].filter(([webhookId, at]) => {
    const recorded = recordedSuccess.get(webhookId);
    return !recorded || recorded.getTime() < at.getTime() - LAST_SUCCESS_PRECISION_MS;
  }));
  await recordLastSuccess(prisma, stale);
  return result;
}

/**
 * A receiver's lastSuccessAt is written at most once a minute (by the passes that find it
 * older): it only tells whether the receiver accepted anything over a delivery's retry window
 * (a day or more).
 */
const LAST_SUCCESS_PRECISION_MS = 60_000;

/** One write for every receiver of a pass whose lastSuccessAt is due. */
async function recordLastSuccess(prisma: PrismaClient, lastSuccess: Map<string, Date>): Promise<void> {
  if (lastSuccess.size === 0) return;
  const ids = [...lastSuccess.keys()];
  const at = ids.map((id) => lastSuccess.get(id)!.toISOString());
  await prisma.$executeRaw`
    UPDATE "Webhook" w SET "lastSuccessAt" = v.at::timestamp
    FROM unnest(${ids}::text[], ${at}::text[]) AS v(id, at)
    WHERE w.id = v.id AND (w."lastSuccessAt" IS NULL OR w."lastSuccessAt" < v.at::timestamp)`.catch((error: unknown) =>
    log.warn("webhook lastSuccessAt not recorded", { webhooks: ids.length, error: errorText(error) }),
  );
}
