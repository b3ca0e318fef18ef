import { getPrisma } from "@slotbase/prisma";
import { useTestDatabase } from "../../support/database";
import { api } from "../../support/api";
import { addKey, createCaller } from "../../support/fixtures";
import { addDays, today, UTC } from "../../support/dates";

useTestDatabase();

const fields = (body: { details: { field?: string }[] }) => body.details.map((d) => d.field);

describe("api-keys — errors", () => {
  it("names an unknown scope", async () => {
    const caller = await createCaller();
    const result = await api("POST /v1/api-keys", { key: caller.key, body: { scopes: ["bookings:read", "everything:admin"] } });
    expect(result.status).toBe(400);
    expect(fields(result.body)).toContain("body.scopes.1");
  });

  it("refuses an expiry in the past or a date without offset", async () => {
    const caller = await createCaller();
    const past = await api("POST /v1/api-keys", { key: caller.key, body: { expiresAt: "2020-01-01T00:00:00Z" } });
    expect(past.status).toBe(400);
    expect(fields(past.body)).toContain("body.expiresAt");
    // A year ahead: refused for the missing offset, not for being past.
    const naive = await api("POST /v1/api-keys", { key: caller.key, body: { expiresAt: `${addDays(today(UTC), 365)} 10:00` } });
    expect(naive.status).toBe(400);
    expect(fields(naive.body)).toContain("body.expiresAt");
  });

  it("a scoped key cannot mint an unrestricted or wider key", async () => {
    const caller = await createCaller();
    const scoped = await addKey(caller.user, { scopes: ["api-keys:write", "bookings:read"] });
    const unrestricted = await api("POST /v1/api-keys", { key: scoped.key, body: {} });
    expect(unrestricted.status).toBe(403);
    const wider = await api("POST /v1/api-keys", { key: scoped.key, body: { scopes: ["bookings:write"] } });
    expect(wider.status).toBe(403);
    expect(wider.body.message).toContain("bookings:write");
    const same = await api("POST /v1/api-keys", { key: scoped.key, body: { scopes: ["bookings:read"] } });
    expect(same.status).toBe(201);
  });

  it("a scoped key cannot widen itself", async () => {
    const caller = await createCaller();
    const scoped = await addKey(caller.user, { scopes: ["api-keys:write"] });
    const result = await api("PATCH /v1/api-keys/{id}", { params: { id: scoped.apiKeyId }, key: scoped.key, body: { scopes: ["users:admin"] } });
    expect(result.status).toBe(403);
    const prisma = await getPrisma();
    expect((await prisma.apiKey.findUniqueOrThrow({ where: { id: scoped.apiKeyId } })).scopes).toEqual(["api-keys:write"]);
  });

  it("a plain user cannot create keys for someone else", async () => {
    const other = await createCaller();
    const caller = await createCaller();
    const result = await api("POST /v1/api-keys", { key: caller.key, body: { userId: other.user.id } });
    expect(result.status).toBe(403);
  });

  it("404s restricting a key to a team the user is not in", async () => {
    const caller = await createCaller();
    const prisma = await getPrisma();
    const team = await prisma.team.create({ data: { name: "Elsewhere" } });
    const result = await api("POST /v1/api-keys", { key: caller.key, body: { teamId: team.id } });
    expect(result.status).toBe(404);
  });

  it("404s an unknown key id and refuses unknown fields", async () => {
    const caller = await createCaller();
    const missing = await api("GET /v1/api-keys/{id}", { params: { id: "nope" }, key: caller.key });
    expect(missing.status).toBe(404);
    const unknown = await api("PATCH /v1/api-keys/{id}", { params: { id: caller.apiKeyId }, key: caller.key, body: { hashedKey: "x" } });
    expect(unknown.status).toBe(400);
    expect(fields(unknown.body)).toContain("body.hashedKey");
  });
});
