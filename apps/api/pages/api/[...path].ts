import { withMiddleware } from "../../lib/middleware/with-middleware";

// Next's own body parser answers malformed JSON with plain text; this route reads no body.
export const config = { api: { bodyParser: false } };

/**
 * Every path no other route serves, whatever the method: a 404 in the surface's error shape
 * (v1 `{ message, code, details, requestId }`, v2 `{ status: "error", ..., error }`) with an
 * X-Request-Id, instead of Next's HTML 404 page. Next matches specific routes before this
 * catch-all; next.config.mjs rewrites /v1/* and /v2/* onto /api/v1/* and /api/v2/*, and sends
 * every other path nothing else serves (`/nope`) here through its `fallback` rewrite. Public,
 * and deliberately not an operation of the OpenAPI document (RouteInfo.notFound).
 */
export default withMiddleware({}, { notFound: true });
