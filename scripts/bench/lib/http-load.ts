// HTTP load against the running app: sequential latency and a fixed-concurrency throughput run.
// Node's fetch (undici, keep-alive); every response is checked, and the first bad one stops
// the run, because figures from a broken run are worthless.
import { performance } from "node:perf_hooks";
import { summarize, type LatencyStats } from "./stats";

/** Returns a problem description for a bad response, or null when it is what the benchmark expects. */
export type ResponseCheck = (status: number, body: string) => string | null;

export interface RequestSpec {
  url: string;
  headers?: Record<string, string>;
  check: ResponseCheck;
}

export class BadResponseError extends Error {}

/** One GET, timed from sending to the last byte of the body. */
export async function timedGet(spec: RequestSpec): Promise<{ ms: number; status: number; body: string }> {
  const t0 = performance.now();
  const response = await fetch(spec.url, { headers: spec.headers });
  const body = await response.text();
  const ms = performance.now() - t0;
  const problem = spec.check(response.status, body);
  if (problem) {
    throw new BadResponseError(`GET ${redact(spec.url)} → ${response.status}: ${problem}. Body: ${body.slice(0, 300)}`);
  }
  return { ms, status: response.status, body };
}

/** Never print an API key passed in the query. */
function redact(url: string): string {
  return url.replace(/([?&]apiKey=)[^&]+/, "$1…");
}

/** `warmup` untimed requests, then `requests` timed ones, one at a time. */
export async function sequentialLoad(spec: RequestSpec, options: { warmup: number; requests: number }): Promise<LatencyStats> {
  for (let i = 0; i < options.warmup; i += 1) await timedGet(spec);
  const samples: number[] = [];
  for (let i = 0; i < options.requests; i += 1) samples.push((await timedGet(spec)).ms);
  return summarize(samples);
}

export interface ThroughputResult {
  concurrency: number;
  durationMs: number;
  requests: number;
  requestsPerSecond: number;
  latency: LatencyStats;
}

/** `concurrency` requests always in flight for `durationMs`; requests started before the end are awaited. */
export async function concurrentLoad(spec: RequestSpec, options: { concurrency: number; durationMs: number }): Promise<ThroughputResult> {
  const samples: number[] = [];
  const started = performance.now();
  const deadline = started + options.durationMs;
  const worker = async () => {
    while (performance.now() < deadline) samples.push((await timedGet(spec)).ms);
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const elapsed = performance.now() - started;
  return {
    concurrency: options.concurrency,
    durationMs: Math.round(elapsed),
    requests: samples.length,
    requestsPerSecond: Math.round((samples.length / elapsed) * 1000 * 10) / 10,
    latency: summarize(samples),
  };
}
