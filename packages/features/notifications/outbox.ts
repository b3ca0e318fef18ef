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
/** Rows checked in one statement, ahead of their sends (after the first SEND_CONCURRENCY). */
const CHECK_AHEAD = 4 * SEND_CONCURRENCY;

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
 * is sent by at most one of them). One statement claims the rows with their payloads. Shortly
 * before their sends, rows are checked in batches (a row another worker took over once our
 * lease ran out is not sent) and, when the lease is running out, renewed (compare-and-set on
 * the claim token). Each row is rendered from its
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
  // A checked row waits for at most CHECK_AHEAD / SEND_CONCURRENCY sends before its own.
  const longestWaitMs = (CHECK_AHEAD / SEND_CONCURRENCY + 1) * settings.sendTimeoutMs;
  // Long enough for the longest wait, the send and its recording.
  const leaseMs = longestWaitMs + 60_000;

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

  // Rows are checked (still ours?) in batches a few sends ahead of the lanes: the first batch
  // as the lanes start, later ones CHECK_AHEAD at a time. While the claim has the longest wait
  // of a checked row and a margin to run, the check is a read (nobody can take a row over
  // before its send ends); later, it extends the claim.
  let ready: ClaimedRow[] = [];
  let checks = 0;
  const checkNext = async () => {
    const batch = waiting.splice(0, checks++ === 0 ? SEND_CONCURRENCY : CHECK_AHEAD);
    const extend = clock().getTime() + longestWaitMs + 10_000 > claimToken.getTime();
    const lease = extend ? new Date(clock().getTime() + leaseMs) : claimToken;
    const held = await renewClaims(prisma, batch.map((row) => row.id), claimToken, extend ? lease : null).catch((error: unknown) => {
      log.error("notification claim could not be checked", { error: errorText(error) });
      return new Set<string>();
    });
    ready = ready.concat(batch.filter((row) => held.has(row.id)).map((row) => ({ ...row, token: lease })));
  };
  let checking: Promise<void> | undefined;
  const lane = async () => {
    for (;;) {
      while (ready.length === 0 && waiting.length > 0) {
        checking ??= checkNext().finally(() => (checking = undefined));
        await checking;
      }
      const row = ready.shift();
      if (!row) return;
      outcomes.push(await deliverOne(row, clock, settings));
      recordSoon();
    }
  };
  await Promise.all(Array.from({ length: Math.min(SEND_CONCURRENCY, waiting.length) }, lane));
  await recording;
  await record();
  return result;
}
