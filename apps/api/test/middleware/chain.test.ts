import { createMocks, type RequestMethod } from "node-mocks-http";
import type { NextApiRequest, NextApiResponse } from "next";
import { captureLogs } from "@slotbase/features";
import { HttpError } from "../../lib/http/http-error";
import { withMiddleware } from "../../lib/middleware/with-middleware";
import { useTestDatabase } from "../support/database";
import { createCaller } from "../support/fixtures";

useTestDatabase();

async function call(handler: ReturnType<typeof withMiddleware>, options: { method?: string; url: string; key?: string; headers?: Record<string, string> }) {
  const { req, res } = createMocks({
    method: (options.method ?? "GET") as RequestMethod,
    url: options.url,
    headers: { ...options.headers, ...(options.key ? { authorization: `Bearer ${options.key}` } : {}) },
  });
  await handler(req as unknown as NextApiRequest, res as unknown as NextApiResponse);
  return { status: res._getStatusCode(), headers: res._getHeaders(), body: JSON.parse(res._getData() || "null") };
}

const failing = (error: unknown) => withMiddleware({ GET: async () => { throw error; } }, { public: true });

describe("middleware chain", () => {
  it("turns an unexpected error into a 500 that reveals nothing but the request id", async () => {
    const leaky = new Error('relation "User" does not exist: SELECT "hashedKey" FROM "ApiKey"');
    const { result, lines } = await captureLogs(() => call(failing(leaky), { url: "/v1/anything" }));
    expect(lines).toContainEqual(expect.objectContaining({ level: "error", requestId: result.body.requestId }));
    expect(result.status).toBe(500);
    expect(result.body.code).toBe("internal_error");
    expect(JSON.stringify(result.body)).not.toMatch(/SELECT|hashedKey|relation|stack/);
    expect(result.body.message).toContain(result.body.requestId);
    expect(result.headers["x-request-id"]).toBe(result.body.requestId);
  });

  it("uses the v2 envelope on v2 paths", async () => {
    const result = await call(failing(new HttpError("not_found", "Booking not found.")), { url: "/v2/bookings/abc?x=1" });
    expect(result.status).toBe(404);
    expect(result.body).toMatchObject({
      status: "error",
      path: "/v2/bookings/abc",
      error: { code: "not_found", message: "Booking not found.", details: [] },
    });
    expect(new Date(result.body.timestamp).toString()).not.toBe("Invalid Date");
    expect(result.body.error.requestId).toBe(result.headers["x-request-id"]);
  });

  it("uses the v1 shape elsewhere, with message at the top level", async () => {
    const result = await call(failing(new HttpError("conflict", "Taken.")), { url: "/api/v1/users" });
    expect(result.body).toEqual({ message: "Taken.", code: "conflict", details: [], requestId: expect.any(String) });
  });

  it("keeps a sane caller-supplied request id and replaces a hostile one", async () => {
    const handler = withMiddleware({ GET: async (_req, res) => void res.status(200).json({ ok: true }) }, { public: true });
    const kept = await call(handler, { url: "/", headers: { "x-request-id": "trace-1234-abcd" } });
    expect(kept.headers["x-request-id"]).toBe("trace-1234-abcd");
    const replaced = await call(handler, { url: "/", headers: { "x-request-id": "<script>alert(1)</script>" } });
    expect(replaced.headers["x-request-id"]).not.toContain("<");
  });

  it("checks the method before the key: 405 with Allow, even without a key", async () => {
    const handler = withMiddleware({ GET: async (_req, res) => void res.status(200).json({}) });
    const result = await call(handler, { method: "DELETE", url: "/v1/x" });
    expect(result.status).toBe(405);
    expect(result.headers.allow).toBe("GET, HEAD, OPTIONS");
  });

  it("authenticates with a Bearer header on v2 and reports 401 in the v2 envelope", async () => {
    const handler = withMiddleware({ GET: async (req, res) => void res.status(200).json({ userId: (req as { auth?: { userId: number } }).auth?.userId }) });
    const caller = await createCaller();
    expect((await call(handler, { url: "/v2/x", key: caller.key })).body).toEqual({ userId: caller.user.id });
    const denied = await call(handler, { url: "/v2/x" });
    expect(denied.status).toBe(401);
    expect(denied.body.error.code).toBe("unauthorized");
  });
});
