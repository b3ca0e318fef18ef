import { getPrisma, Prisma, type PrismaClient } from "@slotbase/prisma";
import { claimDueRows } from "../common/claim-due";
import { log } from "../logging/logger";
import { errorText } from "./error-text";
import type { z } from "zod";
import { BookingEmailPayloadSchema } from "./payload";
import { EMAIL_CHANGE_TEMPLATE, EmailChangePayloadSchema, renderEmailChangeEmail, scrubAfterSend } from "./account-emails";
import { renderWebhookDisabledEmail, WEBHOOK_DISABLED_TEMPLATE, WebhookDisabledPayloadSchema } from "./webhook-emails";
import { renderBookingEmail, type RenderedEmail } from "./render";
import { notificationSettings, type NotificationSettings } from "./settings";
import { sendEmail } from "./transport";

/** Attempts before a row is given up (FAILED). */
export const MAX_DELIVERY_ATTEMPTS = 8;
/** Wait after the n-th failed attempt (n = 1, 2, …); the last entry repeats. */
export const RETRY_DELAYS_MS = [30_000, 120_000, 600_000, 3_600_000, 3 * 3_600_000, 6 * 3_600_000, 12 * 3_600_000];
/** Rows sent at the same time within one pass. */
const SEND_CONCURRENCY = 4;
const DEFAULT_LIMIT = 50;

export function retryDelayMs(failedAttempts: number): number {
  return RETRY_DELAYS_MS[Math.min(Math.max(failedAttempts, 1), RETRY_DELAYS_MS.length) - 1];
}

export interface DeliveryResult {
  /** Delivered (SUCCEEDED). */
  sent: number;
  /** Failed this time, PENDING again with a later nextAttemptAt. */
  retried: number;
  /** Given up on (FAILED): out of attempts, or a message that cannot be rendered. */
  failed: number;
}

/** A message that can never be built (bad payload): retrying cannot help. */
class PermanentError extends Error {}

type Row = { id: string; recipient: string; template: string; payload: Prisma.JsonValue; attempts: number };

/** Each template's payload schema and renderer (booking templates are the rest). */
const ACCOUNT_TEMPLATES: Record<string, { schema: z.ZodType; render: (payload: never) => RenderedEmail }> = {
  [EMAIL_CHANGE_TEMPLATE]: { schema: EmailChangePayloadSchema, render: renderEmailChangeEmail },
  [WEBHOOK_DISABLED_TEMPLATE]: { schema: WebhookDisabledPayloadSchema, render: renderWebhookDisabledEmail },
};

function render(row: Row): RenderedEmail {
  const { schema, render: renderer } = ACCOUNT_TEMPLATES[row.template] ?? { schema: BookingEmailPayloadSchema, render: renderBookingEmail };
  const parsed = schema.safeParse(row.payload);
  if (!parsed.success) throw new PermanentError(`Unreadable ${row.template} payload: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  try {
    return renderer(parsed.data as never);
  } catch (error) {
    throw new PermanentError(errorText(error));
  }
}

type Outcome = "sent" | "retried" | "failed" | "skipped";

/**
 * Sends one claimed row and records the outcome. Before sending, the row's lease is renewed
 * (compare-and-set on the claim token): if another worker took the row over (our lease ran
 * out), nothing is sent. The outcome is written only while we still hold the row.
 */
async function deliverOne(prisma: PrismaClient, row: Row, token: Date, clock: () => Date, settings: NotificationSettings, leaseMs: number): Promise<Outcome> {
  const lease = new Date(clock().getTime() + leaseMs);
  const renewed = await prisma.notification.updateMany({ where: { id: row.id, status: "PENDING", nextAttemptAt: token }, data: { nextAttemptAt: lease } });
  if (renewed.count === 0) return "skipped";
  const held = { id: row.id, status: "PENDING" as const, nextAttemptAt: lease };
  const attempts = row.attempts + 1;
  let failure: unknown;
  let sent = false;
  try {
    await sendEmail({ id: row.id, ...render(row) }, settings);
    sent = true;
  } catch (error) {
    failure = error;
  }
  if (sent) {
    // Should this write fail, the row is sent again once its lease runs out (at-least-once).
    const payload = scrubAfterSend(row.template, row.payload);
    await prisma.notification.updateMany({ where: held, data: { status: "SUCCEEDED", sentAt: clock(), attempts, lastError: null, ...(payload ? { payload } : {}) } });
    return "sent";
  }
  const lastError = errorText(failure);
  if (failure instanceof PermanentError || attempts >= MAX_DELIVERY_ATTEMPTS) {
    await prisma.notification.updateMany({ where: held, data: { status: "FAILED", attempts, lastError } });
    log.error("notification given up", { notificationId: row.id, template: row.template, attempts, error: lastError });
    return "failed";
  }
  const nextAttemptAt = new Date(clock().getTime() + retryDelayMs(attempts));
  await prisma.notification.updateMany({ where: held, data: { attempts, lastError, nextAttemptAt } });
  log.warn("notification send failed, will retry", { notificationId: row.id, template: row.template, attempts, nextAttemptAt, error: lastError });
  return "retried";
}

async function forEachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  });
  await Promise.all(lanes);
}

/**
 * One delivery pass over due PENDING rows (safe to run in several processes at once: a row
 * is sent by at most one of them). Each row is rendered from its payload snapshot and sent;
 * success → SUCCEEDED with sentAt; a failure → attempts+1 and a retry after 30 s, 2 min,
 * 10 min, 1 h, 3 h, 6 h, 12 h, …; the 8th failure, or a message that cannot be rendered,
 * → FAILED with lastError. Each send is bounded by NOTIFICATIONS_SEND_TIMEOUT_MS.
 * `now` (tests) stands for the current time at the start of the pass.
 */
export async function deliverDueNotifications(options: { limit?: number; now?: Date } = {}): Promise<DeliveryResult> {
  const prisma = await getPrisma();
  const settings = notificationSettings();
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? DEFAULT_LIMIT), 1), 1000);
  const startedAt = options.now?.getTime() ?? Date.now();
  const wallStart = performance.now();
  const clock = () => new Date(startedAt + Math.round(performance.now() - wallStart));
  // Long enough for one send (rows are renewed just before their own send) and its bookkeeping.
  const leaseMs = settings.sendTimeoutMs + 60_000;

  const now = clock();
  const token = new Date(now.getTime() + leaseMs);
  const ids = await claimDueRows(prisma, "Notification", now, token, limit);
  const result: DeliveryResult = { sent: 0, retried: 0, failed: 0 };
  if (ids.length === 0) return result;

  const rows = await prisma.notification.findMany({
    where: { id: { in: ids } },
    select: { id: true, recipient: true, template: true, payload: true, attempts: true },
    orderBy: { createdAt: "asc" },
  });
  await forEachLimited(rows, SEND_CONCURRENCY, async (row) => {
    const outcome = await deliverOne(prisma, row, token, clock, settings, leaseMs).catch((error: unknown) => {
      // The database failed us: the row stays claimed and is retried when its lease runs out.
      log.error("notification bookkeeping failed", { notificationId: row.id, error: errorText(error) });
      return "skipped" as const;
    });
    if (outcome !== "skipped") result[outcome] += 1;
  });
  return result;
}
