// Authors the next migration without the Prisma CLI's native engine (not downloadable here):
// applies migrations/ to a scratch in-memory database with our migrator, asks the WASM schema
// engine what SQL would bring it to schema.prisma, and writes that as a new migration.
//
//   yarn workspace @slotbase/prisma db:diff [--name add_booking_color]
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { openEmbeddedDatabase } from "../src/embedded";
import { readMigrationFiles } from "../src/migration-files";
import { applyMigrations } from "../src/migrator";
import { diffDatabaseToSchema } from "../src/schema-engine";
import { pgliteRunner } from "../src/sql-runners";

const packageDir = path.resolve(__dirname, "..");
const migrationsDir = path.join(packageDir, "migrations");

/** yyyymmddHHMMSS in UTC, as Prisma names migrations, and later than every existing one. */
function nextMigrationTimestamp(existing: string[], now = new Date()): string {
  let stamp = now.toISOString().replace(/\D/g, "").slice(0, 14);
  const latest = existing.map((name) => name.slice(0, 14)).sort().at(-1);
  if (latest && stamp <= latest) stamp = String(BigInt(latest) + 1n);
  return stamp;
}

function migrationSlug(name: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
  return slug || "migration";
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { name: { type: "string", default: "migration" } } });
  const migrations = readMigrationFiles(migrationsDir);
  const schemaText = readFileSync(path.join(packageDir, "schema.prisma"), "utf8");

  const scratch = await openEmbeddedDatabase({ migrate: false });
  let sql: string;
  try {
    await applyMigrations(pgliteRunner(scratch), migrations);
    sql = await diffDatabaseToSchema(new PrismaPGlite(scratch), schemaText);
  } finally {
    await scratch.close();
  }

  if (sql === "") {
    console.log(`No changes: the ${migrations.length} migrations already produce schema.prisma.`);
    return;
  }
  const name = `${nextMigrationTimestamp(migrations.map((m) => m.name))}_${migrationSlug(values.name)}`;
  const file = path.join(migrationsDir, name, "migration.sql");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, sql);
  console.log(sql);
  console.log(`Wrote ${path.relative(process.cwd(), file)}.`);
  console.log("Review it, add any hand-written SQL, then run `yarn generate` to bundle it.");
}

main().catch((error: unknown) => {
  console.error(`migration-diff failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
