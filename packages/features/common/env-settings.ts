/** Readers of environment settings shared by the background workers' settings. */

/** A positive integer, or `fallback` when unset or not one. */
export function positiveInt(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/**
 * An in-process worker switch (`off`/`false`/`0`, `on`/`true`/`1`). Unset: on, except under
 * jest (NODE_ENV=test), where tests run the passes explicitly, and on Vercel (VERCEL=1), whose
 * functions are frozen after their response: there GET /cron/deliver delivers (vercel.json).
 */
export function workerSwitch(value: string | undefined, env: NodeJS.ProcessEnv): boolean {
  const normalized = value?.trim().toLowerCase();
  if (normalized === "off" || normalized === "false" || normalized === "0") return false;
  if (normalized === "on" || normalized === "true" || normalized === "1") return true;
  return env.NODE_ENV !== "test" && env.VERCEL !== "1";
}
