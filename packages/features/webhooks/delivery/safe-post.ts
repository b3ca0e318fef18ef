import { EventEmitter } from "node:events";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import { StringDecoder } from "node:string_decoder";
import { Agent, buildConnector, Client, type Dispatcher } from "undici";
import { checkAddress, checkSubscriberUrl, effectivePort, type TargetPolicy } from "./target-policy";

export const WEBHOOK_USER_AGENT = "Slotbase-Webhooks/1";

export interface SafePostRequest {
  headers: Record<string, string>;
  body: string;
}

export interface SafePostOptions {
  policy: TargetPolicy;
  /** DNS lookup + TCP connect (+ TLS handshake for https) must finish within this. */
  connectTimeoutMs: number;
  /** The whole exchange, from the start to the last byte of the response body. */
  totalTimeoutMs: number;
  /** At most this many bytes of the response body are read (the rest is never received). */
  maxResponseBytes: number;
}

export type PostOutcome =
  /** The receiver answered (any status, 3xx included: redirects are not followed). */
  | { kind: "response"; status: number; body: string; truncated: boolean; durationMs: number }
  /** The target is not allowed (URL rules, or a resolved address the policy refuses); nothing was sent. */
  | { kind: "refused"; reason: string; durationMs: number }
  /** Network problem: DNS failure, refused connection, TLS error, timeout, broken response… */
  | { kind: "error"; reason: string; durationMs: number };

/** Headers safePost sets itself (a caller's value would be wrong or misleading). */
const OWN_HEADERS = new Set(["content-length", "transfer-encoding", "user-agent", "host", "connection"]);

/**
 * Connections are kept open between deliveries to the same host and port (a busy receiver
 * costs one TCP/TLS handshake, not one per event), at most 4 s idle (less when the receiver
 * announces a shorter Keep-Alive timeout). A kept connection leads to the address that was
 * checked when it was opened; a new one is checked again. undici, not node:http: it costs
 * about a third of the CPU per request (measured in the README's bench:webhooks notes).
 */
const IDLE_CONNECTION_MS = 4_000;

