import { outsideDatabaseScope, withDatabaseScope } from "@slotbase/prisma";
import { deliverDueWithin, type DeliveryRun, type Outbox } from "../common/deliver-due";
import { log } from "../logging/logger";
import { errorText } from "../notifications/error-text";
import { workerSettings } from "../notifications/settings";
import { webhookSettings } from "../webhooks/webhook-settings";
import { deploymentSettings, multiDeploymentEnabled } from "./deployment-settings";
import { enabledDeployments } from "./deployment-store";
import { forEachDeployment } from "./select-deployment";

/**
 * One delivery run over each enabled deployment's outboxes, in its own database, within one
 * budget for all (the delivery process's poll, the server's poll for its in-process senders,
 * the Vercel cron). Deployments' outboxes are swept, not woken: a booking in a deployment is
 * delivered within one poll interval. Totals are summed; `more` when a budget ran out.
 */
export async function deliverDueForDeployments(options: { budgetMs?: number; outboxes?: readonly Outbox[]; passLimit?: number } = {}): Promise<DeliveryRun & { deployments: number }> {
  const total: DeliveryRun & { deployments: number } = {
    emails: { sent: 0, retried: 0, failed: 0 },
    webhooks: { delivered: 0, retried: 0, failed: 0 },
    passes: 0,
    more: false,
    durationMs: 0,
    deployments: 0,
  };
  if (!multiDeploymentEnabled()) return total;
  const started = performance.now();
  const budgetMs = options.budgetMs ?? Infinity;
  const rows = await enabledDeployments(deploymentSettings().controlDatabaseUrl);
  await forEachDeployment(rows, async (scope) => {
    const left = budgetMs - (performance.now() - started);
    if (left <= 0) {
      total.more = true;
      return;
    }
    const run = await withDatabaseScope(scope, () => deliverDueWithin({ ...options, budgetMs: left }));
    total.deployments += 1;
    total.passes += run.passes;
    total.more ||= run.more;
    for (const key of ["sent", "retried", "failed"] as const) total.emails[key] += run.emails[key];
    for (const key of ["delivered", "retried", "failed"] as const) total.webhooks[key] += run.webhooks[key];
  });
  total.durationMs = Math.round(performance.now() - started);
  return total;
}

/** Adds one run's totals to another's (the cron answers the sum of its own database's and the deployments'). */
export function addRuns(a: DeliveryRun, b: DeliveryRun): DeliveryRun {
  return {
    emails: { sent: a.emails.sent + b.emails.sent, retried: a.emails.retried + b.emails.retried, failed: a.emails.failed + b.emails.failed },
    webhooks: { delivered: a.webhooks.delivered + b.webhooks.delivered, retried: a.webhooks.retried + b.webhooks.retried, failed: a.webhooks.failed + b.webhooks.failed },
    passes: a.passes + b.passes,
    more: a.more || b.more,
    durationMs: a.durationMs + b.durationMs,
  };
}

const POLL = Symbol.for("slotbase.deployments.deliveryPoll");
const flags = globalThis as { [POLL]?: NodeJS.Timeout };

/**
 * In a server process (multi-deployment mode): sweeps the deployments' outboxes this process
 * would deliver for its own database (emails with the in-process sender, webhooks with the
 * webhook worker) every DEPLOYMENTS_DELIVERY_POLL_MS (default 2 s). Once per process.
 */
export function startDeploymentsDeliveryPoll(): void {
  if (flags[POLL] || !multiDeploymentEnabled()) return;
  const outboxes: Outbox[] = [
    ...(workerSettings().workerEnabled ? (["emails"] as const) : []),
    ...(webhookSettings().workerEnabled ? (["webhooks"] as const) : []),
  ];
  if (outboxes.length === 0) return;
  const pollMs = Math.max(100, Number(process.env.DEPLOYMENTS_DELIVERY_POLL_MS ?? 2_000) || 2_000);
  let running = false;
  flags[POLL] = setInterval(() => {
    if (running) return;
    running = true;
    outsideDatabaseScope(() => deliverDueForDeployments({ outboxes }))
      .catch((error: unknown) => log.warn("delivery for deployments failed", { error: errorText(error) }))
      .finally(() => {
        running = false;
      });
  }, pollMs);
  flags[POLL].unref();
}

/** Tests, shutdown. */
export function stopDeploymentsDeliveryPoll(): void {
  if (flags[POLL]) clearInterval(flags[POLL]);
  flags[POLL] = undefined;
}
