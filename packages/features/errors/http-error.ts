/**
 * The one error type every layer throws. The API's error middleware turns it into the
 * documented error shape; anything else becomes a 500 that reveals nothing.
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
  | "internal_error";

const STATUS_BY_CODE: Record<ErrorCode, number> = {
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
};

export interface ErrorDetail {
  /** Dotted path of the offending field, e.g. `body.email` or `query.take`. */
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

  constructor(
    code: ErrorCode,
    message: string,
    options: { details?: ErrorDetail[]; headers?: Record<string, string>; status?: number } = {},
  ) {
    super(message);
    this.name = "HttpError";
    this.code = code;
    this.status = options.status ?? STATUS_BY_CODE[code];
    this.details = options.details ?? [];
    this.headers = options.headers ?? {};
  }
}

export const notFound = (what: string) => new HttpError("not_found", `${what} not found.`);
export const forbidden = (message: string) => new HttpError("forbidden", message);
export const conflict = (message: string, details?: ErrorDetail[]) => new HttpError("conflict", message, { details });
export const badRequest = (message: string, details?: ErrorDetail[]) =>
  new HttpError("bad_request", message, { details });
