import { HttpError } from "@slotbase/features";
import type { ApiRequest } from "./types";

export const MAX_BODY_BYTES = 1_000_000;

/**
 * Route files turn Next's body parser off (its errors are plain text, outside our error
 * shape), so bodies are read here. node-mocks-http and other callers that already set
 * req.body are taken as they are.
 */
export async function readJsonBody(req: ApiRequest): Promise<unknown> {
  if (req.body !== undefined && typeof req.body !== "string") return rejectNulChars(req.body);
  const raw = typeof req.body === "string" ? req.body : await readRaw(req);
  if (raw.trim() === "") return undefined;
  const type = req.headers["content-type"];
  if (type && !/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new HttpError("unsupported_media_type", "Send the request body as JSON (Content-Type: application/json).", {
      details: [{ field: "header.content-type", rule: "media_type", message: `Unsupported media type ${type}` }],
    });
  }
  try {
    return rejectNulChars(JSON.parse(raw));
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError("bad_request", "The request body is not valid JSON.", {
      details: [{ field: "body", rule: "invalid_json", message: "Body is not valid JSON" }],
    });
  }
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
      throw new HttpError("payload_too_large", `The request body is larger than ${MAX_BODY_BYTES} bytes.`, {
        details: [{ field: "body", rule: "too_big", message: "Body too large" }],
      });
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** PostgreSQL text cannot hold NUL; refuse it here rather than fail in the database. */
function rejectNulChars(value: unknown): unknown {
  if (JSON.stringify(value ?? null).includes("\\u0000")) {
    throw new HttpError("bad_request", "The request body contains a NUL character, which is not allowed.", {
      details: [{ field: "body", rule: "invalid_characters", message: "NUL characters are not allowed" }],
    });
  }
  return value;
}
