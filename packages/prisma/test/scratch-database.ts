import { randomBytes } from "node:crypto";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { Client } from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { openEmbeddedDatabase } from "../src/embedded";
import type { SqlRunner } from "../src/migrator";
import { postgresForSchemaEngine } from "../src/schema-engine-postgres";
import { pgRunner, pgliteRunner } from "../src/sql-runners";
import { withDatabase } from "../testing/template";

/** An empty, never-migrated database, for tests of the migrator itself. */
export interface ScratchDatabase {
  kind: "pglite" | "postgres";
  runner: SqlRunner;
  /** For the schema engine, which reads the database through a Prisma driver adapter. */
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  close(): Promise<void>;
}

/** In-memory PGlite, or a new PostgreSQL database when TEST_DATABASE_URL is set. */
export function openScratchDatabase(): Promise<ScratchDatabase> {
  const url = process.env.TEST_DATABASE_URL;
  return url ? openPostgresScratch(url) : openPgliteScratch();
}

async function openPgliteScratch(): Promise<ScratchDatabase> {
  const db = await openEmbeddedDatabase({ migrate: false });
  return {
    kind: "pglite",
    runner: pgliteRunner(db),
    adapterFactory: new PrismaPGlite(db),
    close: () => db.close(),
  };
}

async function openPostgresScratch(adminUrl: string): Promise<ScratchDatabase> {
  const name = `slotbase_scratch_${process.pid}_${randomBytes(4).toString("hex")}`;
  await onAdmin(adminUrl, `CREATE DATABASE "${name}"`);
  const url = withDatabase(adminUrl, name);
  const client = new Client({ connectionString: url });
  await client.connect();
  const engineConnection = postgresForSchemaEngine(url);
  return {
    kind: "postgres",
    runner: pgRunner(client),
    adapterFactory: engineConnection.adapterFactory,
    close: async () => {
      await client.end();
      await engineConnection.close();
      await onAdmin(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

async function onAdmin(url: string, sql: string): Promise<void> {
  const admin = new Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}
