// What `yarn start` runs (scripts/start.ts): the built server and, on PostgreSQL, the email
// delivery process beside it, as children that live and die together.
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const API_DIR = path.join(__dirname, "..");
const ROOT = path.join(API_DIR, "..", "..");
// The server's V8 flags: a larger young generation (the request path allocates many short-lived objects).
const SERVER_NODE_OPTIONS = "--max-semi-space-size=64";

/** An environment (NodeJS.ProcessEnv, which Next types with a required NODE_ENV, or any part of one). */
export type Env = Record<string, string | undefined>;

export interface ChildSpec {
  name: string;
  command: string;
  args: string[];
  env: Env;
  cwd: string;
}

/**
 * Who delivers the emails (NOTIFICATIONS_DELIVERY): `process` (default on PostgreSQL): a
 * `notifications:deliver --watch --only emails` process beside the server, which wakes it with
 * a NOTIFY after each commit; `in-process` (the only choice on the embedded database, which is
 * single-process): the server's own background worker; `external`: someone else runs the
 * delivery process (several servers, one deliverer), the server only wakes it.
 */
export type DeliveryMode = "process" | "in-process" | "external";

export function deliveryMode(env: Env): DeliveryMode {
  const asked = env.NOTIFICATIONS_DELIVERY?.trim().toLowerCase();
  if (!env.DATABASE_URL) return "in-process";
  if (asked === "in-process" || asked === "external") return asked;
  if (asked && asked !== "process") throw new Error(`NOTIFICATIONS_DELIVERY must be process, in-process or external, not "${asked}"`);
  return "process";
}

/**
 * The server's environment: with a delivery process, its worker off and NOTIFY wake-ups on.
 * Next.js telemetry off unless the environment turns it on (NEXT_TELEMETRY_DISABLED=0).
 */
export function serverEnv(env: Env, mode: DeliveryMode): Env {
  const nodeOptions = `${SERVER_NODE_OPTIONS} ${env.NODE_OPTIONS ?? ""}`.trim();
  const base = { ...env, NODE_OPTIONS: nodeOptions, NEXT_TELEMETRY_DISABLED: env.NEXT_TELEMETRY_DISABLED ?? "1" };
  return mode === "in-process" ? base : { ...base, NOTIFICATIONS_WORKER: "off", NOTIFICATIONS_WAKE: "notify" };
}

export function serverSpec(env: Env, mode: DeliveryMode, listen: { port: string; host?: string }): ChildSpec {
  const nextBin = createRequire(path.join(API_DIR, "package.json")).resolve("next/dist/bin/next");
  const args = [nextBin, "start", "-p", listen.port, ...(listen.host ? ["-H", listen.host] : [])];
  return { name: "server", command: process.execPath, args, env: serverEnv(env, mode), cwd: API_DIR };
}

export function deliverySpec(env: Env): ChildSpec {
  // tsx as a loader in the one process (its CLI would put a second node process in between).
  const tsx = pathToFileURL(createRequire(path.join(API_DIR, "package.json")).resolve("tsx")).href;
  const script = path.join(ROOT, "packages", "features", "scripts", "deliver-notifications.ts");
  return { name: "delivery", command: process.execPath, args: ["--import", tsx, script, "--watch", "--only", "emails"], env: { ...env, NOTIFICATIONS_WORKER: "off" }, cwd: ROOT };
}

/** What `yarn start` starts. */
export function startPlan(env: Env, listen: { port: string; host?: string }): ChildSpec[] {
  const mode = deliveryMode(env);
  return mode === "process" ? [serverSpec(env, mode, listen), deliverySpec(env)] : [serverSpec(env, mode, listen)];
}

export interface Launched {
  children: { name: string; process: ChildProcess }[];
  /**
   * Sends `signal` to every child still running: the server stops accepting connections and
   * answers the requests it has, the delivery process finishes its pass; whatever still runs
   * after `shutdownTimeoutMs` is killed.
   */
  stop(signal?: NodeJS.Signals): void;
  /**
   * Resolves once every child has exited: 0 after a stop() that every child obeyed (Next
   * exits 143 after a SIGTERM it handled, 130 after a SIGINT), else the first exit code
   * (1 when a signal ended it).
   */
  exited: Promise<number>;
}

/** How long a stop waits for the children (SHUTDOWN_TIMEOUT_MS, default 25 s: within the 30 s most orchestrators give). */
export function shutdownTimeoutMs(env: Env = process.env): number {
  const configured = Number(env.SHUTDOWN_TIMEOUT_MS);
  return Number.isInteger(configured) && configured > 0 ? configured : 25_000;
}

/** Exit codes of a child that ended because it was asked to: cleanly, or as Next reports a handled signal. */
const OBEYED = new Set([0, 128 + 2, 128 + 15]);

/**
 * Starts the children (their output is this process's). When one exits, the others are sent
 * SIGTERM: the server never runs without its deliverer, nor the deliverer alone.
 */
export function launch(specs: ChildSpec[], stdio: "inherit" | "pipe" = "inherit", options: { shutdownTimeoutMs?: number } = {}): Launched {
  let firstCode: number | undefined;
  let asked = false;
  let killTimer: NodeJS.Timeout | undefined;
  const children = specs.map((spec) => ({ name: spec.name, process: spawn(spec.command, spec.args, { cwd: spec.cwd, env: spec.env as NodeJS.ProcessEnv, stdio }) as ChildProcess }));
  const running = new Set(children.map((c) => c.process));
  let stopping = false;
  const signalAll = (signal: NodeJS.Signals) => {
    for (const child of running) child.kill(signal);
  };
  const stop = (signal: NodeJS.Signals = "SIGTERM") => {
    asked = true;
    stopping = true;
    signalAll(signal);
    killTimer ??= setTimeout(() => {
      if (running.size > 0) console.error(`[start] still running after ${options.shutdownTimeoutMs ?? shutdownTimeoutMs()} ms: killing`);
      signalAll("SIGKILL");
    }, options.shutdownTimeoutMs ?? shutdownTimeoutMs());
    killTimer.unref();
  };
  const exited = Promise.all(
    children.map(
      ({ name, process: child }) =>
        new Promise<void>((resolve) => {
          const ended = (code: number, how: string) => {
            if (!running.delete(child)) return;
            if (asked && !OBEYED.has(code) && firstCode === undefined) firstCode = code;
            if (asked) return resolve();
            if (firstCode === undefined) {
              firstCode = code;
              if (running.size > 0 && !stopping) console.error(`[start] ${name} ${how}; stopping the others`);
            }
            stopping = true;
            signalAll("SIGTERM");
            resolve();
          };
          child.once("exit", (code, signal) => ended(code ?? 1, `exited (${signal ?? `code ${code}`})`));
          // Never started (no exit event follows).
          child.once("error", (error) => child.pid === undefined && ended(1, `could not be started: ${error.message}`));
        }),
    ),
  ).then(() => {
    if (killTimer) clearTimeout(killTimer);
    return firstCode ?? 0;
  });
  return { children, stop, exited };
}
