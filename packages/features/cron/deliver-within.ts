import { timingSafeEqual, createHash } from "node:crypto";
import { deliverDueNotifications } from "../notifications/outbox";
import { deliverDueWebhooks } from "../webhooks/deliver";
import { UnauthenticatedError } from "../errors/domain-errors";

const EMAIL_PASS_LIMIT = 100;
const WEBHOOK_PASS_LIMIT = 100;
/** A serverless function has a time limit (10 s on Vercel's smallest plan): passes start only while this much remains. */
export const DEFAULT_DELIVERY_BUDGET_MS = 8_000;

export interface DeliveryRun {
  emails: { sent: number; retried: number; failed: number };
  webhooks: { delivered: number; retried: number; failed: number };
  passes: number;
  /** True when due rows were left for the next run (the budget ran out first). */
  more: boolean;
  durationMs: number;
}

/**
 * What a scheduled job (Vercel Cron) runs where no process can deliver in the background
 * (serverless functions are frozen after their response): passes over the email and webhook
 * outboxes until neither has due rows left or the budget is spent. Rows are claimed as
 * always, so runs that overlap, or a delivery process elsewhere, never send one twice.
 */
export async function deliverDueWithin(budgetMs: number = DEFAULT_DELIVERY_BUDGET_MS): Promise<DeliveryRun> {
  const started = performance.now();
  const run: DeliveryRun = { emails: { sent: 0, retried: 0, failed: 0 }, webhooks: { delivered: 0, retried: 0, failed: 0 }, passes: 0, more: false, durationMs: 0 };
  for (;;) {
    const [mail, hooks] = await Promise.all([deliverDueNotifications({ limit: EMAIL_PASS_LIMIT }), deliverDueWebhooks({ limit: WEBHOOK_PASS_LIMIT })]);
    run.passes += 1;
    for (const key of ["sent", "retried", "failed"] as const) run.emails[key] += mail[key];
    for (const key of ["delivered", "retried", "failed"] as const) run.webhooks[key] += hooks[key];
    const full = mail.sent + mail.retried + mail.failed >= EMAIL_PASS_LIMIT || hooks.delivered + hooks.retried + hooks.failed >= WEBHOOK_PASS_LIMIT;
    if (!full) break;
    // The next pass may take as long as this one did: start it only if it fits.
    const elapsed = performance.now() - started;
    if (elapsed + elapsed / run.passes > budgetMs) {
      run.more = true;
      break;
    }
  }
  run.durationMs = Math.round(performance.now() - started);
  return run;
}

const digest = (text: string) => createHash("sha256").update(text).digest();

/**
 * The scheduler's proof: `Authorization: Bearer <CRON_SECRET>` (what Vercel Cron sends),
 * compared in constant time. Without a configured secret the job cannot be triggered at all.
 */
export function assertCronSecret(authorization: string | undefined, secret: string | undefined = process.env.CRON_SECRET): void {
  if (!secret) throw new UnauthenticatedError("missing", "Scheduled delivery is off: set CRON_SECRET to enable it.");
  const sent = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1] ?? "";
  // Hashes have one length whatever was sent, so comparing them reveals nothing about the secret's length.
  if (!timingSafeEqual(digest(sent), digest(secret))) throw new UnauthenticatedError(sent ? "unknown" : "missing", "The cron secret is missing or wrong.");
}
