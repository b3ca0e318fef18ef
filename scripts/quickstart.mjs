#!/usr/bin/env node
// One command from a fresh clone to a running API with a key to try it:
//
//   npm run quickstart        (or: yarn quickstart; PORT=4000 yarn quickstart)
//   npm run quickstart -- --new-key      (a new admin key; the previous one stops working)
//
// 1. installs dependencies and generates code when needed (scripts/ensure-installed.mjs);
// 2. builds the API when apps/api/.next/BUILD_ID is missing or older than the sources
//    (`--rebuild` forces it);
// 3. seeds the database (`yarn db:seed --hide-key`, demo bookings on the next weekdays); the
//    seed exits, closing the embedded database, before the server opens it (PGlite is
//    single-process). The demo admin's API key is kept in a git-ignored file (mode 0600) whose
//    path is the seed's last output line: the same key on every run while it still works (a
//    saved key and Swagger's "Authorize" keep working), a new one when it was revoked or
//    deleted or the database was reset (the seed says so), or with `--new-key`;
// 4. runs `yarn start` in the foreground and, once http://localhost:$PORT/ answers, prints
//    the URLs, the key and a curl command: the only place the key is printed. Ctrl-C
//    (SIGINT) / SIGTERM stop the server.
//
// No database server needed: with DATABASE_URL unset the API uses the embedded database in
// .slotbase-data/ (SLOTBASE_DATA_DIR). With DATABASE_URL set, seed and server use it.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { ensureInstalled, ROOT, toolEnv, YARN_RELEASE, yarn } from "./ensure-installed.mjs";

const PORT = process.env.PORT || "3000";
const BASE = `http://localhost:${PORT}`;
const BUILD_ID = path.join(ROOT, "apps", "api", ".next", "BUILD_ID");
const say = (msg) => console.error(`[quickstart] ${msg}`);

function fail(msg) {
  say(msg);
  process.exit(1);
}

// --- 1. install + generate ---------------------------------------------------------------
try {
  await ensureInstalled();
} catch (err) {
  fail(err.message);
}
const env = toolEnv({ PORT });

// --- 2. build when needed ----------------------------------------------------------------
const SKIP_DIRS = new Set(["node_modules", ".next", ".turbo", "generated", "coverage", "test", "testing", "swagger"]);
function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".") && entry.name !== ".env") continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) newest = Math.max(newest, newestMtime(full));
    } else if (entry.isFile() && !entry.name.endsWith(".tsbuildinfo")) {
      newest = Math.max(newest, statSync(full).mtimeMs);
    }
  }
  return newest;
}

function buildReason() {
  if (process.argv.includes("--rebuild")) return "--rebuild";
  if (!existsSync(BUILD_ID)) return "no build yet";
  const built = statSync(BUILD_ID).mtimeMs;
  const sources = Math.max(
    newestMtime(path.join(ROOT, "apps", "api")),
    newestMtime(path.join(ROOT, "packages")),
    statSync(path.join(ROOT, "yarn.lock")).mtimeMs,
  );
  return sources > built ? "sources changed since the last build" : null;
}

const reason = buildReason();
if (reason) {
  say(`building the API (${reason})...`);
  const started = Date.now();
  const { code } = await yarn(["build"], { env });
  if (code !== 0) fail(`build failed (exit ${code})`);
  say(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} else {
  say("build is up to date (use --rebuild to force)");
}

// --- 3. seed -------------------------------------------------------------------------------
if (await answers(BASE)) {
  fail(`something is already listening on port ${PORT}: stop it or choose another port, e.g. PORT=3001 npm run quickstart`);
}
say(`seeding the database (${process.env.DATABASE_URL ? "DATABASE_URL" : "embedded database in .slotbase-data/"})...`);
const newKey = process.argv.includes("--new-key");
const seed = await yarn(["db:seed", "--hide-key", ...(newKey ? ["--new-key"] : [])], { env, capture: true });
if (seed.code !== 0) fail(`yarn db:seed failed (exit ${seed.code})`);
const lines = seed.stdout.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
// --hide-key: the last line is the file the key is kept in, not the key.
const keyFile = lines.at(-1) ?? "";
let apiKey = "";
try {
  apiKey = readFileSync(keyFile, "utf8").trim();
} catch (err) {
  fail(`could not read the API key from the file the seed named (${JSON.stringify(keyFile)}): ${err.message}`);
}
if (!apiKey || /\s/.test(apiKey)) fail(`${keyFile} does not hold an API key`);
const keyNote = (lines.find((l) => l.startsWith("Demo admin key: ")) ?? "").slice("Demo admin key: ".length);
const prefix = process.env.APIKEY_PREFIX || "cal_";
if (!apiKey.startsWith(prefix)) say(`warning: the key does not start with "${prefix}" (APIKEY_PREFIX); using it anyway`);

// --- 4. serve ------------------------------------------------------------------------------
say(`starting the API on port ${PORT}...`);
// Own process group, so a signal reaches yarn, the shell and `next start` together (yarn
// does not forward every signal to its child).
const server = spawn(process.execPath, [YARN_RELEASE, "start"], { cwd: ROOT, env, stdio: ["ignore", "inherit", "inherit"], detached: true });
let stopping = false;
function killServer(signal) {
  try {
    process.kill(-server.pid, signal);
  } catch {
    // already gone
  }
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    if (stopping) {
      killServer("SIGKILL");
      return;
    }
    stopping = true;
    say(`${signal}: stopping the server...`);
    killServer(signal === "SIGHUP" ? "SIGTERM" : signal);
  });
}
process.on("exit", () => killServer("SIGTERM"));
server.on("exit", (code, signal) => {
  if (!stopping) say(`server exited (${signal ?? `code ${code}`})`);
  process.exit(stopping ? 0 : (code ?? 1));
});

const deadline = Date.now() + 60_000;
while (!(await answers(BASE))) {
  if (stopping || server.exitCode !== null) await new Promise(() => {}); // exit handler ends us
  if (Date.now() > deadline) {
    say(`the server did not answer on ${BASE}/ within 60 s`);
    stopping = true;
    killServer("SIGTERM");
    setTimeout(() => process.exit(1), 5000).unref();
    await new Promise(() => {});
  }
  await new Promise((r) => setTimeout(r, 250));
}

const curl = `curl "${BASE}/v1/me?apiKey=${apiKey}"`;
const rows = [
  "Slotbase API is running",
  "",
  `API:      ${BASE}`,
  `Docs:     ${BASE}/docs`,
  `API key:  ${apiKey}`,
  ...(keyNote ? [`          ${keyNote}`] : []),
  `          kept in ${keyFile.startsWith(ROOT + path.sep) ? path.relative(ROOT, keyFile) : keyFile}; a new one: npm run quickstart -- --new-key`,
  "",
  "Try it:",
  `  ${curl}`,
  "",
  "Press Ctrl-C to stop.",
];
const width = Math.max(...rows.map((r) => r.length));
const bar = `+${"-".repeat(width + 2)}+`;
console.log(["", bar, ...rows.map((r) => `| ${r.padEnd(width)} |`), bar, ""].join("\n"));

async function answers(url) {
  try {
    const res = await fetch(`${url}/`, { signal: AbortSignal.timeout(2000), redirect: "manual" });
    await res.arrayBuffer().catch(() => {});
    return true;
  } catch {
    return false;
  }
}
