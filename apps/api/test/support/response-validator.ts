import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";

/**
 * Checks responses against the OpenAPI document the build generated (generated/openapi.json),
 * so the tests prove the document describes what the routes really send.
 */
export const OPENAPI_DOCUMENT_PATH = path.resolve(__dirname, "..", "..", "generated", "openapi.json");

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

let cachedDocument: Json | undefined;

/** The generated document; a clear error when it has not been generated. */
export function loadOpenApiDocument(): Json {
  if (cachedDocument) return cachedDocument;
  if (!existsSync(OPENAPI_DOCUMENT_PATH)) {
    throw new Error(
      `${path.relative(process.cwd(), OPENAPI_DOCUMENT_PATH)} is missing: run yarn generate (in apps/api: yarn generate, or ../../node_modules/.bin/tsx scripts/build-openapi.ts) before the tests.`,
    );
  }
  const document = JSON.parse(readFileSync(OPENAPI_DOCUMENT_PATH, "utf8")) as Json;
  if (!document.paths || document["x-placeholder"]) {
    throw new Error(`${OPENAPI_DOCUMENT_PATH} is a placeholder, not a built document: run yarn generate (it failed last time?).`);
  }
  cachedDocument = document;
  return document;
}

export interface DocumentedResponseCheck {
  /** Path template as documented, e.g. `/v1/users/{id}`. */
  template: string;
  /** HTTP method, any case. */
  method: string;
  status: number;
  /** The parsed JSON body (or the text, for text responses); undefined when there was none. */
  body: unknown;
  /** The response's Content-Type (parameters ignored); default application/json, or the only documented type. */
  contentType?: string;
}

const COMPONENTS_ID = "https://slotbase.invalid/openapi/components.json";
const validators = new Map<string, ValidateFunction>();
let ajv: Ajv2020 | undefined;

/** `#/components/schemas/X` → a ref into the components schema registered with Ajv. */
function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (node === null || typeof node !== "object") return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) =>
      key === "$ref" && typeof value === "string" && value.startsWith("#/components/schemas/")
        ? [key, `${COMPONENTS_ID}#/$defs/${value.slice("#/components/schemas/".length)}`]
        : [key, rewriteRefs(value)],
    ),
  );
}

function getAjv(document: Json): Ajv2020 {
  if (ajv) return ajv;
  ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema({ $id: COMPONENTS_ID, $defs: rewriteRefs(document.components?.schemas ?? {}) as Record<string, unknown> });
  return ajv;
}

/** A validator for a schema of the generated document (its `#/components/schemas/…` refs resolved). */
export function compileDocumentedSchema(schema: Json): ValidateFunction {
  return getAjv(loadOpenApiDocument()).compile(rewriteRefs(schema) as object);
}

function resolveResponse(document: Json, response: Json, label: string): Json {
  const seen = new Set<string>();
  while (response && typeof response.$ref === "string") {
    const ref: string = response.$ref;
    if (seen.has(ref)) throw new Error(`${label}: circular response $ref ${ref}`);
    seen.add(ref);
    if (!ref.startsWith("#/components/responses/")) throw new Error(`${label}: unsupported response $ref ${ref}`);
    response = document.components?.responses?.[ref.slice("#/components/responses/".length)];
    if (!response) throw new Error(`${label}: ${ref} does not exist in the document`);
  }
  return response;
}

function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .map((error) => {
      const where = error.instancePath === "" ? "(root)" : error.instancePath;
      const extra =
        "additionalProperty" in error.params
          ? ` (${String(error.params.additionalProperty)})`
          : "allowedValues" in error.params
            ? ` (${JSON.stringify(error.params.allowedValues)})`
            : "";
      return `  ${where}: ${error.message ?? error.keyword}${extra}  [schema ${error.schemaPath}]`;
    })
    .join("\n");
}

/**
 * Throws unless the operation documents `status` and `body` matches the documented schema
 * for that status (and content type). The error lists each violation's JSON pointer.
 */
export function assertMatchesDocumentedResponse({ template, method, status, body, contentType }: DocumentedResponseCheck): void {
  const document = loadOpenApiDocument();
  const label = `${method.toUpperCase()} ${template} → ${status}`;
  const item = document.paths?.[template];
  if (!item) throw new Error(`${label}: ${template} is not documented in the OpenAPI document (documented: ${Object.keys(document.paths).join(", ")})`);
  const operation = item[method.toLowerCase()];
  if (!operation) {
    const methods = Object.keys(item).filter((key) => !key.startsWith("x-") && key !== "parameters" && key !== "summary" && key !== "description");
    throw new Error(`${label}: ${method.toUpperCase()} is not documented for ${template} (documented: ${methods.map((m) => m.toUpperCase()).join(", ")})`);
  }
  const responses = (operation.responses ?? {}) as Record<string, Json>;
  const statusKey = [String(status), `${String(status)[0]}XX`, "default"].find((key) => key in responses);
  if (!statusKey) {
    throw new Error(
      `${label}: status ${status} is not documented for this operation (documented: ${Object.keys(responses).join(", ")}). ` +
        `Document it in the route's @swagger block, or fix the route.`,
    );
  }
  const response = resolveResponse(document, responses[statusKey], label);
  const content = (response.content ?? {}) as Record<string, Json>;
  const types = Object.keys(content);
  if (types.length === 0) {
    if (body === undefined || body === "" || body === null) return;
    throw new Error(`${label}: the document says this response has no body, but it has one: ${JSON.stringify(body).slice(0, 200)}`);
  }
  const wanted = contentType?.split(";")[0]?.trim().toLowerCase();
  const type = wanted
    ? types.find((t) => t.toLowerCase() === wanted)
    : types.includes("application/json")
      ? "application/json"
      : types.length === 1
        ? types[0]
        : undefined;
  if (!type) {
    throw new Error(`${label}: content type ${wanted ?? "(unspecified)"} is not documented (documented: ${types.join(", ")})`);
  }
  const schema = content[type]?.schema;
  if (!schema) return; // documented media type without a schema: anything goes

  const cacheKey = `${method.toLowerCase()} ${template} ${statusKey} ${type}`;
  let validate = validators.get(cacheKey);
  if (!validate) {
    validate = getAjv(document).compile(rewriteRefs(schema) as object);
    validators.set(cacheKey, validate);
  }
  if (!validate(body)) {
    const named = typeof schema.$ref === "string" ? ` (${schema.$ref})` : "";
    throw new Error(
      `${label}: the ${type} body does not match the documented schema${named}:\n${describeErrors(validate.errors)}\n` +
        `Body: ${JSON.stringify(body)?.slice(0, 1000)}`,
    );
  }
}
