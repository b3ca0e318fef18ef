import { Readable } from "node:stream";
import { HttpError } from "../../lib/http/http-error";
import { MAX_BODY_DEPTH, readJsonBody } from "../../lib/http/read-json-body";
import type { ApiRequest } from "../../lib/http/types";

/** A request whose body arrives as these byte chunks, as Node delivers it with Next's parser off. */
function streamed(...chunks: (Buffer | string)[]): ApiRequest {
  const req = Readable.from(chunks.map((chunk) => (typeof chunk === "string" ? Buffer.from(chunk) : chunk))) as unknown as ApiRequest;
  (req as { headers: Record<string, string> }).headers = { "content-type": "application/json" };
  return req;
}

function given(body: unknown): ApiRequest {
  return { headers: { "content-type": "application/json" }, body } as unknown as ApiRequest;
}

async function refusal(req: ApiRequest): Promise<{ status: number; code: string; details: unknown[] }> {
  try {
    await readJsonBody(req);
  } catch (error) {
    if (error instanceof HttpError) return { status: error.status, code: error.code, details: error.details };
    throw error;
  }
  throw new Error("expected the body to be refused");
}

describe("readJsonBody", () => {
  it("reads UTF-8 JSON, a multi-byte character split across chunks included, and drops a BOM", async () => {
    const text = Buffer.from('{"name":"Zoë 🗓"}');
    const split = text.indexOf(0xc3) + 1; // inside "ë"
    expect(await readJsonBody(streamed(text.subarray(0, split), text.subarray(split)))).toEqual({ name: "Zoë 🗓" });
    expect(await readJsonBody(streamed(Buffer.from([0xef, 0xbb, 0xbf]), '{"a":1}'))).toEqual({ a: 1 });
  });

  it("refuses bytes that are not UTF-8 (400 invalid_encoding on body) instead of storing U+FFFD", async () => {
    for (const bytes of [
      Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]), // {"a":"\xFF"}
      Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')]), // overlong "/"
      Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]), // an encoded surrogate
      Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xe2, 0x82]), Buffer.from('"}')]), // truncated sequence
    ]) {
      expect(await refusal(streamed(bytes))).toEqual({
        status: 400,
        code: "bad_request",
        details: [expect.objectContaining({ field: "body", rule: "invalid_encoding" })],
      });
    }
  });

  it("refuses NUL characters, naming the field, in values, keys, arrays and bodies set by a parser", async () => {
    expect(await refusal(streamed('{"attendee":{"name":"a\\u0000b"}}'))).toEqual({
      status: 400,
      code: "bad_request",
      details: [expect.objectContaining({ field: "body.attendee.name", rule: "invalid_characters" })],
    });
    expect((await refusal(streamed('{"guests":["x@example.com","\\u0000"]}'))).details).toEqual([
      expect.objectContaining({ field: "body.guests.1", rule: "invalid_characters" }),
    ]);
    expect((await refusal(streamed('{"metadata":{"k\\u0000":"v"}}'))).details).toEqual([
      expect.objectContaining({ field: "body.metadata", rule: "invalid_characters" }),
    ]);
    expect((await refusal(streamed('"\\u0000"'))).details).toEqual([expect.objectContaining({ field: "body", rule: "invalid_characters" })]);
    expect((await refusal(given({ title: "a\u0000b" }))).details).toEqual([expect.objectContaining({ field: "body.title", rule: "invalid_characters" })]);
    expect((await refusal(given('{"title":"a\\u0000"}'))).details).toEqual([expect.objectContaining({ field: "body.title", rule: "invalid_characters" })]);
  });

  it("refuses a raw NUL byte as invalid JSON, and escaped lone surrogates as invalid_encoding", async () => {
    expect((await refusal(streamed(Buffer.from('{"a":"x\u0000"}')))).details).toEqual([expect.objectContaining({ field: "body", rule: "invalid_json" })]);
    expect((await refusal(streamed('{"a":"\\ud800"}'))).details).toEqual([expect.objectContaining({ field: "body.a", rule: "invalid_encoding" })]);
    expect((await refusal(given("\ud800"))).details).toEqual([expect.objectContaining({ field: "body", rule: "invalid_encoding" })]);
    expect(await readJsonBody(streamed('{"a":"\\ud83d\\uddd3"}'))).toEqual({ a: "🗓" });
  });

  it("refuses JSON nested deeper than MAX_BODY_DEPTH with a 400, not a stack overflow", async () => {
    const deep = `${"[".repeat(200_000)}${"]".repeat(200_000)}`;
    expect((await refusal(streamed(deep))).details).toEqual([expect.objectContaining({ rule: "too_deep" })]);
    const ok = `${'{"a":'.repeat(MAX_BODY_DEPTH - 1)}1${"}".repeat(MAX_BODY_DEPTH - 1)}`;
    expect(await readJsonBody(streamed(ok))).toBeDefined();
  });
});
