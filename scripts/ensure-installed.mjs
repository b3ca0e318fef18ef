#!/usr/bin/env node
// Makes sure dependencies are installed and code is generated, using the committed Yarn
// release (no global yarn, no corepack, nothing but Node and npm needed).
//
//   node scripts/ensure-installed.mjs            install + generate only when needed
//   node scripts/ensure-installed.mjs --force    always install + generate
//   node scripts/ensure-installed.mjs --mark     only record that node_modules is current
//                                                (after a manual `yarn install`)
//
// "Needed" means: node_modules is missing, or the install stamp
// (node_modules/.slotbase-install-stamp) does not match the current yarn.lock and the
// dependency fields of every package.json (sha256), or the generated code (Prisma client,
// OpenAPI document) is missing. Plain Node, ESM, no
// dependencies: it must run on a fresh clone.
//
// Also exports helpers used by the other scripts (run-tests.mjs, quickstart.mjs).
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const YARN_RELEASE = path.join(ROOT, ".yarn", "releases", "yarn-4.18.1.cjs");
const NODE_MODULES = path.join(ROOT, "node_modules");
const STAMP = path.join(NODE_MODULES, ".slotbase-install-stamp");
const LOCKFILE = path.join(ROOT, "yarn.lock");
const SHIM_DIR = path.join(NODE_MODULES, ".slotbase-bin");
// Files whose absence means `generate` has not run (both are git-ignored).
const GENERATED_MARKERS = [
  path.join(ROOT, "packages", "prisma", "generated", "client"),
  path.join(ROOT, "apps", "api", "generated", "openapi.json"),
];

const log = (msg) => console.error(`[ensure-installed] ${msg}`);

function lockHash() {
  return createHash("sha256").update(readFileSync(LOCKFILE)).digest("hex");
}

/** Root and workspace package.json files (workspaces given as "dir/*" or "dir"). */
function manifestFiles() {
  const root = path.join(ROOT, "package.json");
  const files = [root];
  for (const pattern of JSON.parse(readFileSync(root, "utf8")).workspaces ?? []) {
    const dirs = pattern.endsWith("/*")
      ? readdirSync(path.join(ROOT, pattern.slice(0, -2)), { withFileTypes: true })
          .filter((e) => e.isDirectory())
          .map((e) => path.join(ROOT, pattern.slice(0, -2), e.name))
      : [path.join(ROOT, pattern)];
    for (const dir of dirs.sort()) {
      if (existsSync(path.join(dir, "package.json"))) files.push(path.join(dir, "package.json"));
    }
  }
  return files;
}

const DEPENDENCY_FIELDS = ["name", "dependencies", "devDependencies", "peerDependencies", "optionalDependencies", "resolutions", "workspaces", "packageManager"];

/** Hash of what an install depends on: yarn.lock and the dependency fields of the manifests. */
function manifestHash() {
  const hash = createHash("sha256");
  for (const file of manifestFiles()) {
    const json = JSON.parse(readFileSync(file, "utf8"));
    hash.update(path.relative(ROOT, file));
    hash.update(JSON.stringify(DEPENDENCY_FIELDS.map((f) => json[f] ?? null)));
  }
  return hash.digest("hex");
}

function readStamp() {
  try {
    return JSON.parse(readFileSync(STAMP, "utf8"));
  } catch {
    return null;
  }
}

/** Records that node_modules matches the current yarn.lock and package.json files. */
export function writeStamp() {
  const stamp = {
    lockSha256: lockHash(),
    manifestsSha256: manifestHash(),
    node: process.version,
    installedAt: new Date().toISOString(),
  };
  writeFileSync(STAMP, `${JSON.stringify(stamp, null, 2)}\n`);
}

/** Why an install is needed, or null when node_modules matches yarn.lock. */
export function installReason() {
  if (!existsSync(NODE_MODULES)) return "node_modules is missing";
  if (!existsSync(path.join(NODE_MODULES, ".bin", "turbo"))) return "node_modules is incomplete";
  const stamp = readStamp();
  if (stamp) {
    if (stamp.lockSha256 !== lockHash()) return "yarn.lock changed since the last install";
    if (stamp.manifestsSha256 !== manifestHash()) return "package.json dependencies changed since the last install";
    return null;
  }
  // No stamp (installed by hand with yarn): trust Yarn's own state file if it is newer
  // than yarn.lock and every package.json, and record the stamp so the next check is a
  // hash comparison.
  const state = path.join(NODE_MODULES, ".yarn-state.yml");
  const inputs = [LOCKFILE, ...manifestFiles()];
  if (existsSync(state) && inputs.every((f) => statSync(state).mtimeMs >= statSync(f).mtimeMs)) {
    writeStamp();
    return null;
  }
  return "no install stamp and node_modules is older than yarn.lock or a package.json";
}

