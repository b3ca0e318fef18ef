import { openConfiguredDatabase, setPrisma, type OpenDatabase } from "@slotbase/prisma";

/**
 * The database getPrisma() would use, opened here so a script can close it (an open
 * PGlite keeps the process alive for seconds), and installed as the process-wide client.
 */
export async function openScriptDatabase(): Promise<OpenDatabase> {
  const db = await openConfiguredDatabase();
  setPrisma(db.prisma);
  return db;
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
export async function runScript(name: string, work: (db: OpenDatabase) => Promise<void>): Promise<void> {
  let db: OpenDatabase | undefined;
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
