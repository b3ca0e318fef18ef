// The prose of the OpenAPI document: its description, the shared error responses and the
// idempotency note that scripts/build-openapi.ts adds to the operations that take the header.

/** Shared error responses, referenced from @swagger blocks as `#/components/responses/<Name>`. */
export const SHARED_RESPONSES: Record<string, string> = {
  Unauthorized: "No API key, or an unknown, expired or revoked one; in multi-deployment mode also a license key no deployment has, or a disabled deployment's (code `unauthorized`).",
  Forbidden:
    "The key lacks the scope this operation needs (code `insufficient_scope`), or the user may see but not change this object, or (multi-deployment mode) " +
    "the license key's deployment lacks the API add-on (code `forbidden`).",
  NotFound: "No such object, or one the key's user may not see (code `not_found`).",
  ValidationError: "Invalid query or body; `details` names each offending field and rule (code `validation_error` or `bad_request`).",
  Conflict: "The change conflicts with existing data, e.g. a taken email (code `conflict`).",
  Unprocessable: "Well-formed but not possible now, e.g. a slot that is no longer free (code `unprocessable_entity`).",
  MethodNotAllowed: "The path does not serve this method; the Allow header lists those it does (code `method_not_allowed`).",
  PayloadTooLarge: "The JSON body is larger than 1 MB (code `payload_too_large`).",
  UnsupportedMediaType: "The body is not sent as JSON (code `unsupported_media_type`).",
  NotImplemented: "A Cal.com operation this project does not support; the message says why (code `not_implemented`).",
  RateLimited:
    "Too many requests this minute for this API key (RATE_LIMIT_PER_MINUTE, or the key's own rateLimitPerMinute), or from this address without a key " +
    "(RATE_LIMIT_ANONYMOUS_PER_MINUTE); Retry-After says when to try again (code `rate_limited`). Limited answers, successes included, carry " +
    "X-RateLimit-Limit, X-RateLimit-Remaining and X-RateLimit-Reset (seconds until the window ends).",
  Unavailable:
    "Multi-deployment mode only (a license key sent as `X-Slotbase-License-Key` or `?key=`): the deployment's database, or the deployments directory, " +
    "cannot be reached now; Retry-After says when to try again (code `service_unavailable`). Other deployments are not affected.",
};
export const DESCRIPTION = `Slotbase is a self-hostable scheduling API: one domain model behind Cal.com-style v1 and v2 surfaces.

## Authentication
Every operation needs an API key unless it says otherwise (public operations, such as \`/\`,
\`/docs\` and \`/openapi.json\`, show no lock). Send the key either as
the \`apiKey\` query parameter (v1 style: \`?apiKey=cal_...\`) or as \`Authorization: Bearer cal_...\`.
Keys start with the prefix \`cal_\` (configurable by the operator).

## Scopes
A key may carry scopes named \`<resource>:read\`, \`<resource>:write\` and \`<resource>:admin\`
(e.g. \`bookings:read\`, \`calendars:admin\`); write implies read and admin implies write. A key
with scopes can call only operations whose scope it holds (403 \`insufficient_scope\`
naming the missing scope); a key without scopes can do whatever its user may. Each
operation's description states the scope it needs (also as \`x-scope\`).

## Parameters
Each operation lists the query parameters it accepts; any other is a 400 \`validation_error\` whose
detail names it (\`query.<name>\`, rule \`unrecognized_key\`) and lists the accepted ones, so a filter
this API does not support is never silently ignored. \`apiKey\` is accepted everywhere. A list
parameter may be repeated (\`attendeeEmail=a@x.com&attendeeEmail=b@x.com\`) or sent with brackets
(\`attendeeEmail[]=a@x.com\`). Path and query values must be percent-encoded UTF-8 without NUL
characters, and JSON bodies UTF-8 text (rules \`invalid_encoding\`, \`invalid_characters\`); path
parameters are named like query parameters (\`query.bookingUid\`).

## Errors
Every non-2xx response has one shape: \`{ "message", "code", "details": [{ "field", "rule", "message" }], "requestId" }\`
(v2 paths wrap it: \`{ "status": "error", "timestamp", "path", "error": { "code", "message", "details", "requestId" } }\`;
workspace calendars, under \`/api/v2/w/\`, answer \`{ "error": { "code", "message", "details", "requestId" } }\`).
\`code\` is machine-readable (\`validation_error\`, \`unauthorized\`, \`insufficient_scope\`, \`not_found\`, ...);
validation errors name each offending field (e.g. \`body.email\`) and rule. A path this API does not
serve is a 404 \`not_found\` in the same shape, whatever the method. Every response,
errors included, carries an \`X-Request-Id\` header; quote it when reporting a problem.`;

export const IDEMPOTENCY_NOTE =
  "Idempotent: send an `Idempotency-Key` header to retry safely. A retry with the same key and request gets the first " +
  "success again (same status and body, header `Idempotent-Replayed: true`) without the work being done twice; the same " +
  "key with another request is a 422, and while the first request still runs a retry gets a 409 with `Retry-After: 1`. " +
  "Failures are not kept: a retry after one does the work again. Keys are per user and kept for 24 hours.";
