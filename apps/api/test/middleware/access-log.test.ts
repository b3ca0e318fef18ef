import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { captureLogs } from "@slotbase/features";
import { createMocks } from "node-mocks-http";
import { scanServerLog } from "../../test-http/support/log-scan";
import { api } from "../support/api";
import { useTestDatabase } from "../support/database";
import { createCaller } from "../support/fixtures";
import { loggablePath } from "../../lib/middleware/access-log";
import type { ApiRequest } from "../../lib/http/types";

useTestDatabase();

describe("the access log", () => {
  it("writes one line per request: method, path without the key, status, duration, request id, user", async () => {
    const caller = await createCaller();
    const { lines } = await captureLogs(() => api("GET /v1/me", { key: caller.key, keyIn: "query" }));
    const access = lines.filter((line) => line.msg === "request");
    expect(access).toEqual([
      expect.objectContaining({ level: "info", method: "GET", path: expect.stringMatching(/^\/(api\/)?v1\/me$/), status: 200, durationMs: expect.any(Number), requestId: expect.any(String), userId: caller.user.id }),
    ]);
    expect(JSON.stringify(lines)).not.toContain(caller.key);
  });

  it("drops credential parameters, whatever their case, and keeps the rest of the query", () => {
    const req = (url: string) => createMocks({ method: "GET", url }).req as unknown as ApiRequest;
    expect(loggablePath(req("/v1/bookings?apiKey=cal_secret&take=10"))).toBe("/v1/bookings?take=10");
    expect(loggablePath(req("/v1/me?APIKEY=cal_secret&key=lic&token=t&password=p"))).toBe("/v1/me");
    expect(loggablePath(req("/v1/me"))).toBe("/v1/me");
  });

  it("logs unknown paths and refused keys too, without the key", async () => {
    const { lines } = await captureLogs(() => api("GET /v1/me", { key: "cal_0123456789abcdef0123456789abcdef", unchecked: true }));
    expect(lines.filter((line) => line.msg === "request")).toEqual([expect.objectContaining({ status: 401, userId: null })]);
    expect(JSON.stringify(lines)).not.toContain("0123456789abcdef0123456789abcdef");
  });
});

describe("the HTTP suite's log scan (test-http/support/log-scan.ts)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "slotbase-log-scan-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const scan = (log: string[], keys: string[]) => {
    writeFileSync(path.join(dir, "server.log"), log.join("\n"));
    writeFileSync(path.join(dir, "keys.txt"), keys.join("\n"));
    return scanServerLog(path.join(dir, "server.log"), path.join(dir, "keys.txt"));
  };
  const line = (fields: Record<string, unknown>) => JSON.stringify({ level: "info", msg: "request", method: "GET", path: "/v1/me", status: 200, durationMs: 1, requestId: "r", ...fields });

  it("passes a clean log", () => {
    expect(scan([line({})], ["cal_abcdefghijklmnop"])).toEqual([]);
  });

  it("finds a key as sent or percent-encoded, a Bearer credential, and a log without access lines, never printing the key", () => {
    const problems = scan([line({ path: "/v1/me?apiKey=cal_abc%2Bdefghijklmnop" }), '{"msg":"x","auth":"Bearer sometoken123"}'], ["cal_abc+defghijklmnop"]);
    expect(problems).toEqual([expect.stringContaining("contain an API key"), expect.stringContaining("Bearer")]);
    expect(problems.join(" ")).not.toContain("defghijklmnop");
    expect(scan(['{"msg":"started"}'], [])).toEqual(["the server logged no access line at all"]);
  });
});
