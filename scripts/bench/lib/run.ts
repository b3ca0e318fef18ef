// What every benchmark run shares: a timestamped log, broken-run checks, load-average notes,
// the build-and-fresh-database preamble, and the exit status of a broken run.
import path from "node:path";
import { parseArgs } from "node:util";
import type { Database } from "@slotbase/prisma";
import { benchDatabaseUrl, describeDatabase, openBenchPrisma, recreateBenchDatabase } from "./database";
import { loadAverage } from "./report";
import { buildApp, ROOT } from "./server";
import type { LoopOptions } from "./stats";

/** A failed step, an unexpected response or a wrong result: the figures would be worthless. */
export class BrokenRun extends Error {}

/** The command-line options every benchmark takes (parseArgs). */
export const COMMON_OPTIONS = {
  "skip-build": { type: "boolean", default: false },
  quick: { type: "boolean", default: false },
  out: { type: "string" },
  markdown: { type: "boolean", default: false },
} as const;

export function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new BrokenRun(message);
}

export interface BenchRun {
  say: (message: string) => void;
  /** Records the load average as a stage starts, and warns when other work shares the cores. */
  noteLoad: (stage: string, cores: number) => void;
  /** Load averages when each measuring stage started: other work on the machine skews the figures. */
  loadAtStart: Record<string, number[]>;
}

export function benchRun(name: string): BenchRun {
  const t0 = Date.now();
  const say = (message: string) => console.error(`[${name} ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)} s] ${message}`);
  const loadAtStart: Record<string, number[]> = {};
  const noteLoad = (stage: string, cores: number) => {
    const load = loadAverage();
    loadAtStart[stage] = load;
    if (load[0]! > cores) say(`warning: the 1-minute load average is ${load[0]} on ${cores} cores: other work is running, figures will be slower`);
  };
  return { say, noteLoad, loadAtStart };
}

/** Builds the app (unless `skipBuild`), then drops, recreates and migrates the bench database. */
export async function prepareBench(run: BenchRun, skipBuild: boolean): Promise<{ url: string; serverVersion: string; prisma: Database }> {
  if (skipBuild) run.say("--skip-build: using the existing build of apps/api");
  else {
    run.say("building the app (yarn build)...");
    await buildApp();
  }
  const url = benchDatabaseUrl();
  run.say(`recreating ${describeDatabase(url)}...`);
  const { serverVersion } = await recreateBenchDatabase(url);
  return { url, serverVersion, prisma: openBenchPrisma(url) };
}

/** Runs `main`; a broken run prints why (the stack with BENCH_DEBUG=1) and exits 1. */
export function runBench(name: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(`[${name}] broken run: ${error instanceof Error ? error.message : String(error)}`);
    if (process.env.BENCH_DEBUG && error instanceof Error && error.stack) console.error(error.stack);
    process.exitCode = 1;
  });
}

/** The read-side benchmarks' settings (bench:slots, bench:calendars): the common options and how long each kind of loop runs. */
export function readBenchSettings(resultFile: string) {
  const { values: flags } = parseArgs({ options: { ...COMMON_OPTIONS } });
  const quick = flags.quick ?? false;
  const loop = (warmup: number, minIterations: number, minDurationMs: number, maxIterations: number): LoopOptions => ({ warmup, minIterations, minDurationMs, maxIterations });
  return {
    flags,
    quick,
    // A --quick run (a smoke test) never replaces the recorded results unless --out says so.
    outFile: flags.out ?? (quick ? null : path.join(ROOT, "bench", "results", resultFile)),
    iterations: {
      engine: quick ? loop(5, 20, 0, 20) : loop(50, 300, 3_000, 20_000),
      service: quick ? loop(3, 10, 0, 10) : loop(20, 100, 3_000, 2_000),
      http: quick ? { warmup: 3, requests: 20 } : { warmup: 30, requests: 300 },
      concurrent: quick ? { concurrency: 10, durationMs: 2_000 } : { concurrency: 10, durationMs: 10_000 },
    },
  };
}
