import { HttpError, type ErrorCode, type ErrorDetail } from "./http-error";
import type { ApiRequest, ApiResponse } from "./types";
import { pathOf, surfaceOf, type Surface } from "./surface";

/**
 * Writes the one error shape of each surface. v1: `{ message, code, details, requestId }`
 * (message at the top level, as Cal.com v1 clients read it). v2: `{ status: "error",
 * timestamp, path, error: { code, message, details, requestId } }`. Workspace calendars:
 * `{ error: { code, message, details, requestId } }`. Calendar events (JSON:API):
 * `{ errors: [{ id, status, code, title, detail, source: { parameter } }] }`.
 */
export function sendError(req: ApiRequest, res: ApiResponse, error: HttpError): void {
  for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
  res.status(statusOn(surfaceOf(req.url), error)).json(errorBody(req.url, error, req.requestId));
}

/**
 * The status an error is sent with: its code's (http-error.ts), except on the calendar-events
 * surface, which follows JSON:API and answers every invalid parameter with 422.
 */
export function statusOn(surface: Surface, error: HttpError): number {
  if (surface === "calendarEvents" && (error.code === "validation_error" || error.code === "bad_request")) return 422;
  return error.status;
}

/**
 * JSON:API error objects: one per offending parameter (`source.parameter`, or
 * `source.pointer` for a body field), else one for the whole request; `id` is the request id.
 */
function jsonApiErrors(error: HttpError, status: number, requestId: string): Record<string, unknown>[] {
  const title = TITLES[error.code];
  const base = { id: requestId, status: String(status), code: error.code, title };
  if (error.details.length === 0) return [{ ...base, detail: error.message }];
  return error.details.map((detail) => {
    const field = detail.field ?? "";
    const source = field.startsWith("body.")
      ? { pointer: `/${field.slice(5).split(".").join("/")}` }
      : field.startsWith("header.")
        ? { header: field.slice(7) }
        : field !== ""
          ? { parameter: field.replace(/^(query|path)\./, "").replace(/\.\d+$/, "") }
          : undefined;
    return { ...base, detail: detail.message, ...(detail.rule ? { meta: { rule: detail.rule } } : {}), ...(source ? { source } : {}) };
  });
}

const TITLES: Record<ErrorCode, string> = {
  bad_request: "Bad request",
  validation_error: "Invalid parameter",
  unauthorized: "Unauthorized",
  forbidden: "Forbidden",
  insufficient_scope: "Insufficient scope",
  not_found: "Not found",
  method_not_allowed: "Method not allowed",
  conflict: "Conflict",
  payload_too_large: "Payload too large",
  unsupported_media_type: "Unsupported media type",
  unprocessable_entity: "Unprocessable entity",
  rate_limited: "Too many requests",
  internal_error: "Internal error",
  not_implemented: "Not implemented",
  service_unavailable: "Service unavailable",
};

/** The body of an error answer to a request for `url`, in that surface's shape. */
export function errorBody(url: string | undefined, error: HttpError, requestId: string): Record<string, unknown> {
  const details: ErrorDetail[] = error.details;
  const surface = surfaceOf(url);
  if (surface === "calendarEvents") return { errors: jsonApiErrors(error, statusOn(surface, error), requestId) };
  if (surface === "workspace") return { error: { code: error.code, message: error.message, details, requestId } };
  if (surface === "v2") {
    return {
      status: "error",
      timestamp: new Date().toISOString(),
      path: pathOf(url),
      error: { code: error.code, message: error.message, details, requestId },
    };
  }
  return { message: error.message, code: error.code, details, requestId };
}

export const UNKNOWN_PATH_MESSAGE = "There is no such path in this API. The operations it serves are listed at /docs.";

export function internalError(requestId: string): HttpError {
  return new HttpError("internal_error", `Something went wrong on our side. Quote request id ${requestId} when reporting it.`);
}
