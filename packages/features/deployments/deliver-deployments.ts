import { outsideDatabaseScope, withDatabaseScope } from "@slotbase/prisma";
import { addRuns, deliverDueWithin, emptyRun, type DeliveryRun, type Outbox } from "../common/deliver-due";
import { log } from "../logging/logger";
import { errorText } from "../notifications/error-text";
import { workerSettings } from "../notifications/settings";
import { webhookSettings } from "../webhooks/webhook-settings";
import { deploymentSettings, multiDeploymentEnabled } from "./deployment-settings";
import { enabledDeployments } from "./deployment-store";
import { forEachDeployment } from "./select-deployment";

/**
 * One delivery run over each enabled deployment's outboxes, in its own database, within one
 * budget for all (the delivery process's and the server's polls, the Vercel cron). Deployments'
 * outboxes are swept, not woken: a booking in a deployment is delivered within one poll
 * interval. Totals are summed; `more` when a budget ran out.
 */
export async function deliverDueForDeployments(options: { budgetMs?: number; outboxes?: readonly Outbox[]; passLimit?: number } = {}): Promise<DeliveryRun> {
  let total = emptyRun();
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
    total = addRuns(total, await withDatabaseScope(scope, () => deliverDueWithin({ ...options, budgetMs: left })));
  });
  return { ...total, durationMs: Math.round(performance.now() - started) };
}

const POLL = Symbol.for("slotbase.deployments.deliveryPoll");
const flags = globalThis as { [POLL]?: NodeJS.Timeout };

/** The outboxes a server process delivers for its own database: emails with the in-process sender, webhooks with the webhook worker. */
const serverOutboxes = (): Outbox[] => [
  ...(workerSettings().workerEnabled ? (["emails"] as const) : []),
  ...(webhookSettings().workerEnabled ? (["webhooks"] as const) : []),
];

/**
 * Multi-deployment mode: sweeps the deployments' `outboxes` (by default those a server process
 * delivers for its own database) every DEPLOYMENTS_DELIVERY_POLL_MS (default 2 s), on a timer
 * of its own rather than at each wake-up of the process's own outbox. Once per process.
 */
export function startDeploymentsDeliveryPoll(outboxes: readonly Outbox[] = serverOutboxes()): void {
  if (flags[POLL] || !multiDeploymentEnabled()) return;
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
