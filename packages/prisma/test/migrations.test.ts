import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { MIGRATIONS } from "../generated/migrations";
import { readMigrationFiles, type MigrationFile } from "../src/migration-files";
import { applyMigrations, MigrationError, type MigrationReport } from "../src/migrator";
import { diffDatabaseToSchema, diffEmptyToSchema } from "../src/schema-engine";
import { openScratchDatabase, type ScratchDatabase } from "./scratch-database";

const packageDir = path.resolve(__dirname, "..");
const migrationsOnDisk = readMigrationFiles(path.join(packageDir, "migrations"));
const schemaText = readFileSync(path.join(packageDir, "schema.prisma"), "utf8");

let db: ScratchDatabase;
let firstRun: MigrationReport;
beforeAll(async () => {
  db = await openScratchDatabase();
  firstRun = await applyMigrations(db.runner, migrationsOnDisk);
});
afterAll(() => db.close());

describe("migrations/", () => {
  it("are bundled unchanged into generated/migrations.ts (run scripts/generate.ts after adding one)", () => {
    expect(MIGRATIONS).toEqual(migrationsOnDisk);
  });

  it("produce exactly the schema in schema.prisma (no drift)", async () => {
    expect(firstRun.applied).toEqual(migrationsOnDisk.map((m) => m.name));
    expect(await diffDatabaseToSchema(db.adapterFactory, schemaText)).toBe("");
  });

  it("drift check fails when schema.prisma has something the migrations lack", async () => {
    const withExtraColumn = schemaText.replace(/^model User \{$/m, "model User {\n  driftProbe String?");
    expect(withExtraColumn).not.toBe(schemaText);
    const sql = await diffDatabaseToSchema(db.adapterFactory, withExtraColumn);
    expect(sql).toMatch(/ALTER TABLE "User" ADD COLUMN\s+"driftProbe" TEXT/);
  });

  it("drift check fails when the migrations have something schema.prisma lacks", async () => {
    const withoutWebhookIndex = schemaText.replace("  @@index([webhookId, createdAt(sort: Desc), id(sort: Desc)])\n", "");
    expect(withoutWebhookIndex).not.toBe(schemaText);
    const sql = await diffDatabaseToSchema(db.adapterFactory, withoutWebhookIndex);
    expect(sql).toMatch(/DROP INDEX "WebhookDelivery_webhookId_createdAt_id_idx"/);
  });
});

describe("indexes Prisma does not model", () => {
  it("keep their predicates (the drift check cannot see them)", async () => {
    const rows = await db.runner.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'WebhookDelivery' AND indexname IN ('WebhookDelivery_status_nextAttemptAt_idx', 'WebhookDelivery_bookingId_idx') ORDER BY indexname`,
    );
    expect(rows.map((r) => [r.indexname, r.indexdef.replace(/^.* WHERE /, "WHERE ")])).toEqual([
      ["WebhookDelivery_bookingId_idx", `WHERE ("triggerEvent" = 'MEETING_ENDED'::"WebhookTriggerEvents")`],
      ["WebhookDelivery_status_nextAttemptAt_idx", `WHERE (status = 'PENDING'::"DeliveryStatus")`],
    ]);
  });

  it("keep their expressions: the longest accepted or pending booking's length, read by upcoming lists and busy checks", async () => {
    const rows = await db.runner.query<{ indexdef: string }>(`SELECT indexdef FROM pg_indexes WHERE indexname = 'Booking_length_idx'`);
    expect(rows.map((r) => r.indexdef.replace(/^.* USING btree /, ""))).toEqual([
      `((("endTime" - "startTime"))) WHERE (status = ANY (ARRAY['ACCEPTED'::"BookingStatus", 'PENDING'::"BookingStatus"]))`,
    ]);
  });
});

describe("diffEmptyToSchema (authoring migrations)", () => {
  it("writes SQL that builds exactly schema.prisma", async () => {
    const sql = await diffEmptyToSchema(schemaText);
    expect(sql).toContain('CREATE TABLE "Booking"');
    const fresh = await openScratchDatabase();
    try {
      await fresh.runner.exec(sql);
      expect(await diffDatabaseToSchema(fresh.adapterFactory, schemaText)).toBe("");
    } finally {
      await fresh.close();
    }
  });
});

describe("applyMigrations", () => {
  it("applies nothing on a second run", async () => {
    expect(await applyMigrations(db.runner, migrationsOnDisk)).toEqual({
      applied: [],
      alreadyApplied: migrationsOnDisk.length,
    });
  });

  it("records every migration in _prisma_migrations with Prisma's columns", async () => {
    const columns = await db.runner.query<{ column_name: string; data_type: string; is_nullable: string }>(
      `SELECT column_name, data_type, is_nullable FROM information_schema.columns
       WHERE table_name = '_prisma_migrations' ORDER BY column_name`,
    );
    expect(columns).toEqual([
      { column_name: "applied_steps_count", data_type: "integer", is_nullable: "NO" },
      { column_name: "checksum", data_type: "character varying", is_nullable: "NO" },
      { column_name: "finished_at", data_type: "timestamp with time zone", is_nullable: "YES" },
      { column_name: "id", data_type: "character varying", is_nullable: "NO" },
      { column_name: "logs", data_type: "text", is_nullable: "YES" },
      { column_name: "migration_name", data_type: "character varying", is_nullable: "NO" },
      { column_name: "rolled_back_at", data_type: "timestamp with time zone", is_nullable: "YES" },
      { column_name: "started_at", data_type: "timestamp with time zone", is_nullable: "NO" },
    ]);

    const rows = await db.runner.query<MigrationRow>(`SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(rows.map((r) => r.migration_name)).toEqual(migrationsOnDisk.map((m) => m.name));
    for (const [i, row] of rows.entries()) {
      const sql = readFileSync(path.join(packageDir, "migrations", row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      expect(row).toMatchObject({ logs: null, rolled_back_at: null, applied_steps_count: 1 });
      expect(row.migration_name).toBe(migrationsOnDisk[i].name);
    }
  });

  it("refuses to continue when an applied migration was edited", async () => {
    const edited = migrationsOnDisk.map((m, i) => (i === 0 ? withSql(m, `${m.sql}\n-- edited`) : m));
    await expect(applyMigrations(db.runner, edited)).rejects.toThrow(MigrationError);
    await expect(applyMigrations(db.runner, edited)).rejects.toThrow(/20261121000000_init was edited after it was applied/);
  });

  it("applies a new migration after the others and records it", async () => {
    const added = withSql({ name: "29990101000000_add_probe", sql: "", checksum: "" }, `CREATE TABLE "Probe" (id INT);`);
    expect(await applyMigrations(db.runner, [...migrationsOnDisk, added])).toEqual({
      applied: [added.name],
      alreadyApplied: migrationsOnDisk.length,
    });
    expect(await db.runner.query(`SELECT count(*)::int AS n FROM "Probe"`)).toEqual([{ n: 0 }]);
  });

  it("rolls back a failing migration, logs why, and refuses to run until it is resolved", async () => {
    const broken = withSql({ name: "29990102000000_broken", sql: "", checksum: "" }, `CREATE TABLE "Half" (id INT);\nSELECT * FROM "NoSuchTable";`);
    await expect(applyMigrations(db.runner, [broken])).rejects.toThrow(/29990102000000_broken failed: .*NoSuchTable/);
    expect(await db.runner.query(`SELECT to_regclass('"Half"') IS NULL AS gone`)).toEqual([{ gone: true }]);
    const [row] = await db.runner.query<MigrationRow>(`SELECT * FROM "_prisma_migrations" WHERE migration_name = $1`, [broken.name]);
    expect(row).toMatchObject({ finished_at: null, applied_steps_count: 0 });
    expect(row.logs).toMatch(/NoSuchTable/);
    await expect(applyMigrations(db.runner, [broken])).rejects.toThrow(/failed earlier/);
  });
});

interface MigrationRow {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
}

function withSql(migration: MigrationFile, sql: string): MigrationFile {
  return { ...migration, sql, checksum: createHash("sha256").update(sql).digest("hex") };
}
