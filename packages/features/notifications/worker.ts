import { currentDatabaseScope } from "@slotbase/prisma";
import { backgroundDrain } from "../common/background-drain";
import { deliverDueNotifications } from "./outbox";
import { workerSettings } from "./settings";
import { wakeDeliveryProcess } from "./wake";

const drain = backgroundDrain({
  name: "notification delivery",
  pass: async (limit) => {
    const { sent, retried, failed } = await deliverDueNotifications({ limit });
    return sent + retried + failed;
  },
  settings: () => {
    const { workerEnabled, pollMs } = workerSettings();
    return { enabled: workerEnabled, pollMs };
  },
});

/**
 * After a booking change commits: delivers its queued emails in the background (next turn of
 * the event loop). Kicks while a pass runs coalesce into one more pass. Never throws, never
 * waits. The first kick also starts an unref'd poll (NOTIFICATIONS_POLL_MS, default 30 s) that
 * retries due rows. NOTIFICATIONS_WORKER=off (and jest, unless =on) turns that off; then, with
 * NOTIFICATIONS_WAKE=notify on PostgreSQL, a kick wakes the delivery process instead.
 */
export function kickNotificationDelivery(): void {
  if (currentDatabaseScope()) return; // a deployment's outbox is swept from its database (deployments/deliver-deployments.ts)
  const { workerEnabled, wake } = workerSettings();
  if (workerEnabled) drain.kick();
  else if (wake) wakeDeliveryProcess();
}

/** Resolves when the background delivery started by kicks is idle (tests, graceful shutdown). */
export const notificationDeliveryIdle = (): Promise<void> => drain.idle();

/** Stops the retry poll (graceful shutdown, tests). A later kick starts it again. */
export const stopNotificationWorker = (): void => drain.stop();

const RESUMED = Symbol.for("slotbase.notifications.resumed");

/**
 * Once per process, at its first authenticated request: deliver what was queued before a
 * restart (due retries) without waiting for the next booking change.
 */
export function resumeNotificationDelivery(): void {
  const flags = globalThis as { [RESUMED]?: boolean };
  if (flags[RESUMED]) return;
  flags[RESUMED] = true;
  kickNotificationDelivery();
}
