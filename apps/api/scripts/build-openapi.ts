/**
 * Builds the OpenAPI 3.1 document at build time (`yarn generate`, `yarn build`) and writes
 * it to generated/openapi.json, which the app serves. Scanning @swagger comments at
 * request time returns an empty document in a standalone/serverless build (STACK-NOTES).
 *
 * Sources: the @swagger block of every route file under pages/api (operation metadata),
 * the zod schemas in lib/openapi/components.ts (component schemas and `x-query`
 * parameters) and each route module's ROUTE_MARKER (served methods, declared scopes).
 * The build fails (exit 1) when the document is invalid or disagrees with the code.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import SwaggerParser from "@apidevtools/swagger-parser";
import swaggerJsdoc from "swagger-jsdoc";
import { errorResponseExample, queryComponents, schemaComponents } from "../lib/openapi/components";
import { accessText, ACCESS_GLOSSARY } from "../lib/openapi/access";
import { applyRequestExample, applyResponseExamples, tryItNote } from "../lib/openapi/examples/apply";
import { REQUEST_EXAMPLES } from "../lib/openapi/examples/requests";
import { RESPONSE_EXAMPLES } from "../lib/openapi/examples/responses";
import { TAG_GROUPS, TAGS } from "../lib/openapi/tags";
import { endpointDrift } from "../lib/openapi/endpoint-drift";
import { documentListPaging, LIST_HEADER_COMPONENTS } from "../lib/openapi/list-paging-doc";
import { DESCRIPTION, IDEMPOTENCY_NOTE, SHARED_RESPONSES } from "./openapi-text";
import { routeTable, type RouteFile } from "../lib/openapi/route-table";
import { zodObjectToParameters, zodToOpenApi, type OpenApiSchema } from "../lib/openapi/zod-to-openapi";
import { ROUTE_MARKER, type RouteInfo } from "../lib/middleware/with-middleware";
import { surfaceOf, type Surface } from "../lib/http/surface";

export const API_ROOT = path.resolve(__dirname, "..");
export const GENERATED_DOCUMENT = path.join(API_ROOT, "generated", "openapi.json");

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/**
 * Each surface has its own error body (lib/http/surface.ts decides, as for the bodies
 * themselves). Route authors always write the v1 names; for other surfaces this build
 * rewrites `#/components/responses/<Name>` to `#/components/responses/<Prefix><Name>`, whose
 * body is that surface's error schema.
 */
const ERROR_RESPONSES: Record<Surface, { prefix: string; schema: string }> = {
  v1: { prefix: "", schema: "ErrorResponse" },
  v2: { prefix: "V2", schema: "ErrorResponseV2" },
  workspace: { prefix: "Workspace", schema: "ErrorResponseWorkspace" },
  calendarEvents: { prefix: "JsonApi", schema: "ErrorResponseJsonApi" },
};

/** The headers of a 429 (lib/middleware/rate-limit.ts). */
const RATE_LIMIT_HEADERS = {
  "Retry-After": { description: "Seconds until the window ends and requests are counted again.", schema: { type: "integer", minimum: 1 } },
  "X-RateLimit-Limit": { description: "Requests allowed a minute.", schema: { type: "integer" } },
  "X-RateLimit-Remaining": { description: "Requests left in this window.", schema: { type: "integer" } },
  "X-RateLimit-Reset": { description: "Seconds until the window ends.", schema: { type: "integer" } },
};

/** Operations marked `x-idempotent: true` take the Idempotency-Key header (lib/route/endpoint.ts). */
function documentIdempotency(operation: Json): void {
  operation.parameters = [...((operation.parameters ?? []) as Json[]), { $ref: "#/components/parameters/IdempotencyKey" }];
  operation.responses ??= {};
  operation.responses["409"] ??= { $ref: "#/components/responses/Conflict" };
  operation.responses["422"] ??= { $ref: "#/components/responses/Unprocessable" };
  for (const [status, response] of Object.entries(operation.responses as Record<string, Json>)) {
    if (status.startsWith("2") && typeof response.$ref !== "string") {
      response.headers = { ...response.headers, "Idempotent-Replayed": { $ref: "#/components/headers/IdempotentReplayed" } };
    }
  }
}

const DOCUMENT_SECURITY = [{ ApiKeyQuery: [] }, { BearerAuth: [] }];

