import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { MIGRATIONS } from "../generated/migrations";

/** Identifies the current set of migrations, so a stale template is never reused. */
export const MIGRATIONS_FINGERPRINT = createHash("sha256")
  .update(MIGRATIONS.map((m) => m.checksum).join(","))
  .digest("hex")
  .slice(0, 16);

/** Pre-migrated PGlite image shared by every test file of a run. */
export const PGLITE_IMAGE_PATH = path.join(tmpdir(), `slotbase-test-${MIGRATIONS_FINGERPRINT}.tar`);

/** PostgreSQL template database, cloned per test file when TEST_DATABASE_URL is set. */
export const PG_TEMPLATE_DB = `slotbase_tpl_${MIGRATIONS_FINGERPRINT}`;

/** `url` with its database name replaced. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
