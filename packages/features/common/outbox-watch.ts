import type { Listener } from "@slotbase/prisma";

export interface WatchOptions {
  /** Passes until the due rows are drained; returns what they handled. */
  drain(): Promise<number>;
  /** The fallback: a drain this long after the last one, whether woken or not (retries come due). */
  pollMs: number;
  /** Starts listening for wake-ups (NOTIFY); called with the function that wakes the loop. */
  listen?: (wake: () => void) => Promise<Listener>;
  /**
   * A drain starts at most this long after the previous one started: wake-ups that arrive
   * meanwhile are served together (fewer passes, each over more rows).
   */
  minIntervalMs?: number;
  signal: AbortSignal;
  /** Called once listening (when `listen` is given) and before the first drain. */
  onReady?: () => void;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done);
  });

/**
 * The delivery process's loop: drain, then wait for a wake-up or the poll, until `signal`
 * aborts. A wake-up during a drain makes another one follow at once: rows committed while a
 * claim ran are never left for the poll.
 */
export async function watchOutboxes({ drain, pollMs, listen, minIntervalMs = 0, signal, onReady }: WatchOptions): Promise<void> {
  let woken = false;
  let interrupt: (() => void) | undefined;
  const wake = () => {
    woken = true;
    interrupt?.();
  };
  const listener = await listen?.(wake);
  onReady?.();
  try {
    while (!signal.aborted) {
      woken = false;
      const started = performance.now();
      await drain();
      if (!woken && !signal.aborted) {
        const wakeOrAbort = new AbortController();
        interrupt = () => wakeOrAbort.abort();
        const onAbort = () => wakeOrAbort.abort();
        signal.addEventListener("abort", onAbort);
        await sleep(pollMs, wakeOrAbort.signal);
        signal.removeEventListener("abort", onAbort);
        interrupt = undefined;
      }
      const wait = started + minIntervalMs - performance.now();
      if (wait > 0 && !signal.aborted) await sleep(wait, signal);
    }
  } finally {
    await listener?.close();
  }
}
