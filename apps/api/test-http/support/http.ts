import { request as httpRequest } from "node:http";
import { noteKeyUsed, suiteEnv } from "./server-state";
import { surfaceOf } from "../../lib/http/surface";

/** A raw response: what the server sent, parsed as JSON when it says it is JSON. */
export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export interface RawOptions {
  headers?: Record<string, string>;
  /** A string is sent as it is; anything else as JSON (with Content-Type: application/json). */
  body?: unknown;
  /** Sends `Authorization: Bearer <key>`. */
  key?: string;
}

/** One request with fetch, for what the typed client cannot send (unknown paths, bad bodies, odd methods). */
export async function raw(method: string, path: string, options: RawOptions = {}): Promise<RawResponse> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  noteKeyUsed(options.key);
  noteKeyUsed(new URL(path, "http://x").searchParams.get("apiKey") ?? undefined);
  let body: string | undefined;
  if (typeof options.body === "string") body = options.body;
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["content-type"] ??= "application/json";
  }
  const response = await fetch(new URL(path, suiteEnv().baseUrl), { method, headers, body, redirect: "manual" });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: parseJson(response.headers.get("content-type"), text) };
}

function parseJson(contentType: string | null, text: string): unknown {
  if (!contentType?.startsWith("application/json") || text === "") return undefined;
  return JSON.parse(text) as unknown;
}

/**
 * Streams a JSON body of `totalBytes` in `chunkBytes` chunks, with chunked transfer encoding
 * (no Content-Length: only the server's stream reader can notice the size) or with a
 * Content-Length, and returns the answer. With `pauseAfterBytes` the client stops writing
 * after that many bytes, without ending the request, and waits for the answer, so the server
 * answers from what it read so far, and the client is not writing when the server then
 * closes the connection. The connection is its own and is closed after the answer.
 */
export function streamBody(
  method: string,
  path: string,
  options: { headers?: Record<string, string>; totalBytes: number; chunkBytes?: number; contentLength?: boolean; pauseAfterBytes?: number },
): Promise<RawResponse> {
  const url = new URL(path, suiteEnv().baseUrl);
  const chunk = Buffer.alloc(options.chunkBytes ?? 64 * 1024, " ");
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = httpRequest(
      url,
      {
        method,
        // A connection of its own: the body may be cut short, so the connection must never
        // go back to a pool for the next request.
        agent: false,
        headers: {
          ...options.headers,
          ...(options.contentLength ? { "content-length": String(options.totalBytes) } : { "transfer-encoding": "chunked" }),
        },
      },
      (res) => {
        answered = true;
        const parts: Buffer[] = [];
        res.on("data", (part: Buffer) => parts.push(part));
        res.on("error", reject);
        res.on("end", () => {
          const text = Buffer.concat(parts).toString("utf8");
          const headers = new Headers();
          for (const [name, value] of Object.entries(res.headers)) if (typeof value === "string") headers.set(name, value);
          resolve({ status: res.statusCode ?? 0, headers, text, json: parseJson(headers.get("content-type"), text) });
          req.destroy();
        });
      },
    );
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no answer to ${method} ${path} within 10 s`));
    }, 10_000);
    req.on("close", () => clearTimeout(timer));
    // A JSON document that only ends after totalBytes: `{"padding":"      ...      "}`.
    const head = Buffer.from('{"padding":"');
    const tail = Buffer.from('"}');
    let left = options.totalBytes - head.length - tail.length;
    let budget = (options.pauseAfterBytes ?? Infinity) - head.length;
    const pump = () => {
      while (left > 0 && budget > 0 && !answered) {
        const piece = chunk.subarray(0, Math.min(chunk.length, left, budget));
        left -= piece.length;
        budget -= piece.length;
        if (!req.write(piece)) {
          req.once("drain", pump);
          return;
        }
      }
      if (!answered && left <= 0) req.end(tail);
    };
    req.write(head);
    pump();
  });
}

/** The v1 error shape, with the request id of the X-Request-Id header. */
export function v1Error(response: RawResponse, code: string) {
  return { message: expect.any(String), code, details: expect.any(Array), requestId: response.headers.get("x-request-id") };
}

/** The v2 error shape for `path` (without the query), with the request id of the X-Request-Id header. */
export function v2Error(response: RawResponse, code: string, path: string) {
  return {
    status: "error",
    timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    path,
    error: { code, message: expect.any(String), details: expect.any(Array), requestId: response.headers.get("x-request-id") },
  };
}

/** The workspace calendars' error shape, with the request id of the X-Request-Id header. */
export function workspaceError(response: RawResponse, code: string) {
  return { error: { code, message: expect.any(String), details: expect.any(Array), requestId: response.headers.get("x-request-id") } };
}

/** The calendar-events surface's JSON:API error objects (one or more), with the request id of the X-Request-Id header. */
export function jsonApiError(response: RawResponse, code: string) {
  return {
    errors: expect.arrayContaining([
      expect.objectContaining({ id: response.headers.get("x-request-id"), status: String(response.status), code, title: expect.any(String), detail: expect.any(String) }),
    ]),
  };
}

/** The error shape of the surface `path` belongs to (lib/http/surface.ts decides, as for the server). */
export function errorShape(response: RawResponse, code: string, path: string) {
  const pathname = path.split("?")[0]!;
  const surface = surfaceOf(pathname);
  if (surface === "workspace") return workspaceError(response, code);
  if (surface === "calendarEvents") return jsonApiError(response, code);
  return surface === "v2" ? v2Error(response, code, pathname) : v1Error(response, code);
}
