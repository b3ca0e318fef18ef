// bench:webhooks, its measured runs: one throughput run (MeasuredRun), a round of a run without
// and one with webhooks, several runs added up as one (Combined), and their JSON summary.
import type { CpuUse } from "./lib/cpu";
import type { ThroughputResult } from "./lib/http-load";

export interface MeasuredRun {
  result: ThroughputResult;
  cpu: CpuUse;
  startedAt: number;
  endedAt: number;
  /** .eml files in the app's and the sender process's outbox directories when it started (its outboxes drained). */
  emailsAtStart: { app: number; senderProcess: number };
  /** Emails written while it ran (its CPU figures include their sending), by the app and by the sender process. */
  emailsDuringRun: { app: number; senderProcess: number };
}

/** One round: a run with every webhook off, then one with them on, on the same deployment. */
export interface Round {
  without: MeasuredRun;
  with: MeasuredRun;
  statusAtRunEnd: Record<string, number>;
  drainedAfterRunMs: number;
}

/** Several runs as one: their bookings, time and CPU added up. */
export interface Combined {
  result: ThroughputResult;
  cpu: CpuUse;
  emailsDuringRun: { app: number; senderProcess: number };
}


export function combined(runs: MeasuredRun[]): Combined {
  const requests = runs.reduce((n, m) => n + m.result.requests, 0);
  const durationMs = runs.reduce((n, m) => n + m.result.durationMs, 0);
  const wallSeconds = runs.reduce((n, m) => n + m.cpu.wallSeconds, 0);
  const cores = runs[0]!.cpu.cores;
  const groups: CpuUse["groups"] = {};
  for (const name of Object.keys(runs[0]!.cpu.groups)) {
    const cpuSeconds = Math.round(runs.reduce((n, m) => n + (m.cpu.groups[name]?.cpuSeconds ?? 0), 0) * 100) / 100;
    groups[name] = { cpuSeconds, shareOfMachine: Math.round((cpuSeconds / (wallSeconds * cores)) * 1000) / 1000 };
  }
  const weighted = (pick: (c: CpuUse) => number | null) =>
    runs.some((m) => pick(m.cpu) === null) ? null : Math.round((runs.reduce((n, m) => n + pick(m.cpu)! * m.cpu.wallSeconds, 0) / wallSeconds) * 1000) / 1000;
  // Latency percentiles of the runs together: their latencies were summarized per run, so the
  // combined figures are request-weighted means of each run's (close for runs of one load).
  const latency = Object.fromEntries(
    Object.keys(runs[0]!.result.latency).map((k) => {
      const key = k as keyof ThroughputResult["latency"];
      if (key === "iterations") return [key, requests];
      if (key === "min") return [key, Math.min(...runs.map((m) => m.result.latency.min))];
      if (key === "max") return [key, Math.max(...runs.map((m) => m.result.latency.max))];
      return [key, Math.round((runs.reduce((n, m) => n + m.result.latency[key] * m.result.requests, 0) / requests) * 1000) / 1000];
    }),
  ) as unknown as ThroughputResult["latency"];
  return {
    result: { concurrency: runs[0]!.result.concurrency, durationMs, requests, requestsPerSecond: Math.round((requests / (durationMs / 1000)) * 10) / 10, latency },
    cpu: { wallSeconds, cores, groups, machineBusyShare: weighted((c) => c.machineBusyShare), otherShare: weighted((c) => c.otherShare) },
    emailsDuringRun: { app: runs.reduce((n, m) => n + m.emailsDuringRun.app, 0), senderProcess: runs.reduce((n, m) => n + m.emailsDuringRun.senderProcess, 0) },
  };
}

/** CPU milliseconds per booking, by group. */
export const cpuPerBooking = (cpu: CpuUse, bookings: number) => Object.fromEntries(Object.entries(cpu.groups).map(([group, use]) => [group, Math.round((use.cpuSeconds / bookings) * 1000 * 100) / 100]));

export const runSummary = (m: Combined) => ({
  concurrency: m.result.concurrency,
  durationMs: m.result.durationMs,
  bookings: m.result.requests,
  bookingsPerSecond: m.result.requestsPerSecond,
  latency: m.result.latency,
  cpu: m.cpu,
  cpuMsPerBooking: cpuPerBooking(m.cpu, m.result.requests),
  emailsDuringRun: m.emailsDuringRun,
});
