import type { DomainError, DomainErrorKind, ErrorReason } from "@slotbase/features";
import { describeDetails, fieldName, nameField } from "../validation/zod-issues";
import { HttpError, type ErrorCode, type ErrorDetail } from "./http-error";
import type { Surface } from "./surface";

/**
 * Domain errors in HTTP terms: each kind has one code (and so one status), each field the
 * service names is located in the request (`email` → `body.email`), and a reason gets the
 * surface's own advice. This is the only place that knows both sides.
 */
const CODE_BY_KIND: Record<DomainErrorKind, ErrorCode> = {
  invalid: "validation_error",
  unauthenticated: "unauthorized",
  insufficient_scope: "insufficient_scope",
  forbidden: "forbidden",
  not_found: "not_found",
  conflict: "conflict",
  unprocessable: "unprocessable_entity",
  unavailable: "service_unavailable",
};

const ADVICE: Record<ErrorReason, (surface: Surface) => string> = {
  slot_unavailable: (surface) => ` Query GET /${surface === "v1" ? "v1" : "v2"}/slots for free slots.`,
  in_progress: () => "",
};

/** Where a field the service names was sent; by default the field as the service named it. */
export type FieldLocator = (field: string) => string;

/** Inputs every operation may take outside its query and body. */
const WELL_KNOWN_FIELDS: Record<string, string> = { idempotencyKey: "header.Idempotency-Key" };

/**
 * A locator for one request: an explicit `fields` entry first (a service name that differs
 * from the wire name, e.g. v1's `end` for `lengthInMinutes`), then the input that holds the
 * field's first segment (a path parameter is `path.<name>`), then the body when the operation
 * takes one, else the query.
 */
export function locateIn(
  input: { query: Record<string, unknown>; body: unknown; pathParameters?: ReadonlySet<string> },
  fields: Record<string, string> = {},
): FieldLocator {
  return (field) => {
    const explicit = fields[field] ?? WELL_KNOWN_FIELDS[field];
    if (explicit) return explicit;
    const head = field.split(".")[0]!;
    const body = input.body;
    if (input.pathParameters?.has(head)) return `path.${field}`;
    if (body && typeof body === "object" && head in body) return `body.${field}`;
    if (head in input.query) return `query.${field}`;
    return body !== null && body !== undefined ? `body.${field}` : `query.${field}`;
  };
}

export function toHttpError(error: DomainError, surface: Surface, locate: FieldLocator = (field) => WELL_KNOWN_FIELDS[field] ?? field): HttpError {
  const code = CODE_BY_KIND[error.kind];
  const details: ErrorDetail[] = error.issues.map((issue) => {
    if (issue.field === undefined) return { rule: issue.rule, message: issue.message };
    const field = locate(issue.field);
    // The message names the field as the client sent it ("end must be one of 30, 60 minutes").
    return { field, rule: issue.rule, message: nameField(fieldName(field), issue.message, { prefix: false }) };
  });
  const located = details.filter((d) => d.field !== undefined);
  const message =
    error.kind === "invalid" && located.length > 0
      ? describeDetails(located)
      : `${error.message}${error.options.reason ? ADVICE[error.options.reason](surface) : ""}`;
  const headers: Record<string, string> = error.options.retryAfterSeconds !== undefined ? { "Retry-After": String(error.options.retryAfterSeconds) } : {};
  return new HttpError(code, message, { details, headers });
}
