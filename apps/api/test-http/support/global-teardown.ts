import { rmSync } from "node:fs";
import path from "node:path";
import { scanServerLog } from "./log-scan";
import { STATE, type StateHolder } from "./server-state";

/**
 * jest globalTeardown: stops the server (its whole process group) and removes the temporary
 * folder. Error lines the server logged (unhandled errors behind 500s, failed deliveries) are
 * printed first: a test may pass on the status while the server complained
 * (TEST_HTTP_SERVER_LOG=1 prints all of it).
 */
export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as StateHolder)[STATE];
  if (!state) return;
  delete (globalThis as StateHolder)[STATE];
  try {
    await state.stop();
    const errors = state
      .output()
      .split("\n")
      .filter((line) => /"level":"(error|fatal)"/.test(line) || /^\s*(⨯|Error:)/.test(line));
    if (process.env.TEST_HTTP_SERVER_LOG === "1") console.log(`\n[test:http] the server's output (last 8 kB):\n${state.output()}`);
    else if (errors.length > 0) console.warn(`\n[test:http] the server logged ${errors.length} error line(s) (last 8 kB of its output):\n${errors.join("\n")}`);
    const problems = scanServerLog(state.logFile, path.join(state.dir, "keys-used.txt"));
    if (problems.length > 0) throw new Error(`[test:http] the server's log is not safe:\n- ${problems.join("\n- ")}`);
  } finally {
    rmSync(state.dir, { recursive: true, force: true });
  }
}