/** Thrown (passed) by the lookup function when a resolved address is refused. */
class RefusedAddressError extends Error {
  readonly code = "WEBHOOK_ADDRESS_REFUSED";
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * The socket's own lookup: every address a host name resolves to is checked before the
 * connection is made (so DNS rebinding cannot slip a private address in between a check and
 * the connect), and only the first is connected to.
 */
function guardedLookup(policy: TargetPolicy, port: number): LookupFunction {
  return ((host: string, lookupOptions: { family?: number; hints?: number; all?: boolean }, callback: LookupCallback) => {
    const family = lookupOptions.family === 4 || lookupOptions.family === 6 ? lookupOptions.family : 0;
    dnsLookup(host, { all: true, family, hints: lookupOptions.hints }, (error, addresses) => {
      if (error) return callback(error, lookupOptions.all ? [] : "", 0);
      if (addresses.length === 0) return callback(Object.assign(new Error(`DNS lookup of ${host} returned no address`), { code: "ENOTFOUND" }), lookupOptions.all ? [] : "", 0);
      for (const { address, family: addressFamily } of addresses) {
        const verdict = checkAddress(address, addressFamily === 6 ? 6 : 4, host, port, policy);
        if (!verdict.ok) return callback(new RefusedAddressError(`${host} resolves to a refused address: ${verdict.reason}`), lookupOptions.all ? [] : "", 0);
      }
      const first = addresses[0];
      if (lookupOptions.all) callback(null, [first]);
      else callback(null, first.address, first.family);
    });
  }) as unknown as LookupFunction;
}

/** Opens connections for a policy: the guarded lookup (which needs the port), certificates always verified. */
function guardedConnector(policy: TargetPolicy, connectTimeoutMs: number): buildConnector.connector {
  const byPort = new Map<number, buildConnector.connector>();
  return (connectOptions, callback) => {
    const port = Number(connectOptions.port) || (connectOptions.protocol === "https:" ? 443 : 80);
    let connect = byPort.get(port);
    if (!connect) {
      // Certificate verification stays on, even if NODE_TLS_REJECT_UNAUTHORIZED=0 is set.
      connect = buildConnector({ timeout: connectTimeoutMs, rejectUnauthorized: true, lookup: guardedLookup(policy, port) });
      byPort.set(port, connect);
    }
    return connect(connectOptions, callback);
  };
}

/** One connection pool per policy and connect timeout (a pass reads the policy anew: equal policies share it). */
const pools = new Map<string, Agent>();
const poolKeys = new WeakMap<TargetPolicy, string>();
const MAX_POOLS = 16;

function poolFor(policy: TargetPolicy, connectTimeoutMs: number): Agent {
  let policyKey = poolKeys.get(policy);
  if (policyKey === undefined) {
    policyKey = JSON.stringify(policy);
    poolKeys.set(policy, policyKey);
  }
  const key = `${connectTimeoutMs} ${policyKey}`;
  let pool = pools.get(key);
  if (!pool) {
    if (pools.size >= MAX_POOLS) {
      for (const old of pools.values()) void old.close().catch(() => undefined);
      pools.clear();
    }
    pool = new Agent({ keepAliveTimeout: IDLE_CONNECTION_MS, keepAliveMaxTimeout: IDLE_CONNECTION_MS, connect: guardedConnector(policy, connectTimeoutMs) });
    pools.set(key, pool);
  }
  return pool;
}

/** What the static rules say about a URL under a policy, and the parts a request needs. */
type StaticTarget =
  | { ok: false; reason: string }
  | { ok: true; origin: string; hostname: string; path: string };

function checkStatic(url: string, policy: TargetPolicy): StaticTarget {
  const checked = checkSubscriberUrl(url, policy);
  if (!checked.ok) return { ok: false, reason: checked.message };
  const target = checked.url;
  const hostname = target.hostname.startsWith("[") ? target.hostname.slice(1, -1) : target.hostname;
  const port = effectivePort(target);
  // IP-literal hosts are judged here: Node does not call `lookup` for them.
  const literalFamily = isIP(hostname);
  if (literalFamily === 4 || literalFamily === 6) {
    const verdict = checkAddress(hostname, literalFamily, hostname, port, policy);
    if (!verdict.ok) return { ok: false, reason: verdict.reason };
  }
  return { ok: true, origin: target.origin, hostname, path: `${target.pathname}${target.search}` };
}

/**
 * The static verdicts of a policy, by URL: a pass reads the policy once and sends many events
 * to few URLs. A policy is never changed once made (each pass reads a new one), and the
 * verdict depends on nothing else; host names are still checked at every new connection.
 */
const staticVerdicts = new WeakMap<TargetPolicy, Map<string, StaticTarget>>();
const MAX_VERDICTS_PER_POLICY = 1_000;

function staticTarget(url: string, policy: TargetPolicy): StaticTarget {
  let verdicts = staticVerdicts.get(policy);
  if (!verdicts) {
    verdicts = new Map();
    staticVerdicts.set(policy, verdicts);
  }
  let target = verdicts.get(url);
  if (!target) {
    target = checkStatic(url, policy);
    if (verdicts.size >= MAX_VERDICTS_PER_POLICY) verdicts.clear();
    verdicts.set(url, target);
  }
  return target;
}

/**
 * POSTs a webhook to a subscriber URL without letting it reach internal services (SSRF): the
 * URL passes the static rules, and the addresses a host name resolves to are checked by the
 * socket's own lookup at every new connection. Redirects are not followed. Never throws for
 * network problems: every failure is an outcome. Logs nothing (headers may carry secrets).
 */
export async function safePost(url: string, request: SafePostRequest, options: SafePostOptions): Promise<PostOutcome> {
  const target = staticTarget(url, options.policy);
  const started = performance.now();
  if (!target.ok) return { kind: "refused", reason: target.reason, durationMs: Math.round(performance.now() - started) };
  const pool = poolFor(options.policy, options.connectTimeoutMs);
  const outcome = await postOnce(pool, target, request, options, started);
  if (outcome.kind !== "stale") return outcome;
  // A kept connection the receiver closed just as it was reused: once more, on a new one.
  const fresh = new Client(target.origin, { connect: guardedConnector(options.policy, options.connectTimeoutMs), pipelining: 0 });
  try {
    const again = await postOnce(fresh, target, request, options, started);
    return again.kind === "stale" ? { kind: "error", reason: again.reason, durationMs: Math.round(performance.now() - started) } : again;
  } finally {
    void fresh.destroy().catch(() => undefined);
  }
}

type Reachable = Extract<StaticTarget, { ok: true }>;

/** Broke off before any answer on a connection that had already carried one (a kept connection). */
type Stale = { kind: "stale"; reason: string };

async function postOnce(dispatcher: Dispatcher, target: Reachable, request: SafePostRequest, options: SafePostOptions, started: number): Promise<PostOutcome | Stale> {
  const elapsed = () => Math.round(performance.now() - started);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (!OWN_HEADERS.has(name.toLowerCase())) headers[name] = value;
  }
  headers["user-agent"] = WEBHOOK_USER_AGENT;

