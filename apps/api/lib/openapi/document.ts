import { localDateOf } from "@slotbase/scheduling";
import generated from "../../generated/openapi.json";
import { fillExampleDates } from "./example-dates";

/**
 * The OpenAPI document, built at build time by scripts/build-openapi.ts (`yarn generate`)
 * and bundled into the app: the route sources are not deployed, so it cannot be scanned
 * at request time (STACK-NOTES). Typed loosely: routes only serve it.
 */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

/** The document as built: examples hold date placeholders (example-dates.ts). */
export const builtOpenApiDocument = generated as unknown as OpenApiDocument;

/** The zones the examples' dates are computed in: the filled document changes only when a date there does. */
const PLACEHOLDER_ZONES = [...new Set([...JSON.stringify(generated).matchAll(/\{\{day\d+(?: \d\d:\d\d)? (\S+) /g)].map((match) => match[1]!))];

let cached: { key: string; document: OpenApiDocument } | undefined;

/**
 * The document as served: every date placeholder of the examples filled in for `now`, so
 * "Try it out" in Swagger UI sends a booking for the coming weekday, whatever the day. Kept
 * until a date changes in one of the examples' zones.
 */
export function servedOpenApiDocument(now: Date = new Date()): OpenApiDocument {
  const key = PLACEHOLDER_ZONES.map((zone) => localDateOf(now.getTime(), zone)).join(",");
  if (cached?.key !== key) cached = { key, document: fillExampleDates(builtOpenApiDocument, now) };
  return cached.document;
}

/**
 * What the routes serve (GET /openapi.json, and GET /docs for a client that asks for JSON):
 * they send it with `res.json`, which writes `JSON.stringify(openApiDocument)`, and its
 * toJSON makes that the served document, dates filled in at that moment.
 */
export const openApiDocument: OpenApiDocument = Object.defineProperty({ ...builtOpenApiDocument }, "toJSON", {
  value: () => servedOpenApiDocument(),
  enumerable: false,
});
export default openApiDocument;
