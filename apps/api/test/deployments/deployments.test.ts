import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "pg";
import { createPostgresClient, withDatabaseScope, type Database } from "@slotbase/prisma";
import { deliverDueForDeployments, resetDeployments, stopDeploymentsDeliveryPoll, stopListeningForKeyChanges, verifiedKeyCache } from "@slotbase/features";
import { addDeployment, disableDeploymentByKey } from "@slotbase/features/deployments/register-deployment";
import { closeControlDatabase, saveDeployment } from "@slotbase/features/deployments/deployment-store";
import { seal } from "@slotbase/features/deployments/secret-box";
import { api } from "../support/api";
import { useTestDatabase } from "../support/database";
import { createCaller, type Caller } from "../support/fixtures";

// Multi-deployment mode needs PostgreSQL databases of its own (seed 002: a license key selects a database).
const adminUrl = process.env.TEST_DATABASE_URL;
const onPostgres = adminUrl ? describe : describe.skip;

const suffix = `${process.pid}_${randomBytes(3).toString("hex")}`;
const names = { control: `slotbase_ctl_${suffix}`, a: `slotbase_dep_a_${suffix}`, b: `slotbase_dep_b_${suffix}`, gone: `slotbase_dep_gone_${suffix}` };
const urlOf = (name: string) => {
  const url = new URL(adminUrl ?? "postgresql://localhost/test");
  url.pathname = `/${name}`;
  return url.toString();
};
const license = { a: `lic-a-${randomBytes(12).toString("hex")}`, b: `lic-b-${randomBytes(12).toString("hex")}`, noApi: `lic-n-${randomBytes(12).toString("hex")}`, gone: `lic-g-${randomBytes(12).toString("hex")}`, disabled: `lic-d-${randomBytes(12).toString("hex")}` };