export function generateReason() {
  const missing = GENERATED_MARKERS.filter((p) => !existsSync(p));
  return missing.length ? `generated code missing (${missing.map((p) => path.relative(ROOT, p)).join(", ")})` : null;
}

/**
 * Environment for child processes: a `yarn` shim (the committed release) first on PATH, so
 * turbo (which runs `yarn run <task>` in each workspace) and package scripts that call
 * `yarn` work without a global yarn. Turbo and Next.js telemetry and update notices off (unless
 * the caller's environment says otherwise). Turbo passes only listed variables to tasks, so the
 * API's own scripts that call `next` set NEXT_TELEMETRY_DISABLED themselves too.
 */
export function toolEnv(extra = {}) {
  mkdirSync(SHIM_DIR, { recursive: true });
  const shim = path.join(SHIM_DIR, "yarn");
  const body = `#!/bin/sh\nexec "${process.execPath}" "${YARN_RELEASE}" "$@"\n`;
  if (!existsSync(shim) || readFileSync(shim, "utf8") !== body) {
    writeFileSync(shim, body);
    chmodSync(shim, 0o755);
  }
  return {
    ...process.env,
    TURBO_TELEMETRY_DISABLED: process.env.TURBO_TELEMETRY_DISABLED ?? "1",
    TURBO_NO_UPDATE_NOTIFIER: process.env.TURBO_NO_UPDATE_NOTIFIER ?? "1",
    NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? "1",
    PATH: [SHIM_DIR, path.join(NODE_MODULES, ".bin"), process.env.PATH].filter(Boolean).join(path.delimiter),
    ...extra,
  };
}

/**
 * Runs a command from the repo root, streaming its output; resolves { code, output, stdout }
 * (output = stdout + stderr as they came, captured only with `capture`).
 */
export function run(cmd, args, { env = process.env, capture = false, cwd = ROOT } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: capture ? ["inherit", "pipe", "pipe"] : "inherit" });
    let output = "";
    let stdout = "";
    if (capture) {
      child.stdout.on("data", (d) => {
        output += d;
        stdout += d;
        process.stdout.write(d);
      });
      child.stderr.on("data", (d) => {
        output += d;
        process.stderr.write(d);
      });
    }
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output, stdout }));
  });
}

export function yarn(args, opts = {}) {
  return run(process.execPath, [YARN_RELEASE, ...args], opts);
}

export async function ensureInstalled({ force = false } = {}) {
  const reason = force ? "--force" : installReason();
  if (reason) {
    log(`installing dependencies (${reason})`);
    const started = Date.now();
    let res = await yarn(["install", "--immutable"], { capture: true });
    // YN0028: the lock file would have to change (package.json edited without `yarn
    // install`). Locally, install normally and update yarn.lock; on CI, that is an error.
    if (res.code !== 0 && /YN0028|lockfile would have been modified/i.test(res.output) && !process.env.CI) {
      log("yarn.lock is out of date with package.json: running a plain install (updates yarn.lock)");
      res = await yarn(["install"], { env: { ...process.env, YARN_ENABLE_IMMUTABLE_INSTALLS: "false" } });
    }
    if (res.code !== 0) throw new Error(`yarn install failed (exit ${res.code})`);
    log(`installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const genReason = reason ? "fresh install" : generateReason();
  if (genReason) {
    log(`generating code (${genReason})`);
    const res = await yarn(["generate"], { env: toolEnv() });
    if (res.code !== 0) throw new Error(`yarn generate failed (exit ${res.code})`);
  }
  if (reason) writeStamp();
  return { installed: Boolean(reason), generated: Boolean(genReason) };
}

const isMain = Boolean(process.argv[1]) && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain && process.argv.includes("--mark")) {
  writeStamp();
  log("recorded node_modules as up to date");
} else if (isMain) {
  ensureInstalled({ force: process.argv.includes("--force") })
    .then(({ installed, generated }) => {
      if (!installed && !generated) log("dependencies up to date");
    })
    .catch((err) => {
      log(err.message);
      process.exit(1);
    });
}
