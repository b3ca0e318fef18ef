import type { z } from "zod";

/** A handler's result that its operation's response schema does not accept: a bug on our side (a 500). */
export class ResponseSchemaError extends Error {
  constructor(issues: z.core.$ZodIssue[]) {
    const shown = issues
      .slice(0, 5)
      .map((issue) => `${issue.path.map(String).join(".") || "(root)"}: ${issue.message}`)
      .join("; ");
    super(`The response does not match its schema: ${shown}${issues.length > 5 ? ` (and ${issues.length - 5} more)` : ""}`);
    this.name = "ResponseSchemaError";
  }
}

/**
 * What leaves the server: the handler's result parsed by the operation's public response
 * schema, so the body is the schema's output. Object schemas strip keys they do not name, at
 * every depth (zod's default; response schemas never use .loose()/.passthrough()/.catchall(),
 * which a test checks), so a column added to the database is never published by accident.
 * Dates stay Date objects and serialise as ISO 8601 strings, as before.
 */
export function toResponseBody<S extends z.ZodType>(schema: S, result: unknown): z.output<S> {
  const parsed = schema.safeParse(result);
  if (!parsed.success) throw new ResponseSchemaError(parsed.error.issues);
  return parsed.data;
}
