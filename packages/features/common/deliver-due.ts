import { deliverDueNotifications } from "../notifications/outbox";
import { deliverDueWebhooks } from "../webhooks/deliver";

export type Outbox = "emails" | "webhooks";

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

const NO_EMAILS = { sent: 0, retried: 0, failed: 0 };
const NO_WEBHOOKS = { delivered: 0, retried: 0, failed: 0 };

/** A run that delivered nothing. */
export const emptyRun = (): DeliveryRun => ({ emails: { ...NO_EMAILS }, webhooks: { ...NO_WEBHOOKS }, passes: 0, more: false, durationMs: 0 });

/** Two runs' totals together (the cron's own database's and the deployments', one deployment's after another's). */
export function addRuns(a: DeliveryRun, b: DeliveryRun): DeliveryRun {
  return {
    emails: { sent: a.emails.sent + b.emails.sent, retried: a.emails.retried + b.emails.retried, failed: a.emails.failed + b.emails.failed },
    webhooks: { delivered: a.webhooks.delivered + b.webhooks.delivered, retried: a.webhooks.retried + b.webhooks.retried, failed: a.webhooks.failed + b.webhooks.failed },
    passes: a.passes + b.passes,
    more: a.more || b.more,
    durationMs: a.durationMs + b.durationMs,
  };
}

/**
 * Passes over the email and webhook outboxes (or those named) until none has due rows left or
 * the budget is spent: what the delivery process runs on each wake-up (no budget) and a
 * scheduled job (Vercel Cron) runs where nothing can deliver in the background. Rows are
 * claimed as always, so runs that overlap never send one twice.
 */
export async function deliverDueWithin(
  options: { budgetMs?: number; outboxes?: readonly Outbox[]; passLimit?: number } = {},
): Promise<DeliveryRun> {
  const { budgetMs = DEFAULT_DELIVERY_BUDGET_MS, outboxes = ["emails", "webhooks"], passLimit = 100 } = options;
  const started = performance.now();
  const run = emptyRun();
  for (;;) {
    const [mail, hooks] = await Promise.all([
      outboxes.includes("emails") ? deliverDueNotifications({ limit: passLimit }) : NO_EMAILS,
      outboxes.includes("webhooks") ? deliverDueWebhooks({ limit: passLimit }) : NO_WEBHOOKS,
    ]);
    run.passes += 1;
    for (const key of ["sent", "retried", "failed"] as const) run.emails[key] += mail[key];
    for (const key of ["delivered", "retried", "failed"] as const) run.webhooks[key] += hooks[key];
    const full = mail.sent + mail.retried + mail.failed >= passLimit || hooks.delivered + hooks.retried + hooks.failed >= passLimit;
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
