import { malformedPlaceholders } from "../example-dates";
import type { RequestExample } from "./requests";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/**
 * A response with several media types (GET /docs: HTML or the document): its example per
 * media type. Any other example value is the example of every media type of the response.
 */
export class ByMediaType {
  constructor(readonly examples: Record<string, unknown>) {}
}

export const byMediaType = (examples: Record<string, unknown>) => new ByMediaType(examples);

/** Response examples of one operation, by status. */
export type ResponseExamples = Record<string, unknown>;

function placeholderProblems(label: string, where: string, value: unknown): string[] {
  const bad = malformedPlaceholders(JSON.stringify(value) ?? "");
  return bad.length > 0 ? [`${label}: ${where} has malformed date placeholders ${bad.join(", ")} (see lib/openapi/example-dates.ts)`] : [];
}

/**
 * Puts an operation's request example into the document: `example` on each parameter it names
 * and on the JSON request body. Problems: no example for an operation, a required parameter
 * or a body without one, or one naming a parameter or body the operation does not have.
 */
export function applyRequestExample(label: string, operation: Json, example: RequestExample | undefined): string[] {
  if (!example) return [`${label}: no request example in lib/openapi/examples/requests.ts (an empty {} when it takes nothing)`];
  const problems: string[] = [];
  const parameters = ((operation.parameters ?? []) as Json[]).filter((p) => typeof p.$ref !== "string");
  const params = example.params ?? {};
  for (const [name, value] of Object.entries(params)) {
    const parameter = parameters.find((p) => p.name === name);
    if (!parameter) problems.push(`${label}: the example names the parameter ${name}, which the operation does not have`);
    else parameter.example = value;
  }
  for (const parameter of parameters) {
    if (parameter.required && !(parameter.name in params)) problems.push(`${label}: the required ${parameter.in} parameter ${parameter.name} has no example`);
  }
  const body = operation.requestBody?.content?.["application/json"];
  if (body && example.body === undefined) problems.push(`${label}: the request body has no example`);
  if (!body && example.body !== undefined) problems.push(`${label}: the example has a body, but the operation takes none`);
  if (body && example.body !== undefined) body.example = example.body;
  problems.push(...placeholderProblems(label, "the request example", example));
  return problems;
}

/**
 * Puts an operation's response examples into the document: `example` on each media type of
 * each response it defines inline (shared responses, `$ref`, carry their own). Problems: a
 * response with a body but no example, an example for a status the operation does not answer.
 */
export function applyResponseExamples(label: string, operation: Json, examples: ResponseExamples | undefined): string[] {
  const problems: string[] = [];
  const responses = (operation.responses ?? {}) as Record<string, Json>;
  for (const [status, response] of Object.entries(responses)) {
    if (typeof response.$ref === "string" || !response.content) continue;
    const example = examples?.[status];
    const media = Object.values(response.content as Record<string, Json>);
    // An example written in the @swagger block itself stands.
    if (example === undefined && media.length > 0 && media.every((m) => m.example !== undefined)) continue;
    if (example === undefined) {
      problems.push(`${label}: response ${status} has no example in lib/openapi/examples/responses.ts`);
      continue;
    }
    for (const [type, media] of Object.entries(response.content as Record<string, Json>)) {
      const value = example instanceof ByMediaType ? example.examples[type] : example;
      if (value === undefined) problems.push(`${label}: response ${status} has no ${type} example`);
      else media.example = value;
    }
    problems.push(...placeholderProblems(label, `response ${status}'s example`, example instanceof ByMediaType ? example.examples : example));
  }
  for (const status of Object.keys(examples ?? {})) {
    if (!responses[status]) problems.push(`${label}: lib/openapi/examples/responses.ts has an example for ${status}, which the operation does not document`);
  }
  return problems;
}

/**
 * The "Try it" paragraph of an operation whose example needs more than the demo data: the
 * examples to run first and what to take from their answers, and any other setup.
 */
export function tryItNote(example: RequestExample | undefined, operations: Map<string, string>): { text?: string; problem?: string } {
  if (!example || (!example.needs?.length && !example.setup)) return {};
  const steps: string[] = [];
  for (const need of example.needs ?? []) {
    const operation = operations.get(need.operationId);
    if (!operation) return { problem: `needs ${need.operationId}, which is no operation` };
    const uses = Object.entries(need.uses ?? {}).map(([param, path]) => `its answer's \`${path}\` in \`${param}\``);
    steps.push(uses.length > 0 ? `send ${operation}'s example and put ${uses.join(" and ")}` : `send ${operation}'s example (this one relies on what it makes)`);
  }
  const parts = [
    ...(steps.length > 0 ? [`On the demo data, first ${steps.join("; then ")}.`] : []),
    ...(example.setup ? [`This example needs ${example.setup.charAt(0).toLowerCase()}${example.setup.slice(1)}`] : []),
  ];
  const text = parts.join(" ");
  return { text: `**Try it:** ${text}` };
}
