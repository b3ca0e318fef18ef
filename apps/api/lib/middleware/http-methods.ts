import { HttpError } from "@slotbase/features";
import type { HttpMethod, Middleware } from "../http/types";

const CORS_ALLOWED_HEADERS = "Authorization, Content-Type, Idempotency-Key, cal-api-version, X-Request-Id";

/**
 * Method guard. Runs before authentication so an unsupported method is a 405 (with an
 * Allow header) whoever calls, and a CORS preflight (OPTIONS) needs no key: the route's
 * dispatcher answers it with 204.
 */
export function httpMethods(allowed: readonly HttpMethod[]): Middleware {
  const allow = [...allowed, "OPTIONS"].join(", ");
  return async (req, res, next) => {
    res.setHeader("Access-Control-Allow-Origin", process.env.CORS_ORIGIN ?? "*");
    res.setHeader("Access-Control-Expose-Headers", "X-Request-Id, Idempotent-Replayed");
    if (req.method === "OPTIONS") {
      res.setHeader("Access-Control-Allow-Methods", allow);
      res.setHeader("Access-Control-Allow-Headers", CORS_ALLOWED_HEADERS);
      res.setHeader("Access-Control-Max-Age", "86400");
      res.setHeader("Allow", allow);
      return next();
    }
    if (!allowed.includes(req.method as HttpMethod)) {
      throw new HttpError("method_not_allowed", `Method ${req.method} is not allowed here. Allowed: ${allow}.`, {
        headers: { Allow: allow },
      });
    }
    return next();
  };
}
