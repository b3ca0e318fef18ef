// What every benchmark run shares: a timestamped log, broken-run checks, load-average notes,
// the build-and-fresh-database preamble, and the exit status of a broken run.
import type { Database } from "@slotbase/prisma";
import { benchDatabaseUrl, describeDatabase, openBenchPrisma, recreateBenchDatabase } from "./database";
import { loadAverage } from "./report";
import { buildApp } from "./server";

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
