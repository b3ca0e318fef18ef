import { currentDatabaseScope } from "@slotbase/prisma";
import { backgroundDrain } from "../common/background-drain";
import { deliverDueWebhooks, leaseMs, type ClaimedDelivery } from "./deliver";
import { webhookSettings } from "./webhook-settings";

const PASS_LIMIT = 250;

/** Deliveries the statements of this process queued already claimed for it, waiting for the next pass. */
const held: ClaimedDelivery[] = [];

const drain = backgroundDrain({
  name: "webhook delivery",
  // Large passes, at most about 40 a second: a pass costs one claim and a few batched writes whatever its size.
  limit: PASS_LIMIT,
  minIntervalMs: 25,
  pass: async (limit) => {
    const mine = held.splice(0, limit);
    const { delivered, retried, failed } = await deliverDueWebhooks({ limit, held: mine });
    // Held deliveries left for the next pass keep the drain going.
    return held.length > 0 ? limit : delivered + retried + failed;
  },
  settings: () => {
    const { workerEnabled, pollMs } = webhookSettings();
    return { enabled: workerEnabled, pollMs };
  },
});

/** After a change that queued deliveries commits: send them in the background. WEBHOOK_WORKER=off (and jest, unless =on) makes it a no-op. */
export const kickWebhookDelivery = (): void => drain.kick();
export const webhookDeliveryIdle = (): Promise<void> => drain.idle();
export const stopWebhookWorker = (): void => drain.stop();

/**
 * The claim a statement that queues deliveries may take for this process (their lease's end),
 * or null when this process does not send in the background: then they are queued due now,
 * for whichever process claims them.
 */
export function claimForThisProcess(now: Date): Date | null {
  if (currentDatabaseScope()) return null; // a deployment's deliveries are swept from its database, not sent from here
  const settings = webhookSettings();
  return settings.workerEnabled ? new Date(now.getTime() + leaseMs(settings)) : null;
}

/**
 * Deliveries a committed statement queued already claimed for this process: sent by the next
 * pass without a claim of their own. If the process dies first, they wait out their lease and
 * any process sends them.
 */
export function sendHeldDeliveries(deliveries: ClaimedDelivery[]): void {
  for (const delivery of deliveries) held.push(delivery);
  drain.kick();
}

const RESUMED = Symbol.for("slotbase.webhooks.resumed");

/** Once per process, at its first request: send what was queued before a restart. */
export function resumeWebhookDelivery(): void {
  const flags = globalThis as { [RESUMED]?: boolean };
  if (flags[RESUMED]) return;
  flags[RESUMED] = true;
  kickWebhookDelivery();
}