/** What the Authorize dialog says about its two boxes. */
export const SECURITY_SCHEMES = {
  ApiKeyQuery: {
    type: "apiKey",
    in: "query",
    name: "apiKey",
    description:
      "The API key as the `apiKey` query parameter (`?apiKey=cal_...`), as Cal.com v1 clients (n8n, Zapier) send it. It works on every path, v2 and " +
      "workspace calendars included, but it ends up in logs and browser history: prefer Bearer. Fill in one of the two boxes, not both.",
  },
  BearerAuth: {
    type: "http",
    scheme: "bearer",
    description:
      "The API key in the `Authorization: Bearer cal_...` header: works on every path; use this one. Paste the key alone (Swagger UI adds \"Bearer \"). " +
      "`yarn db:seed` prints the demo admin's key, `yarn api-key:create` makes one for any user; POST /v1/api-keys makes more.",
  },
};

export interface BuildResult {
  document: Json;
  problems: string[];
  operations: number;
}

/** A route module's default export and its RouteInfo (undefined when it is not a route). */
export function loadRoute(file: string): { handler: unknown; info: RouteInfo | undefined } {
  // require, not import(): tsx and jest both run this package as CommonJS.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(file) as { default?: unknown };
  let handler = loaded.default;
  if (handler && typeof handler === "object" && "default" in handler) handler = (handler as { default: unknown }).default;
  const info = typeof handler === "function" ? (handler as { [ROUTE_MARKER]?: RouteInfo })[ROUTE_MARKER] : undefined;
  return { handler, info };
}

