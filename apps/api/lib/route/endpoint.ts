import {
  authenticateApiKey,
  DomainError,
  parseIdempotencyKey,
  requestFingerprint,
  requireScope,
  runIdempotent,
  type AuthContext,
  type Scope,
} from "@slotbase/features";
import type { z } from "zod";
import type { MethodHandler } from "../middleware/with-middleware";
import type { ApiRequest, ApiResponse } from "../http/types";
import { pathOf, surfaceOf } from "../http/surface";
import { locateIn, toHttpError } from "../http/domain-error-response";
import { readJsonBody } from "../http/read-json-body";
import { validate } from "../validation/validate";
import { readQuery } from "../validation/query-input";
import { toResponseBody } from "../validation/response";
import { answerNotModified, ConditionalBody } from "../http/conditional";
import { renderedView } from "../http/rendered-views";

type Output<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface EndpointContext<Q, B> {
  req: ApiRequest;
  /**
   * For response headers the operation owns (a v1 list's paging headers, lib/http/list-headers.ts);
   * the body and status are endpoint()'s, from the handler's result.
   */
  res: ApiResponse;
  /** The caller; on an `allowAnonymous` operation read `caller` instead (this is then unset without a key). */
  auth: AuthContext;
  /** The caller, or null for an anonymous request to an `allowAnonymous` operation. */
  caller: AuthContext | null;
  query: Q;
  body: B;
}

export interface EndpointDefinition<Q extends z.ZodObject | undefined, B extends z.ZodType | undefined, R extends z.ZodType> {
  /** The key scope this operation needs (also listed in the OpenAPI document). */
  scope: Scope;
  /**
   * Validates req.query: path parameters (Next merges them in) and query parameters.
   * `apiKey` is always accepted and never validated; any other parameter the schema does not
   * declare is a 400 (`unrecognized_key`). Without it the operation takes no query parameters.
   */
  query?: Q;
  /** Validates the JSON body. */
  body?: B;
  /**
   * The public schema of the success body (e.g. UserResponse): the handler's result is parsed
   * by it and its output is what is sent, so only the fields it names leave the server.
   */
  response: R;
  /** Success status, 200 unless said otherwise. */
  status?: number;
  /**
   * The handler may answer with conditionalBody() (http/conditional.ts): its ETag and
   * Cache-Control are sent, and a request whose If-None-Match names the ETag gets a 304
   * without the body being computed.
   */
  handler: (ctx: EndpointContext<Output<Q>, Output<B>>) => Promise<z.input<R> | ConditionalBody<z.input<R>>>;
  /**
   * Serve callers without a key too (the route is built with `withMiddleware(…, { optionalKey: true })`):
   * a key, when sent, is still verified (a bad one is a 401, never anonymous) and needs `scope`.
   */
  allowAnonymous?: boolean;
  /**
   * Honour an `Idempotency-Key` header (packages/features/idempotency): a retry with the
   * same key and request gets the first success replayed (`Idempotent-Replayed: true`)
   * without running the handler again. Document it with `x-idempotent: true`.
   */
  idempotent?: boolean;
  /**
   * Where inputs the services name differently from the wire were sent, e.g. v1's
   * `{ lengthInMinutes: "body.end" }`. Other fields are found in the body or the query by
   * name (http/domain-error-response.ts).
   */
  fields?: Record<string, string>;
}

/**
 * What an operation built with endpoint() validates and answers with, exposed in the route's
 * RouteInfo (ROUTE_MARKER) so the OpenAPI build can check that the document names these
 * very zod objects (lib/openapi/components.ts).
 */
