// Latency statistics and timing loops shared by the benchmarks (scripts/bench/*.ts).
import { performance } from "node:perf_hooks";

/** Milliseconds, from a high-resolution clock. */
export interface LatencyStats {
  iterations: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  min: number;
  max: number;
}

/** Nearest-rank percentile of sorted samples (p in 0–100). */
function percentile(sorted: readonly number[], p: number): number {
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

const round3 = (ms: number) => Math.round(ms * 1000) / 1000;

export function summarize(samples: readonly number[]): LatencyStats {
  if (samples.length === 0) throw new Error("no samples to summarize");
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, x) => sum + x, 0) / sorted.length;
  return {
    iterations: sorted.length,
    p50: round3(percentile(sorted, 50)),
    p95: round3(percentile(sorted, 95)),
    p99: round3(percentile(sorted, 99)),
    mean: round3(mean),
    min: round3(sorted[0]!),
    max: round3(sorted.at(-1)!),
  };
}

export interface LoopOptions {
  /** Untimed calls first (JIT, caches, connection pool). */
  warmup: number;
  /** Timed calls: at least this many… */
  minIterations: number;
  /** …and at least this long, but never more than maxIterations. */
  minDurationMs: number;
  maxIterations: number;
}

function keepGoing(options: LoopOptions, done: number, elapsed: number): boolean {
  if (done >= options.maxIterations) return false;
  return done < options.minIterations || elapsed < options.minDurationMs;
}

/** Times a synchronous function call by call; `check` sees the first result (fail loudly on nonsense). */
export function measureSync<T>(fn: () => T, options: LoopOptions, check?: (result: T) => void): LatencyStats {
  for (let i = 0; i < options.warmup; i += 1) {
    const result = fn();
    if (i === 0) check?.(result);
  }
  const samples: number[] = [];
  const started = performance.now();
  while (keepGoing(options, samples.length, performance.now() - started)) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return summarize(samples);
}

/** Times an async function, one call at a time. */
export async function measureAsync<T>(fn: () => Promise<T>, options: LoopOptions, check?: (result: T) => void): Promise<LatencyStats> {
  for (let i = 0; i < options.warmup; i += 1) {
    const result = await fn();
    if (i === 0) check?.(result);
  }
  const samples: number[] = [];
  const started = performance.now();
  while (keepGoing(options, samples.length, performance.now() - started)) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return summarize(samples);
}
