import { getPrisma } from "@slotbase/prisma";
import { flushBackgroundWrites } from "@slotbase/features";
import { useTestDatabase } from "../../support/database";
import { api } from "../../support/api";
import { createAdmin, createCaller } from "../../support/fixtures";
import { expectListPaging } from "../../support/list-paging";

useTestDatabase();

describe("api-keys — happy paths", () => {
  it("creates a key, shows its secret once, and the new key works", async () => {
    const caller = await createCaller();
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const created = await api("POST /v1/api-keys", {
      key: caller.key,
      body: { note: "zapier", expiresAt, scopes: ["bookings:read", "bookings:read"] },
    });
    expect(created.status).toBe(201);
    const { key, ...shown } = created.body.api_key;
    expect(key).toMatch(/^cal_[a-f0-9]{64}$/);
    expect(shown).toMatchObject({ note: "zapier", scopes: ["bookings:read"], userId: caller.user.id, expiresAt });
    expect(shown.prefix).toBe(key.slice(0, shown.prefix.length));
    expect(shown).not.toHaveProperty("hashedKey");

    const me = await api("GET /v1/users", { key });
    expect(me.status).toBe(403); // bookings:read only
    const fetched = await api("GET /v1/api-keys/{id}", { params: { id: shown.id }, key: caller.key });
    expect(JSON.stringify(fetched.body)).not.toContain(key.slice(4));
    expect(fetched.body.api_key).not.toHaveProperty("hashedKey");
    expect(fetched.body.api_key).not.toHaveProperty("key");
  });

  it("lists only the caller's keys, never with secrets or hashes", async () => {
    const other = await createCaller();
    const caller = await createCaller();
    await api("POST /v1/api-keys", { key: caller.key, body: { note: "second" } });
    const list = await api("GET /v1/api-keys", { key: caller.key });
    expect(list.body.api_keys).toHaveLength(2);
    expect(list.body.api_keys.every((k: { userId: number }) => k.userId === caller.user.id)).toBe(true);
    expect(JSON.stringify(list.body)).not.toMatch(/hashedKey|"key"/);
    expect(JSON.stringify(list.body)).not.toContain(other.apiKeyId);
  });

  it("an admin creates a key for another user and lists that user's keys", async () => {
    const admin = await createAdmin();
    const user = await createCaller();
    const created = await api("POST /v1/api-keys", { key: admin.key, body: { userId: user.user.id, note: "for you" } });
    expect(created.status).toBe(201);
    expect(created.body.api_key.userId).toBe(user.user.id);
    const me = await api("GET /v1/me", { key: created.body.api_key.key });
    expect(me.body.user.id).toBe(user.user.id);
    const list = await api("GET /v1/api-keys", { key: admin.key, query: { userId: String(user.user.id) } });
    expect(list.body.api_keys).toHaveLength(2);
  });

  it("narrowing a key's scopes takes effect on its very next request", async () => {
    const caller = await createCaller();
    expect((await api("GET /v1/me", { key: caller.key })).status).toBe(200);
    const patched = await api("PATCH /v1/api-keys/{id}", {
      params: { id: caller.apiKeyId },
      key: caller.key,
      body: { scopes: ["bookings:read"], note: "narrowed" },
    });
    expect(patched.body.api_key).toMatchObject({ scopes: ["bookings:read"], note: "narrowed" });
    expect((await api("GET /v1/me", { key: caller.key })).status).toBe(403);
  });

  it("a deleted key stops working on its very next request", async () => {
    const caller = await createCaller();
    expect((await api("GET /v1/me", { key: caller.key })).status).toBe(200);
    const deleted = await api("DELETE /v1/api-keys/{id}", { params: { id: caller.apiKeyId }, key: caller.key });
    expect(deleted.status).toBe(200);
    const after = await api("GET /v1/me", { key: caller.key });
    expect(after.status).toBe(401);
  });

  it("records lastUsedAt without holding up the response", async () => {
    const caller = await createCaller();
    const before = Date.now();
    await api("GET /v1/me", { key: caller.key });
    await flushBackgroundWrites();
    const prisma = await getPrisma();
    const row = await prisma.apiKey.findUniqueOrThrow({ where: { id: caller.apiKeyId } });
    expect(row.lastUsedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });
});

describe("GET /v1/api-keys list paging", () => {
  it("answers every key of the caller, oldest first, with X-Total-Count and Link rel=next", async () => {
    const caller = await createCaller();
    await createCaller(); // another user's key: never listed or counted
    const prisma = await getPrisma();
    for (let i = 0; i < 2; i += 1) await api("POST /v1/api-keys", { key: caller.key, body: {} });
    const keys = await prisma.apiKey.findMany({ where: { userId: caller.user.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(keys).toHaveLength(3);
    await expectListPaging("GET /v1/api-keys", { key: caller.key }, "api_keys", keys.map((k) => k.id));
  });
});
