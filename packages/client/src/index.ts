/**
 * @slotbase/client: the Slotbase API as TypeScript types, generated from its OpenAPI document
 * at `yarn generate` (scripts/generate.ts writes generated/openapi-types.ts), called through
 * openapi-fetch. Paths, parameters, bodies, responses and error bodies are all the document's,
 * so a call the API does not document does not compile. Plain `fetch` underneath, nothing
 * Node-only: it runs in Node ≥ 18, browsers, workers and edge runtimes alike.
 */
import createClient, { type Client, type ClientOptions } from "openapi-fetch";
import type { components, operations, paths } from "../generated/openapi-types";

export type { components, operations, paths };
export type { Middleware } from "openapi-fetch";

/** A typed client: `client.GET("/v2/slots", { params: { query } })`, `client.POST("/v2/bookings", { body })`, … */
export type SlotbaseClient = Client<paths>;

/** A schema of the document by name, e.g. `Schema<"BookingCreateBodyV2">`. */
export type Schema<Name extends keyof components["schemas"]> = components["schemas"][Name];

/**
 * The error body of each surface (lib/http/surface.ts in the API): `/v1` and `/api/v1`,
 * `/v2` (Cal.com's `{ status: "error", error }`), the workspace routes (`{ error }`) and
 * calendar events (JSON:API `{ errors }`). A call's `error` is already typed as its surface's.
 */
export type SlotbaseErrorBody =
  | Schema<"ErrorResponse">
  | Schema<"ErrorResponseV2">
  | Schema<"ErrorResponseWorkspace">
  | Schema<"ErrorResponseJsonApi">;

export interface SlotbaseClientOptions {
  /** Where the API answers, e.g. `http://localhost:3000` (the document's paths start with /v1, /v2 or /api). */
  baseUrl: string;
  /** An API key, sent as `Authorization: Bearer <key>`. Leave it out for anonymous calls (booking pages, public calendars). */
  apiKey?: string;
  /** The fetch to call instead of the global one (a proxy, retries, a test double). */
  fetch?: ClientOptions["fetch"];
  /** Headers for every request, e.g. `{ "cal-api-version": "2024-08-13" }`. */
  headers?: Record<string, string>;
}

/** A client for one Slotbase server, authenticated with a Bearer API key when one is given. */
export function createSlotbaseClient({ baseUrl, apiKey, fetch, headers }: SlotbaseClientOptions): SlotbaseClient {
  return createClient<paths>({
    baseUrl,
    ...(fetch ? { fetch } : {}),
    headers: { ...headers, ...(apiKey ? { Authorization: `Bearer ${apiKey}` } : {}) },
  });
}

/** The human-readable message of any surface's error body (or of whatever else was received). */
export function errorMessage(body: unknown): string {
  if (body && typeof body === "object") {
    const error = body as Partial<Record<"message" | "error" | "errors", unknown>>;
    if (typeof error.message === "string") return error.message;
    if (error.error && typeof error.error === "object" && typeof (error.error as { message?: unknown }).message === "string") {
      return (error.error as { message: string }).message;
    }
    if (Array.isArray(error.errors) && error.errors.length > 0) {
      return error.errors.map((e: { detail?: unknown; title?: unknown }) => String(e.detail ?? e.title)).join("; ");
    }
  }
  return typeof body === "string" && body !== "" ? body : "no error body";
}

/** A call that did not succeed: its status, its error body (typed per surface) and the message in it. */
export class SlotbaseApiError extends Error {
  readonly status: number;
  readonly body: unknown;

  constructor(response: Response, body: unknown) {
    const path = response.url ? ` ${new URL(response.url).pathname}` : "";
    super(`${response.status}${path}: ${errorMessage(body)}`);
    this.name = "SlotbaseApiError";
    this.status = response.status;
    this.body = body;
  }
}

/**
 * The data of a call that must succeed, or a SlotbaseApiError:
 * `const { data } = unwrap(await client.GET("/v2/me"))`.
 */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (!result.response.ok || result.error !== undefined) throw new SlotbaseApiError(result.response, result.error);
  return result.data as T;
}
