import { randomUUID } from "node:crypto";
import { MIGRATIONS } from "../generated/migrations";
import type { MigrationFile } from "./migration-files";

/**
 * The minimum a database connection must offer to be migrated. PGlite and node-postgres
 * both fit with a thin wrapper; see embedded.ts and scripts/migrate.ts.
 */
export interface SqlRunner {
  /** Runs one or more statements (a whole migration file). */
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

// Same table and columns as Prisma Migrate, so `prisma migrate deploy/status` agree with us
// wherever its engine can be downloaded.
const BOOKKEEPING_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

// Serialises concurrent migrators (two app instances starting at once) on PostgreSQL.
const MIGRATION_LOCK_KEY = 72_707_369;

export class MigrationError extends Error {}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
}

/**
 * Applies every migration under packages/prisma/migrations that the database has not
 * recorded yet, each in its own transaction, recording it in `_prisma_migrations`.
 * Refuses to continue when an applied migration's file was edited afterwards or a
 * previous run failed half-way, as Prisma Migrate does.
 */
export async function applyMigrations(
  db: SqlRunner,
  migrations: MigrationFile[] = MIGRATIONS,
  options: { advisoryLock?: boolean } = {},
): Promise<MigrationReport> {
  await db.exec(BOOKKEEPING_TABLE);
  if (options.advisoryLock) await db.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
  try {
    const rows = await db.query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`,
    );
    const done = new Map(rows.filter((r) => r.rolled_back_at === null).map((r) => [r.migration_name, r]));
    const applied: string[] = [];
    for (const migration of migrations) {
      const record = done.get(migration.name);
      if (record) {
        if (record.finished_at === null) {
          throw new MigrationError(`Migration ${migration.name} failed earlier; fix the database and mark it rolled back.`);
        }
        if (record.checksum !== migration.checksum) {
          throw new MigrationError(`Migration ${migration.name} was edited after it was applied.`);
        }
        continue;
      }
      await applyOne(db, migration);
      applied.push(migration.name);
    }
    return { applied, alreadyApplied: migrations.length - applied.length };
  } finally {
    if (options.advisoryLock) await db.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
  }
}

async function applyOne(db: SqlRunner, migration: MigrationFile): Promise<void> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())`,
    [id, migration.checksum, migration.name],
  );
  try {
    await db.exec(`BEGIN;\n${migration.sql}\n;COMMIT;`);
  } catch (error) {
    await db.exec("ROLLBACK").catch(() => undefined);
    const message = error instanceof Error ? error.message : String(error);
    await db.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, message]);
    throw new MigrationError(`Migration ${migration.name} failed: ${message}`);
  }
  await db.query(
    `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
    [id],
  );
}
