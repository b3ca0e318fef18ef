// bench:webhooks, the separate sender: `yarn notifications:deliver --watch --only webhooks` (the
// deployment the README names for WEBHOOK_WORKER=off) as a child in a process group of its own, as
// lib/server.ts starts the app, so its CPU can be counted by group and stopping it stops the
// whole chain (yarn, yarn workspace, tsx, the script).
import { spawn } from "node:child_process";
import path from "node:path";
import { ROOT, superviseChild } from "./lib/server";

/** The sender's CPU priority (`nice -n`): the lowest. */
export const SENDER_NICE = 19;

export interface SenderProcess {
  /** Its process group (the yarn it was started as leads it). */
  pid: number;
  /** Recent output, for error messages. */
  output(): string;
  /** Why it ended (a signal or an exit code), or null while it runs. */
  exited(): string | null;
  /** SIGTERM to the group (the script finishes its pass and closes the database), SIGKILL after 10 s. */
  stop(): Promise<void>;
}

const signalGroup = (pid: number, signal: NodeJS.Signals | 0): boolean => {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // nothing left in the group
  }
};

/** Starts the sender with `env` and waits until it has opened the database and started its first pass. */
export async function startSenderProcess(env: Record<string, string>, readyTimeoutMs = 60_000): Promise<SenderProcess> {
  // At the lowest CPU priority (nice 19, inherited by the whole chain): bookings come first.
  const command = [process.execPath, path.join(ROOT, ".yarn", "releases", "yarn-4.18.1.cjs"), "notifications:deliver", "--watch", "--only", "webhooks"];
  const child = spawn("nice", ["-n", String(SENDER_NICE), ...command], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const pid = child.pid!;
  let ready = false;
  const supervised = superviseChild(child, (output) => {
    ready ||= output.includes("Delivering due webhook deliveries");
  });
  const { closed, exited } = supervised;
  const onExit = () => signalGroup(pid, "SIGKILL");
  process.on("exit", onExit);

  const stop = async () => {
    process.off("exit", onExit);
    signalGroup(pid, "SIGTERM");
    const deadline = Date.now() + 10_000;
    // The group, not only its leader: the script may still be closing its connections.
    while (signalGroup(pid, 0) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    signalGroup(pid, "SIGKILL");
    await closed;
  };

  const deadline = Date.now() + readyTimeoutMs;
  while (!ready) {
    if (exited()) throw new Error(`notifications:deliver --watch exited before it was ready (${exited()}):\n${supervised.output()}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`notifications:deliver --watch did not start within ${readyTimeoutMs} ms:\n${supervised.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { pid, output: supervised.output, exited, stop };
}
