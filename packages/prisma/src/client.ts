import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaClient } from "../generated/client/client";
import { openEmbeddedDatabase } from "./embedded";
import { defaultDataDir } from "./paths";
import { hotStatementNames } from "./statement-names";
import { createPool } from "./pool";
import { currentDatabaseScope } from "./database-scope";

export type Database = PrismaClient;

/** node-postgres pool settings; small by default so serverless instances do not exhaust the server. */
export function poolSettingsFromEnv(env: NodeJS.ProcessEnv = process.env) {
  return {
    max: Number(env.DATABASE_POOL_MAX ?? 5),
    idleTimeoutMillis: Number(env.DATABASE_POOL_IDLE_MS ?? 10_000),
    connectionTimeoutMillis: Number(env.DATABASE_CONNECT_TIMEOUT_MS ?? 5_000),
  };
}

/**
 * Prepared statements are on unless DATABASE_PREPARED_STATEMENTS=off (for a pooler in
 * transaction mode that does not track them, e.g. PgBouncer before 1.21).
 */
export function createPostgresClient(connectionString: string, env: NodeJS.ProcessEnv = process.env): PrismaClient {
  const prepared = env.DATABASE_PREPARED_STATEMENTS !== "off";
  const statementNameGenerator = prepared ? (hotStatementNames() as (query: { sql: string }) => string) : undefined;
  const pool = createPool({ connectionString, ...poolSettingsFromEnv(env) });
  return new PrismaClient({ adapter: new PrismaPg(pool, { statementNameGenerator, disposeExternalPool: true }) });
}

export function createEmbeddedClient(db: PGlite): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPGlite(db) });
}

export interface OpenDatabase {
  prisma: PrismaClient;
  /** Where the data is, for people (never the credentials). */
  description: string;
  /** Disconnects; for the embedded database also closes PGlite, which otherwise keeps the process alive. */
  close(): Promise<void>;
}

/**
 * The configured database: PostgreSQL when DATABASE_URL is set, otherwise the embedded
 * database in SLOTBASE_DATA_DIR (created and migrated on first use).
 */
export async function openConfiguredDatabase(env: NodeJS.ProcessEnv = process.env): Promise<OpenDatabase> {
  const url = env.DATABASE_URL;
  if (url) {
    const prisma = createPostgresClient(url);
    const { host, pathname } = new URL(url);
    return { prisma, description: `PostgreSQL ${host}${pathname}`, close: () => prisma.$disconnect() };
  }
  const dataDir = defaultDataDir();
  const pglite = await openEmbeddedDatabase({ dataDir });
  const prisma = createEmbeddedClient(pglite);
  return {
    prisma,
    description: `embedded database at ${dataDir}`,
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

// Kept on globalThis, not in this module: a bundler may load this module more than once in
// one process (Next.js bundles each server entry separately), and two clients would mean two
// connection pools, or two embedded databases writing the same folder.
const CLIENT = Symbol.for("slotbase.prisma.client");
const slot = globalThis as { [CLIENT]?: Promise<PrismaClient> };

/**
 * The client of the running request's database scope (database-scope.ts), else the
 * process-wide client, opened on first use (see openConfiguredDatabase).
 */
export function getPrisma(): Promise<PrismaClient> {
  const scope = currentDatabaseScope();
  if (scope) return Promise.resolve(scope.prisma);
  slot[CLIENT] ??= openConfiguredDatabase().then((db) => db.prisma);
  return slot[CLIENT];
}

/** Makes `client` the process-wide client (tests, scripts that open their own database). */
export function setPrisma(client: PrismaClient): void {
  slot[CLIENT] = Promise.resolve(client);
}