  // undici takes an EventEmitter as the abort signal: much cheaper to make than an AbortController.
  const abort = new EventEmitter();
  let timedOut = false;
  const totalTimer = setTimeout(() => {
    timedOut = true;
    abort.emit("abort");
  }, options.totalTimeoutMs);
  let answered = false;
  try {
    const response = await dispatcher.request({
      origin: target.origin,
      path: target.path,
      method: "POST",
      headers,
      body: request.body,
      signal: abort,
      headersTimeout: options.totalTimeoutMs,
      bodyTimeout: options.totalTimeoutMs,
    });
    answered = true;
    const { body, truncated } = await readCapped(response.body, options.maxResponseBytes);
    // undici frees the connection a turn after the body ends: the receiver's next event must find it free.
    await new Promise((resolve) => setImmediate(resolve));
    return { kind: "response", status: response.statusCode, body, truncated, durationMs: elapsed() };
  } catch (error) {
    if (timedOut) return { kind: "error", reason: `timed out after ${options.totalTimeoutMs} ms (total)`, durationMs: elapsed() };
    const code = (error as { code?: string }).code;
    if (error instanceof RefusedAddressError) return { kind: "refused", reason: error.message, durationMs: elapsed() };
    if (code === "UND_ERR_CONNECT_TIMEOUT") return { kind: "error", reason: `timed out after ${options.connectTimeoutMs} ms (connect)`, durationMs: elapsed() };
    if (!answered && wasKeptConnection(error)) return { kind: "stale", reason: errorMessage(error) };
    const reason = answered ? `the response from ${target.hostname} broke off: ${errorMessage(error)}` : errorMessage(error);
    return { kind: "error", reason, durationMs: elapsed() };
  } finally {
    clearTimeout(totalTimer);
  }
}

/** A connection that broke before any answer, after it had carried an earlier exchange (undici reports what it had read). */
function wasKeptConnection(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  if (code !== "UND_ERR_SOCKET" && code !== "ECONNRESET" && code !== "EPIPE") return false;
  const socket = (error as { socket?: { bytesRead?: number } }).socket;
  return socket === undefined || (socket.bytesRead ?? 0) > 0;
}

/**
 * At most `limit` bytes of a response body; what is over it is never received (the stream is
 * destroyed, which drops the connection). A body read to its end leaves its connection to the pool.
 */
async function readCapped(body: Dispatcher.ResponseData["body"], limit: number): Promise<{ body: string; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    const room = limit - received;
    if (chunk.length <= room) {
      chunks.push(chunk);
      received += chunk.length;
      continue;
    }
    if (room > 0) chunks.push(chunk.subarray(0, room));
    body.destroy();
    // Drop an incomplete UTF-8 sequence at the cut instead of decoding it to U+FFFD.
    return { body: new StringDecoder("utf8").write(Buffer.concat(chunks)), truncated: true };
  }
  return { body: Buffer.concat(chunks).toString("utf8"), truncated: false };
}

function errorMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, 500);
  const code = (error as NodeJS.ErrnoException).code;
  const message = error.message.replace(/\s+/g, " ").trim();
  return (code && !message.includes(code) ? `${message} (${code})` : message).slice(0, 500);
}
