// The demo admin's API key, kept between seed runs so running the quick start again does not
// revoke the key a developer saved (in a script, in Swagger's "Authorize"): `yarn db:seed`
// prints the same key while it still works, and makes a new one only when asked (--new-key)
// or when the kept one no longer works.
//
// Where it is kept (only the key, one line, mode 0600; the database keeps only its hash):
// - embedded database: in the database's folder, beside its files: .slotbase-data/pglite/
//   demo-admin-key (or $SLOTBASE_DATA_DIR/demo-admin-key). Deleting the folder resets both.
// - DATABASE_URL: .slotbase-data/demo-admin-key-<host>-<port>-<database> (git-ignored, as
//   the embedded database and the mail outbox are), one file per database, so switching
//   between databases never replaces another database's key.
import { chmodSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { defaultDataDir, findRepoRoot, type Database } from "@slotbase/prisma";
import { createApiKey } from "../api-keys/create-api-key";
import { parseApiKey } from "../api-keys/key-format";
import { invalidateKeys } from "../api-keys/key-invalidation";
import { SEED_KEY_NOTE } from "./demo-data";

const FILE_NAME = "demo-admin-key";

/** The file the demo admin's key is kept in for the configured database (see above). */
export function demoKeyFile(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL;
  if (!url) return path.join(env.SLOTBASE_DATA_DIR ?? defaultDataDir(), FILE_NAME);
  const { hostname, port, pathname } = new URL(url);
  const label = [hostname || "localhost", port || "5432", decodeURIComponent(pathname.slice(1)) || "postgres"].join("-").replace(/[^A-Za-z0-9._-]/g, "_");
  return path.join(findRepoRoot(), ".slotbase-data", `${FILE_NAME}-${label}`);
}

/** The kept key, or undefined when there is none (the file is missing or empty). */
export function readKeyFile(file: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new Error(`cannot read the kept demo admin key (${file}): ${(error as Error).message}`);
  }
  // Readable by its owner only, even if somebody loosened it since.
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  return text.trim() || undefined;
}

/** Keeps `key` in `file` (mode 0600, replaced atomically: a reader never sees half a key). */
export function writeKeyFile(file: string, key: string): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, `${key}\n`, { mode: 0o600, flag: "w" });
    chmodSync(temporary, 0o600); // whatever the umask
    renameSync(temporary, file);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // never written
    }
    throw new Error(`cannot keep the demo admin key in ${file}: ${(error as Error).message}`);
  }
}

export type DemoKeyOutcome =
  /** The kept key still works and is printed again. */
  | { status: "kept" }
  /**
   * A new key: `none-kept` (first run, or nowhere to keep it), `requested` (--new-key:
   * `revoked` earlier seed keys were deleted), `invalid` (the kept one no longer works:
   * `detail` says why; nothing is deleted).
   */
  | { status: "new"; reason: "none-kept" | "requested" | "invalid"; detail?: string; revoked: number };

export interface DemoKeyOptions {
  adminId: number;
  /** Where the key is kept; undefined: nowhere (a new key on every call). */
  keyFile?: string;
  /** Replace the kept key: every seed key of the admin is deleted (they stop working at once). */
  newKey?: boolean;
  now?: Date;
}

/**
 * The demo admin's key: the kept one while it is still a working, unrestricted key of the
 * admin; otherwise (or with `newKey`) a new one, which is then kept. Without `newKey` no key
 * is ever deleted: a developer may have saved any of them.
 */
export async function demoAdminKey(prisma: Database, options: DemoKeyOptions): Promise<{ key: string; outcome: DemoKeyOutcome }> {
  const { adminId, keyFile, newKey = false, now = new Date() } = options;
  const kept = keyFile ? readKeyFile(keyFile) : undefined;
  let detail: string | undefined;
  if (kept && !newKey) {
    detail = await whyNotUsable(prisma, kept, adminId, now);
    if (!detail) return { key: kept, outcome: { status: "kept" } };
  }

  // Written before anything is deleted: if keeping it fails, the previous key still works.
  const { key, apiKey } = await createApiKey(prisma, { userId: adminId, note: SEED_KEY_NOTE });
  if (keyFile) writeKeyFile(keyFile, key);
  if (!newKey) return { key, outcome: kept ? { status: "new", reason: "invalid", detail, revoked: 0 } : { status: "new", reason: "none-kept", revoked: 0 } };

  // --new-key: the kept key (whatever its note now says) and every other seed key of the admin.
  const parsed = kept ? parseApiKey(kept) : undefined;
  const stale = await prisma.apiKey.findMany({
    where: {
      userId: adminId,
      id: { not: apiKey.id },
      OR: [{ note: SEED_KEY_NOTE }, ...(parsed?.ok ? [{ hashedKey: parsed.hashedKey }] : [])],
    },
    select: { id: true },
  });
  await prisma.apiKey.deleteMany({ where: { id: { in: stale.map((k) => k.id) } } });
  // A server running on the same PostgreSQL database stops trusting them at once.
  for (const { id } of stale) await invalidateKeys({ apiKeyId: id });
  return { key, outcome: { status: "new", reason: "requested", revoked: stale.length } };
}

/** Why `key` is not the demo admin's working, unrestricted key any more; undefined when it is. */
async function whyNotUsable(prisma: Database, key: string, adminId: number, now: Date): Promise<string | undefined> {
  const parsed = parseApiKey(key);
  if (!parsed.ok) return parsed.reason === "wrong_prefix" ? "it lacks this server's key prefix (APIKEY_PREFIX)" : "the file does not hold a key";
  const row = await prisma.apiKey.findUnique({ where: { hashedKey: parsed.hashedKey } });
  if (!row) return "it is not in the database: revoked or deleted, or the database was reset";
  if (row.userId !== adminId) return "it belongs to another user";
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) return `it expired at ${row.expiresAt.toISOString()}`;
  if (row.scopes.length > 0 || row.teamId !== null) return "it was restricted (scopes or team)";
  return undefined;
}
