/**
 * An error answer of this API: a machine-readable code, whose status comes from the one map
 * below, a message for people, field details and extra headers. sendError() writes it in the
 * surface's envelope. Services never see this type: they throw domain errors
 * (@slotbase/features errors/domain-errors), which domain-error-response.ts translates.
 */
export type ErrorCode =
  | "bad_request"
  | "validation_error"
  | "unauthorized"
  | "forbidden"
  | "insufficient_scope"
  | "not_found"
  | "method_not_allowed"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "unprocessable_entity"
  | "rate_limited"
  | "internal_error"
  | "not_implemented"
  | "service_unavailable";

export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_error: 400,
  unauthorized: 401,
  forbidden: 403,
  insufficient_scope: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable_entity: 422,
  rate_limited: 429,
  internal_error: 500,
  not_implemented: 501,
  service_unavailable: 503,
};

export interface ErrorDetail {
  /** Where the offending input was sent, e.g. `body.email`, `query.take`, `header.Idempotency-Key`. */
  field?: string;
  /** Machine-readable rule, e.g. `invalid_format`, `too_big`, `required`. */
  rule?: string;
  message: string;
}

export class HttpError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly details: ErrorDetail[];
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, message: string, options: { details?: ErrorDetail[]; headers?: Record<string, string> } = {}) {
    super(message);
    this.name = "HttpError";
    this.code = code;
    this.status = STATUS_BY_CODE[code];
    this.details = options.details ?? [];
    this.headers = options.headers ?? {};
  }
}
