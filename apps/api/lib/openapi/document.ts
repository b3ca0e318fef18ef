import generated from "../../generated/openapi.json";

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

export const openApiDocument = generated as unknown as OpenApiDocument;
export default openApiDocument;
