import { HttpError, type ErrorDetail } from "./http-error";
import type { ApiRequest, ApiResponse } from "./types";
import { pathOf, surfaceOf } from "./surface";

/**
 * Writes the one error shape of each surface. v1: `{ message, code, details, requestId }`
 * (message at the top level, as Cal.com v1 clients read it). v2: `{ status: "error",
 * timestamp, path, error: { code, message, details, requestId } }`. Workspace calendars:
 * `{ error: { code, message, details, requestId } }`.
 */
export function sendError(req: ApiRequest, res: ApiResponse, error: HttpError): void {
  for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
  res.status(error.status).json(errorBody(req.url, error, req.requestId));
}

/** The body of an error answer to a request for `url`, in that surface's shape. */
export function errorBody(url: string | undefined, error: HttpError, requestId: string): Record<string, unknown> {
  const details: ErrorDetail[] = error.details;
  const surface = surfaceOf(url);
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
