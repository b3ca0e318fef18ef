import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export interface MigrationFile {
  /** Directory name, e.g. `20261121000000_init`; also Prisma's migration_name. */
  name: string;
  sql: string;
  /** SHA-256 of migration.sql, as Prisma's `_prisma_migrations.checksum`. */
  checksum: string;
}

/**
 * Reads every migrations/<name>/migration.sql from disk in apply order. The running app uses the
 * copy bundled by scripts/generate.ts (generated/migrations.ts) instead, which a
 * bundled or serverless build can always reach.
 */
export function readMigrationFiles(dir: string): MigrationFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}
