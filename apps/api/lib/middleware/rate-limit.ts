import { rateLimiter, type RateLimitSubject } from "@slotbase/features";
import { HttpError } from "../http/http-error";
import { clientIp } from "../http/client-ip";
import type { Middleware } from "../http/types";

/**
 * Counts the request against its API key, or its client's address without one (per minute,
 * see RATE_LIMIT_PER_MINUTE and RATE_LIMIT_ANONYMOUS_PER_MINUTE). A limited answer carries
 * X-RateLimit-Limit, -Remaining and -Reset (seconds until the window ends); over the limit it
 * is a 429 with Retry-After.
 */
export const rateLimit: Middleware = async (req, res, next) => {
  if (req.method !== "OPTIONS") {
    const subject: RateLimitSubject = req.auth
      ? { kind: "key", apiKeyId: req.auth.apiKeyId, ownLimit: req.auth.rateLimitPerMinute ?? null }
      : { kind: "ip", ip: clientIp(req) };
    const decision = await rateLimiter().consume(subject);
    if (decision) {
      res.setHeader("X-RateLimit-Limit", String(decision.limit));
      res.setHeader("X-RateLimit-Remaining", String(decision.remaining));
      res.setHeader("X-RateLimit-Reset", String(decision.resetSeconds));
      if (!decision.allowed) {
        const who = subject.kind === "key" ? "this API key" : "this address without an API key";
        throw new HttpError("rate_limited", `Too many requests: ${decision.limit} a minute are allowed for ${who}. Try again in ${decision.resetSeconds} s.`, {
          headers: { "Retry-After": String(decision.resetSeconds) },
        });
      }
    }
  }
  await next();
};
