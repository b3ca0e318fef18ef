// HTTP load against the running app: sequential latency and a fixed-concurrency throughput run.
// node:http with keep-alive connections: the load generator shares the 2 cores with the app
// and PostgreSQL, and it costs half the CPU per request of fetch (undici). Every response is
// checked, and the first bad one stops the run, because figures from a broken run are worthless.
import { Agent, request } from "node:http";
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

/** Never print an API key passed in the query. */
function redact(url: string): string {
  return url.replace(/([?&]apiKey=)[^&]+/, "$1…");
}

/** `warmup` untimed requests, then `requests` timed ones, one at a time. */
export async function sequentialLoad(spec: RequestSpec, options: { warmup: number; requests: number }): Promise<LatencyStats> {
  for (let i = 0; i < options.warmup; i += 1) await timedRequest(spec);
  return sequentialRequests(() => spec, { requests: options.requests });
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
  const { sent: _sent, ...result } = await concurrentRequests(() => spec, options);
  return result;
}

/** Any method, with a body (POST, PATCH…); the check sees every response. */
export interface HttpRequestSpec extends RequestSpec {
  method?: string;
  body?: string;
}

const keepAlive = new Agent({ keepAlive: true });

function send(spec: HttpRequestSpec): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(spec.url, { method: spec.method ?? "GET", headers: spec.headers, agent: keepAlive }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      response.on("error", reject);
    });
    outgoing.on("error", reject);
    outgoing.end(spec.body);
  });
}

/** One request (GET unless said otherwise), timed from sending to the last byte of the body; a failed check throws. */
export async function timedRequest(spec: HttpRequestSpec): Promise<{ ms: number; status: number; body: string }> {
  const t0 = performance.now();
  const { status, body } = await send(spec);
  const ms = performance.now() - t0;
  const problem = spec.check(status, body);
  if (problem) {
    throw new BadResponseError(`${spec.method ?? "GET"} ${redact(spec.url)} → ${status}: ${problem}. Body: ${body.slice(0, 300)}`);
  }
  return { ms, status, body };
}

/** `requests` requests one at a time, the n-th built by `next(n)` (n counts from `first`). */
export async function sequentialRequests(next: (n: number) => HttpRequestSpec, options: { requests: number; first?: number }): Promise<LatencyStats> {
  const samples: number[] = [];
  const first = options.first ?? 0;
  for (let i = 0; i < options.requests; i += 1) samples.push((await timedRequest(next(first + i))).ms);
  return summarize(samples);
}

/**
 * Like concurrentLoad, but every request may differ: `concurrency` requests always in flight
 * for `durationMs`, the n-th sent built by `next(n)` (n counts up from `first` across all
 * in-flight requests, so each n is used exactly once). Requests started before the end are
 * awaited. `sent` is the next unused n.
 */
export async function concurrentRequests(
  next: (n: number) => HttpRequestSpec,
  options: { concurrency: number; durationMs: number; first?: number },
): Promise<ThroughputResult & { sent: number }> {
  const samples: number[] = [];
  let n = options.first ?? 0;
  const started = performance.now();
  const deadline = started + options.durationMs;
  const worker = async () => {
    while (performance.now() < deadline) samples.push((await timedRequest(next(n++))).ms);
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const elapsed = performance.now() - started;
  return {
    concurrency: options.concurrency,
    durationMs: Math.round(elapsed),
    requests: samples.length,
    requestsPerSecond: Math.round((samples.length / elapsed) * 1000 * 10) / 10,
    latency: summarize(samples),
    sent: n,
  };
}
