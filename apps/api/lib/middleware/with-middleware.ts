import { label } from "next-api-middleware";
import { withDatabaseScopeSlot } from "@slotbase/prisma";
import type { NextApiHandler } from "next";
import type { ApiRequest, ApiResponse, HttpMethod, Middleware } from "../http/types";
import type { EndpointInfo } from "../route/endpoint";
import { requestId } from "./request-id";
import { accessLog } from "./access-log";
import { captureErrors } from "./capture-errors";
import { httpMethods, setCorsResponseHeaders } from "./http-methods";
import { verifyApiKey, verifyApiKeyIfSent } from "./verify-api-key";
import { startBackgroundWork } from "./start-background-work";
import { rateLimit } from "./rate-limit";
import { deployment } from "./deployment";
import { HttpError } from "../http/http-error";
import { UNKNOWN_PATH_MESSAGE } from "../http/error-response";

/**
 * Middlewares in order of concern. next-api-middleware never settles a handler whose
 * middleware returns without calling next(), so every middleware here throws to stop
 * the chain and captureErrors writes the response (STACK-NOTES).
 */
type LibraryMiddleware = Parameters<typeof label>[0][string];
const asLibrary = (middleware: Middleware) => middleware as unknown as LibraryMiddleware;

const chain = label(
  {
    requestId: asLibrary(requestId),
    accessLog: asLibrary(accessLog),
    captureErrors: asLibrary(captureErrors),
    startBackgroundWork: asLibrary(startBackgroundWork),
    verifyApiKey: asLibrary(verifyApiKey),
    verifyApiKeyIfSent: asLibrary(verifyApiKeyIfSent),
    rateLimit: asLibrary(rateLimit),
    deployment: asLibrary(deployment),
  },
  ["requestId", "accessLog", "captureErrors", "startBackgroundWork"],
);

export type MethodHandler = (req: ApiRequest, res: ApiResponse) => Promise<void>;
export type MethodHandlers = Partial<Record<HttpMethod, MethodHandler>>;

/** Marks handlers built here, so a test can prove no other module under pages/ answers HTTP. */
export const ROUTE_MARKER = Symbol.for("slotbase.route");

export interface RouteOptions {
  /** Declared public routes only: `/`, `/docs`, the OpenAPI document. Everything else needs a key. */
  public?: true;
  /**
   * Routes that serve anonymous callers as well as keys (the public calendar-events view): a
   * key, when one is sent, is verified as everywhere (a bad one is a 401); without one the
   * operation runs with no caller. Its operations are built with endpoint({ allowAnonymous: true }).
   */
  optionalKey?: true;
  /**
   * The unknown-path fallback (pages/api/[...path].ts, reached through next.config.mjs's
   * rewrites): every method, OPTIONS included, is a 404 `not_found` in the surface's error
   * shape. Public (no key is needed to learn that a path does not exist), serves no
   * operation, and is not in the OpenAPI document. Takes no handlers.
   */
  notFound?: true;
  /** Health probes: never rate limited (a load balancer must always reach them). */
  unlimited?: true;
}

/** Wraps a route's method handlers in the whole chain: request id, errors, method guard, API key. */
export interface RouteInfo {
  public: boolean;
  /** Serves callers without a key too (RouteOptions.optionalKey). */
  optionalKey?: boolean;
  /** Never rate limited (RouteOptions.unlimited). */
  unlimited?: boolean;
  /** True only on the unknown-path fallback: it answers every path no route serves, and documents nothing. */
  notFound?: boolean;
  /**
   * Methods served, with the key scope each needs (undefined on public routes) and, for
   * operations built with endpoint(), the schemas it validates and answers with (the OpenAPI
   * build checks the document against these very objects).
   */
  methods: Partial<Record<HttpMethod, { scope?: string; endpoint?: EndpointInfo }>>;
}

export type RouteHandler = NextApiHandler & { [ROUTE_MARKER]: RouteInfo };


/** The unknown-path fallback: request id and error capture as everywhere, then a 404 (see RouteOptions.notFound). */
function notFoundRoute(): RouteHandler {
  const middleware = chain();
  const answer = async (_req: ApiRequest, res: ApiResponse) => {
    setCorsResponseHeaders(res); // a browser client may read the 404 like any other error
    throw new HttpError("not_found", UNKNOWN_PATH_MESSAGE);
  };
  const handler = middleware(answer as never) as RouteHandler;
  handler[ROUTE_MARKER] = { public: true, notFound: true, methods: {} };
  return handler;
}

export function withMiddleware(handlers: MethodHandlers, options: RouteOptions = {}): RouteHandler {
  if (options.notFound) {
    if (Object.keys(handlers).length > 0) throw new Error("withMiddleware({}, { notFound: true }) takes no handlers");
    return notFoundRoute();
  }
  const methods = Object.keys(handlers) as HttpMethod[];
  const keyCheck = options.public ? [] : options.optionalKey ? (["verifyApiKeyIfSent"] as const) : (["verifyApiKey"] as const);
  const limit = options.unlimited ? [] : (["rateLimit"] as const);
  // A license key selects the database before the API key is looked up in it (public routes serve no data).
  const database = options.public ? [] : (["deployment"] as const);
  const middleware = chain(asLibrary(httpMethods(methods)), ...database, ...keyCheck, ...limit);
  const dispatch = async (req: ApiRequest, res: ApiResponse) => {
    if (req.method === "OPTIONS") {
      res.status(204).end();
      return;
    }
    const method = (req.method === "HEAD" ? "GET" : req.method) as HttpMethod;
    await handlers[method]!(req, res);
  };
  const chained = middleware(dispatch as never);
  // The deployment middleware chooses the request's database inside this slot (see database-scope.ts).
  const handler = ((req: ApiRequest, res: ApiResponse) => withDatabaseScopeSlot(() => chained(req, res))) as RouteHandler;
  handler[ROUTE_MARKER] = {
    public: options.public === true,
    ...(options.optionalKey ? { optionalKey: true } : {}),
    ...(options.unlimited ? { unlimited: true } : {}),
    methods: Object.fromEntries(
      methods.map((m) => {
        const { scope, endpoint } = handlers[m] as { scope?: string; endpoint?: EndpointInfo };
        return [m, endpoint ? { scope, endpoint } : { scope }];
      }),
    ),
  };
  return handler;
}
