import { log } from "../logging/logger";
import { errorText } from "./error-text";
import { deliverDueNotifications } from "./outbox";
import { workerSettings } from "./settings";

const PASS_LIMIT = 50;

let scheduled = false;
let running: Promise<void> | undefined;
let again = false;
let poller: NodeJS.Timeout | undefined;

/** Passes until a pass finds fewer due rows than it could take (the backlog is drained). */
async function drain(): Promise<void> {
  for (;;) {
    const { sent, retried, failed } = await deliverDueNotifications({ limit: PASS_LIMIT });
    if (sent + retried + failed < PASS_LIMIT) return;
  }
}

function start(): void {
  scheduled = false;
  if (running) {
    again = true;
    return;
  }
  running = drain()
    .catch((error: unknown) => log.warn("notification delivery pass failed", { error: errorText(error) }))
    .finally(() => {
      running = undefined;
      if (again) {
        again = false;
        schedule();
      }
    });
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setImmediate(start);
}

function ensurePoller(pollMs: number): void {
  if (poller) return;
  poller = setInterval(() => {
    if (!running) schedule();
  }, pollMs);
  poller.unref();
}

/**
 * After a booking change commits: delivers its queued emails in the background (next turn of
 * the event loop). Kicks while a pass runs coalesce into one more pass. Never throws, never
 * waits. The first kick also starts an unref'd poll (NOTIFICATIONS_POLL_MS, default 30 s) that
 * retries due rows. NOTIFICATIONS_WORKER=off (and jest, unless =on) makes this a no-op.
 */
export function kickNotificationDelivery(): void {
  try {
    const settings = workerSettings();
    if (!settings.workerEnabled) return;
    ensurePoller(settings.pollMs);
    if (running) again = true;
    else schedule();
  } catch (error) {
    log.warn("notification delivery could not be scheduled", { error: errorText(error) });
  }
}

/** Resolves when the background delivery started by kicks is idle (tests, graceful shutdown). */
export async function notificationDeliveryIdle(): Promise<void> {
  while (scheduled || running) {
    if (running) await running;
    else await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Stops the retry poll (graceful shutdown, tests). A later kick starts it again. */
export function stopNotificationWorker(): void {
  if (poller) clearInterval(poller);
  poller = undefined;
}

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
