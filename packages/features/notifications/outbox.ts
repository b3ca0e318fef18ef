import { getPrisma } from "@slotbase/prisma";
import { log } from "../logging/logger";
import { errorText } from "./error-text";
import type { z } from "zod";
import { BookingEmailPayloadSchema } from "./payload";
import { EMAIL_CHANGE_TEMPLATE, EmailChangePayloadSchema, renderEmailChangeEmail, scrubAfterSend } from "./account-emails";
import { renderWebhookDisabledEmail, WEBHOOK_DISABLED_TEMPLATE, WebhookDisabledPayloadSchema } from "./webhook-emails";
import { renderBookingEmail, type RenderedEmail } from "./render";
import { notificationSettings, type NotificationSettings } from "./settings";
import { buildMimeMessage, type MimeMessage } from "./mime";
import { claimNotifications, recordOutcomes, renewClaims, type ClaimedRow, type Outcome } from "./outbox-rows";
import { sendEmail, SMTP_CONNECTIONS } from "./transport";

/** Attempts before a row is given up (FAILED). */
export const MAX_DELIVERY_ATTEMPTS = 8;
/** Wait after the n-th failed attempt (n = 1, 2, …); the last entry repeats. */
export const RETRY_DELAYS_MS = [30_000, 120_000, 600_000, 3_600_000, 3 * 3_600_000, 6 * 3_600_000, 12 * 3_600_000];
/** Rows sent at the same time within one pass (the SMTP pool's connections). */
const SEND_CONCURRENCY = SMTP_CONNECTIONS;
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

/** A message that can never be built (bad payload, an address no message can carry): retrying cannot help. */
class PermanentError extends Error {}

/** Each template's payload schema and renderer (booking templates are the rest). */
const ACCOUNT_TEMPLATES: Record<string, { schema: z.ZodType; render: (payload: never) => RenderedEmail }> = {
  [EMAIL_CHANGE_TEMPLATE]: { schema: EmailChangePayloadSchema, render: renderEmailChangeEmail },
  [WEBHOOK_DISABLED_TEMPLATE]: { schema: WebhookDisabledPayloadSchema, render: renderWebhookDisabledEmail },
};

