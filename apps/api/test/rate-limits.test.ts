import { resetRateLimiter } from "@slotbase/features";
import { getPrisma } from "@slotbase/prisma";
import { createMocks } from "node-mocks-http";
import { api } from "./support/api";
import { useTestDatabase } from "./support/database";
import { addKey, createAdmin, createCaller } from "./support/fixtures";
import { clientIp, trustedProxies } from "../lib/http/client-ip";
import type { ApiRequest } from "../lib/http/types";

useTestDatabase();

// This file's limits: 3 requests a minute per key, 2 per address without a key (in process).
const saved = { perKey: process.env.RATE_LIMIT_PER_MINUTE, anonymous: process.env.RATE_LIMIT_ANONYMOUS_PER_MINUTE, redis: process.env.REDIS_URL };
beforeEach(async () => {
  process.env.RATE_LIMIT_PER_MINUTE = "3";
  process.env.RATE_LIMIT_ANONYMOUS_PER_MINUTE = "2";
  delete process.env.REDIS_URL;
  await resetRateLimiter();
});
afterAll(async () => {
  for (const [name, value] of [["RATE_LIMIT_PER_MINUTE", saved.perKey], ["RATE_LIMIT_ANONYMOUS_PER_MINUTE", saved.anonymous], ["REDIS_URL", saved.redis]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await resetRateLimiter();
});

const limitHeaders = (result: { headers: Record<string, unknown> }) => [result.headers["x-ratelimit-limit"], result.headers["x-ratelimit-remaining"]];

describe("rate limits per API key", () => {
  it("counts down in headers, then answers 429 in the v1 shape with Retry-After; another key is not affected", async () => {
    const caller = await createCaller();
    const results = [];
    for (let i = 0; i < 4; i += 1) results.push(await api("GET /v1/me", { key: caller.key }));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    expect(results.map(limitHeaders)).toEqual([["3", "2"], ["3", "1"], ["3", "0"], ["3", "0"]]);
    const refused = results[3]!;
    expect(refused.body).toMatchObject({ code: "rate_limited", message: expect.stringContaining("3 a minute") });
    expect(Number(refused.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers["retry-after"])).toBeLessThanOrEqual(60);
    expect(Number(refused.headers["x-ratelimit-reset"])).toBe(Number(refused.headers["retry-after"]));

    const other = await createCaller();
    expect((await api("GET /v1/me", { key: other.key })).status).toBe(200);
  });

  it("answers a v2 path's 429 in the v2 shape", async () => {
    const caller = await createCaller();
    for (let i = 0; i < 3; i += 1) await api("GET /v2/me", { key: caller.key });
    const refused = await api("GET /v2/me", { key: caller.key });
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ status: "error", error: { code: "rate_limited" } });
  });

  it("an admin sets a key's own limit with PATCH /v1/api-keys/{id} (0: unlimited, null: the default); its owner may not", async () => {
    const admin = await createAdmin();
    // the admin's own key is not limited here: this test makes more than 3 calls with it
    await (await getPrisma()).apiKey.update({ where: { id: admin.apiKeyId }, data: { rateLimitPerMinute: 0 } });
    const caller = await createCaller();
    const second = await addKey(caller.user);
    const byOwner = await api("PATCH /v1/api-keys/{id}", { key: caller.key, params: { id: second.apiKeyId }, body: { rateLimitPerMinute: 0 } });
    expect(byOwner.status).toBe(403);
    expect(JSON.stringify(byOwner.body.details)).toContain("rateLimitPerMinute");

    const one = await api("PATCH /v1/api-keys/{id}", { key: admin.key, params: { id: second.apiKeyId }, body: { rateLimitPerMinute: 1 } });
    expect(one.status).toBe(200);
    expect(one.body.api_key.rateLimitPerMinute).toBe(1);
    expect((await api("GET /v1/me", { key: second.key })).status).toBe(200);
    expect((await api("GET /v1/me", { key: second.key })).status).toBe(429);

    await api("PATCH /v1/api-keys/{id}", { key: admin.key, params: { id: second.apiKeyId }, body: { rateLimitPerMinute: 0 } });
    const unlimited = [];
    for (let i = 0; i < 5; i += 1) unlimited.push(await api("GET /v1/me", { key: second.key }));
    expect(unlimited.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(unlimited[0]!.headers["x-ratelimit-limit"]).toBeUndefined();

    const invalid = await api("PATCH /v1/api-keys/{id}", { key: admin.key, params: { id: second.apiKeyId }, body: { rateLimitPerMinute: -1 } });
    expect(invalid.status).toBe(400);
    expect(JSON.stringify(invalid.body.details)).toContain("body.rateLimitPerMinute");
    const reset = await api("PATCH /v1/api-keys/{id}", { key: admin.key, params: { id: second.apiKeyId }, body: { rateLimitPerMinute: null } });
    expect(reset.body.api_key.rateLimitPerMinute).toBeNull();
  });
});

describe("rate limits without a key", () => {
  it("counts public requests per address; the health probes are never limited", async () => {
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await api("GET /")).status);
    expect(statuses).toEqual([200, 200, 429]);
    for (let i = 0; i < 5; i += 1) expect((await api("GET /health")).status).toBe(200);
    expect((await api("GET /health/ready")).status).toBe(200);
  });
});

describe("the client address (TRUSTED_PROXIES)", () => {
  const request = (remoteAddress: string, forwardedFor?: string) =>
    createMocks({ method: "GET", url: "/", headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {}, socket: { remoteAddress } }).req as unknown as ApiRequest;

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(clientIp(request("198.51.100.7", "203.0.113.1"), trustedProxies(""))).toBe("198.51.100.7");
  });

  it("believes trusted proxies, taking the rightmost address that is not one", () => {
    const proxies = trustedProxies("10.0.0.0/8, 127.0.0.1");
    expect(clientIp(request("10.1.2.3", "203.0.113.1, 198.51.100.2, 10.9.9.9"), proxies)).toBe("198.51.100.2");
    expect(clientIp(request("::ffff:127.0.0.1", "203.0.113.5"), proxies)).toBe("203.0.113.5");
    expect(clientIp(request("10.1.2.3"), proxies)).toBe("10.1.2.3");
    expect(clientIp(request("10.1.2.3", "203.0.113.1"), trustedProxies("*"))).toBe("203.0.113.1");
  });

  it("refuses a setting that is not an address or range", () => {
    expect(() => trustedProxies("10.0.0.0/8, proxy.internal")).toThrow(/proxy.internal/);
  });
});
