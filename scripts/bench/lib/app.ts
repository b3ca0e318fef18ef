// The built app as `yarn start` runs it (apps/api/scripts/launcher.ts): on PostgreSQL, server
// processes with their email worker off and the delivery process beside them, which they wake
// with NOTIFY; or one server delivering in-process (the embedded database's way, and the way
// before the delivery process), or not at all. With several servers, a round-robin proxy
// (scripts/bench/round-robin-proxy.ts) in front of them. Each process gets its own process
// group, so its CPU can be counted apart and stopping it stops whatever it started.
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { deliverySpec, serverSpec, type ChildSpec } from "../../../apps/api/scripts/launcher";
import type { ProcessGroups } from "./cpu";
import { BENCH_SERVER_ENV, freePort, hasBuild, killGroup, ROOT, superviseChild } from "./server";

/** process: the delivery process (`yarn start` on PostgreSQL); in-process: the server's own worker; off: emails stay queued. */
export type Delivery = "process" | "in-process" | "off";

export interface RunningApp {
  /** The server's URL, or the proxy's in front of several. */
  baseUrl: string;
  /** server, delivery, proxy: the app's processes, for CPU accounting. */
  groups: ProcessGroups;
  output(): string;
  stop(): Promise<void>;
}

interface Started {
  name: string;
  child: ChildProcess;
  supervised: ReturnType<typeof superviseChild>;
}

function start(name: string, spec: ChildSpec): Started {
  const profile = process.env.BENCH_CPU_PROF_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`] : [];
  const child = spawn(spec.command, [...profile, ...spec.args], { cwd: spec.cwd, env: spec.env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"], detached: true });
  return { name, child, supervised: superviseChild(child) };
}

async function until(what: string, ready: () => Promise<boolean> | boolean, children: Started[], timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const dead = children.find((c) => c.supervised.exited());
    if (dead) throw new Error(`${dead.name} exited before ${what} (${dead.supervised.exited()}):\n${dead.supervised.output()}`);
    if (await ready()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${children.map((c) => `${c.name}: ${c.supervised.output()}`).join("\n")}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url);
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

/** Starts the app with `env` and waits until every server answers `GET /` and the delivery process listens. */
export async function startApp(env: Record<string, string>, options: { instances: number; delivery: Delivery }): Promise<RunningApp> {
  if (!hasBuild()) throw new Error("apps/api has no build (apps/api/.next/BUILD_ID): run `yarn build` first");
  const base = { ...process.env, ...BENCH_SERVER_ENV, ...env };
  const started: Started[] = [];
  const stop = async () => {
    const running = started.filter((c) => !c.supervised.exited());
    for (const c of running) killGroup(c.child, "SIGTERM");
    const timer = setTimeout(() => running.forEach((c) => killGroup(c.child, "SIGKILL")), 5_000);
    await Promise.all(running.map((c) => c.supervised.closed));
    clearTimeout(timer);
  };
  const onExit = () => started.forEach((c) => killGroup(c.child, "SIGKILL"));
  process.on("exit", onExit);
  try {
    const ports: number[] = [];
    for (let i = 0; i < options.instances; i += 1) {
      const port = await freePort();
      ports.push(port);
      const mode = options.delivery === "process" ? "external" : "in-process";
      const spec = serverSpec(base, mode, { port: String(port), host: "127.0.0.1" });
      if (options.delivery !== "process") spec.env.NOTIFICATIONS_WORKER = options.delivery === "in-process" ? "on" : "off";
      started.push(start(`server ${i + 1}`, spec));
    }
    if (options.delivery === "process") started.push(start("delivery", deliverySpec(base)));
    await until("the servers answered GET /", async () => (await Promise.all(ports.map((p) => answers(`http://127.0.0.1:${p}/`)))).every(Boolean), started);
    const delivery = started.find((c) => c.name === "delivery");
    if (delivery) await until("the delivery process listened", () => delivery.supervised.output().includes("Watching (LISTEN"), started);
    let baseUrl = `http://127.0.0.1:${ports[0]}`;
    if (options.instances > 1) {
      const tsx = createRequire(path.join(ROOT, "package.json")).resolve("tsx/cli");
      const proxy = start("proxy", { name: "proxy", command: process.execPath, args: [tsx, path.join(ROOT, "scripts", "bench", "round-robin-proxy.ts"), ...ports.map(String)], env: base, cwd: ROOT });
      started.push(proxy);
      await until("the proxy listened", () => /listening \d+/.test(proxy.supervised.output()), started);
      baseUrl = `http://127.0.0.1:${/listening (\d+)/.exec(proxy.supervised.output())![1]}`;
    }
    const pgrps = (prefix: string) => new Set(started.filter((c) => c.name.startsWith(prefix)).map((c) => c.child.pid!));
    const servers = pgrps("server");
    const deliverers = pgrps("delivery");
    const proxies = pgrps("proxy");
    return {
      baseUrl,
      groups: {
        server: (p) => servers.has(p.pgrp),
        ...(deliverers.size ? { delivery: (p: { pgrp: number }) => deliverers.has(p.pgrp) } : {}),
        ...(proxies.size ? { proxy: (p: { pgrp: number }) => proxies.has(p.pgrp) } : {}),
      },
      output: () => started.map((c) => `${c.name}: ${c.supervised.output()}`).join("\n"),
      stop: async () => {
        process.off("exit", onExit);
        await stop();
      },
    };
  } catch (error) {
    await stop();
    process.off("exit", onExit);
    throw error;
  }
}