function render(row: ClaimedRow, from: string): { subject: string; message: MimeMessage } {
  const { schema, render: renderer } = ACCOUNT_TEMPLATES[row.template] ?? { schema: BookingEmailPayloadSchema, render: renderBookingEmail };
  const parsed = schema.safeParse(row.payload);
  if (!parsed.success) throw new PermanentError(`Unreadable ${row.template} payload: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  try {
    const email = renderer(parsed.data as never);
    return { subject: email.subject, message: buildMimeMessage({ id: row.id, ...email }, from) };
  } catch (error) {
    throw new PermanentError(errorText(error));
  }
}

/** Renders and sends one claimed row; the outcome to record (never throws). */
async function deliverOne(row: ClaimedRow, clock: () => Date, settings: NotificationSettings): Promise<Outcome> {
  const attempts = row.attempts + 1;
  try {
    const { subject, message } = render(row, settings.emailFrom);
    await sendEmail({ id: row.id, subject, message }, settings);
    // Should recording this fail, the row is sent again once its lease runs out (at-least-once).
    return { row, status: "SUCCEEDED", attempts, sentAt: clock(), lastError: null, nextAttemptAt: null, payload: scrubAfterSend(row.template, row.payload) };
  } catch (failure) {
    const lastError = errorText(failure);
    if (failure instanceof PermanentError || attempts >= MAX_DELIVERY_ATTEMPTS) {
      log.error("notification given up", { notificationId: row.id, template: row.template, attempts, error: lastError });
      return { row, status: "FAILED", attempts, sentAt: null, lastError, nextAttemptAt: null };
    }
    const nextAttemptAt = new Date(clock().getTime() + retryDelayMs(attempts));
    log.warn("notification send failed, will retry", { notificationId: row.id, template: row.template, attempts, nextAttemptAt, error: lastError });
    return { row, status: "PENDING", attempts, sentAt: null, lastError, nextAttemptAt };
  }
}

const COUNTED = { SUCCEEDED: "sent", PENDING: "retried", FAILED: "failed" } as const;
/** Outcomes recorded together; sooner when the oldest one's claim has less than RECORD_MARGIN_MS to run. */
const RECORD_BATCH = 50;
const RECORD_MARGIN_MS = 30_000;

/**
 * One delivery pass over due PENDING rows (safe to run in several processes at once: a row
 * is sent by at most one of them). One statement claims the rows with their payloads. Just
 * before its send, each row's claim is checked (a row another worker took over once our lease
 * ran out is not sent) and, when the lease is running out, renewed (compare-and-set on the
 * claim token); the checks of the rows the lanes start meanwhile go out together, in one statement. Each row is rendered from its
 * payload snapshot and sent; outcomes are recorded in batches, one statement each: success →
 * SUCCEEDED with sentAt; a failure → attempts+1 and a retry after 30 s, 2 min, 10 min, 1 h,
 * 3 h, 6 h, 12 h, …; the 8th failure, or a message that cannot be built, → FAILED with
 * lastError. Each send is bounded by NOTIFICATIONS_SEND_TIMEOUT_MS.
 * `now` (tests) stands for the current time at the start of the pass.
 */
export async function deliverDueNotifications(options: { limit?: number; now?: Date } = {}): Promise<DeliveryResult> {
  const prisma = await getPrisma();
  const settings = notificationSettings();
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? DEFAULT_LIMIT), 1), 1000);
  const startedAt = options.now?.getTime() ?? Date.now();
  const wallStart = performance.now();
  const clock = () => new Date(startedAt + Math.round(performance.now() - wallStart));
  // Long enough for one send (rows are renewed just before their own send) and its recording.
  const leaseMs = settings.sendTimeoutMs + 60_000;

  const now = clock();
  const claimToken = new Date(now.getTime() + leaseMs);
  const waiting = await claimNotifications(prisma, now, claimToken, limit);
  const result: DeliveryResult = { sent: 0, retried: 0, failed: 0 };
  if (waiting.length === 0) return result;

  const outcomes: Outcome[] = [];
  let recording: Promise<void> | undefined;
  const record = async () => {
    const batch = outcomes.splice(0);
    if (batch.length === 0) return;
    try {
      const written = await recordOutcomes(prisma, batch);
      for (const outcome of batch) if (written.has(outcome.row.id)) result[COUNTED[outcome.status]] += 1;
    } catch (error) {
      // The database failed us: the rows stay claimed and are retried when their lease runs out.
      log.error("notification bookkeeping failed", { notificationIds: batch.map((o) => o.row.id), error: errorText(error) });
    }
  };
  const recordSoon = () => {
    if (recording || outcomes.length === 0) return;
    if (outcomes.length < RECORD_BATCH && clock().getTime() + RECORD_MARGIN_MS < outcomes[0]!.row.token.getTime()) return;
    recording = record().finally(() => (recording = undefined));
  };

  // While the claim has a send's time and a margin to run, checking that a row is still ours
  // is enough (nobody can take it over before its send ends); later, the claim is extended.
  const renewal = claimRenewals(async (ids) => {
    const extend = clock().getTime() + settings.sendTimeoutMs + 10_000 > claimToken.getTime();
    const lease = extend ? new Date(clock().getTime() + leaseMs) : claimToken;
    const held = await renewClaims(prisma, ids, claimToken, extend ? lease : null);
    return { held, lease };
  });
  const lane = async () => {
    for (let row = waiting.shift(); row; row = waiting.shift()) {
      const lease = await renewal.hold(row.id);
      if (!lease) continue; // another worker's now
      outcomes.push(await deliverOne({ ...row, token: lease }, clock, settings));
      recordSoon();
    }
  };
  await Promise.all(Array.from({ length: Math.min(SEND_CONCURRENCY, waiting.length) }, lane));
  await recording;
  await record();
  return result;
}

/**
 * Renewals requested while one is in flight go out together with the next: one statement for
 * the rows the lanes start at about the same time. A failed renewal holds nothing.
 */
function claimRenewals(renew: (ids: string[]) => Promise<{ held: Set<string>; lease: Date }>) {
  let pending: { id: string; resolve: (lease: Date | null) => void }[] = [];
  let flushing = false;
  const flush = async () => {
    while (pending.length > 0) {
      const batch = pending;
      pending = [];
      const renewed = await renew(batch.map((p) => p.id)).catch((error: unknown) => {
        log.error("notification claim could not be renewed", { error: errorText(error) });
        return { held: new Set<string>(), lease: null };
      });
      for (const p of batch) p.resolve(renewed.lease && renewed.held.has(p.id) ? renewed.lease : null);
    }
    flushing = false;
  };
  return {
    hold(id: string): Promise<Date | null> {
      return new Promise((resolve) => {
        pending.push({ id, resolve });
        if (flushing) return;
        flushing = true;
        queueMicrotask(() => void flush()); // after the other lanes have asked too
      });
    },
  };
}
