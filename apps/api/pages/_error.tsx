import { randomUUID } from "node:crypto";
import type { NextPageContext } from "next";
import { errorBody, internalError, statusOn, UNKNOWN_PATH_MESSAGE } from "../lib/http/error-response";
import { surfaceOf } from "../lib/http/surface";
import { HttpError } from "../lib/http/http-error";
import { setCorsResponseHeaders } from "../lib/middleware/http-methods";
import { REQUEST_ID_HEADER } from "../lib/middleware/request-id";

/**
 * Next answers a few requests before any route runs: a path it cannot decode (`/v1/%zz`,
 * `/v1/users/%FF`) is a 400 it renders with this page. An API answers JSON in the surface's
 * error shape, so this "page" writes that and renders nothing. Every routed request is
 * answered by pages/api (unknown paths by pages/api/[...path].ts), never by this file.
 */
function ErrorAnswer(): null {
  return null;
}

ErrorAnswer.getInitialProps = ({ req, res }: NextPageContext): Record<string, never> => {
  if (!res || res.headersSent) return {};
  const status = res.statusCode >= 400 ? res.statusCode : 500;
  const requestId = randomUUID();
  const error =
    status === 400
      ? new HttpError("bad_request", "The request path is not valid: it has percent-escapes that are not UTF-8 or not escapes at all.", {
          details: [{ field: "path", rule: "invalid_encoding", message: "Percent-encode the path as UTF-8" }],
        })
      : status === 404
        ? new HttpError("not_found", UNKNOWN_PATH_MESSAGE)
        : internalError(requestId);
  res.statusCode = statusOn(surfaceOf(req?.url), error);
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.setHeader(REQUEST_ID_HEADER, requestId);
  setCorsResponseHeaders(res as Parameters<typeof setCorsResponseHeaders>[0]);
  res.end(JSON.stringify(errorBody(req?.url, error, requestId)));
  return {};
};

export default ErrorAnswer;