/** swagger-jsdoc reads `apis` as globs: `[id].ts` must not become a character class. */
function escapeGlob(file: string): string {
  return file.replace(/[[*?{}()!]/g, (c) => `[${c}]`);
}

function readPathItems(route: RouteFile): Record<string, Json> {
  const spec = swaggerJsdoc({
    definition: { openapi: "3.1.0", info: { title: "route", version: "0" } },
    apis: [escapeGlob(route.file)],
    failOnErrors: true,
  }) as Json;
  return spec.paths ?? {};
}

function relative(file: string): string {
  return path.relative(API_ROOT, file);
}

function walk(node: unknown, visit: (value: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) node.forEach((item) => walk(item, visit));
  else if (node && typeof node === "object") {
    visit(node as Record<string, unknown>);
    Object.values(node).forEach((value) => walk(value, visit));
  }
}

function schemaRefsIn(node: unknown): Set<string> {
  const names = new Set<string>();
  walk(node, (value) => {
    if (typeof value.$ref === "string" && value.$ref.startsWith("#/components/schemas/")) {
      names.add(value.$ref.slice("#/components/schemas/".length));
    }
  });
  return names;
}

/**
 * Builds the document of `routes` (default: every route of the API). Only the API's own
 * document is also held to what a reader needs from every operation (one of the tags of
 * lib/openapi/tags.ts, who may call it, request and response examples): a partial one, as the
 * build's tests make from a few routes of their own, is checked against the code only.
 */
export async function buildOpenApiDocument(routes?: RouteFile[]): Promise<BuildResult> {
  const complete = routes === undefined;
  routes ??= routeTable();
  const problems: string[] = [];
  const pkg = JSON.parse(readFileSync(path.join(API_ROOT, "package.json"), "utf8")) as { version: string };
  const paths: Record<string, Json> = {};
  let operations = 0;

  for (const route of routes) {
    const where = relative(route.file);
    let items: Record<string, Json>;
    try {
      items = readPathItems(route);
    } catch (error) {
      problems.push(`${where}: its @swagger block does not parse: ${(error as Error).message}`);
      continue;
    }
    let info: RouteInfo | undefined;
    try {
      info = loadRoute(route.file).info;
    } catch (error) {
      problems.push(`${where}: importing the route module failed: ${(error as Error).message}`);
      continue;
    }
    if (!info) {
      problems.push(`${where}: the default export is not built with withMiddleware() (no ROUTE_MARKER)`);
      continue;
    }
    const documented = Object.keys(items);
    if (info.notFound) {
      // The unknown-path fallback (withMiddleware({}, { notFound: true })) is no operation.
      if (documented.length > 0) problems.push(`${where}: the unknown-path fallback must not document operations (found ${documented.join(", ")})`);
      continue;
    }
    if (documented.length === 0) {
      problems.push(`${where}: no @swagger block; document ${route.template} in a JSDoc comment with @swagger`);
      continue;
    }
    for (const other of documented.filter((p) => p !== route.template)) {
      problems.push(`${where}: documents ${other}, but the file serves ${route.template}`);
    }
    const item = items[route.template];
    if (!item) continue;
    if (paths[route.template]) problems.push(`${where}: ${route.template} is documented twice`);

    const served = new Set(Object.keys(info.methods).map((m) => m.toLowerCase()));
    for (const method of served) {
      if (!item[method]) problems.push(`${where}: ${method.toUpperCase()} ${route.template} is served but not documented`);
    }
    const errors = ERROR_RESPONSES[surfaceOf(route.template)];
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      operations += 1;
      const label = `${method.toUpperCase()} ${route.template} (${where})`;
      if (!served.has(method)) {
        problems.push(`${label}: documented but not served`);
        continue;
      }
      const servedMethod = info.methods[method.toUpperCase() as keyof RouteInfo["methods"]];
      const declared = servedMethod?.scope;
      const documentedScope = operation["x-scope"] as string | undefined;
      if (documentedScope !== declared) {
        problems.push(`${label}: x-scope is ${documentedScope ?? "(none)"} but the handler declares ${declared ?? "(none)"}`);
      }
      if (info.public) {
        operation.security = [];
      } else if (info.optionalKey && servedMethod?.endpoint?.anonymous) {
        // Anonymous callers too: no key ({}), or a key as everywhere.
        operation.security = [{}, ...DOCUMENT_SECURITY];
      } else if (Array.isArray(operation.security) && operation.security.length === 0) {
        problems.push(`${label}: says security: [] but the route is not public`);
      }
      if (!info.public && !servedMethod?.endpoint) {
        problems.push(`${label}: an authenticated operation must be built with endpoint() (lib/route/endpoint.ts)`);
      }
      if (servedMethod?.endpoint) {
        problems.push(...endpointDrift(label, route.template, operation, servedMethod.endpoint));
        problems.push(...documentListPaging(label, operation, servedMethod.endpoint.query));
        // endpoint() refuses unknown query parameters, NUL and invalid encodings with a 400.
        operation.responses ??= {};
        // The calendar-events surface follows JSON:API: an invalid parameter is a 422 there.
        operation.responses[surfaceOf(route.template) === "calendarEvents" ? "422" : "400"] ??= { $ref: "#/components/responses/ValidationError" };
      }
      if (operation.requestBody) {
        // Every body is read by lib/http/read-json-body.ts, which can answer these two.
        operation.responses ??= {};
        operation.responses["413"] ??= { $ref: "#/components/responses/PayloadTooLarge" };
        operation.responses["415"] ??= { $ref: "#/components/responses/UnsupportedMediaType" };
      }
      if (!info.public) {
        // lib/middleware/deployment.ts: a license key whose deployment's database is down.
        operation.responses ??= {};
        operation.responses["503"] ??= { $ref: "#/components/responses/Unavailable" };
      }
      if (!info.unlimited) {
        // lib/middleware/rate-limit.ts counts every request but the health probes'.
        operation.responses ??= {};
        operation.responses["429"] ??= { $ref: "#/components/responses/RateLimited" };
      }
      const access = operation["x-access"] as string | undefined;
      if (typeof access !== "string" || access.trim() === "") {
        if (complete) problems.push(`${label}: no x-access (who may call it: a rule of lib/openapi/access.ts, or a sentence)`);
      } else {
        operation.description = `${String(operation.description ?? "").trimEnd()}\n\n**Who may call it:** ${accessText(access.trim())}`.trimStart();
      }
      if (operation["x-idempotent"] === true) {
        operation.description = `${String(operation.description ?? "").trimEnd()}\n\n${IDEMPOTENCY_NOTE}`.trimStart();
      }
      if (documentedScope) {
        const note = `Required scope: \`${documentedScope}\``;
        operation.description = operation.description ? `${String(operation.description).trimEnd()}\n\n${note}` : note;
      }
      const queryName = operation["x-query"] as string | undefined;
      if (queryName !== undefined) {
        const query = queryComponents[queryName];
        if (!query) {
          problems.push(`${label}: x-query ${queryName} is not in queryComponents (lib/openapi/components.ts)`);
        } else {
          const expanded = zodObjectToParameters(query, route.template);
          const explicit = (operation.parameters ?? []) as Json[];
          const key = (p: Json) => `${p.in}:${p.name}`;
          const explicitKeys = new Set(explicit.map(key));
          operation.parameters = [...expanded.filter((p) => !explicitKeys.has(key(p))), ...explicit];
        }
      }
      if (operation["x-idempotent"] === true) documentIdempotency(operation);
      if (complete) {
        const operationTags = (operation.tags ?? []) as string[];
        if (operationTags.length !== 1 || !TAGS.some((tag) => tag.name === operationTags[0])) {
          problems.push(`${label}: tags must be exactly one of lib/openapi/tags.ts (found ${JSON.stringify(operationTags)})`);
        }
        const operationId = String(operation.operationId ?? "");
        problems.push(...applyRequestExample(label, operation, REQUEST_EXAMPLES[operationId]));
        problems.push(...applyResponseExamples(label, operation, RESPONSE_EXAMPLES[operationId]));
      }
      for (const [status, response] of Object.entries((operation.responses ?? {}) as Record<string, Json>)) {
        if (typeof response.$ref === "string") {
          const name = response.$ref.replace("#/components/responses/", "");
          if (!(name in SHARED_RESPONSES)) problems.push(`${label}: response ${status} refers to unknown ${response.$ref}`);
          else response.$ref = `#/components/responses/${errors.prefix}${name}`;
        } else {
          response.headers = { "X-Request-Id": { $ref: "#/components/headers/RequestId" }, ...response.headers };
        }
      }
    }
    paths[route.template] = item;
  }

  // "Try it" notes name other operations (whose examples make what an example needs): known only now.
  const operationLabels = new Map<string, string>();
  for (const [template, item] of Object.entries(paths)) {
    for (const method of HTTP_METHODS) if (item[method]) operationLabels.set(String(item[method].operationId), `${method.toUpperCase()} ${template}`);
  }
  for (const item of Object.values(paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const note = complete ? tryItNote(REQUEST_EXAMPLES[String(operation.operationId)], operationLabels) : {};
      if (note.problem) problems.push(`${method.toUpperCase()} ${operation.operationId}: ${note.problem}`);
      if (note.text) operation.description = `${String(operation.description ?? "").trimEnd()}\n\n${note.text}`;
    }
  }
  if (complete) {
    for (const id of Object.keys(REQUEST_EXAMPLES)) if (!operationLabels.has(id)) problems.push(`lib/openapi/examples/requests.ts: ${id} is no operation`);
    for (const id of Object.keys(RESPONSE_EXAMPLES)) if (!operationLabels.has(id)) problems.push(`lib/openapi/examples/responses.ts: ${id} is no operation`);
  }

  // Component schemas: request bodies describe what clients send (io "input"), everything
  // else what the server sends (io "output"). A schema is a request schema when a
  // requestBody refers to it, or, when nothing refers to it yet, when its name ends in "Body".
  const requestNames = new Set<string>();
  const responseNames = new Set<string>(Object.values(ERROR_RESPONSES).map((errors) => errors.schema));
  for (const item of Object.values(paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      schemaRefsIn(operation.requestBody).forEach((n) => requestNames.add(n));
      schemaRefsIn(operation.responses).forEach((n) => responseNames.add(n));
      schemaRefsIn(operation.parameters).forEach((n) => requestNames.add(n));
    }
  }
  for (const name of requestNames) {
    if (responseNames.has(name)) problems.push(`components.schemas.${name} is used both as a request and as a response schema; split it`);
  }
  const schemas: Record<string, OpenApiSchema> = {};
  for (const [name, zod] of Object.entries(schemaComponents)) {
    const io = requestNames.has(name) || (!responseNames.has(name) && name.endsWith("Body")) ? "input" : "output";
    try {
      schemas[name] = zodToOpenApi(zod, {
        io,
        defs: { prefix: `${name}_`, onDef: (defName, def) => (schemas[defName] = def) },
      });
    } catch (error) {
      problems.push(`components.schemas.${name}: ${(error as Error).message}`);
    }
  }
  for (const name of schemaRefsIn(paths)) {
    if (!schemas[name]) problems.push(`#/components/schemas/${name} is referenced but not in schemaComponents (lib/openapi/components.ts)`);
  }

  const responses: Record<string, Json> = {};
  for (const [name, description] of Object.entries(SHARED_RESPONSES)) {
    for (const [surface, { prefix, schema }] of Object.entries(ERROR_RESPONSES) as [Surface, (typeof ERROR_RESPONSES)[Surface]][]) {
      responses[`${prefix}${name}`] = {
        description,
        headers: {
          "X-Request-Id": { $ref: "#/components/headers/RequestId" },
          ...(name === "MethodNotAllowed" ? { Allow: { description: "Methods this path serves", schema: { type: "string" } } } : {}),
          ...(name === "RateLimited" ? RATE_LIMIT_HEADERS : {}),
          ...(name === "Unavailable" ? { "Retry-After": { description: "Seconds to wait before trying again", schema: { type: "integer" } } } : {}),
        },
        content: { "application/json": { schema: { $ref: `#/components/schemas/${schema}` }, example: errorResponseExample(name, surface) } },
      };
    }
  }

  const usedTags = new Set(Object.values(paths).flatMap((item) => HTTP_METHODS.flatMap((m) => (item[m]?.tags ?? []) as string[])));
  if (complete) for (const tag of TAGS) if (!usedTags.has(tag.name)) problems.push(`lib/openapi/tags.ts: no operation is tagged "${tag.name}"`);

  const document: Json = {
    openapi: "3.1.0",
    info: { title: "Slotbase API", version: pkg.version, description: `${DESCRIPTION}\n\n${ACCESS_GLOSSARY}` },
    servers: [{ url: "/" }],
    security: DOCUMENT_SECURITY,
    tags: complete ? TAGS.map(({ name, description }) => ({ name, description })) : [...usedTags].sort().map((name) => ({ name })),
    // Redoc and others group tags by it; Swagger UI ignores it (the tag names carry the group).
    ...(complete ? { "x-tagGroups": TAG_GROUPS.map((group) => ({ name: group.name, tags: group.tags.map((tag) => tag.name) })) } : {}),
    paths,
    components: {
      securitySchemes: SECURITY_SCHEMES,
      headers: {
        RequestId: { description: "Identifies the request in the server logs; quote it when reporting a problem.", schema: { type: "string" } },
        ...LIST_HEADER_COMPONENTS,
        IdempotentReplayed: {
          description: "`true` when this is the stored response to an earlier request with the same Idempotency-Key (the work was not done again).",
          schema: { type: "string", enum: ["true"] },
        },
      },
      parameters: {
        IdempotencyKey: {
          name: "Idempotency-Key",
          in: "header",
          required: false,
          description: "Makes retries safe: a unique value per logical request (e.g. a UUID), 1–255 printable ASCII characters; reuse it only to retry the very same request.",
          schema: { type: "string", minLength: 1, maxLength: 255, pattern: "^[\\x20-\\x7E]+$" },
        },
      },
      responses,
      schemas,
    },
  };

  try {
    await SwaggerParser.validate(structuredClone(document));
  } catch (error) {
    problems.push(`The document is not valid OpenAPI 3.1: ${(error as Error).message}`);
  }
  return { document, problems, operations };
}

