import { queryComponents, schemaComponents } from "./components";
import type { EndpointInfo } from "../route/endpoint";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** The names a zod object is registered under (by identity), in a component registry. */
function namesOf(schema: object, registry: Record<string, object>): string[] {
  return Object.entries(registry)
    .filter(([, registered]) => registered === schema)
    .map(([name]) => name);
}

function schemaRefName(node: Json): string | undefined {
  const ref = node?.content?.["application/json"]?.schema?.$ref;
  return typeof ref === "string" && ref.startsWith("#/components/schemas/") ? ref.slice("#/components/schemas/".length) : undefined;
}

/**
 * The documentation cannot drift from the code: an operation built with endpoint() must
 * document, by component name, the very zod objects it validates and answers with (compared
 * by identity against lib/openapi/components.ts): `x-query` its query schema, the
 * requestBody its body schema, the success response (the endpoint's status, the only 2xx
 * documented) its response schema; every one of them must be a registered component, and
 * every `{parameter}` of the path must be a key of its query schema (or the operation would
 * refuse its own path). `x-idempotent` must say what the endpoint does.
 */
export function endpointDrift(label: string, template: string, operation: Json, endpoint: EndpointInfo): string[] {
  const problems: string[] = [];
  const registered = (schema: object, registry: Record<string, object>, what: string, file: string): string[] => {
    const names = namesOf(schema, registry);
    if (names.length === 0) problems.push(`${label}: endpoint()'s ${what} schema is not registered in ${file} (lib/openapi/components.ts)`);
    return names;
  };
  const show = (names: string[]) => names.join(" / ");

  const queryName = operation["x-query"] as string | undefined;
  if (endpoint.query) {
    const names = registered(endpoint.query, queryComponents, "query", "queryComponents");
    if (names.length > 0 && (queryName === undefined || !names.includes(queryName))) {
      problems.push(`${label}: x-query is ${queryName ?? "(none)"} but endpoint() validates the query with ${show(names)}`);
    }
    const keys = new Set(Object.keys(endpoint.query.shape));
    for (const [, parameter] of template.matchAll(/\{([^}]+)\}/g)) {
      if (!keys.has(parameter!)) problems.push(`${label}: path parameter ${parameter} is not a key of endpoint()'s query schema`);
    }
  } else {
    if (queryName !== undefined) problems.push(`${label}: x-query is ${queryName} but endpoint() takes no query parameters`);
    const parameter = template.match(/\{([^}]+)\}/)?.[1];
    if (parameter) problems.push(`${label}: path parameter ${parameter} but endpoint() has no query schema to validate it`);
  }

  const bodyName = schemaRefName(operation.requestBody);
  if (endpoint.body) {
    const names = registered(endpoint.body, schemaComponents, "body", "schemaComponents");
    if (names.length > 0 && (bodyName === undefined || !names.includes(bodyName))) {
      problems.push(`${label}: requestBody is ${bodyName ?? "(none)"} but endpoint() validates the body with ${show(names)}`);
    }
  } else if (operation.requestBody) {
    problems.push(`${label}: documents a requestBody (${bodyName ?? "inline"}) but endpoint() reads no body`);
  }

  const responses = (operation.responses ?? {}) as Record<string, Json>;
  const success = Object.keys(responses).filter((status) => status.startsWith("2"));
  const status = String(endpoint.status);
  const names = registered(endpoint.response, schemaComponents, "response", "schemaComponents");
  if (endpoint.status >= 400) {
    // An operation that always answers this error (lib/route/not-supported.ts): no success to document.
    if (success.length > 0) problems.push(`${label}: documents success ${success.join(", ")} but endpoint() always answers ${status}`);
    if (!responses[status]) problems.push(`${label}: does not document the ${status} endpoint() always answers`);
  } else {
    if (success.length !== 1 || success[0] !== status) {
      problems.push(`${label}: documents success ${success.join(", ") || "(none)"} but endpoint() answers ${status}`);
    }
    const responseName = schemaRefName(responses[status]);
    if (names.length > 0 && responses[status] && (responseName === undefined || !names.includes(responseName))) {
      problems.push(`${label}: response ${status} is ${responseName ?? "(not a component $ref)"} but endpoint() answers with ${show(names)}`);
    }
  }

  if ((operation["x-idempotent"] === true) !== endpoint.idempotent) {
    problems.push(`${label}: x-idempotent is ${operation["x-idempotent"] === true} but endpoint() says idempotent: ${endpoint.idempotent}`);
  }
  return problems;
}
