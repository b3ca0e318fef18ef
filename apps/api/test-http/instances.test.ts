import { createApiKey } from "@slotbase/features";
import { issueApiKey } from "@slotbase/features/scripts/issue-api-key";
import { createTestDatabase, type TestDatabase } from "@slotbase/prisma/testing";
import { startBuiltServer, type RunningServer } from "../../../scripts/bench/lib/server";

/**
 * Two instances of the built app on one PostgreSQL database behave as one: a key revoked
 * through one stops working on the other at once (a NOTIFY every process listens for), not
 * when the other's key cache expires (APIKEY_CACHE_TTL_MS, 30 s by default).
 */
process.env.TEST_DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/test";

let db: TestDatabase;
let a: RunningServer;
let b: RunningServer;

beforeAll(async () => {
  db = await createTestDatabase();
  const env = { DATABASE_URL: db.url!, APIKEY_CACHE_TTL_MS: "30000", NOTIFICATIONS_WORKER: "off", WEBHOOK_WORKER: "off" };
  [a, b] = await Promise.all([startBuiltServer(env), startBuiltServer(env)]);
}, 120_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await db?.close();
});

const me = (server: RunningServer, key: string) => fetch(`${server.baseUrl}/v1/me`, { headers: { authorization: `Bearer ${key}` } }).then(async (response) => {
  await response.arrayBuffer();
  return response.status;
});

describe("several instances on one database", () => {
  it("a key revoked through one instance is refused by the other within a second", async () => {
    const admin = await issueApiKey(db.prisma, { email: "instances-admin@example.com", admin: true });
    const second = await createApiKey(db.prisma, { userId: admin.userId, note: "to revoke" });
    // both instances have verified (and cached) the key
    expect(await me(a, second.key)).toBe(200);
    expect(await me(b, second.key)).toBe(200);

    const revoked = await fetch(`${a.baseUrl}/v1/api-keys/${second.apiKey.id}`, { method: "DELETE", headers: { authorization: `Bearer ${admin.key}` } });
    expect(revoked.status).toBe(200);
    const started = Date.now();
    let status = await me(b, second.key);
    while (status === 200 && Date.now() - started < 5_000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = await me(b, second.key);
    }
    expect(status).toBe(401);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
