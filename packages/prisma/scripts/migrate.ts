// `yarn db:migrate`: applies pending migrations to PostgreSQL (DATABASE_URL) or, without it, to
// the embedded database in SLOTBASE_DATA_DIR (default .slotbase-data/pglite at the repo root).
import { openEmbeddedDatabase } from "../src/embedded";
import { migratePostgres } from "../src/migrate-postgres";
import { applyMigrations, type MigrationReport } from "../src/migrator";
import { defaultDataDir } from "../src/paths";
import { pgliteRunner } from "../src/sql-runners";

async function migrateEmbedded(dataDir: string): Promise<MigrationReport> {
  const db = await openEmbeddedDatabase({ dataDir, migrate: false });
  try {
    return await applyMigrations(pgliteRunner(db));
  } finally {
    await db.close(); // an open PGlite keeps the process alive for seconds
  }
}

function describeTarget(url: string | undefined): string {
  if (!url) return `embedded database at ${defaultDataDir()}`;
  const parsed = new URL(url);
  return `PostgreSQL ${parsed.host}${parsed.pathname}`; // never print credentials
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  console.log(`Migrating the ${describeTarget(url)}`);
  const report = url ? await migratePostgres(url) : await migrateEmbedded(defaultDataDir());
  for (const name of report.applied) console.log(`  applied ${name}`);
  console.log(
    report.applied.length === 0
      ? `Already up to date (${report.alreadyApplied} migrations).`
      : `Applied ${report.applied.length} migration(s); ${report.alreadyApplied} were already applied.`,
  );
}

/** One line for people, no stack: node-postgres connection errors can have an empty message. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.message || (error as { code?: string }).code || error.name;
}

main().catch((error: unknown) => {
  console.error(`Migration failed: ${describeError(error)}`);
  process.exitCode = 1;
});
