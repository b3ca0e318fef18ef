import { HttpError } from "../http/http-error";
import type { ApiResponse, HttpMethod, Middleware } from "../http/types";

const CORS_ALLOWED_HEADERS = "Authorization, Content-Type, Idempotency-Key, If-None-Match, cal-api-version, X-Request-Id, X-Slotbase-License-Key";

/** The CORS headers every response carries (preflights get more, below). */
export function setCorsResponseHeaders(res: ApiResponse): void {
  res.setHeader("Access-Control-Allow-Origin", process.env.CORS_ORIGIN ?? "*");
  res.setHeader("Access-Control-Expose-Headers", "X-Request-Id, Idempotent-Replayed, ETag, X-Total-Count, X-Total-Count-Exact, Link, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, Retry-After, X-Slotbase-Note");
}

/**
 * Method guard. Runs before authentication so an unsupported method is a 405 (with an
 * Allow header) whoever calls, and a CORS preflight (OPTIONS) needs no key: the route's
 * dispatcher answers it with 204. HEAD is served wherever GET is (as HTTP requires): the
 * dispatcher runs GET and Node sends its headers without the body.
 */
export function httpMethods(served: readonly HttpMethod[]): Middleware {
  const allowed: string[] = served.includes("GET") ? [...served, "HEAD"] : [...served];
  const allow = [...allowed, "OPTIONS"].join(", ");
  return async (req, res, next) => {
    setCorsResponseHeaders(res);
    if (req.method === "OPTIONS") {
      res.setHeader("Access-Control-Allow-Methods", allow);
      res.setHeader("Access-Control-Allow-Headers", CORS_ALLOWED_HEADERS);
      res.setHeader("Access-Control-Max-Age", "86400");
      res.setHeader("Allow", allow);
      return next();
    }
    if (!allowed.includes(req.method ?? "")) {
      throw new HttpError("method_not_allowed", `Method ${req.method} is not allowed here. Allowed: ${allow}.`, {
        headers: { Allow: allow },
      });
    }
    return next();
  };
}
