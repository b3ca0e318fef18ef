import { backgroundDrain } from "../common/background-drain";
import { deliverDueWebhooks } from "./deliver";
import { webhookSettings } from "./webhook-settings";

const drain = backgroundDrain({
  name: "webhook delivery",
  // Large passes, at most about 40 a second: a pass costs one claim and a few batched writes whatever its size.
  limit: 250,
  minIntervalMs: 25,
  pass: async (limit) => {
    const { delivered, retried, failed } = await deliverDueWebhooks({ limit });
    return delivered + retried + failed;
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

const RESUMED = Symbol.for("slotbase.webhooks.resumed");

/** Once per process, at its first request: send what was queued before a restart. */
export function resumeWebhookDelivery(): void {
  const flags = globalThis as { [RESUMED]?: boolean };
  if (flags[RESUMED]) return;
  flags[RESUMED] = true;
  kickWebhookDelivery();
}
