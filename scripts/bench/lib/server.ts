// Builds the app and runs the built server (`next start`, as `yarn start` does) on a free port
// for the end-to-end benchmarks. The server gets its own process group, so stopping it stops
// every process it started.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { findRepoRoot } from "@slotbase/prisma";

export const ROOT = findRepoRoot(__dirname);

/**
 * Where benchmarks put the .eml files of the file transport: tmpfs (/dev/shm) when there is
 * one. Creating files on this machine's disk costs 0.07–0.95 ms of kernel CPU each, varying
 * from run to run; that is the disk's cost, not the app's (production mails go out by SMTP).
 */
export function memoryBackedTmpdir(): string {
  return existsSync("/dev/shm") ? "/dev/shm" : tmpdir();
}
// The V8 flags `yarn start` gives the server (apps/api/package.json): a larger young generation.
const START_NODE_OPTIONS = `--max-semi-space-size=64 ${process.env.NODE_OPTIONS ?? ""}`.trim();
const YARN_RELEASE = path.join(ROOT, ".yarn", "releases", "yarn-4.18.1.cjs");
const API_DIR = path.join(ROOT, "apps", "api");

/** Runs the committed Yarn with a `yarn` shim on PATH (turbo calls `yarn run <task>` in each workspace). */
export async function runYarn(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const shimDir = mkdtempSync(path.join(tmpdir(), "slotbase-bench-yarn-"));
  writeFileSync(path.join(shimDir, "yarn"), `#!/bin/sh\nexec "${process.execPath}" "${YARN_RELEASE}" "$@"\n`, { mode: 0o755 });
  try {
    const child = spawn(process.execPath, [YARN_RELEASE, ...args], {
      cwd: ROOT,
      stdio: "inherit",
      env: {
        ...env,
        PATH: [shimDir, path.join(ROOT, "node_modules", ".bin"), env.PATH].filter(Boolean).join(path.delimiter),
        TURBO_TELEMETRY_DISABLED: "1",
        TURBO_NO_UPDATE_NOTIFIER: "1",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    });
    return await new Promise<number>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    });
  } finally {
    rmSync(shimDir, { recursive: true, force: true });
  }
}

/** `yarn build` (generate, OpenAPI, next build); throws when it fails. */
export async function buildApp(): Promise<void> {
  const code = await runYarn(["build"]);
  if (code !== 0) throw new Error(`yarn build failed (exit ${code})`);
}

export function hasBuild(): boolean {
  return existsSync(path.join(API_DIR, ".next", "BUILD_ID"));
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (address && typeof address === "object" ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export interface RunningServer {
  baseUrl: string;
  pid: number;
  /** Recent server output, for error messages. */
  output(): string;
  stop(): Promise<void>;
}

export function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}

/** A child's recent output (the last 8 kB of stdout and stderr), how it ended, and when. */
export function superviseChild(child: ChildProcess, onOutput?: (output: string) => void): { output: () => string; exited: () => string | null; closed: Promise<void> } {
  let log = "";
  let exited: string | null = null;
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-8_000);
    onOutput?.(log);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const closed = new Promise<void>((resolve) => {
    child.on("exit", (code, signal) => {
      exited = signal ?? `exit code ${code}`;
      resolve();
    });
  });
  return { output: () => log, exited: () => exited, closed };
}

/** What a benchmarked (or HTTP-suite) server runs with: production mode, no telemetry, no rate limits (a load generator is one client). */
export const BENCH_SERVER_ENV = { NODE_ENV: "production" as const, NEXT_TELEMETRY_DISABLED: "1", RATE_LIMIT_PER_MINUTE: "0", RATE_LIMIT_ANONYMOUS_PER_MINUTE: "0" };

/**
 * Starts the built app (`next start` in apps/api) with `env` on a free port and waits until
 * `GET /` answers 200. The server is stopped if this process exits first.
 */
export async function startBuiltServer(env: Record<string, string>, options: { readyTimeoutMs?: number; outputFile?: string } = {}): Promise<RunningServer> {
  if (!hasBuild()) throw new Error("apps/api has no build (apps/api/.next/BUILD_ID): run `yarn build` first");
  const port = await freePort();
  const nextBin = createRequire(path.join(API_DIR, "package.json")).resolve("next/dist/bin/next");
  const profile = process.env.BENCH_CPU_PROF_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: API_DIR,
    env: { ...process.env, ...BENCH_SERVER_ENV, NODE_OPTIONS: START_NODE_OPTIONS, ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let outputWritten: Promise<void> = Promise.resolve();
  if (options.outputFile) {
    // All of its output, not only the recent part superviseChild keeps; complete once stop() resolves.
    const file = createWriteStream(options.outputFile, { flags: "a" });
    child.stdout!.pipe(file, { end: false });
    child.stderr!.pipe(file, { end: false });
    outputWritten = new Promise((resolve) => file.once("finish", () => resolve()));
    child.once("close", () => file.end());
  }
  const supervised = superviseChild(child);
  const closed = supervised.closed;
  const onExit = () => killGroup(child, "SIGKILL");
  process.on("exit", onExit);

  const stop = async () => {
    process.off("exit", onExit);
    if (supervised.exited()) return;
    killGroup(child, "SIGTERM");
    const timer = setTimeout(() => killGroup(child, "SIGKILL"), 5_000);
    await closed;
    clearTimeout(timer);
    await outputWritten;
  };

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  for (;;) {
    if (supervised.exited()) throw new Error(`the server exited before it was ready (${supervised.exited()}):\n${supervised.output()}`);
    try {
      const response = await fetch(`${baseUrl}/`);
      await response.arrayBuffer();
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server did not answer GET / within ${options.readyTimeoutMs ?? 60_000} ms:\n${supervised.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { baseUrl, pid: child.pid!, output: supervised.output, stop };
}
