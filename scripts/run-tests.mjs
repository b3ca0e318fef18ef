#!/usr/bin/env node
// The project's test command (`npm test`, `yarn test`): installs and generates when needed,
// then runs every workspace's jest suite through turbo, one package at a time (the test
// databases are per file, but the 2-core machines are faster sequentially), with each
// package's full output (jest's summary lines included). Extra arguments go to turbo, e.g.
// `yarn test --filter=@slotbase/api`.
//
// Databases: embedded PGlite by default; PostgreSQL when TEST_DATABASE_URL is set, e.g.
//   TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test yarn test
import path from "node:path";
import { ensureInstalled, ROOT, run, toolEnv } from "./ensure-installed.mjs";

try {
  await ensureInstalled();
} catch (err) {
  console.error(`[test] ${err.message}`);
  process.exit(1);
}

const turbo = path.join(ROOT, "node_modules", ".bin", "turbo");
const args = [
  "run",
  "test",
  "--concurrency=1",
  "--output-logs=full",
  "--log-order=stream",
  // pass the whole environment to the tests (TEST_DATABASE_URL, LOG_LEVEL, ...), not only
  // the variables listed in turbo.json
  "--env-mode=loose",
  // run every package's tests even when one fails; the exit code still reports the failure
  "--continue",
  ...process.argv.slice(2),
];
console.error(
  `[test] database: ${process.env.TEST_DATABASE_URL ? `PostgreSQL (TEST_DATABASE_URL=${redact(process.env.TEST_DATABASE_URL)})` : "embedded PGlite"}`,
);
console.error(`[test] turbo ${args.join(" ")}`);

const { code } = await run(turbo, args, { env: toolEnv() });
process.exit(code);

function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparsable URL)";
  }
}
