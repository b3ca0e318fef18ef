import type { ErrorObject } from "ajv/dist/2020";
import { fillExampleDates, hasDatePlaceholder, malformedPlaceholders } from "../lib/openapi/example-dates";
import { TAG_GROUPS, TAGS } from "../lib/openapi/tags";
import { api } from "./support/api";
import { compileDocumentedSchema, loadOpenApiDocument } from "./support/response-validator";

/*
 * The documentation a reader meets in Swagger UI (/docs): tags in reading order, each
 * described; every operation summarized, saying who may call it; the Authorize dialog
 * explained; and every example (parameters, request bodies, responses, shared error
 * responses, component schemas) valid against its own schema once its dates are filled in
 * for today. test/docs-examples.test.ts sends the request examples to the API.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const HTTP_METHODS = ["get", "put", "post", "delete", "patch", "options", "head", "trace"] as const;
const built = loadOpenApiDocument();
const now = new Date();
const document = fillExampleDates(built, now);

const operations: { key: string; operation: Json }[] = Object.entries(document.paths as Record<string, Json>).flatMap(([template, item]) =>
  HTTP_METHODS.filter((method) => item[method]).map((method) => ({ key: `${method.toUpperCase()} ${template}`, operation: item[method] })),
);

function problemsOf(where: string, schema: Json, example: unknown): string[] {
  const validate = compileDocumentedSchema(schema);
  if (validate(example)) return [];
  const errors = (validate.errors ?? []) as ErrorObject[];
  return [`${where}: ${errors.map((e) => `${e.instancePath || "(root)"} ${e.message}${"additionalProperty" in e.params ? ` (${String(e.params.additionalProperty)})` : ""}`).join("; ")}`];
}

function resolveResponse(response: Json): Json {
  return typeof response.$ref === "string" ? document.components.responses[response.$ref.replace("#/components/responses/", "")] : response;
}

describe("tags", () => {
  it("come in reading order (Cal.com v1, v2, workspace calendars, calendar events, operations), each with a description", () => {
    expect(document.tags.map((tag: Json) => tag.name)).toEqual(TAGS.map((tag) => tag.name));
    expect(document.tags.filter((tag: Json) => typeof tag.description !== "string" || tag.description.length < 40)).toEqual([]);
    const groups = document["x-tagGroups"].map((group: Json) => group.name);
    expect(groups).toEqual(["Cal.com v1", "Cal.com v2", "Workspace calendars", "Calendar events", "Operations"]);
    expect(document["x-tagGroups"].flatMap((group: Json) => group.tags)).toEqual(TAGS.map((tag) => tag.name));
    // Swagger UI ignores x-tagGroups: each name says its group.
    const prefixes: Record<string, string> = { "Cal.com v1": "v1 · ", "Cal.com v2": "v2 · ", "Workspace calendars": "Workspace · ", "Calendar events": "Calendar events · ", Operations: "Operations · " };
    for (const group of TAG_GROUPS) for (const tag of group.tags) expect(tag.name.startsWith(prefixes[group.name]!)).toBe(true);
  });

  it("are one per operation, and none is empty; v1 and v2 bookings are apart", () => {
    const problems = operations.filter(({ operation }) => operation.tags?.length !== 1).map(({ key }) => key);
    expect(problems).toEqual([]);
    const used = new Set(operations.map(({ operation }) => operation.tags[0]));
    expect(TAGS.filter((tag) => !used.has(tag.name)).map((tag) => tag.name)).toEqual([]);
    const tagOf = (key: string) => operations.find((op) => op.key === key)!.operation.tags[0];
    expect(tagOf("POST /v1/bookings")).toBe("v1 · Bookings");
    expect(tagOf("POST /v2/bookings")).toBe("v2 · Bookings");
    expect(tagOf("GET /api/v2/w/{workspace_uuid}/calendars")).toBe("Workspace · Calendars");
    expect(tagOf("GET /health")).toBe("Operations · Health");
  });
});

describe("operations", () => {
  it("each have a summary and a description that says who may call it", () => {
    const problems = operations.flatMap(({ key, operation }) => [
      ...(typeof operation.summary === "string" && operation.summary.length > 3 ? [] : [`${key}: no summary`]),
      ...(/\*\*Who may call it:\*\* \S/.test(String(operation.description)) ? [] : [`${key}: the description does not say who may call it`]),
    ]);
    expect(problems).toEqual([]);
  });

  it("document 401 and 403 when they need a key, 404 when a path names an object, each error with an example in the surface's shape", () => {
    const problems: string[] = [];
    for (const { key, operation } of operations) {
      const statuses = Object.keys(operation.responses);
      const needsKey = !(Array.isArray(operation.security) && operation.security.length === 0);
      if (needsKey) for (const status of ["401", "403"]) if (!statuses.includes(status)) problems.push(`${key}: no ${status}`);
      const namesObject = (operation.parameters ?? []).some((p: Json) => p.in === "path");
      const alwaysNotImplemented = statuses.includes("501");
      if (namesObject && needsKey && !alwaysNotImplemented && !statuses.includes("404")) problems.push(`${key}: no 404`);
      for (const status of statuses.filter((s) => Number(s) >= 400)) {
        const shared = typeof operation.responses[status].$ref === "string";
        const response = resolveResponse(operation.responses[status]);
        const example = response?.content?.["application/json"]?.example;
        if (example === undefined) problems.push(`${key}: ${status} has no example`);
        const surface = key.includes("/api/v2/w/") ? "workspace" : key.includes(" /api/v1/") ? "jsonApi" : key.includes(" /v2/") ? "v2" : "v1";
        const shaped = { v1: "code" in (example ?? {}), v2: example?.status === "error", workspace: "error" in (example ?? {}) && !("status" in example), jsonApi: Array.isArray(example?.errors) }[surface];
        // A response of its own (GET /health/ready's 503 is a readiness report) has its own schema.
        if (shared && example !== undefined && !shaped) problems.push(`${key}: ${status}'s example is not in the ${surface} error shape`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe("the Authorize dialog", () => {
  it("explains both boxes: the apiKey query parameter for Cal.com v1 habits, Bearer for everything", () => {
    const { ApiKeyQuery, BearerAuth } = document.components.securitySchemes;
    expect(ApiKeyQuery).toMatchObject({ type: "apiKey", in: "query", name: "apiKey" });
    expect(ApiKeyQuery.description).toMatch(/Cal\.com v1/);
    expect(BearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(BearerAuth.description).toMatch(/every path/);
  });
});

describe("examples", () => {
  it("cover every request body, every required parameter and every response with a body", () => {
    const problems: string[] = [];
    for (const { key, operation } of operations) {
      const body = operation.requestBody?.content?.["application/json"];
      if (body && body.example === undefined) problems.push(`${key}: request body without example`);
      for (const parameter of operation.parameters ?? []) {
        if (parameter.required && parameter.example === undefined) problems.push(`${key}: required parameter ${parameter.name} without example`);
      }
      for (const [status, raw] of Object.entries(operation.responses as Record<string, Json>)) {
        for (const [type, media] of Object.entries((resolveResponse(raw).content ?? {}) as Record<string, Json>)) {
          if (media.example === undefined) problems.push(`${key}: ${status} ${type} without example`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("match their own schemas, with dates filled in for today", () => {
    const problems: string[] = [];
    let checked = 0;
    for (const { key, operation } of operations) {
      for (const parameter of operation.parameters ?? []) {
        if (parameter.example === undefined || !parameter.schema) continue;
        checked += 1;
        // Query and path values travel as text: the schema describes them as parsed (integers, booleans).
        const example = parameter.example;
        const asSent = typeof example === "string" && /^-?\d+$/.test(example) && parameter.schema.type === "integer" ? Number(example) : example;
        problems.push(...problemsOf(`${key} parameter ${parameter.name}`, parameter.schema, asSent));
      }
      const body = operation.requestBody?.content?.["application/json"];
      if (body?.example !== undefined) {
        checked += 1;
        problems.push(...problemsOf(`${key} request body`, body.schema, body.example));
      }
      for (const [status, response] of Object.entries(operation.responses as Record<string, Json>)) {
        if (typeof response.$ref === "string") continue;
        for (const [type, media] of Object.entries((response.content ?? {}) as Record<string, Json>)) {
          if (media.example === undefined || !media.schema) continue;
          checked += 1;
          problems.push(...problemsOf(`${key} ${status} ${type}`, media.schema, media.example));
        }
      }
    }
    for (const [name, response] of Object.entries(document.components.responses as Record<string, Json>)) {
      const media = response.content["application/json"];
      checked += 1;
      problems.push(...problemsOf(`components.responses.${name}`, media.schema, media.example));
    }
    for (const [name, schema] of Object.entries(document.components.schemas as Record<string, Json>)) {
      for (const example of [...(schema.example === undefined ? [] : [schema.example]), ...(schema.examples ?? [])]) {
        checked += 1;
        problems.push(...problemsOf(`components.schemas.${name} example`, { $ref: `#/components/schemas/${name}` }, example));
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(400);
  });

  it("write dates as placeholders (none fixed in the future, none malformed), all of them filled in when served", () => {
    const text = JSON.stringify(built);
    expect(malformedPlaceholders(text)).toEqual([]);
    expect(hasDatePlaceholder(text)).toBe(true);
    expect(JSON.stringify(document)).not.toMatch(/\{\{day/);
    // A fixed date in a request or response example goes stale: any later than now must be a placeholder (the timestamps of made rows are past).
    const examples: unknown[] = [];
    const builtOperations = Object.values(built.paths as Record<string, Json>).flatMap((item) => HTTP_METHODS.filter((m) => item[m]).map((m) => item[m]));
    for (const operation of builtOperations) {
      for (const parameter of operation.parameters ?? []) examples.push(parameter.example);
      examples.push(operation.requestBody?.content?.["application/json"]?.example);
      for (const response of Object.values(operation.responses as Record<string, Json>)) for (const media of Object.values((response.content ?? {}) as Record<string, Json>)) examples.push(media.example);
    }
    for (const response of Object.values(built.components.responses as Record<string, Json>)) examples.push(response.content["application/json"].example);
    // …and the schemas' own examples (the schema view shows them).
    const schemaExamples = (node: Json): void => {
      if (Array.isArray(node)) node.forEach(schemaExamples);
      else if (node && typeof node === "object") {
        for (const [key, value] of Object.entries(node)) {
          if (key === "example") examples.push(value);
          else schemaExamples(value);
        }
      }
    };
    schemaExamples(built.components.schemas);
    const builtExamples = JSON.stringify(fillExampleDates(examples, new Date(0)));
    const fixedFuture = [...new Set(builtExamples.match(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/g) ?? [])].filter((date) => Date.parse(`${date}Z`) > now.getTime());
    expect(fixedFuture).toEqual([]);
  });

  it("put the prefilled booking on the coming weekday, inside Alice's hours: POST /v2/bookings as Swagger UI gets it", async () => {
    const served = await api("GET /openapi.json");
    expect(served.status).toBe(200);
    expect(JSON.stringify(served.body)).not.toMatch(/\{\{day/);
    const { start } = served.body.paths["/v2/bookings"].post.requestBody.content["application/json"].example;
    const startsAt = Date.parse(start);
    expect(startsAt).toBeGreaterThan(Date.now());
    expect(startsAt - Date.now()).toBeLessThan(4 * 86_400_000);
    const berlin = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Berlin", weekday: "short", hour: "2-digit", minute: "2-digit", hour12: false }).format(startsAt);
    expect(berlin).toMatch(/^(Mon|Tue|Wed|Thu|Fri) 11:00$/);
    const asJson = await api("GET /docs", { headers: { accept: "application/json" } });
    expect(asJson.body.paths["/v2/bookings"].post.requestBody.content["application/json"].example.start).toBe(start);
  });
});
