import { performance } from "node:perf_hooks";
import { log } from "@slotbase/features";
import type { ApiRequest, Middleware } from "../http/types";
import { rawRequestTarget } from "../validation/query-input";

/** Query parameters that carry a credential (any case): never written to a log line. */
const CREDENTIAL_PARAMETERS = new Set(["apikey", "key", "token", "secret", "password", "cron_secret"]);

/** The path and query as the client sent them, credentials removed (a malformed query is left out whole). */
export function loggablePath(req: ApiRequest): string {
  const target = rawRequestTarget(req);
  const mark = target.indexOf("?");
  if (mark === -1) return target;
  const path = target.slice(0, mark);
  try {
    const query = new URLSearchParams(target.slice(mark + 1));
    for (const name of [...query.keys()]) if (CREDENTIAL_PARAMETERS.has(name.toLowerCase())) query.delete(name);
    const rest = query.toString();
    return rest ? `${path}?${rest}` : path;
  } catch {
    return path;
  }
}

/**
 * One line per request once the chain inside it (errors already turned into responses) has
 * answered: method, path (credentials removed), status, duration, request id and, when a key
 * was verified, its user. Never a header or a body.
 */
export const accessLog: Middleware = async (req, res, next) => {
  const started = performance.now();
  try {
    await next();
  } finally {
    log.info("request", {
      method: req.method,
      path: loggablePath(req),
      status: res.statusCode,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      requestId: req.requestId,
      userId: req.auth?.userId ?? null,
    });
  }
};
