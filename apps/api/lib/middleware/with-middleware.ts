import { label } from "next-api-middleware";
import type { NextApiHandler } from "next";
import type { ApiRequest, ApiResponse, HttpMethod, Middleware } from "../http/types";
import { requestId } from "./request-id";
import { captureErrors } from "./capture-errors";
import { httpMethods } from "./http-methods";
import { verifyApiKey } from "./verify-api-key";
import { startBackgroundWork } from "./start-background-work";

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
    captureErrors: asLibrary(captureErrors),
    startBackgroundWork: asLibrary(startBackgroundWork),
    verifyApiKey: asLibrary(verifyApiKey),
  },
  ["requestId", "captureErrors", "startBackgroundWork"],
);

export type MethodHandler = (req: ApiRequest, res: ApiResponse) => Promise<void>;
export type MethodHandlers = Partial<Record<HttpMethod, MethodHandler>>;

/** Marks handlers built here, so a test can prove no other module under pages/ answers HTTP. */
export const ROUTE_MARKER = Symbol.for("slotbase.route");

export interface RouteOptions {
  /** Declared public routes only: `/`, `/docs`, the OpenAPI document. Everything else needs a key. */
  public?: true;
}

/** Wraps a route's method handlers in the whole chain: request id, errors, method guard, API key. */
export interface RouteInfo {
  public: boolean;
  /** Methods served, with the key scope each needs (undefined on public routes). */
  methods: Partial<Record<HttpMethod, { scope?: string }>>;
}

export type RouteHandler = NextApiHandler & { [ROUTE_MARKER]: RouteInfo };

export function withMiddleware(handlers: MethodHandlers, options: RouteOptions = {}): RouteHandler {
  const methods = Object.keys(handlers) as HttpMethod[];
  const middleware = chain(asLibrary(httpMethods(methods)), ...(options.public ? [] : (["verifyApiKey"] as const)));
  const dispatch = async (req: ApiRequest, res: ApiResponse) => {
    if (req.method === "OPTIONS") {
      res.status(204).end();
      return;
    }
    await handlers[req.method as HttpMethod]!(req, res);
  };
  const handler = middleware(dispatch as never) as RouteHandler;
  handler[ROUTE_MARKER] = {
    public: options.public === true,
    methods: Object.fromEntries(methods.map((m) => [m, { scope: (handlers[m] as { scope?: string }).scope }])),
  };
  return handler;
}
