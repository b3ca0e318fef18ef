import { Client } from "pg";
import { applyMigrations, type MigrationReport } from "./migrator";
import { pgRunner } from "./sql-runners";

/** Applies every pending migration to the PostgreSQL database at `url` (under the migrations' advisory lock). */
export async function migratePostgres(url: string): Promise<MigrationReport> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await applyMigrations(pgRunner(client), undefined, { advisoryLock: true });
  } finally {
    await client.end();
  }
}
