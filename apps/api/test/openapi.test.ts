import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { ROUTE_MARKER, type RouteInfo } from "../lib/middleware/with-middleware";
import { routeTable } from "../lib/openapi/route-table";
import { queryComponents, schemaComponents } from "../lib/openapi/components";
import { assertMatchesDocumentedResponse, loadOpenApiDocument, OPENAPI_DOCUMENT_PATH } from "./support/response-validator";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
const API_ROOT = path.resolve(__dirname, "..");
const BIN = path.resolve(API_ROOT, "..", "..", "node_modules", ".bin");
const run = promisify(execFile);

/**
 * swagger-parser (and swagger-jsdoc, which loads it) require an ES module, which jest's
 * CommonJS runtime cannot load on Node < 24.9; plain Node can, so those checks run in a
 * child process.
 */
async function runScript(file: string, args: string[] = [], code?: string) {
  try {
    const { stdout, stderr } = await run(file, code === undefined ? args : [...args, code], { cwd: API_ROOT, timeout: 60_000 });
    return { ok: true, stdout, stderr };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    return { ok: false, stdout: failed.stdout ?? "", stderr: failed.stderr || failed.message };
  }
}

function loadRoute(file: string): RouteInfo | undefined {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const handler = (require(file) as { default?: { [ROUTE_MARKER]?: RouteInfo } }).default;
  return handler?.[ROUTE_MARKER];
}

interface Operation {
  key: string; // "GET /v1/users"
  template: string;
  method: string;
  operation: Json;
}

function documentedOperations(document: Json): Operation[] {
  return Object.entries(document.paths as Record<string, Json>).flatMap(([template, item]) =>
    HTTP_METHODS.filter((method) => item[method]).map((method) => ({
      key: `${method.toUpperCase()} ${template}`,
      template,
      method: method.toUpperCase(),
      operation: item[method],
    })),
  );
}

function servedRoutes() {
  return routeTable().map((route) => ({ ...route, info: loadRoute(route.file) }));
}

const document = loadOpenApiDocument(); // throws "run yarn generate" when missing
const operations = documentedOperations(document);
const allRoutes = servedRoutes();
// The unknown-path fallback (pages/api/[...path].ts, RouteInfo.notFound) answers 404 to
// whatever no route serves: it is no operation, so it is left out of the comparison below.
const fallbacks = allRoutes.filter((route) => route.info?.notFound);
const served = allRoutes.filter((route) => !route.info?.notFound);

