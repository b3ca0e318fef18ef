import type { ApiRequest, ApiResponse } from "./types";

/**
 * A response that can be revalidated (RFC 9110 §13): the handler names the body's validator
 * (ETag) and caching policy before computing the body, so a client polling with
 * If-None-Match gets a 304 without the body ever being built.
 */
export class ConditionalBody<T> {
  constructor(
    readonly etag: string,
    readonly cacheControl: string,
    readonly body: () => Promise<T>,
  ) {}
}

export const conditionalBody = <T>(etag: string, cacheControl: string, body: () => Promise<T>) => new ConditionalBody(etag, cacheControl, body);

/** Does If-None-Match name this ETag (weak comparison, `*` included)? */
export function matchesIfNoneMatch(req: ApiRequest, etag: string): boolean {
  const header = req.headers["if-none-match"];
  if (typeof header !== "string" || header.trim() === "") return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === opaque(etag));
}

/** Sets the validator headers; answers 304 and returns true when the client's copy is current. */
export function answerNotModified(req: ApiRequest, res: ApiResponse, conditional: ConditionalBody<unknown>): boolean {
  res.setHeader("ETag", conditional.etag);
  res.setHeader("Cache-Control", conditional.cacheControl);
  res.setHeader("Vary", "Authorization");
  if (!matchesIfNoneMatch(req, conditional.etag)) return false;
  res.status(304).end();
  return true;
}