export interface EndpointInfo {
  query?: z.ZodObject;
  body?: z.ZodType;
  response: z.ZodType;
  status: number;
  idempotent: boolean;
  /** Served without a key too (endpoint({ allowAnonymous: true }) on a route built with optionalKey). */
  anonymous: boolean;
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

/** What a request sent, kept to say where a field a service names was sent (locateIn). */
interface RequestInputs {
  query: Record<string, unknown>;
  body: unknown;
  pathParameters: ReadonlySet<string>;
}

/** respond()'s answer when it has sent a 304 itself. */
const NOT_MODIFIED = Symbol("not modified");

/** What res.json(result) would send, as text (null when it would send nothing). */
function toJsonText(result: unknown): string | null {
  return JSON.stringify(result) ?? null;
}

/** A body already serialised (a stored idempotent answer, a rendered view). */
class JsonText {
  constructor(readonly text: string | Buffer) {}
}

/**
 * Sends JSON text as res.json() would, but as is: Next's res.send() hashes every body into
 * its own ETag, which would replace a route's validator and cost a pass over large bodies.
 */
function sendJsonText(res: ApiResponse, { status, body }: { status: number; body: string | Buffer | null }): void {
  res.status(status);
  if (body === null) {
    res.end();
    return;
  }
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.setHeader("Content-Length", Buffer.byteLength(body));
  res.end(body);
}

/**
 * One authenticated operation: scope check, then strict query and body validation, then one
 * call into a feature service; its result, parsed by the `response` schema, is the JSON
 * response. With `idempotent: true` and an `Idempotency-Key` header, that call runs through
 * runIdempotent() (claim, run, store), which stores and replays the same parsed body.
 */
export function endpoint<Q extends z.ZodObject | undefined = undefined, B extends z.ZodType | undefined = undefined, R extends z.ZodType = z.ZodType>(
  definition: EndpointDefinition<Q, B, R>,
): MethodHandler & { scope: Scope; idempotent: boolean; endpoint: EndpointInfo } {
  const status = definition.status ?? 200;
  const respond = async (ctx: EndpointContext<Output<Q>, Output<B>>, res?: ApiResponse): Promise<unknown> => {
    const result = await definition.handler(ctx);
    if (!(result instanceof ConditionalBody)) return toResponseBody(definition.response, result);
    if (res && answerNotModified(ctx.req, res, result)) return NOT_MODIFIED;
    const text = await renderedView(result.etag, async () => JSON.stringify(toResponseBody(definition.response, await result.body())));
    return new JsonText(text);
  };
  const run: MethodHandler = async (req, res) => {
    const inputs: RequestInputs = { query: {}, body: null, pathParameters: new Set() };
    try {
      await serve(req, res, inputs);
    } catch (error) {
      // A service's domain error, in this surface's terms, naming fields where they were sent.
      if (error instanceof DomainError) throw toHttpError(error, surfaceOf(req.url), locateIn(inputs, definition.fields));
      throw error;
    }
  };
  const serve = async (req: ApiRequest, res: ApiResponse, inputs: RequestInputs) => {
    const auth = req.auth;
    // A route that serves some methods anonymously lets keyless requests through: the others answer the 401 of a missing key.
    if (!auth && !definition.allowAnonymous) await authenticateApiKey(undefined);
    if (auth) requireScope(auth, definition.scope);
    const key = definition.idempotent ? parseIdempotencyKey(req.headers[IDEMPOTENCY_KEY_HEADER]) : undefined;
    const { raw: rawQuery, value: query, pathParameters } = readQuery(req, definition.query);
    inputs.query = rawQuery;
    inputs.pathParameters = pathParameters;
    const rawBody = definition.body ? ((await readJsonBody(req)) ?? {}) : null;
    inputs.body = rawBody;
    const body = (definition.body ? validate(definition.body, "body", rawBody) : undefined) as Output<B>;
    const ctx = { req, res, auth: auth as AuthContext, caller: auth ?? null, query: query as Output<Q>, body };
    if (key === undefined) {
      const answer = await respond(ctx, res);
      if (answer === NOT_MODIFIED) return;
      // Our own bytes: res.json() would hash the body and replace the route's ETag with Next's.
      if (answer instanceof JsonText) sendJsonText(res, { status, body: answer.text });
      else res.status(status).json(answer);
      return;
    }
    const method = (req.method ?? "").toUpperCase();
    const path = idempotencyPath(req.url);
    const requestHash = requestFingerprint({ method, path, query: rawQuery, body: rawBody });
    if (!auth) throw new Error("an idempotent endpoint() needs authentication");
    const outcome = await runIdempotent(auth, { key, method, path, requestHash }, async () => ({
      status,
      body: ((answer) => (answer instanceof JsonText ? answer.text.toString() : toJsonText(answer)))(await respond(ctx)),
    }));
    if (outcome.replayed) res.setHeader(IDEMPOTENT_REPLAYED_HEADER, "true");
    sendJsonText(res, outcome);
  };
  const info: EndpointInfo = {
    query: definition.query,
    body: definition.body,
    response: definition.response,
    status,
    idempotent: definition.idempotent === true,
    anonymous: definition.allowAnonymous === true,
  };
  return Object.assign(run, { scope: definition.scope, idempotent: info.idempotent, endpoint: info });
}
