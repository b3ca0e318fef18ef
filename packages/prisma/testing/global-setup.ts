import { existsSync, renameSync, writeFileSync } from "node:fs";
import { Client } from "pg";
import { openEmbeddedDatabase } from "../src/embedded";
import { applyMigrations } from "../src/migrator";
import { pgRunner } from "../src/sql-runners";
import { PG_TEMPLATE_DB, PGLITE_IMAGE_PATH, withDatabase } from "./template";

/**
 * jest globalSetup: prepares, once per run, the migrated database every test file
 * starts from: a PGlite image file, or a PostgreSQL template database when
 * TEST_DATABASE_URL is set.
 */
export default async function globalSetup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) return preparePostgresTemplate(url);
  if (existsSync(PGLITE_IMAGE_PATH)) return;
  const db = await openEmbeddedDatabase();
  const image = await db.dumpDataDir("none");
  await db.close();
  const partial = `${PGLITE_IMAGE_PATH}.${process.pid}`;
  writeFileSync(partial, Buffer.from(await image.arrayBuffer()));
  renameSync(partial, PGLITE_IMAGE_PATH);
}

async function preparePostgresTemplate(url: string): Promise<void> {
  const admin = new Client({ connectionString: url });
  await admin.connect();
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [PG_TEMPLATE_DB]);
    if (exists.rowCount) return;
    await admin.query(`CREATE DATABASE "${PG_TEMPLATE_DB}_building"`);
    const template = new Client({ connectionString: withDatabase(url, `${PG_TEMPLATE_DB}_building`) });
    await template.connect();
    await applyMigrations(pgRunner(template));
    await template.end();
    await admin.query(`ALTER DATABASE "${PG_TEMPLATE_DB}_building" RENAME TO "${PG_TEMPLATE_DB}"`);
  } finally {
    await admin.end();
  }
}
