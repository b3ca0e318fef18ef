import { getPrisma, Prisma, type PrismaClient, type WebhookTriggerEvents } from "@slotbase/prisma";
import { claimDueRows } from "../common/claim-due";
import { log } from "../logging/logger";
import { errorText } from "../notifications/error-text";
import { safePost, targetPolicyFromEnv, type PostOutcome } from "./delivery";
import { contentTypeOf } from "./payload-template";
import { deliveryBody } from "./enqueue-deliveries";
import { signature } from "./sign";
import { MAX_RESPONSE_BYTES, retryDelay, webhookSettings, type WebhookSettings } from "./webhook-settings";
import { notifyWebhookDisabled } from "./webhook-disabled";

/**
 * Delivers due webhook deliveries: at least once, each attempt by one process only (claimed
 * with SKIP LOCKED under a lease, as the email outbox), signed with the webhook's current
 * secret, to an address checked at connection time; within a pass, one receiver's events in order. A 2xx is DELIVERED; anything else is
 * retried on WEBHOOK_RETRY_SCHEDULE, then FAILED. A webhook whose receiver accepted nothing
 * over a delivery's whole retry window is turned off and its owner told by email.
 */
export interface WebhookPassResult {
  delivered: number;
  retried: number;
  failed: number;
}

type Claimed = {
  id: string;
  body: string | null;
  payload: { triggerEvent: string; createdAt: string; payload: Record<string, unknown> } | null;
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

function describe(outcome: PostOutcome): string | null {
  if (outcome.kind === "response") return outcome.status >= 200 && outcome.status < 300 ? null : `HTTP ${outcome.status}`;
  return outcome.kind === "refused" ? `refused: ${outcome.reason}` : outcome.reason;
}

type Outcome = "delivered" | "retried" | "failed" | "skipped";

/** A delivery queued with its event but no body (by a booking's own statement) is rendered once, at its first attempt. */
function bodyOf(row: Claimed): string {
  if (row.body !== null) return row.body;
  const event = row.payload ?? { triggerEvent: row.triggerEvent, createdAt: row.createdAt.toISOString(), payload: {} };
  return deliveryBody(row.triggerEvent as WebhookTriggerEvents, event.createdAt, event.payload, row.payloadTemplate);
}

async function deliverOne(prisma: PrismaClient, claimed: Claimed, token: Date, settings: WebhookSettings, leaseMs: number): Promise<Outcome> {
  const lease = new Date(Date.now() + leaseMs);
  const row = { ...claimed, body: bodyOf(claimed) };
  const renewed = await prisma.webhookDelivery.updateMany({
    where: { id: row.id, status: "PENDING", nextAttemptAt: token },
    data: { nextAttemptAt: lease, ...(claimed.body === null ? { body: row.body } : {}) },
  });
  if (renewed.count === 0) return "skipped";
  const held = { id: row.id, status: "PENDING" as const, nextAttemptAt: lease };
  const attempts = row.attempts + 1;
  if (!row.active) {
    await prisma.webhookDelivery.updateMany({ where: held, data: { status: "FAILED", lastError: "The webhook was turned off before this delivery was sent" } });
    return "failed";
  }
  const outcome = await safePost(
    row.subscriberUrl,
    {
      headers: {
        "Content-Type": contentTypeOf(row.body),
        "X-Cal-Signature-256": signature(row.body, row.secret),
        "X-Slotbase-Event": row.triggerEvent,
        "X-Slotbase-Delivery-Id": row.id,
        "X-Slotbase-Delivery-Attempt": String(attempts),
      },
      body: row.body,
    },
    { policy: targetPolicyFromEnv(), connectTimeoutMs: settings.connectTimeoutMs, totalTimeoutMs: settings.totalTimeoutMs, maxResponseBytes: MAX_RESPONSE_BYTES },
  );
  const now = new Date();
  const response = outcome.kind === "response" ? { responseStatus: outcome.status, responseBody: outcome.body } : { responseStatus: null, responseBody: null };
  const problem = describe(outcome);
  const recorded = { attempts, lastAttemptAt: now, durationMs: Math.round(outcome.durationMs), ...response };
  if (problem === null) {
    await prisma.webhookDelivery.updateMany({ where: held, data: { ...recorded, status: "SUCCEEDED", deliveredAt: now, lastError: null } });
    return "delivered";
  }
  const delay = retryDelay(settings.retryScheduleMs, attempts);
  if (delay !== null) {
    await prisma.webhookDelivery.updateMany({ where: held, data: { ...recorded, lastError: problem, nextAttemptAt: new Date(now.getTime() + delay) } });
    log.warn("webhook delivery failed, will retry", { deliveryId: row.id, webhookId: row.webhookId, attempts, error: problem });
    return "retried";
  }
  await prisma.webhookDelivery.updateMany({ where: held, data: { ...recorded, status: "FAILED", lastError: problem } });
  log.error("webhook delivery given up", { deliveryId: row.id, webhookId: row.webhookId, attempts, error: problem });
  // Nothing accepted since this delivery was queued, over its whole retry window: the receiver is gone.
  if (row.lastSuccessAt === null || row.lastSuccessAt < row.createdAt) await notifyWebhookDisabled(prisma, row.webhookId, problem);
  return "failed";
}

/** One pass over at most `limit` due deliveries, several sent at once. Safe to run in several processes. */
export async function deliverDueWebhooks(options: { limit?: number } = {}): Promise<WebhookPassResult> {
  const prisma = await getPrisma();
  const settings = webhookSettings();
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 50), 1), 1000);
  const leaseMs = settings.connectTimeoutMs + settings.totalTimeoutMs + 60_000;
  const now = new Date();
  const token = new Date(now.getTime() + leaseMs);
  const ids = await claimDueRows(prisma, "WebhookDelivery", now, token, limit);
  const result: WebhookPassResult = { delivered: 0, retried: 0, failed: 0 };
  if (ids.length === 0) return result;
  const rows = await prisma.$queryRaw<Claimed[]>(Prisma.sql`
    SELECT d.id, d.body, d.payload, d.attempts, d."triggerEvent"::text AS "triggerEvent", d."createdAt", d."webhookId",
      w."subscriberUrl", w."payloadTemplate", w.secret, w.active, w."lastSuccessAt"
    FROM "WebhookDelivery" d JOIN "Webhook" w ON w.id = d."webhookId"
    WHERE d.id = ANY(${ids}::text[])
    ORDER BY d."createdAt", d.id`);
  // One receiver's events go out one after another, oldest first; different receivers at once.
  const byWebhook = new Map<string, Claimed[]>();
  for (const row of rows) {
    const queue = byWebhook.get(row.webhookId);
    if (queue) queue.push(row);
    else byWebhook.set(row.webhookId, [row]);
  }
  await Promise.all(
    [...byWebhook.values()].map(async (queue) => {
      let lastSuccessAt: Date | null = null;
      for (const row of queue) {
        // Nothing accepted since it was queued: judged before this pass's own successes are recorded.
        const queued = lastSuccessAt && lastSuccessAt > row.createdAt ? { ...row, lastSuccessAt } : row;
        const outcome = await deliverOne(prisma, queued, token, settings, leaseMs).catch((error: unknown) => {
          // The database failed us: the row stays claimed and is retried when its lease runs out.
          log.error("webhook delivery bookkeeping failed", { deliveryId: row.id, error: errorText(error) });
          return "skipped" as const;
        });
        if (outcome === "delivered") lastSuccessAt = new Date();
        if (outcome !== "skipped") result[outcome] += 1;
      }
      // One write per receiver and pass, not per delivery.
      if (lastSuccessAt) await prisma.webhook.updateMany({ where: { id: queue[0]!.webhookId }, data: { lastSuccessAt } }).catch((error: unknown) => log.warn("webhook lastSuccessAt not recorded", { webhookId: queue[0]!.webhookId, error: errorText(error) }));
    }),
  );
  return result;
}
