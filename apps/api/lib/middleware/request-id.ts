import { randomUUID } from "node:crypto";
import type { Middleware } from "../http/types";

export const REQUEST_ID_HEADER = "X-Request-Id";
const ACCEPTABLE_INCOMING_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** Every response, errors included, carries a request id (a caller's own, if it sent a sane one). */
export const requestId: Middleware = async (req, res, next) => {
  const incoming = req.headers["x-request-id"];
  req.requestId = typeof incoming === "string" && ACCEPTABLE_INCOMING_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader(REQUEST_ID_HEADER, req.requestId);
  await next();
};
