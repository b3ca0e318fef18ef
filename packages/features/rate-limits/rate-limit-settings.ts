/** Requests a minute: per API key (a key's own rateLimitPerMinute overrides it) and per client IP without a key. 0 = unlimited. */
export interface RateLimitSettings {
  perKey: number;
  anonymous: number;
  /** Shared counters across instances when set; in-process otherwise. */
  redisUrl: string | undefined;
}

const DEFAULT_PER_KEY = 600;
const DEFAULT_ANONYMOUS = 120;

function perMinute(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === "") return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`${name} must be a whole number of requests per minute (0 = unlimited), not "${value}"`);
  return parsed;
}

export function rateLimitSettings(env: NodeJS.ProcessEnv = process.env): RateLimitSettings {
  return {
    perKey: perMinute("RATE_LIMIT_PER_MINUTE", env.RATE_LIMIT_PER_MINUTE, DEFAULT_PER_KEY),
    anonymous: perMinute("RATE_LIMIT_ANONYMOUS_PER_MINUTE", env.RATE_LIMIT_ANONYMOUS_PER_MINUTE, DEFAULT_ANONYMOUS),
    redisUrl: env.REDIS_URL?.trim() || undefined,
  };
}
