// The benchmark database: a dedicated PostgreSQL database, dropped, recreated and migrated on
// every run, so figures never depend on leftovers. Its name must contain "bench": this code
// drops it without asking.
import { Client } from "pg";
import { applyMigrations, createPostgresClient, pgRunner, setPrisma, type Database } from "@slotbase/prisma";

export const DEFAULT_BENCH_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/slotbase_bench";

export function benchDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.BENCH_DATABASE_URL || DEFAULT_BENCH_DATABASE_URL;
}

/** host:port/database, never the credentials. */
export function describeDatabase(url: string): string {
  const { host, pathname } = new URL(url);
  return `PostgreSQL ${host}${pathname}`;
}

function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`Unsupported benchmark database name "${name}" (letters, digits and _ only).`);
  if (!name.toLowerCase().includes("bench")) {
    throw new Error(`Refusing to drop database "${name}": a benchmark database's name must contain "bench".`);
  }
  return name;
}

/** The same server's maintenance database, to drop and create the benchmark one from. */
function maintenanceUrl(url: string): string {
  const parsed = new URL(url);
  parsed.pathname = "/postgres";
  return parsed.toString();
}

export async function withPgClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Drops and recreates the benchmark database and applies every migration. */
export async function recreateBenchDatabase(url: string): Promise<{ migrations: number; serverVersion: string }> {
  const name = databaseName(url);
  const serverVersion = await withPgClient(maintenanceUrl(url), async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
    const { rows } = await admin.query<{ server_version: string }>("SHOW server_version");
    return rows[0]!.server_version;
  });
  const report = await withPgClient(url, (client) => applyMigrations(pgRunner(client), undefined, { advisoryLock: true }));
  return { migrations: report.applied.length, serverVersion };
}

/** Refreshes planner statistics after bulk loading, as autovacuum would in production. */
export async function analyze(url: string): Promise<void> {
  await withPgClient(url, (client) => client.query("VACUUM ANALYZE"));
}

/** A Prisma client on the benchmark database, installed as the process-wide one (getPrisma). */
export function openBenchPrisma(url: string): Database {
  const prisma = createPostgresClient(url);
  setPrisma(prisma);
  return prisma;
}