describe("the generated OpenAPI document", () => {
  it("is valid OpenAPI 3.1 (SwaggerParser.validate)", async () => {
    expect(document.openapi).toBe("3.1.0");
    const validate = `require("@apidevtools/swagger-parser")
      .validate(JSON.parse(require("node:fs").readFileSync(${JSON.stringify(OPENAPI_DOCUMENT_PATH)}, "utf8")))
      .then(() => console.log("valid"), (error) => { console.error(error.message); process.exit(1); });`;
    const result = await runScript(process.execPath, ["-e"], validate);
    expect(result.stderr.replace(/.*ExperimentalWarning.*\n?/g, "").trim() || result.stdout.trim()).toBe("valid");
  });

  it("is current: rebuilding from the sources gives the same document (else run yarn generate)", async () => {
    const result = await runScript(path.join(BIN, "tsx"), ["scripts/build-openapi.ts", "--check"]);
    expect(result.ok ? "current" : result.stderr).toBe("current");
  });

  it("leaves out the unknown-path fallback, which it recognises by its RouteInfo", () => {
    expect(fallbacks.map((route) => ({ template: route.template, info: route.info }))).toEqual([
      { template: "/{...path}", info: { public: true, notFound: true, methods: {} } },
    ]);
    expect(Object.keys(document.paths).filter((template) => template.includes("..."))).toEqual([]);
  });

  it("documents every served route and method, and serves every documented one", () => {
    const unmarked = served.filter((route) => !route.info).map((route) => route.file);
    expect(unmarked).toEqual([]);
    const servedKeys = served.flatMap((route) => Object.keys(route.info!.methods).map((m) => `${m} ${route.template}`)).sort();
    const documentedKeys = operations.map((op) => op.key).sort();
    const undocumented = servedKeys.filter((key) => !documentedKeys.includes(key));
    const unserved = documentedKeys.filter((key) => !servedKeys.includes(key));
    expect({ servedButUndocumented: undocumented, documentedButNotServed: unserved }).toEqual({
      servedButUndocumented: [],
      documentedButNotServed: [],
    });
    expect(servedKeys.length).toBeGreaterThan(0);
  });

  it("gives each operation the scope its handler declares; public routes need no key, the others document 401 and 403", () => {
    const problems: string[] = [];
    for (const route of served) {
      for (const [method, { scope }] of Object.entries(route.info!.methods)) {
        const operation = document.paths[route.template]?.[method.toLowerCase()];
        if (!operation) continue; // reported by the coverage test
        const key = `${method} ${route.template}`;
        if (operation["x-scope"] !== scope) problems.push(`${key}: x-scope ${operation["x-scope"]} but the handler declares ${scope}`);
        if (route.info!.public) {
          if (!Array.isArray(operation.security) || operation.security.length !== 0) problems.push(`${key}: public route without security: []`);
        } else {
          if (!scope) problems.push(`${key}: authenticated operation without a declared scope`);
          if (Array.isArray(operation.security) && operation.security.length === 0) problems.push(`${key}: security: [] on a route that needs a key`);
          if (scope && !String(operation.description ?? "").includes(`Required scope: \`${scope}\``)) problems.push(`${key}: description lacks its scope`);
          for (const status of ["401", "403"]) {
            if (!operation.responses?.[status]) problems.push(`${key}: does not document ${status}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
    expect(document.security).toEqual([{ ApiKeyQuery: [] }, { BearerAuth: [] }]);
  });

  it("names, for every operation, the very zod objects its endpoint() validates and answers with", () => {
    const namesOf = (schema: object, registry: Record<string, object>) =>
      Object.entries(registry)
        .filter(([, registered]) => registered === schema)
        .map(([name]) => name);
    const refName = (node: Json) => String(node?.content?.["application/json"]?.schema?.$ref ?? "").replace("#/components/schemas/", "") || undefined;
    const problems: string[] = [];
    let checked = 0;
    for (const route of served) {
      for (const [method, info] of Object.entries(route.info!.methods)) {
        const operation = document.paths[route.template]?.[method.toLowerCase()];
        if (!operation || route.info!.public) continue;
        const key = `${method} ${route.template}`;
        const endpoint = info.endpoint;
        if (!endpoint) {
          problems.push(`${key}: not built with endpoint()`);
          continue;
        }
        checked += 1;
        const query = endpoint.query ? namesOf(endpoint.query, queryComponents) : [];
        if (endpoint.query && query.length === 0) problems.push(`${key}: query schema not registered in queryComponents`);
        if (endpoint.query ? !query.includes(operation["x-query"]) : operation["x-query"] !== undefined) {
          problems.push(`${key}: x-query ${operation["x-query"]} but endpoint() uses ${query.join("/") || "none"}`);
        }
        const body = endpoint.body ? namesOf(endpoint.body, schemaComponents) : [];
        if (endpoint.body && body.length === 0) problems.push(`${key}: body schema not registered in schemaComponents`);
        const bodyRef = refName(operation.requestBody);
        if (endpoint.body ? !body.includes(bodyRef ?? "") : operation.requestBody !== undefined) {
          problems.push(`${key}: requestBody ${bodyRef} but endpoint() uses ${body.join("/") || "none"}`);
        }
        const response = namesOf(endpoint.response, schemaComponents);
        if (response.length === 0) problems.push(`${key}: response schema not registered in schemaComponents`);
        const success = Object.keys(operation.responses ?? {}).filter((status) => status.startsWith("2"));
        // An operation that always answers an error (lib/route/not-supported.ts) documents it as a shared response, no success.
        const alwaysError = endpoint.status >= 400;
        if (alwaysError ? success.length > 0 || !operation.responses?.[String(endpoint.status)] : success.join() !== String(endpoint.status)) problems.push(`${key}: documents ${success.join() || "no success"} but answers ${endpoint.status}`);
        const responseRef = refName(operation.responses?.[String(endpoint.status)]);
        if (!alwaysError && !response.includes(responseRef ?? "")) problems.push(`${key}: response ${responseRef} but endpoint() answers with ${response.join("/")}`);
        // The calendar-events surface (JSON:API) answers invalid input with 422.
        const invalidStatus = route.template.startsWith("/api/v1/") ? "422" : "400";
        if (!operation.responses?.[invalidStatus]) problems.push(`${key}: does not document ${invalidStatus} (unknown parameters, bad encodings)`);
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(60);
  });

  it("gives every operation a unique operationId, a summary and tags", () => {
    const problems = operations.flatMap(({ key, operation }) => [
      ...(typeof operation.operationId === "string" && operation.operationId ? [] : [`${key}: no operationId`]),
      ...(typeof operation.summary === "string" && operation.summary ? [] : [`${key}: no summary`]),
      ...(Array.isArray(operation.tags) && operation.tags.length > 0 ? [] : [`${key}: no tags`]),
    ]);
    const ids = operations.map(({ operation }) => operation.operationId);
    const duplicates = ids.filter((id, index) => ids.indexOf(id) !== index);
    expect({ problems, duplicates }).toEqual({ problems: [], duplicates: [] });
  });

  it("expands x-query into path and query parameters", () => {
    const get = document.paths["/v1/users/{id}"].get;
    expect(get.parameters).toEqual([expect.objectContaining({ name: "id", in: "path", required: true })]);
    const list = document.paths["/v1/api-keys"].get;
    expect(list.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "take", in: "query", required: false, description: expect.stringContaining("up to 1000") }),
        expect.objectContaining({ name: "userId", in: "query", required: false, description: expect.any(String) }),
      ]),
    );
  });

  it("describes request bodies as input and responses as output (dates as date-time strings)", () => {
    const schemas = document.components.schemas;
    expect(schemas.ApiKey.properties.createdAt).toEqual({ type: "string", format: "date-time" });
    expect(schemas.ApiKey.required).toContain("createdAt");
    expect(schemas.ApiKeyCreateBody.required ?? []).not.toContain("scopes");
    expect(JSON.stringify(schemas)).not.toContain("$schema");
  });
});

describe("assertMatchesDocumentedResponse", () => {
  const user = {
    id: 1, username: null, name: null, email: "a@example.com", emailVerified: null, bio: null, avatarUrl: null,
    timeZone: "Europe/London", weekStart: "Monday", timeFormat: 24, locale: "en", brandColor: null, darkBrandColor: null,
    theme: null, hideBranding: false, allowDynamicBooking: true, away: false, defaultScheduleId: null,
    bufferTime: 0, role: "USER", createdDate: "2027-01-01T00:00:00.000Z", updatedAt: "2027-01-01T00:00:00.000Z", pendingEmail: null,
  };

  it("accepts a documented body and resolves shared responses", () => {
    expect(() => assertMatchesDocumentedResponse({ template: "/v1/me", method: "GET", status: 200, body: { user } })).not.toThrow();
    const error = { message: "No key", code: "unauthorized", details: [], requestId: "r-123456789" };
    expect(() => assertMatchesDocumentedResponse({ template: "/v1/me", method: "get", status: 401, body: error })).not.toThrow();
  });

  it("rejects an undocumented status, naming the documented ones", () => {
    expect(() => assertMatchesDocumentedResponse({ template: "/v1/me", method: "GET", status: 500, body: {} })).toThrow(
      /status 500 is not documented .*200/,
    );
  });

  it("lists each violation with its JSON pointer", () => {
    const bad = { user: { ...user, email: 3, createdDate: "yesterday", hashedKey: "x" } };
    let message = "";
    try {
      assertMatchesDocumentedResponse({ template: "/v1/me", method: "GET", status: 200, body: bad });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("/user/email: must be string");
    expect(message).toContain("/user/createdDate: must match format");
    expect(message).toContain("(hashedKey)");
  });
});

describe("the OpenAPI build", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "slotbase-openapi-"));
  const withMiddleware = path.resolve(__dirname, "..", "lib", "middleware", "with-middleware");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function routeFile(name: string, source: string) {
    const file = path.join(dir, name);
    writeFileSync(file, `import { withMiddleware } from ${JSON.stringify(withMiddleware)};\n${source}`);
    return file;
  }

  async function problemsOf(routes: { template: string; file: string }[]): Promise<string> {
    const build = path.join(API_ROOT, "scripts", "build-openapi.ts");
    const code = `const { buildOpenApiDocument } = require(${JSON.stringify(build)});
      buildOpenApiDocument(${JSON.stringify(routes)}).then((r) => { console.log(JSON.stringify(r.problems)); process.exit(0); });`;
    const result = await runScript(path.join(BIN, "tsx"), ["-e"], code);
    expect(result.ok ? "ok" : result.stderr).toBe("ok");
    return (JSON.parse(result.stdout.trim().split("\n").pop()!) as string[]).join("\n");
  }

  it("fails when the document names other zod objects than the endpoint() uses, or ones that are not components", async () => {
    const lib = (...parts: string[]) => JSON.stringify(path.resolve(__dirname, "..", "lib", ...parts));
    const imports = `import { endpoint } from ${lib("route", "endpoint")};
import { IdQuery, DeletedResponse } from ${lib("schemas", "common")};
import { ListUsersQuery, UserResponse, UserListResponse, UserCreateBody, UserUpdateBody } from ${lib("schemas", "users")};
`;
    const block = (template: string, method: string, lines: string) =>
      `/**\n * @swagger\n * ${template}:\n *   ${method}:\n *     operationId: op${method}\n *     summary: Op\n *     tags: [test]\n *     x-scope: users:read\n${lines
        .trim()
        .split("\n")
        .map((line) => ` *     ${line}`)
        .join("\n")}\n */\n`;
    const routes = [
      {
        // Right: the very objects, by their component names.
        template: "/v1/drift/{id}",
        file: routeFile(
          "right.ts",
          imports +
            block(
              "/v1/drift/{id}",
              "patch",
              `x-query: IdQuery
requestBody:
  content: { application/json: { schema: { $ref: "#/components/schemas/UserUpdateBody" } } }
responses:
  200: { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/UserResponse" } } } }`,
            ) +
            `export default withMiddleware({ PATCH: endpoint({ scope: "users:read", query: IdQuery, body: UserUpdateBody, response: UserResponse, handler: async () => ({}) as never }) });`,
        ),
      },
      {
        // Wrong: another query, another body, another response, another status.
        template: "/v1/drift",
        file: routeFile(
          "wrong.ts",
          imports +
            block(
              "/v1/drift",
              "post",
              `x-query: IdQuery
requestBody:
  content: { application/json: { schema: { $ref: "#/components/schemas/UserUpdateBody" } } }
responses:
  201: { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/UserListResponse" } } } }`,
            ) +
            `export default withMiddleware({ POST: endpoint({ scope: "users:read", query: ListUsersQuery, body: UserCreateBody, response: UserResponse, status: 201, handler: async () => ({}) as never }) });`,
        ),
      },
      {
        // Unregistered schemas, a path parameter the query schema lacks, a body the endpoint does not read.
        template: "/v1/unregistered/{name}",
        file: routeFile(
          "unregistered.ts",
          imports +
            block(
              "/v1/unregistered/{name}",
              "put",
              `x-query: IdQuery
requestBody:
  content: { application/json: { schema: { $ref: "#/components/schemas/UserUpdateBody" } } }
responses:
  201: { description: ok, content: { application/json: { schema: { $ref: "#/components/schemas/DeletedResponse" } } } }`,
            ) +
            `export default withMiddleware({ PUT: endpoint({ scope: "users:read", query: IdQuery.extend({}), response: DeletedResponse.extend({}), handler: async () => ({ message: "x" }) }) });`,
        ),
      },
    ];
    const text = await problemsOf(routes);
    expect(text).not.toMatch(/right\.ts/);
    expect(text).toMatch(/POST \/v1\/drift .*x-query is IdQuery but endpoint\(\) validates the query with ListUsersQuery/);
    expect(text).toMatch(/POST \/v1\/drift .*requestBody is UserUpdateBody but endpoint\(\) validates the body with UserCreateBody/);
    expect(text).toMatch(/POST \/v1\/drift .*response 201 is UserListResponse but endpoint\(\) answers with UserResponse/);
    expect(text).toMatch(/PUT \/v1\/unregistered\/\{name\} .*documents success 201 but endpoint\(\) answers 200/);
    expect(text).toMatch(/PUT \/v1\/unregistered\/\{name\} .*endpoint\(\)'s query schema is not registered in queryComponents/);
    expect(text).toMatch(/PUT \/v1\/unregistered\/\{name\} .*endpoint\(\)'s response schema is not registered in schemaComponents/);
    expect(text).toMatch(/PUT \/v1\/unregistered\/\{name\} .*path parameter name is not a key of endpoint\(\)'s query schema/);
    expect(text).toMatch(/PUT \/v1\/unregistered\/\{name\} .*documents a requestBody \(UserUpdateBody\) but endpoint\(\) reads no body/);
  });

  it("fails, readably, on a route without @swagger, a scope mismatch, an undocumented method, an unknown x-query and a documented fallback", async () => {
    const scoped = (scope: string) => `Object.assign(async () => {}, { scope: ${JSON.stringify(scope)} })`;
    const routes = [
      // The unknown-path fallback needs no @swagger block (it is no operation) ...
      { template: "/v1/{...rest}", file: routeFile("fallback.ts", `export default withMiddleware({}, { notFound: true });`) },
      // ... and must not have one.
      {
        template: "/v2/{...rest}",
        file: routeFile(
          "documented-fallback.ts",
          `/**
 * @swagger
 * /v2/{...rest}:
 *   get:
 *     operationId: fallback
 *     responses:
 *       404: { description: not found }
 */
export default withMiddleware({}, { notFound: true });`,
        ),
      },
      { template: "/v1/quiet", file: routeFile("quiet.ts", `export default withMiddleware({ GET: ${scoped("users:read")} });`) },
      {
        template: "/v1/loud",
        file: routeFile(
          "loud.ts",
          `/**
 * @swagger
 * /v1/loud:
 *   get:
 *     operationId: loud
 *     summary: Loud
 *     tags: [test]
 *     x-scope: users:write
 *     x-query: NoSuchQuery
 *     responses:
 *       200: { description: ok }
 */
export default withMiddleware({ GET: ${scoped("users:read")}, POST: ${scoped("users:write")} });`,
        ),
      },
    ];
    const build = path.join(API_ROOT, "scripts", "build-openapi.ts");
    const code = `const { buildOpenApiDocument } = require(${JSON.stringify(build)});
      buildOpenApiDocument(${JSON.stringify(routes)}).then((r) => { console.log(JSON.stringify(r.problems)); process.exit(0); });`;
    const result = await runScript(path.join(BIN, "tsx"), ["-e"], code);
    expect(result.ok ? "ok" : result.stderr).toBe("ok");
    const text = (JSON.parse(result.stdout.trim().split("\n").pop()!) as string[]).join("\n");
    expect(text).toMatch(/quiet\.ts: no @swagger block/);
    expect(text).toMatch(/GET \/v1\/loud .*x-scope is users:write but the handler declares users:read/);
    expect(text).toMatch(/POST \/v1\/loud is served but not documented/);
    expect(text).toMatch(/x-query NoSuchQuery is not in queryComponents/);
    expect(text).toMatch(/documented-fallback\.ts: the unknown-path fallback must not document operations/);
    expect(text).not.toMatch(/(^|\/)fallback\.ts/m);
  });
});
