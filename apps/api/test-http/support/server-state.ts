/**
 * What global-setup.ts hands to the test files (through the environment, which jest's
 * workers inherit) and to global-teardown.ts (through a global, which only the teardown
 * shares). The admin key is a throwaway one, of a database made for this run; never print it.
 */
export const BASE_URL_ENV = "SLOTBASE_HTTP_BASE_URL";
export const ADMIN_KEY_ENV = "SLOTBASE_HTTP_ADMIN_KEY";

export interface SuiteState {
  stop(): Promise<void>;
  /** Recent server output, for the teardown's report of server-side errors. */
  output(): string;
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
