import { HttpError } from "./http-error";
import type { ApiRequest } from "./types";

export const MAX_BODY_BYTES = 1_000_000;

/**
 * Route files turn Next's body parser off (its errors are plain text, outside our error
 * shape), so bodies are read here. node-mocks-http and other callers that already set
 * req.body are taken as they are.
 */
export async function readJsonBody(req: ApiRequest): Promise<unknown> {
  if (req.body !== undefined && typeof req.body !== "string") return rejectBadText(req.body);
  const raw = typeof req.body === "string" ? wellFormed(req.body) : await readRaw(req);
  if (raw.trim() === "") return undefined;
  const type = req.headers["content-type"];
  if (type && !/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new HttpError("unsupported_media_type", "Send the request body as JSON (Content-Type: application/json).", {
      details: [{ field: "header.content-type", rule: "media_type", message: `Unsupported media type ${type}` }],
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new HttpError("bad_request", "The request body is not valid JSON.", {
      details: [{ field: "body", rule: "invalid_json", message: "Body is not valid JSON" }],
    });
  }
  return rejectBadText(parsed);
}

async function readRaw(req: ApiRequest): Promise<string> {
  // Some callers (test doubles) hand over a request that is not a stream: no body then.
  if (typeof (req as Partial<AsyncIterable<unknown>>)[Symbol.asyncIterator] !== "function") return "";
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer | string>) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) {
      // The rest of the body stays unread: the connection cannot carry another request, so
      // it closes after this answer (a keep-alive client otherwise stalls on its next request).
      throw new HttpError("payload_too_large", `The request body is larger than ${MAX_BODY_BYTES} bytes.`, {
        details: [{ field: "body", rule: "too_big", message: "Body too large" }],
        headers: { Connection: "close" },
      });
    }
    chunks.push(buffer);
  }
  return decodeUtf8(Buffer.concat(chunks));
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

const invalidEncoding = () =>
  new HttpError("bad_request", "The request body is not valid UTF-8.", {
    details: [{ field: "body", rule: "invalid_encoding", message: "The body must be JSON encoded as UTF-8" }],
  });

/**
 * The body's bytes as text, refusing bytes that are not UTF-8 (Buffer#toString would turn
 * them into U+FFFD silently, and the client's text would be stored altered). A leading BOM
 * is dropped.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw invalidEncoding();
  }
}

/** Lone UTF-16 surrogates: text no UTF-8 encoding can represent. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A body handed over as a string (test doubles, a parser upstream) must be well-formed text too. */
function wellFormed(text: string): string {
  if (LONE_SURROGATE.test(text)) throw invalidEncoding();
  return text;
}

/** Deeper JSON than any operation takes; refused before schemas (and their recursive checks) see it. */
export const MAX_BODY_DEPTH = 32;

type BadText = { field: string; rule: "invalid_characters" | "invalid_encoding" | "too_deep" };

function checkText(text: string, field: string): BadText | undefined {
  if (text.includes("\u0000")) return { field, rule: "invalid_characters" };
  if (LONE_SURROGATE.test(text)) return { field, rule: "invalid_encoding" };
  return undefined;
}

/**
 * Where in a parsed body the first value PostgreSQL could not store is (NUL, a lone
 * surrogate, in a key or a string), or where it nests deeper than MAX_BODY_DEPTH. Iterative:
 * a body nested 100,000 levels deep must be a 400, not a stack overflow.
 */
function findBadText(body: unknown): BadText | undefined {
  const stack: { value: unknown; field: string; depth: number }[] = [{ value: body, field: "body", depth: 0 }];
  while (stack.length > 0) {
    const { value, field, depth } = stack.pop()!;
    if (typeof value === "string") {
      const found = checkText(value, field);
      if (found) return found;
      continue;
    }
    if (value === null || typeof value !== "object") continue;
    if (depth >= MAX_BODY_DEPTH) return { field, rule: "too_deep" };
    const entries = Array.isArray(value) ? value.map((child, index) => [String(index), child] as const) : Object.entries(value);
    for (let index = entries.length - 1; index >= 0; index -= 1) {
      const [key, child] = entries[index]!;
      const found = Array.isArray(value) ? undefined : checkText(key, field);
      if (found) return found;
      stack.push({ value: child, field: `${field}.${key}`, depth: depth + 1 });
    }
  }
  return undefined;
}

/**
 * PostgreSQL text cannot hold NUL, and lone surrogates are not text: refuse both here, naming
 * the field (`body.attendee.name`), rather than fail in the database (a 500); likewise JSON
 * nested deeper than MAX_BODY_DEPTH.
 */
function rejectBadText(value: unknown): unknown {
  const found = findBadText(value);
  if (!found) return value;
  const message =
    found.rule === "invalid_characters"
      ? "NUL characters are not allowed"
      : found.rule === "invalid_encoding"
        ? "Not valid Unicode text (a lone UTF-16 surrogate escape)"
        : `Nested deeper than ${MAX_BODY_DEPTH} levels`;
  const summary = found.rule === "too_deep" ? "The request body is nested too deeply" : "The request body contains text that cannot be stored";
  throw new HttpError("bad_request", `${summary}: ${found.field}: ${message}.`, {
    details: [{ field: found.field, rule: found.rule, message }],
  });
}
