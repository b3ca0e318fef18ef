import { appendFileSync } from "node:fs";
/**
 * What global-setup.ts hands to the test files (through the environment, which jest's
 * workers inherit) and to global-teardown.ts (through a global, which only the teardown
 * shares). The admin key is a throwaway one, of a database made for this run; never print it.
 */
export const BASE_URL_ENV = "SLOTBASE_HTTP_BASE_URL";
export const ADMIN_KEY_ENV = "SLOTBASE_HTTP_ADMIN_KEY";
/** A file in the run's temporary folder where every key a test sends is noted, for the teardown's log scan. */
export const KEYS_FILE_ENV = "SLOTBASE_HTTP_KEYS_FILE";

export interface SuiteState {
  stop(): Promise<void>;
  /** Recent server output, for the teardown's report of server-side errors. */
  output(): string;
  /** All of the server's output (complete once stop() has resolved). */
  logFile: string;
  /** Temporary folder: the embedded database and the .eml outbox. */
  dir: string;
}

export const STATE = Symbol.for("slotbase.test-http.state");
export type StateHolder = { [STATE]?: SuiteState };

export function suiteEnv(): { baseUrl: string; adminKey: string } {
  const baseUrl = process.env[BASE_URL_ENV];
  const adminKey = process.env[ADMIN_KEY_ENV];
  if (!baseUrl || !adminKey) throw new Error(`${BASE_URL_ENV}/${ADMIN_KEY_ENV} are unset: run this suite with yarn test:http (its globalSetup starts the server)`);
  return { baseUrl, adminKey };
}

/** Notes a key a test sends (the Authorization header or an apiKey parameter), so the teardown can check no log line holds it. */
export function noteKeyUsed(key: string | undefined): void {
  const file = process.env[KEYS_FILE_ENV];
  if (key && file) appendFileSync(file, `${key}\n`);
}
