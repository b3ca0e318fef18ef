// Where the CPU went during a measured stretch (Linux /proc): the app server, PostgreSQL, the
// load generator (this process) and everything else, against what the machine's cores could
// give. The server, the database and the load generator share the same cores, so a
// throughput figure means little without this.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";

let ticksPerSecond: number | undefined;
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { stdio: ["ignore", "pipe", "ignore"] }).toString().trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

interface ProcStat {
  pid: number;
  comm: string;
  /** The command line, NULs as spaces (PostgreSQL shows "postgres: … user database host(port) state" there). */
  cmdline: string;
  pgrp: number;
  /** utime + stime, in clock ticks. */
  ticks: number;
}

function readStat(pid: string): ProcStat | null {
  try {
    const raw = readFileSync(`/proc/${pid}/stat`, "utf8");
    const close = raw.lastIndexOf(")");
    const comm = raw.slice(raw.indexOf("(") + 1, close);
    const fields = raw.slice(close + 2).split(" "); // fields[0] is field 3 (state)
    let cmdline = "";
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ").trim();
    } catch {
      // gone
    }
    return { pid: Number(pid), comm, cmdline, pgrp: Number(fields[2]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null; // gone, or not Linux
  }
}

function allProcesses(): ProcStat[] {
  let entries: string[];
  try {
    entries = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  return entries.map(readStat).filter((s): s is ProcStat => s !== null);
}

/** Busy and total jiffies of the whole machine (first line of /proc/stat). */
function machineTicks(): { busy: number; total: number } | null {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n")[0]!;
    const values = line.trim().split(/\s+/).slice(1).map(Number);
    const total = values.slice(0, 8).reduce((sum, x) => sum + x, 0); // user … steal (guest is in user)
    const idle = values[3]! + values[4]!; // idle + iowait
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/** Which processes make up each group. */
export type ProcessGroups = Record<string, (p: { pid: number; comm: string; cmdline: string; pgrp: number }) => boolean>;

/**
 * PostgreSQL's processes that work for one database: its backends ("postgres: … <user>
 * <database> <host>(<port>) …") and the shared background ones (WAL writer, checkpointer…),
 * not the backends of other databases on the same server.
 */
export function postgresProcessesOf(database: string): ProcessGroups[string] {
  return (p) => {
    if (p.comm !== "postgres") return false;
    const backend = /^postgres: .*?\s(\S+)\s(\S+)\s\S*\(\d+\)/.exec(p.cmdline) ?? /^postgres: .*?\s(\S+)\s(\S+)\s\[local\]/.exec(p.cmdline);
    return backend ? backend[2] === database : true;
  };
}

interface Snapshot {
  at: number;
  machine: { busy: number; total: number } | null;
  ticks: Record<string, Map<number, number>>;
}

function snapshot(groups: ProcessGroups): Snapshot {
  const processes = allProcesses();
  const ticks: Record<string, Map<number, number>> = {};
  for (const [name, member] of Object.entries(groups)) {
    ticks[name] = new Map(processes.filter(member).map((p) => [p.pid, p.ticks]));
  }
  return { at: performance.now(), machine: machineTicks(), ticks };
}

export interface CpuUse {
  wallSeconds: number;
  cores: number;
  /** CPU seconds per group, and as a share of what all cores could give in that time. */
  groups: Record<string, { cpuSeconds: number; shareOfMachine: number }>;
  /** Everything busy on the machine, and what is not in any group ("other": other work, the kernel's own). */
  machineBusyShare: number | null;
  otherShare: number | null;
}

/**
 * Starts counting. stop() returns each group's CPU time since start(); a process that
 * exits in between is not counted, one that starts in between counts in full.
 */
export function startCpuAccounting(groups: ProcessGroups): { stop(): CpuUse } {
  const before = snapshot(groups);
  return {
    stop() {
      const after = snapshot(groups);
      const hz = clockTicks();
      const wallSeconds = (after.at - before.at) / 1000;
      const cores = os.cpus().length;
      const capacity = wallSeconds * cores;
      const round = (x: number) => Math.round(x * 1000) / 1000;
      const out: CpuUse["groups"] = {};
      let inGroups = 0;
      for (const name of Object.keys(groups)) {
        let ticks = 0;
        for (const [pid, t] of after.ticks[name]!) ticks += t - (before.ticks[name]!.get(pid) ?? 0);
        const cpuSeconds = ticks / hz;
        inGroups += cpuSeconds;
        out[name] = { cpuSeconds: round(cpuSeconds), shareOfMachine: round(cpuSeconds / capacity) };
      }
      let machineBusyShare: number | null = null;
      let otherShare: number | null = null;
      if (before.machine && after.machine) {
        const total = after.machine.total - before.machine.total;
        machineBusyShare = total > 0 ? round((after.machine.busy - before.machine.busy) / total) : null;
        if (machineBusyShare !== null) otherShare = round(Math.max(0, machineBusyShare - inGroups / capacity));
      }
      return { wallSeconds: round(wallSeconds), cores, groups: out, machineBusyShare, otherShare };
    },
  };
}
