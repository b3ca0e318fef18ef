import { log } from "../logging/logger";

/**
 * Writes that must not delay a response (e.g. lastUsedAt). They are tracked so tests and
 * graceful shutdown can wait for them; failures are logged, never thrown at a caller.
 */
const pending = new Set<Promise<unknown>>();

export function runInBackground(label: string, work: () => Promise<unknown>): void {
  const promise = Promise.resolve()
    .then(work)
    .catch((error: unknown) => {
      log.warn(`${label} failed`, { error });
    })
    .finally(() => pending.delete(promise));
  pending.add(promise);
}

export async function flushBackgroundWrites(): Promise<void> {
  while (pending.size > 0) await Promise.all([...pending]);
}
