import { readFileSync } from "node:fs";
import path from "node:path";
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { calcomDifferences, type CalcomDifference } from "../../lib/compat/calcom-differences";

/*
 * Cal.com's own contracts (copies of the workspace's shared/contracts in test/contracts): every
 * v1 and v2 response a test receives through api() is checked against them, on top of this
 * project's own document. v2 bodies are validated against Cal.com's published schemas as its
 * x-corrections say to read them; v1 bodies against the envelopes Cal.com's handlers really
 * send (x-response-envelopes). A mismatch fails the test unless calcom-differences.ts lists it.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const CONTRACTS = path.resolve(__dirname, "..", "contracts");
const V2_ID = "https://calcom.invalid/v2.json";
/** Where the cursor-paginated GET /v2/bookings of cal-api-version 2026-05-01 lives (its $refs are absolute within the file). */
const CURSOR_VERSION_ROOT = "x-cal-api-version-2026-05-01";

export interface ContractCheck {
  /** This project's template, e.g. `/v2/bookings/{bookingUid}`. */
  template: string;
  method: string;
  status: number;
  body: unknown;
  /** The request's `cal-api-version` header, which picks the v2 document. */
  apiVersion?: string;
}

let v1Document: Json;
let v2Document: Json;

function loadJson(name: string): Json {
  return JSON.parse(readFileSync(path.join(CONTRACTS, name), "utf8"));
}

function pointerGet(root: Json, pointer: string): { parent: Json; key: string } {
  const segments = pointer.replace(/^#\//, "").split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  const key = segments.pop()!;
  let parent = root;
  for (const segment of segments) parent = parent[segment];
  return { parent, key };
}

/** OpenAPI 3.0 → JSON Schema as x-corrections.policy reads it: oneOf as anyOf, nullable as "or null". */
function toJsonSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== "object") return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "example" || key === "examples" || key === "discriminator") continue;
    out[key === "oneOf" ? "anyOf" : key] = toJsonSchema(value);
  }
  if (out.nullable === true) {
    delete out.nullable;
    return { anyOf: [out, { type: "null" }] };
  }
  delete out.nullable;
  return out;
}

function loadV2(): Json {
  if (v2Document) return v2Document;
  const raw = loadJson("calcom-v2-openapi-subset.json");
  for (const patch of raw["x-corrections"].patches as { at: string; use: Json }[]) {
    const { parent, key } = pointerGet(raw, patch.at);
    parent[key] = patch.use;
  }
  v2Document = toJsonSchema(raw);
  return v2Document;
}

const escapePointer = (segment: string) => segment.replace(/~/g, "~0").replace(/\//g, "~1");
/** A path template with its parameter names erased, so `/v1/users/{id}` matches Cal.com's `/users/{userId}`. */
export const normalizeTemplate = (template: string) => template.replace(/\{[^}]+\}/g, "{}");

function differencesFor(operation: string): CalcomDifference[] {
  const [method, template] = operation.split(" ") as [string, string];
  return calcomDifferences.filter((d) => {
    const [m, t] = d.operation.split(" ") as [string, string];
    return m === method && normalizeTemplate(t) === normalizeTemplate(template);
  });
}

/**
 * Relaxes, in a per-operation copy of the document, the schema of every place a listed
 * difference points at: that field may be anything or absent. Walks through $ref, allOf,
 * anyOf, items and additionalProperties; `*` matches any property or index.
 */
function relax(document: Json, node: Json, segments: string[], seen = new Set<Json>()): void {
  if (!node || typeof node !== "object" || segments.length === 0) return;
  if (typeof node.$ref === "string" && node.$ref.startsWith("#/")) {
    const { parent, key } = pointerGet(document, node.$ref);
    const target = parent[key];
    if (!seen.has(target)) {
      seen.add(target);
      relax(document, target, segments, seen);
      seen.delete(target);
    }
  }
  for (const branch of [...(node.allOf ?? []), ...(node.anyOf ?? [])]) relax(document, branch, segments, seen);
  const [head, ...rest] = segments as [string, ...string[]];
  if (node.items && (head === "*" || /^\d+$/.test(head))) {
    if (rest.length === 0) node.items = {};
    else relax(document, node.items, rest, seen);
  }
  const names = head === "*" ? Object.keys(node.properties ?? {}) : node.properties && head in node.properties ? [head] : [];
  for (const name of names) {
    if (rest.length === 0) {
      node.properties[name] = {};
      if (Array.isArray(node.required)) node.required = node.required.filter((r: string) => r !== name);
    } else relax(document, node.properties[name], rest, seen);
  }
  if (node.additionalProperties && typeof node.additionalProperties === "object" && (head === "*" || names.length === 0)) {
    if (rest.length === 0) node.additionalProperties = {};
    else relax(document, node.additionalProperties, rest, seen);
  }
}

const validators = new Map<string, ValidateFunction | null>();

