import { DomainError, log } from "@slotbase/features";
import { HttpError } from "../http/http-error";
import { toHttpError } from "../http/domain-error-response";
import { surfaceOf } from "../http/surface";
import type { Middleware } from "../http/types";
import { internalError, sendError } from "../http/error-response";


/**
 * Outermost error boundary: an HttpError, or a domain error from a service, becomes its
 * documented response; anything else is logged with the request id and answered with a 500 that reveals nothing.
 */
export const captureErrors: Middleware = async (req, res, next) => {
  try {
    await next();
  } catch (error) {
    if (res.headersSent) {
      log.error("error after response was sent", { requestId: req.requestId, error });
      return;
    }
    if (error instanceof HttpError) {
      sendError(req, res, error);
      return;
    }
    // Raised outside an operation (authentication): no request field to locate.
    if (error instanceof DomainError) {
      sendError(req, res, toHttpError(error, surfaceOf(req.url)));
      return;
    }
    log.error("unhandled error", { requestId: req.requestId, method: req.method, path: req.url?.split("?")[0], error });
    sendError(req, res, internalError(req.requestId));
  }
};
