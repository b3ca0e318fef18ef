import { currentDatabaseScope } from "@slotbase/prisma";
import { log } from "../logging/logger";
import { errorText } from "../notifications/error-text";

/**
 * An outbox drained in the background of a server process: a kick (after a change commits)
 * runs passes on the next turn of the event loop until a pass finds fewer due rows than it
 * may take; kicks during a pass coalesce into one more pass. The first kick starts an unref'd
 * poll that picks up retries that come due. Never throws, never makes the caller wait.
 */
export interface BackgroundDrain {
  kick(): void;
  /** Resolves when no pass is scheduled or running (tests, graceful shutdown). */
  idle(): Promise<void>;
  /** Stops the poll; a later kick starts it again. */
  stop(): void;
}

export interface DrainOptions {
  /** For log lines. */
  name: string;
  /** One pass over at most `limit` due rows; returns how many it handled. */
  pass(limit: number): Promise<number>;
  /** Read at each kick (tests change them): whether to run at all, and the poll interval. */
  settings(): { enabled: boolean; pollMs: number };
  limit?: number;
  /**
   * A kick within this long of the last drain's start waits for the rest of it: under load,
   * one pass over the rows of many changes instead of one pass per change.
   */
  minIntervalMs?: number;
}

export function backgroundDrain({ name, pass, settings, limit = 50, minIntervalMs = 0 }: DrainOptions): BackgroundDrain {
  let scheduled = false;
  let lastStart = -Infinity;
  let running: Promise<void> | undefined;
  let again = false;
  let poller: NodeJS.Timeout | undefined;

  const drain = async () => {
    while ((await pass(limit)) >= limit);
  };
  const start = () => {
    scheduled = false;
    if (running) {
      again = true;
      return;
    }
    lastStart = performance.now();
    running = drain()
      .catch((error: unknown) => log.warn(`${name} pass failed`, { error: errorText(error) }))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          schedule();
        }
      });
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    const wait = lastStart + minIntervalMs - performance.now();
    if (wait > 0) setTimeout(start, wait);
    else setImmediate(start);
  };
  return {
    kick() {
      // A drain serves the process's own database (its passes must not inherit a request's
      // scope); a deployment's outboxes are swept by deployments/deliver-deployments.ts.
      if (currentDatabaseScope()) return;
      try {
        const { enabled, pollMs } = settings();
        if (!enabled) return;
        if (!poller) {
          poller = setInterval(() => {
            if (!running) schedule();
          }, pollMs);
          poller.unref();
        }
        if (running) again = true;
        else schedule();
      } catch (error) {
        log.warn(`${name} could not be scheduled`, { error: errorText(error) });
      }
    },
    async idle() {
      while (scheduled || running) {
        if (running) await running;
        else await new Promise((resolve) => setImmediate(resolve));
      }
    },
    stop() {
      if (poller) clearInterval(poller);
      poller = undefined;
    },
  };
}
