import { createMocks, type RequestMethod } from "node-mocks-http";
import type { NextApiRequest, NextApiResponse } from "next";
import { routeTable } from "../../lib/openapi/route-table";
import { assertMatchesDocumentedResponse } from "./response-validator";
import { assertMatchesCalcomContract } from "./calcom-contract";

export interface ApiCall {
  /** Path parameters, e.g. `{ id: 3 }` for `/v1/users/{id}`. */
  params?: Record<string, string | number>;
  query?: Record<string, string | string[]>;
  headers?: Record<string, string>;
  /** An object (sent as parsed JSON) or a string (sent raw, to test parsing). */
  body?: unknown;
  /** The API key to send, or none. */
  key?: string;
  /** Where to send it: `Authorization: Bearer` (default) or the v1 `apiKey` query parameter. */
  keyIn?: "header" | "query";
  /** Skip the documented-schema check (only for deliberately undocumented outcomes). */
  unchecked?: boolean;
}

export interface ApiResult {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  // Tests read fields freely; the documented schema is checked on every call.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

type Handler = (req: NextApiRequest, res: NextApiResponse) => Promise<void>;
const handlers = new Map<string, Handler>();

function handlerFor(template: string): Handler {
  const cached = handlers.get(template);
  if (cached) return cached;
  const route = routeTable().find((r) => r.template === template);
  if (!route) throw new Error(`No route file serves ${template}`);
  // require, not import(): jest runs CommonJS here and import() would need --experimental-vm-modules.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const handler = (require(route.file) as { default: Handler }).default;
  handlers.set(template, handler);
  return handler;
}

/**
 * Calls a route the way HTTP would, through its exported handler and so through the whole
 * middleware chain: `api("GET /v1/users/{id}", { params: { id: 1 }, key })`. Every
 * response is checked against the schema the OpenAPI document gives for its status.
 */
export async function api(operation: string, call: ApiCall = {}): Promise<ApiResult> {
  const [method, template] = operation.split(" ") as [string, string];
  const params = Object.fromEntries(Object.entries(call.params ?? {}).map(([k, v]) => [k, String(v)]));
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? `{${name}}`));
  const query: Record<string, string | string[]> = { ...call.query, ...params };
  const headers: Record<string, string> = { ...call.headers };
  if (call.key !== undefined) {
    if (call.keyIn === "query") query.apiKey = call.key;
    else headers.authorization = `Bearer ${call.key}`;
  }
  const search = new URLSearchParams(
    Object.entries({ ...call.query, ...(call.keyIn === "query" && call.key ? { apiKey: call.key } : {}) }).flatMap(
      ([k, v]) => (Array.isArray(v) ? v.map((item) => [k, item]) : [[k, v]]),
    ),
  ).toString();
  const { req, res } = createMocks({
    method: method as RequestMethod,
    url: search ? `${path}?${search}` : path,
    query,
    headers,
    body: call.body as never,
  });
  // No body: an empty one (a mock request never ends its stream, so reading it would hang).
  if (call.body === undefined) (req as { body?: unknown }).body = "";
  await handlerFor(template)(req as unknown as NextApiRequest, res as unknown as NextApiResponse);

  const status = res._getStatusCode();
  // A body sent as bytes (a rendered view) or as a string.
  const bytes = res._getBuffer() as Buffer;
  const raw = bytes.length > 0 ? bytes.toString("utf8") : res._getData();
  const body = typeof raw === "string" && raw.length > 0 ? safeJson(raw) : raw === "" ? undefined : raw;
  if (!call.unchecked && method !== "OPTIONS") {
    assertMatchesDocumentedResponse({ template, method, status, body });
    assertMatchesCalcomContract({ template, method, status, body, apiVersion: headers["cal-api-version"] });
  }
  return { status, headers: res._getHeaders() as ApiResult["headers"], body };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