/**
 * `tsx scripts/build-openapi.ts`: build, validate and write generated/openapi.json.
 * `tsx scripts/build-openapi.ts --check`: build and validate, and fail if the written
 * document differs (stale: run yarn generate); writes nothing.
 */
async function main(): Promise<void> {
  const started = performance.now();
  const check = process.argv.includes("--check");
  // Routes that serve the document import generated/openapi.json; on a first build it does
  // not exist yet, so they are loaded against a placeholder, removed again on failure.
  const placeholder = !existsSync(GENERATED_DOCUMENT);
  if (check && placeholder) {
    console.error(`OpenAPI check failed: ${relative(GENERATED_DOCUMENT)} is missing: run yarn generate`);
    process.exitCode = 1;
    return;
  }
  if (placeholder) {
    mkdirSync(path.dirname(GENERATED_DOCUMENT), { recursive: true });
    writeFileSync(GENERATED_DOCUMENT, `${JSON.stringify({ "x-placeholder": "run yarn generate" })}\n`);
  }
  let written = false;
  try {
    const { document, problems, operations } = await buildOpenApiDocument();
    if (problems.length > 0) {
      console.error(`OpenAPI build failed (${problems.length} problem${problems.length === 1 ? "" : "s"}):`);
      for (const problem of problems) console.error(`  - ${problem}`);
      process.exitCode = 1;
      return;
    }
    const text = `${JSON.stringify(document, null, 2)}\n`;
    const summary = `${Object.keys(document.paths).length} paths, ${operations} operations, ${Object.keys(document.components.schemas).length} schemas`;
    if (check) {
      if (readFileSync(GENERATED_DOCUMENT, "utf8") !== text) {
        console.error(`OpenAPI check failed: ${relative(GENERATED_DOCUMENT)} is stale (the sources changed since): run yarn generate`);
        process.exitCode = 1;
        return;
      }
      console.log(`OpenAPI check: ${summary}; ${relative(GENERATED_DOCUMENT)} is current (${Math.round(performance.now() - started)} ms)`);
      return;
    }
    writeFileSync(GENERATED_DOCUMENT, text);
    written = true;
    console.log(`OpenAPI: ${summary} → ${relative(GENERATED_DOCUMENT)} (${Math.round(performance.now() - started)} ms)`);
  } finally {
    if (placeholder && !written) rmSync(GENERATED_DOCUMENT, { force: true });
  }
}

if (require.main === module) {
  main().then(
    // Exit explicitly: an imported route module may hold handles (database pools) open.
    () => process.exit(process.exitCode ?? 0),
    (error: unknown) => {
      console.error(`OpenAPI build failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exit(1);
    },
  );
}
