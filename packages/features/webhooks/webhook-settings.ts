import { positiveInt, workerSwitch } from "../common/env-settings";

/**
 * Webhook delivery settings, read from the environment at each use (tests change them).
 *
 * - WEBHOOK_RETRY_SCHEDULE: seconds to wait after the 1st, 2nd, … failed attempt, comma-separated;
 *   after the last one the delivery is FAILED. Default: 10 s, 1 min, 5 min, 30 min, 1 h, 2 h, 4 h,
 *   8 h, 12 h (27.6 h in all, 10 attempts). Each wait gets ±20% jitter.
 * - WEBHOOK_CONNECT_TIMEOUT_MS (default 5,000), WEBHOOK_TIMEOUT_MS (whole exchange, default 15,000).
 * - WEBHOOK_POLL_MS: the in-process retry poll (default 10,000). WEBHOOK_WORKER=off|on as NOTIFICATIONS_WORKER.
 */
export const DEFAULT_RETRY_SCHEDULE_SECONDS = [10, 60, 300, 1800, 3600, 7200, 14_400, 28_800, 43_200];
/** The receiver's answer is kept up to this many bytes. */
export const MAX_RESPONSE_BYTES = 4096;

export interface WebhookSettings {
  retryScheduleMs: number[];
  connectTimeoutMs: number;
  totalTimeoutMs: number;
  pollMs: number;
  workerEnabled: boolean;
}

/** Comma-separated non-negative seconds (decimals allowed); anything else is a configuration error. */
export function parseRetrySchedule(value: string | undefined): number[] {
  if (value === undefined || value.trim() === "") return DEFAULT_RETRY_SCHEDULE_SECONDS.map((s) => s * 1000);
  return value.split(",").map((part) => {
    const seconds = Number(part.trim());
    if (part.trim() === "" || !Number.isFinite(seconds) || seconds < 0) throw new Error(`WEBHOOK_RETRY_SCHEDULE: "${part.trim()}" is not a number of seconds`);
    return Math.round(seconds * 1000);
  });
}

export function webhookSettings(env: NodeJS.ProcessEnv = process.env): WebhookSettings {
  return {
    retryScheduleMs: parseRetrySchedule(env.WEBHOOK_RETRY_SCHEDULE),
    connectTimeoutMs: positiveInt(env.WEBHOOK_CONNECT_TIMEOUT_MS, 5_000),
    totalTimeoutMs: positiveInt(env.WEBHOOK_TIMEOUT_MS, 15_000),
    pollMs: positiveInt(env.WEBHOOK_POLL_MS, 10_000),
    workerEnabled: workerSwitch(env.WEBHOOK_WORKER, env),
  };
}

/** The wait after the n-th failed attempt (n from 1), with ±20% jitter; null: no attempt left. */
export function retryDelay(schedule: number[], failedAttempts: number, random = Math.random): number | null {
  const base = schedule[failedAttempts - 1];
  if (base === undefined) return null;
  return Math.round(base * (0.8 + 0.4 * random()));
}
