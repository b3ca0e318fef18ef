import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createEmbeddedClient, openEmbeddedDatabase } from "@slotbase/prisma";
import { PGLITE_IMAGE_PATH } from "@slotbase/prisma/testing/template";
import { issueApiKey } from "@slotbase/features/scripts/issue-api-key";
import { hasBuild, startBuiltServer } from "../../../../scripts/bench/lib/server";
import { ADMIN_KEY_ENV, BASE_URL_ENV, KEYS_FILE_ENV, STATE, type StateHolder } from "./server-state";

export const ADMIN_EMAIL = "http-suite-admin@example.com";

/**
 * A fresh embedded database in a temporary folder (restored from the migrated image the unit
 * tests keep in the temp dir when it is there, else migrated from scratch) with one system
 * admin and their key (the features package's issueApiKey, as `yarn api-key:create` does).
 * Closed again before the server opens it: the embedded database is single-process.
 */
async function prepareDatabase(dataDir: string): Promise<string> {
  const image = existsSync(PGLITE_IMAGE_PATH) ? new Blob([readFileSync(PGLITE_IMAGE_PATH)]) : undefined;
  const pglite = await openEmbeddedDatabase({ dataDir, image });
  const prisma = createEmbeddedClient(pglite);
  try {
    const issued = await issueApiKey(prisma, { email: ADMIN_EMAIL, name: "HTTP suite admin", admin: true });
    return issued.key;
  } finally {
    await prisma.$disconnect();
    await pglite.close();
  }
}

/** jest globalSetup: one built server (`next start` on a free port) for every file of the run. */
export default async function globalSetup(): Promise<void> {
  if (!hasBuild()) {
    throw new Error("yarn test:http tests the built app, and apps/api has no build (apps/api/.next/BUILD_ID): run `yarn build` first.");
  }
  const started = performance.now();
  const dir = mkdtempSync(path.join(tmpdir(), "slotbase-http-"));
  try {
    const dataDir = path.join(dir, "pglite");
    const adminKey = await prepareDatabase(dataDir);
    const logFile = path.join(dir, "server.log");
    const keysFile = path.join(dir, "keys-used.txt");
    writeFileSync(keysFile, `${adminKey}\n`);
    const server = await startBuiltServer({
      // every request's access line, which the teardown scans for the keys the tests sent
      LOG_LEVEL: "info",
      // the embedded database in the temporary folder, never DATABASE_URL's
      DATABASE_URL: "",
      SLOTBASE_DATA_DIR: dataDir,
      // booking emails go to .eml files in the temporary folder, never to an SMTP server
      EMAIL_SERVER: "",
      EMAIL_OUTBOX_DIR: path.join(dir, "mail"),
      // webhooks may reach the suite's receivers on 127.0.0.1; retries come due within a second
      WEBHOOK_ALLOWED_PRIVATE_HOSTS: "127.0.0.1",
      WEBHOOK_RETRY_SCHEDULE: "1,1,1,1,1",
      WEBHOOK_POLL_MS: "300",
      // as `yarn start` runs it, without the jest flags of this process
      NODE_OPTIONS: "--max-semi-space-size=64",
    }, { outputFile: logFile });
    process.env[BASE_URL_ENV] = server.baseUrl;
    process.env[ADMIN_KEY_ENV] = adminKey;
    process.env[KEYS_FILE_ENV] = keysFile;
    (globalThis as StateHolder)[STATE] = { stop: server.stop, output: server.output, dir, logFile };
    console.log(`\n[test:http] built app at ${server.baseUrl} on a fresh embedded database (ready in ${Math.round(performance.now() - started)} ms)`);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
