import {
  createEmbeddedClient,
  createPostgresClient,
  defaultDataDir,
  openEmbeddedDatabase,
  setPrisma,
  type Database,
} from "@slotbase/prisma";

export interface ScriptDatabase {
  prisma: Database;
  /** Where the data is, for people (never the credentials). */
  description: string;
  close(): Promise<void>;
}

/**
 * The database getPrisma() would use (PostgreSQL when DATABASE_URL is set, else the embedded one,
 * migrated on open), opened here so a script can close it: an open PGlite keeps the process
 * alive for seconds, and getPrisma() does not hand it out.
 */
export async function openScriptDatabase(): Promise<ScriptDatabase> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const prisma = createPostgresClient(url);
    setPrisma(prisma);
    const { host, pathname } = new URL(url);
    return { prisma, description: `PostgreSQL ${host}${pathname}`, close: () => prisma.$disconnect() };
  }
  const dataDir = defaultDataDir();
  const pglite = await openEmbeddedDatabase({ dataDir });
  const prisma = createEmbeddedClient(pglite);
  setPrisma(prisma);
  return {
    prisma,
    description: `embedded database at ${dataDir}`,
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

/**
 * One line for people, no stack. Prisma's messages start with a code frame ("Invalid
 * `prisma.user.upsert()` invocation in ...") and end with the reason; node-postgres connection
 * errors can have an empty message.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: string }).code;
  const lines = error.message.trim().split("\n").filter((line) => line.trim() !== "");
  const reason = (lines[0]?.includes("invocation") ? lines.at(-1) : lines.join(" ")) || code || error.name;
  return code === "P2021" ? `${reason} (has the database been migrated? yarn db:migrate)` : reason;
}

/** Runs a CLI script: opens the database, closes it whatever happens, exits 1 on failure. */
export async function runScript(name: string, work: (db: ScriptDatabase) => Promise<void>): Promise<void> {
  let db: ScriptDatabase | undefined;
  try {
    db = await openScriptDatabase();
    await work(db);
  } catch (error) {
    console.error(`${name} failed: ${describeError(error)}`);
    process.exitCode = 1;
  } finally {
    await db?.close().catch(() => undefined);
  }
}