async function onAdmin(sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

onPostgres("per-deployment databases (DEPLOYMENTS_DATABASE_URL)", () => {
  useTestDatabase();
  const saved = { ...process.env };
  const outbox = mkdtempSync(path.join(tmpdir(), "slotbase-deployments-mail-"));
  let a: Database;
  let b: Database;
  let callerA: Caller;
  let userB: { id: number; email: string };

  beforeAll(async () => {
    for (const name of Object.values(names)) await onAdmin(`CREATE DATABASE "${name}"`);
    Object.assign(process.env, {
      DEPLOYMENTS_DATABASE_URL: urlOf(names.control),
      DEPLOYMENTS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      DEPLOYMENTS_LOOKUP_CACHE_MS: "0",
      EMAIL_OUTBOX_DIR: outbox,
    });
    delete process.env.EMAIL_SERVER;
    // Registration migrates each database.
    await addDeployment({ licenseKey: license.a, databaseUrl: urlOf(names.a), addons: ["api"] });
    await addDeployment({ licenseKey: license.b, databaseUrl: urlOf(names.b), addons: ["api", "admin"] });
    await addDeployment({ licenseKey: license.noApi, databaseUrl: urlOf(names.b), addons: ["admin"] });
    await addDeployment({ licenseKey: license.disabled, databaseUrl: urlOf(names.b), addons: ["api"] });
    await addDeployment({ licenseKey: license.gone, databaseUrl: urlOf(names.gone), addons: ["api"] });
    await disableDeploymentByKey(license.disabled);
    await onAdmin(`DROP DATABASE "${names.gone}" WITH (FORCE)`);

    a = createPostgresClient(urlOf(names.a));
    b = createPostgresClient(urlOf(names.b));
    // The same API key string in both deployments, for different users (ids repeat too: both databases are new).
    callerA = await withDatabaseScope({ id: "setup-a", prisma: a, addons: [] }, () => createCaller({ role: "ADMIN", email: "owner@a.example.com" }));
    const keyA = await a.apiKey.findUniqueOrThrow({ where: { id: callerA.apiKeyId } });
    userB = await b.user.create({ data: { email: "owner@b.example.com", username: "owner-b", role: "ADMIN", emailVerified: new Date() } });
    await b.apiKey.create({ data: { userId: userB.id, hashedKey: keyA.hashedKey, prefix: keyA.prefix, scopes: [] } });
    await withDatabaseScope({ id: "setup-b", prisma: b, addons: [] }, () => createCaller({ email: "someone@b.example.com" }));
  }, 120_000);

  afterAll(async () => {
    stopDeploymentsDeliveryPoll();
    await stopListeningForKeyChanges();
    await resetDeployments();
    await closeControlDatabase();
    await a?.$disconnect();
    await b?.$disconnect();
    for (const name of Object.values(names)) await onAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    process.env = saved;
    rmSync(outbox, { recursive: true, force: true });
  });

  it("serves a request with a license key from that deployment's database, by header or ?key=", async () => {
    const viaHeader = await api("GET /v1/me", { key: callerA.key, headers: { "x-slotbase-license-key": license.a } });
    expect(viaHeader.status).toBe(200);
    expect(viaHeader.body.user.email).toBe("owner@a.example.com");
    const viaQuery = await api("GET /v1/me", { key: callerA.key, query: { key: license.b } });
    expect(viaQuery.status).toBe(200);
    expect(viaQuery.body.user.email).toBe("owner@b.example.com");
  });

  it("never reaches another database: the same key without a license key is unknown to the process's own database", async () => {
    const own = await api("GET /v1/me", { key: callerA.key });
    expect(own.status).toBe(401);
    // The same user id in the other deployment is someone else.
    const inB = await api("GET /v1/users/{id}", { params: { id: callerA.user.id }, key: callerA.key, headers: { "x-slotbase-license-key": license.b } });
    expect(inB.status).toBe(200);
    expect(inB.body.user.email).not.toBe("owner@a.example.com");
  });

  it("gives system-admin rights only with the Admin add-on", async () => {
    const inA = await api("GET /v1/users", { key: callerA.key, headers: { "x-slotbase-license-key": license.a } });
    expect(inA.status).toBe(200);
    expect(inA.body.users.map((u: { email: string }) => u.email)).toEqual(["owner@a.example.com"]);
    const inB = await api("GET /v1/users", { key: callerA.key, headers: { "x-slotbase-license-key": license.b } });
    expect(inB.status).toBe(200);
    expect(inB.body.users.map((u: { email: string }) => u.email).sort()).toEqual(["owner@b.example.com", "someone@b.example.com"]);
  });

  it("refuses unknown and disabled license keys with a 401 that says which, and a deployment without the API add-on with a 403", async () => {
    const unknown = await api("GET /v1/me", { key: callerA.key, headers: { "x-slotbase-license-key": "lic-not-registered-anywhere" } });
    expect(unknown.status).toBe(401);
    expect(unknown.body.message).toMatch(/not registered/);
    const disabled = await api("GET /v1/me", { key: callerA.key, query: { key: license.disabled } });
    expect(disabled.status).toBe(401);
    expect(disabled.body.message).toMatch(/disabled/);
    const noApi = await api("GET /v2/me", { key: callerA.key, headers: { "x-slotbase-license-key": license.noApi } });
    expect(noApi.status).toBe(403);
    expect(noApi.body.error.message).toMatch(/API add-on/);
    for (const answer of [unknown, disabled, noApi]) expect(JSON.stringify(answer.body)).not.toContain("lic-");
  });

  it("answers 503 for a deployment whose database is down, and keeps serving the others", async () => {
    const down = await api("GET /v2/me", { key: callerA.key, headers: { "x-slotbase-license-key": license.gone } });
    expect(down.status).toBe(503);
    expect(down.body.error.code).toBe("service_unavailable");
    expect(down.headers["retry-after"]).toBe("5");
    expect(JSON.stringify(down.body)).not.toContain(names.gone);
    const up = await api("GET /v2/me", { key: callerA.key, headers: { "x-slotbase-license-key": license.a } });
    expect(up.status).toBe(200);
  });

  it("stores only a hash of the license key and the database URL sealed", async () => {
    const control = new Client({ connectionString: urlOf(names.control) });
    await control.connect();
    try {
      const { rows } = await control.query("SELECT license_key_hash, database_url_sealed FROM slotbase_deployment");
      const stored = JSON.stringify(rows);
      for (const secret of [...Object.values(license), names.a, names.b]) expect(stored).not.toContain(secret);
    } finally {
      await control.end();
    }
    // A sealed value that was tampered with does not open.
    const sealed = seal(urlOf(names.a), Buffer.alloc(32, 1));
    await expect(saveDeployment(urlOf(names.control), { licenseKey: license.a, databaseUrlSealed: `${sealed}x`, addons: ["api"] })).resolves.toBeDefined();
    await resetDeployments(); // forget the open pool: the next request opens the stored URL
    const broken = await api("GET /v2/me", { key: callerA.key, headers: { "x-slotbase-license-key": license.a } });
    expect(broken.status).toBe(503);
    await addDeployment({ licenseKey: license.a, databaseUrl: urlOf(names.a), addons: ["api"] });
    await resetDeployments();
  });

  it("drops a deployment's cached key when any process announces its change on the control database", async () => {
    expect((await api("GET /v1/me", { key: callerA.key, headers: { "x-slotbase-license-key": license.a } })).status).toBe(200);
    const cached = () => {
      let found = false;
      verifiedKeyCache.dropWhere((key) => {
        if (key.apiKeyId === callerA.apiKeyId && key.scope !== "") found = true;
        return false;
      });
      return found;
    };
    expect(cached()).toBe(true);
    const control = new Client({ connectionString: urlOf(names.control) });
    await control.connect();
    try {
      const { rows } = await control.query("SELECT id FROM slotbase_deployment WHERE database_url_sealed IS NOT NULL ORDER BY created_at LIMIT 1");
      // What another instance sends after revoking the key in deployment A (key-invalidation.ts).
      await control.query("SELECT pg_notify('slotbase_keys', $1)", [JSON.stringify({ apiKeyId: callerA.apiKeyId, scope: rows[0].id })]);
    } finally {
      await control.end();
    }
    const deadline = Date.now() + 1_000;
    while (cached() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(cached()).toBe(false);
  });

  it("delivers what a deployment's booking queued from that deployment's database", async () => {
    const eventType = await a.eventType.create({
      data: { title: "Call", slug: "call", length: 30, userId: callerA.user.id, minimumBookingNotice: 0 },
    });
    const schedule = await a.schedule.create({ data: { userId: callerA.user.id, name: "Always", timeZone: "UTC" } });
    await a.availability.create({
      data: { scheduleId: schedule.id, days: [0, 1, 2, 3, 4, 5, 6], startTime: new Date("1970-01-01T00:00:00Z"), endTime: new Date("1970-01-01T23:59:00Z") },
    });
    await a.user.update({ where: { id: callerA.user.id }, data: { defaultScheduleId: schedule.id, timeZone: "UTC" } });
    const start = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + 2, 10));
    const booked = await api("POST /v2/bookings", {
      key: callerA.key,
      headers: { "x-slotbase-license-key": license.a, "cal-api-version": "2024-08-13" },
      body: { eventTypeId: eventType.id, start: start.toISOString(), attendee: { name: "Ann", email: "ann@example.com", timeZone: "UTC" } },
    });
    expect(booked.status).toBe(201);
    expect(await b.booking.count()).toBe(0);
    const queued = await a.notification.count({ where: { status: "PENDING" } });
    expect(queued).toBeGreaterThan(0);
    const run = await deliverDueForDeployments({ outboxes: ["emails"] });
    expect(run.emails.sent).toBe(queued);
    expect(await a.notification.count({ where: { status: "PENDING" } })).toBe(0);
    expect(readdirSync(outbox).filter((f) => f.endsWith(".eml"))).toHaveLength(queued);
  });
});
