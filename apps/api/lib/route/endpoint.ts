import {
  parseIdempotencyKey,
  requestFingerprint,
  requireScope,
  runIdempotent,
  type AuthContext,
  type IdempotentResult,
  type Scope,
} from "@slotbase/features";
import type { z } from "zod";
import type { MethodHandler } from "../middleware/with-middleware";
import type { ApiRequest, ApiResponse } from "../http/types";
import { pathOf } from "../http/surface";
import { readJsonBody } from "../http/read-json-body";
import { queryInput, validate } from "../validation/validate";

type Output<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface EndpointContext<Q, B> {
  req: ApiRequest;
  auth: AuthContext;
  query: Q;
  body: B;
}

export interface EndpointDefinition<Q extends z.ZodType | undefined, B extends z.ZodType | undefined, R> {
  /** The key scope this operation needs (also listed in the OpenAPI document). */
  scope: Scope;
  /** Validates req.query (path parameters included, `apiKey` excluded). */
  query?: Q;
  /** Validates the JSON body. */
  body?: B;
  /** Success status, 200 unless said otherwise. */
  status?: number;
  handler: (ctx: EndpointContext<Output<Q>, Output<B>>) => Promise<R>;
  /**
   * Honour an `Idempotency-Key` header (packages/features/idempotency): a retry with the
   * same key and request gets the first success replayed (`Idempotent-Replayed: true`)
   * without running the handler again. Document it with `x-idempotent: true`.
   */
  idempotent?: boolean;
}

export const IDEMPOTENCY_KEY_HEADER = "idempotency-key";
export const IDEMPOTENT_REPLAYED_HEADER = "Idempotent-Replayed";

/**
 * The path a key is bound to: the request's path without the query string, the same
 * whether it came in as /v2/... or, rewritten, as /api/v2/... (next.config.mjs).
 */
export function idempotencyPath(url: string | undefined): string {
  const path = pathOf(url).replace(/^\/api(?=\/)/, "");
  return path.length > 1 ? path.replace(/\/+$/, "") : path;
}

/** What res.json(result) would send, as text (null when it would send nothing). */
function toJsonText(result: unknown): string | null {
  return JSON.stringify(result) ?? null;
}

/** Sends JSON text exactly as res.json() would have sent the value it came from. */
function sendJsonText(res: ApiResponse, { status, body }: IdempotentResult): void {
  res.status(status);
  if (body === null) {
    res.end();
    return;
  }
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.send(body);
}

/**
 * One authenticated operation: scope check, then query and body validation, then one call
 * into a feature service; its result is the JSON response. With `idempotent: true` and an
 * `Idempotency-Key` header, that call runs through runIdempotent() (claim, run, store).
 */
export function endpoint<Q extends z.ZodType | undefined = undefined, B extends z.ZodType | undefined = undefined, R = unknown>(
  definition: EndpointDefinition<Q, B, R>,
): MethodHandler & { scope: Scope; idempotent: boolean } {
  const run: MethodHandler = async (req, res) => {
    const auth = req.auth;
    if (!auth) throw new Error("endpoint() reached without authentication");
    requireScope(auth, definition.scope);
    const key = definition.idempotent ? parseIdempotencyKey(req.headers[IDEMPOTENCY_KEY_HEADER]) : undefined;
    const rawQuery = queryInput(req.query);
    const query = (definition.query ? validate(definition.query, "query", rawQuery) : undefined) as Output<Q>;
    const rawBody = definition.body ? ((await readJsonBody(req)) ?? {}) : null;
    const body = (definition.body ? validate(definition.body, "body", rawBody) : undefined) as Output<B>;
    const status = definition.status ?? 200;
    if (key === undefined) {
      const result = await definition.handler({ req, auth, query, body });
      res.status(status).json(result);
      return;
    }
    const method = (req.method ?? "").toUpperCase();
    const path = idempotencyPath(req.url);
    const requestHash = requestFingerprint({ method, path, query: rawQuery, body: rawBody });
    const outcome = await runIdempotent(auth, { key, method, path, requestHash }, async () => ({
      status,
      body: toJsonText(await definition.handler({ req, auth, query, body })),
    }));
    if (outcome.replayed) res.setHeader(IDEMPOTENT_REPLAYED_HEADER, "true");
    sendJsonText(res, outcome);
  };
  return Object.assign(run, { scope: definition.scope, idempotent: definition.idempotent === true });
}
