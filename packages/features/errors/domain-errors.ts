/**
 * What the services throw. They speak of the domain, never of HTTP: a field is named as the
 * service knows it (`email`, `attendee.email`, `lengthInMinutes`), and apps/api says where
 * the client sent it (`body.email`, `query.userId`) and which status and envelope the
 * surface answers with. Anything else a service throws is a bug (a 500 that reveals nothing).
 */
export interface FieldIssue {
  /** Dotted domain name of the offending input, when one input is to blame. */
  field?: string;
  /** Machine-readable rule, e.g. `exists`, `unique`, `future`. */
  rule: string;
  message: string;
}

export type DomainErrorKind = "invalid" | "unauthenticated" | "insufficient_scope" | "forbidden" | "not_found" | "conflict" | "unprocessable" | "unavailable";

export type ErrorReason = "slot_unavailable" | "in_progress";

export interface DomainErrorOptions {
  /** Lets each surface add its own advice (e.g. where to look for free slots). */
  reason?: ErrorReason;
  /** A retry may succeed after this many seconds. */
  retryAfterSeconds?: number;
}

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  readonly issues: FieldIssue[];
  readonly options: DomainErrorOptions;

  constructor(message: string, issues: FieldIssue[] = [], options: DomainErrorOptions = {}) {
    super(message);
    this.name = new.target.name;
    this.issues = issues;
    this.options = options;
  }
}

/** The input breaks a rule the schema alone could not check. */
export class InvalidInputError extends DomainError {
  readonly kind = "invalid";
}

export type UnauthenticatedReason = "missing" | "malformed" | "wrong_prefix" | "unknown" | "expired" | "license_unknown" | "license_disabled";

/** No usable credential. */
export class UnauthenticatedError extends DomainError {
  readonly kind = "unauthenticated";
  constructor(
    readonly reason: UnauthenticatedReason,
    message: string,
  ) {
    super(message);
  }
}

/** The key works but lacks the scope the operation needs. */
export class InsufficientScopeError extends DomainError {
  readonly kind = "insufficient_scope";
  constructor(readonly scope: string) {
    super(`This API key lacks the scope ${scope}.`, [{ rule: "scope", message: `Required scope: ${scope}` }]);
  }
}

/** The caller may see the object but not do this to it. */
export class ForbiddenError extends DomainError {
  readonly kind = "forbidden";
}

/** No such object, or one the caller may not see (the two are never told apart). */
export class NotFoundError extends DomainError {
  readonly kind = "not_found";
  constructor(
    readonly entity: string,
    issue?: FieldIssue,
  ) {
    super(`${entity} not found.`, issue ? [issue] : []);
  }
}

/** The change contradicts the current state (a taken slot, a taken email, a booking already cancelled). */
export class ConflictError extends DomainError {
  readonly kind = "conflict";
}

/** Well-formed, understood, and still impossible now (a hold on a slot that is not free, an idempotency key reused for another request). */
export class UnprocessableError extends DomainError {
  readonly kind = "unprocessable";
}

/** Something the request needs is down for now (a deployment's database); a retry may succeed. */
export class UnavailableError extends DomainError {
  readonly kind = "unavailable";
}

export const notFound = (entity: string, issue?: FieldIssue) => new NotFoundError(entity, issue);
export const forbidden = (message: string, issue?: FieldIssue) => new ForbiddenError(message, issue ? [issue] : []);
export const conflict = (message: string, issues?: FieldIssue[]) => new ConflictError(message, issues);
export const invalid = (message: string, issues: FieldIssue[]) => new InvalidInputError(message, issues);
/** One invalid field: the message names it. */
export const invalidField = (field: string, rule: string, message: string) =>
  new InvalidInputError(`${field}: ${message}`, [{ field, rule, message }]);