function v2Validator(document: Json, root: string, operation: string, pathKey: string, status: number): ValidateFunction | null | "status-undocumented" {
  const [method] = operation.split(" ") as [string];
  const paths = root ? document[root].paths : document.paths;
  const responses = paths[pathKey]?.[method.toLowerCase()]?.responses as Record<string, Json> | undefined;
  if (!responses) return null;
  if (!(String(status) in responses)) return status < 300 ? "status-undocumented" : null;
  const schemaPointer = `#/${root ? `${root}/` : ""}paths/${escapePointer(pathKey)}/${method.toLowerCase()}/responses/${status}/content/application~1json/schema`;
  const cacheKey = `${root} ${operation} ${status}`;
  if (validators.has(cacheKey)) return validators.get(cacheKey)!;
  if (!responses[String(status)]?.content?.["application/json"]?.schema) {
    validators.set(cacheKey, null);
    return null;
  }
  const differences = differencesFor(operation).filter((d) => d.pointer === "" || d.pointer.startsWith("/"));
  const copy = differences.length > 0 ? structuredClone(document) : document;
  const { parent, key } = pointerGet(copy, schemaPointer);
  for (const difference of differences) {
    if (difference.pointer === "") parent[key] = {};
    else relax(copy, parent[key], difference.pointer.split("/").slice(1));
  }
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema(copy, V2_ID);
  const validate = ajv.compile({ $ref: `${V2_ID}${schemaPointer}` });
  validators.set(cacheKey, validate);
  return validate;
}

function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .filter((e) => e.keyword !== "anyOf")
    .slice(0, 15)
    .map((e) => `  ${e.instancePath || "(root)"}: ${e.message ?? e.keyword}${"missingProperty" in e.params ? ` (${String(e.params.missingProperty)})` : ""}`)
    .join("\n");
}

function hasDifference(operation: string, pointer: string) {
  return differencesFor(operation).some((d) => d.pointer === pointer);
}

function checkV2({ template, method, status, body, apiVersion }: ContractCheck, operation: string): void {
  const document = loadV2();
  const root = apiVersion === "2026-05-01" && document[CURSOR_VERSION_ROOT].paths[template]?.[method.toLowerCase()] ? CURSOR_VERSION_ROOT : "";
  const paths = root ? document[root].paths : document.paths;
  const pathKey = Object.keys(paths).find((p) => normalizeTemplate(p) === normalizeTemplate(template));
  if (!pathKey) return;
  const validate = v2Validator(document, root, operation, pathKey, status);
  if (validate === "status-undocumented") {
    if (hasDifference(operation, "status")) return;
    const documented = Object.keys(paths[pathKey][method.toLowerCase()].responses).join(", ");
    throw new Error(`${operation} → ${status}: Cal.com answers this operation with ${documented}; list the difference or fix the status`);
  }
  if (validate && !validate(body)) {
    throw new Error(
      `${operation} → ${status}: the body does not match Cal.com's contract (apps/api/test/contracts); fix it or list a justified difference in lib/compat/calcom-differences.ts:\n` +
        `${describeErrors(validate.errors)}\nBody: ${JSON.stringify(body)?.slice(0, 1500)}`,
    );
  }
}

type Envelope = string[] | { raw?: string; keysInclude?: string[]; array?: boolean };

function checkV1({ template, method, status, body }: ContractCheck, operation: string): void {
  if (status < 200 || status >= 300) return;
  v1Document ??= loadJson("calcom-v1-openapi.json");
  const calTemplate = normalizeTemplate(template.replace(/^\/v1/, ""));
  const envelopes = v1Document["x-response-envelopes"] as Record<string, Envelope>;
  const entry = Object.entries(envelopes).find(([op]) => {
    const [m, t] = op.split(" ") as [string, string];
    return m === method.toUpperCase() && normalizeTemplate(t) === calTemplate;
  });
  if (!entry || hasDifference(operation, "")) return;
  const envelope = entry[1];
  const fail = (what: string) => {
    throw new Error(`${operation} → ${status}: ${what}, as Cal.com v1's handler sends it (x-response-envelopes); body: ${JSON.stringify(body)?.slice(0, 500)}`);
  };
  if (Array.isArray(envelope)) {
    for (const key of envelope.filter((k) => !k.endsWith("?"))) {
      if (!hasDifference(operation, `/${key}`) && (body === null || typeof body !== "object" || !(key in (body as object)))) fail(`the body lacks the top-level key "${key}"`);
    }
    return;
  }
  if (envelope.array) {
    if (!Array.isArray(body)) fail("the body must be an array");
    return;
  }
  // "with teamId an array of { userId, availability }": a raw body that is sometimes an array.
  if (Array.isArray(body) && envelope.raw?.includes("an array")) return;
  for (const key of envelope.keysInclude ?? []) {
    if (!hasDifference(operation, `/${key}`) && (body === null || typeof body !== "object" || !(key in (body as object)))) fail(`the body lacks "${key}"`);
  }
}

/** Throws when a v1 or v2 response differs from Cal.com's contract in a way calcom-differences.ts does not list. */
export function assertMatchesCalcomContract(check: ContractCheck): void {
  const operation = `${check.method.toUpperCase()} ${check.template}`;
  if (check.template.startsWith("/v2/")) checkV2(check, operation);
  else if (check.template.startsWith("/v1/")) checkV1(check, operation);
}

/** Every operation of Cal.com's documents that a listed difference names (for the differences test). */
let operations: Set<string> | undefined;

export function calcomOperations(): Set<string> {
  if (operations) return operations;
  v1Document ??= loadJson("calcom-v1-openapi.json");
  operations = new Set<string>();
  for (const [p, item] of Object.entries(loadV2().paths as Record<string, Json>)) for (const m of Object.keys(item)) operations.add(`${m.toUpperCase()} ${normalizeTemplate(p)}`);
  for (const p of Object.keys(v1Document.paths)) for (const m of Object.keys(v1Document.paths[p])) operations.add(`${m.toUpperCase()} ${normalizeTemplate(`/v1${p}`)}`);
  for (const op of Object.keys(v1Document["x-response-envelopes"])) {
    const [m, t] = op.split(" ") as [string, string];
    operations.add(`${m} ${normalizeTemplate(`/v1${t}`)}`);
  }
  return operations;
}
