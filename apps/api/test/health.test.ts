import { createPostgresClient, getPrisma, setPrisma } from "@slotbase/prisma";
import { api } from "./support/api";
import { useTestDatabase } from "./support/database";
import { createCaller } from "./support/fixtures";

useTestDatabase();

describe("GET /health (liveness)", () => {
  it("answers 200 without a key and without reading anything", async () => {
    const result = await api("GET /health");
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ status: "ok", uptimeSeconds: expect.any(Number) });
    expect(result.headers["cache-control"]).toBe("no-store");
  });

  it("is the same with a key, and refuses other methods in JSON", async () => {
    const caller = await createCaller();
    expect((await api("GET /health", { key: caller.key })).status).toBe(200);
    const post = await api("POST /health", { body: {}, unchecked: true });
    expect(post.status).toBe(405);
    expect(post.body).toMatchObject({ code: "method_not_allowed" });
  });
});

describe("GET /health/ready (readiness)", () => {
  it("is 200 when the database answers and has every migration", async () => {
    const result = await api("GET /health/ready");
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ status: "ready", failing: [], checks: { database: { status: "ok" }, migrations: { status: "ok" } } });
  });

  it("is 503 naming the migrations when one is missing, and ready again once it is back", async () => {
    const prisma = await getPrisma();
    const [last] = await prisma.$queryRaw<{ id: string; migration_name: string }[]>`
      SELECT id, migration_name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`;
    await prisma.$executeRaw`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE id = ${last!.id}`;
    try {
      const result = await api("GET /health/ready");
      expect(result.status).toBe(503);
      expect(result.body).toMatchObject({ status: "unavailable", failing: ["migrations"], checks: { database: { status: "ok" }, migrations: { status: "failing" } } });
      expect(result.body.checks.migrations.detail).toContain(last!.migration_name);
    } finally {
      await prisma.$executeRaw`UPDATE "_prisma_migrations" SET rolled_back_at = NULL WHERE id = ${last!.id}`;
    }
    expect((await api("GET /health/ready")).status).toBe(200);
  });

  it("is 503 naming the database when it cannot be reached, without revealing where it is", async () => {
    const working = await getPrisma();
    const unreachable = createPostgresClient("postgresql://slotbase:s3cret-password@127.0.0.1:1/nowhere", { ...process.env, DATABASE_CONNECT_TIMEOUT_MS: "500" });
    setPrisma(unreachable);
    try {
      const result = await api("GET /health/ready");
      expect(result.status).toBe(503);
      expect(result.body).toMatchObject({ status: "unavailable", failing: ["database", "migrations"], checks: { database: { status: "failing" } } });
      const text = JSON.stringify(result.body);
      for (const secret of ["s3cret-password", "slotbase:", "127.0.0.1", "nowhere"]) expect(text).not.toContain(secret);
    } finally {
      setPrisma(working);
      await unreachable.$disconnect();
    }
  });
});
