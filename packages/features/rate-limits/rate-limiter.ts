import { currentDatabaseScope } from "@slotbase/prisma";
import Redis from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { log } from "../logging/logger";
import { errorText } from "../notifications/error-text";
import { rateLimitSettings, type RateLimitSettings } from "./rate-limit-settings";

/** Who a request counts against: its API key, or its client's IP when it has none. */
export type RateLimitSubject = { kind: "key"; apiKeyId: string; ownLimit: number | null } | { kind: "ip"; ip: string };

/** A counted request: its window's limit, what is left, when the window ends, and whether it may go on. */
export interface RateLimitDecision {
  limit: number;
  remaining: number;
  /** Seconds until the window ends and the count starts again (at least 1). */
  resetSeconds: number;
  allowed: boolean;
}

const WINDOW_SECONDS = 60;
const FIRST_CONNECTION_WAIT_MS = 1_000;

/**
 * Fixed one-minute windows per subject (rate-limiter-flexible), in Redis when REDIS_URL is set
 * so every instance counts together, else in this process. No window outlives its minute: a
 * burst is never punished beyond it. When Redis cannot answer, requests are served uncounted
 * (logged once until it answers again): a rate limiter must never take the API down.
 */
export class RateLimiter {
  private readonly limiters = new Map<number, RateLimiterAbstract>();
  private redisDown = false;
  private connecting: Promise<void> | undefined;

  constructor(
    private readonly settings: RateLimitSettings,
    private readonly redis?: Redis,
    /** Tests shorten the window; requests are always counted per window of this many seconds. */
    private readonly windowSeconds = WINDOW_SECONDS,
  ) {}

  /** Counts one request of `subject`; null when it is unlimited or could not be counted. */
  async consume(subject: RateLimitSubject): Promise<RateLimitDecision | null> {
    const limit = subject.kind === "key" ? (subject.ownLimit ?? this.settings.perKey) : this.settings.anonymous;
    if (limit === 0) return null;
    // Keys live in each deployment's database: their ids are only unique within it.
    const scope = currentDatabaseScope()?.id;
    const key = subject.kind === "key" ? `key:${scope ? `${scope}:` : ""}${subject.apiKeyId}` : `ip:${subject.ip}`;
    await this.firstConnection();
    try {
      const result = await this.limiterFor(limit).consume(key);
      this.recovered();
      return decision(limit, result, true);
    } catch (error) {
      if (error instanceof RateLimiterRes) {
        this.recovered();
        return decision(limit, error, false);
      }
      if (!this.redisDown) log.error("rate limits are off: the counter store cannot be reached; requests are served uncounted until it answers", { error: errorText(error) });
      this.redisDown = true;
      return null;
    }
  }

  async close(): Promise<void> {
    this.redis?.disconnect();
  }

  /** The first request waits (up to a second) for Redis to connect, rather than counting as an outage. */
  private firstConnection(): Promise<void> {
    const redis = this.redis;
    if (!redis || redis.status === "ready") return Promise.resolve();
    this.connecting ??= new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, FIRST_CONNECTION_WAIT_MS);
      redis.once("ready", () => {
        clearTimeout(timer);
        resolve();
      });
    });
    return this.connecting;
  }

  private recovered(): void {
    if (!this.redisDown) return;
    this.redisDown = false;
    log.warn("rate limits are counted again: the counter store answers");
  }

  // One limiter per limit value (a key with its own limit counts in its own store prefix).
  private limiterFor(points: number): RateLimiterAbstract {
    let limiter = this.limiters.get(points);
    if (!limiter) {
      const options = { points, duration: this.windowSeconds, keyPrefix: `slotbase:rl:${points}` };
      limiter = this.redis ? new RateLimiterRedis({ ...options, storeClient: this.redis, rejectIfRedisNotReady: true }) : new RateLimiterMemory(options);
      this.limiters.set(points, limiter);
    }
    return limiter;
  }
}

function decision(limit: number, result: RateLimiterRes, allowed: boolean): RateLimitDecision {
  return { limit, remaining: Math.max(0, result.remainingPoints), resetSeconds: Math.max(1, Math.ceil(result.msBeforeNext / 1000)), allowed };
}

/** A Redis client that fails fast while Redis is away (no queued commands) and reconnects by itself. */
export function redisForRateLimits(url: string): Redis {
  const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, connectTimeout: 1_000, retryStrategy: (attempt) => Math.min(attempt * 200, 2_000) });
  // Errors surface through consume(); without a listener ioredis would print each reconnect attempt.
  client.on("error", () => undefined);
  return client;
}

let shared: RateLimiter | undefined;

/** This process's limiter, built from the environment on first use. */
export function rateLimiter(): RateLimiter {
  if (!shared) {
    const settings = rateLimitSettings();
    shared = new RateLimiter(settings, settings.redisUrl ? redisForRateLimits(settings.redisUrl) : undefined);
  }
  return shared;
}

/** Tests: forget the shared limiter (its counts and settings). */
export async function resetRateLimiter(): Promise<void> {
  await shared?.close();
  shared = undefined;
}
