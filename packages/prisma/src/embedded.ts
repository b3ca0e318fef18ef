import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { mkdirSync } from "node:fs";
import { applyMigrations } from "./migrator";
import { pgliteRunner } from "./sql-runners";

export interface EmbeddedOptions {
  /** A folder (created if missing), or undefined for an in-memory database. */
  dataDir?: string;
  /** A pre-migrated database image (PGlite dumpDataDir), restored instead of migrating from scratch. */
  image?: Blob;
  migrate?: boolean;
}

/** Opens (creating and migrating on first use) an embedded PostgreSQL (PGlite). */
export async function openEmbeddedDatabase(options: EmbeddedOptions = {}): Promise<PGlite> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const db = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.image,
    extensions: { btree_gist },
  });
  if (options.migrate !== false) await applyMigrations(pgliteRunner(db));
  return db;
}
