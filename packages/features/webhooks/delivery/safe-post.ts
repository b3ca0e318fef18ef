import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingMessage, type RequestOptions } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { isIP, type LookupFunction, type Socket } from "node:net";
import { StringDecoder } from "node:string_decoder";
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
 * checked when it was opened; a new one is checked again.
 */
const IDLE_CONNECTION_MS = 4_000;
const keptConnections = {
  http: new HttpAgent({ keepAlive: true, timeout: IDLE_CONNECTION_MS, maxFreeSockets: 16 }),
  https: new HttpsAgent({ keepAlive: true, timeout: IDLE_CONNECTION_MS, maxFreeSockets: 16 }),
};

/** Thrown (passed) by the lookup function when a resolved address is refused. */
class RefusedAddressError extends Error {
  readonly code = "WEBHOOK_ADDRESS_REFUSED";
}

/** What the static rules say about a URL under a policy, and the parts a request needs. */
type StaticTarget =
  | { ok: false; reason: string }
  | { ok: true; protocol: string; isHttps: boolean; hostname: string; port: number; path: string };

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
  return { ok: true, protocol: target.protocol, isHttps: target.protocol === "https:", hostname, port, path: `${target.pathname}${target.search}` };
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
 * POSTs a webhook to a subscriber URL without letting it reach internal services (SSRF):
 * the URL is re-checked, and the addresses a host name resolves to are checked at connection
 * time, on every call, by the socket's own lookup (so DNS rebinding cannot slip a private
 * address in between a check and the connect). Redirects are not followed. Never throws for
 * network problems: every failure is an outcome. Logs nothing (headers may carry secrets).
 */
export async function safePost(url: string, request: SafePostRequest, options: SafePostOptions): Promise<PostOutcome> {
  const outcome = await postOnce(url, request, options, false);
  // A kept connection the receiver closed just as it was reused: once more, on a new one.
  return outcome.kind === "stale" ? ((await postOnce(url, request, options, true)) as PostOutcome) : outcome;
}

/** `newConnection`: not a kept one (then the outcome is never "stale"). */
async function postOnce(url: string, request: SafePostRequest, options: SafePostOptions, newConnection: boolean): Promise<PostOutcome | { kind: "stale" }> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);

  const target = staticTarget(url, options.policy);
  if (!target.ok) return { kind: "refused", reason: target.reason, durationMs: elapsed() };
  const { isHttps, hostname, port } = target;

  let refusal: string | undefined;
  const guardedLookup = ((host: string, lookupOptions: { family?: number; hints?: number; all?: boolean }, callback: LookupCallback) => {
    const family = lookupOptions.family === 4 || lookupOptions.family === 6 ? lookupOptions.family : 0;
    dnsLookup(host, { all: true, family, hints: lookupOptions.hints }, (error, addresses) => {
      if (error) return callback(error, lookupOptions.all ? [] : "", 0);
      if (addresses.length === 0) return callback(Object.assign(new Error(`DNS lookup of ${host} returned no address`), { code: "ENOTFOUND" }), lookupOptions.all ? [] : "", 0);
      for (const { address, family: addressFamily } of addresses) {
        const verdict = checkAddress(address, addressFamily === 6 ? 6 : 4, host, port, options.policy);
        if (!verdict.ok) {
          refusal = `${host} resolves to a refused address: ${verdict.reason}`;
          return callback(new RefusedAddressError(refusal), lookupOptions.all ? [] : "", 0);
        }
      }
      // Every address passed; connect to the first one only.
      const first = addresses[0];
      if (lookupOptions.all) callback(null, [first]);
      else callback(null, first.address, first.family);
    });
  }) as unknown as LookupFunction;

  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (!OWN_HEADERS.has(name.toLowerCase())) headers[name] = value;
  }
  headers["Content-Length"] = String(Buffer.byteLength(request.body, "utf8"));
  headers["User-Agent"] = WEBHOOK_USER_AGENT;

  const requestOptions: RequestOptions & { rejectUnauthorized?: boolean } = {
    method: "POST",
    protocol: target.protocol,
    hostname,
    port,
    path: target.path,
    headers,
    agent: newConnection ? false : isHttps ? keptConnections.https : keptConnections.http,
    lookup: guardedLookup, // called for each new connection only
    // Certificate verification stays on, even if NODE_TLS_REJECT_UNAUTHORIZED=0 is set.
    ...(isHttps ? { rejectUnauthorized: true } : {}),
  };

  return new Promise<PostOutcome | { kind: "stale" }>((resolve) => {
    let settled = false;
    let req: ClientRequest | undefined;
    let res: IncomingMessage | undefined;

    const finish = (outcome: PostOutcome | { kind: "stale" }, keepConnection = false) => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      clearTimeout(totalTimer);
      // A response read to its end leaves its connection to the pool; anything else closes it.
      if (!keepConnection) {
        res?.destroy();
        req?.destroy();
      }
      resolve(outcome);
    };
    const fail = (reason: string) => finish({ kind: "error", reason, durationMs: elapsed() });

    const connectTimer = setTimeout(() => fail(`timed out after ${options.connectTimeoutMs} ms (connect)`), options.connectTimeoutMs);
    const totalTimer = setTimeout(() => fail(`timed out after ${options.totalTimeoutMs} ms (total)`), options.totalTimeoutMs);

    try {
      req = (isHttps ? httpsRequest : httpRequest)(requestOptions);
    } catch (error) {
      // e.g. a header name or value with invalid characters (Node names the header, not its value)
      fail(`could not build the request: ${errorMessage(error)}`);
      return;
    }

    req.on("socket", (socket: Socket) => {
      const connected = () => clearTimeout(connectTimer);
      if (!socket.connecting) connected();
      else socket.once(isHttps ? "secureConnect" : "connect", connected);
    });

    req.on("error", (error) => {
      const code = (error as NodeJS.ErrnoException).code;
      if (!res && req?.reusedSocket && (code === "ECONNRESET" || code === "EPIPE")) {
        finish({ kind: "stale" });
      } else if (refusal !== undefined || error instanceof RefusedAddressError) {
        finish({ kind: "refused", reason: refusal ?? error.message, durationMs: elapsed() });
      } else {
        fail(res ? `the response from ${hostname} broke off: ${errorMessage(error)}` : errorMessage(error));
      }
    });

    req.on("response", (response) => {
      res = response;
      const status = response.statusCode ?? 0;
      const chunks: Buffer[] = [];
      let received = 0;

      response.on("data", (chunk: Buffer) => {
        if (settled) return;
        const room = options.maxResponseBytes - received;
        if (chunk.length <= room) {
          chunks.push(chunk);
          received += chunk.length;
          return;
        }
        // Over the limit: keep what fits, stop reading (destroying drops the connection).
        if (room > 0) chunks.push(chunk.subarray(0, room));
        // Drop an incomplete UTF-8 sequence at the cut instead of decoding it to U+FFFD.
        const body = new StringDecoder("utf8").write(Buffer.concat(chunks));
        finish({ kind: "response", status, body, truncated: true, durationMs: elapsed() });
      });
      response.on("end", () => {
        finish({ kind: "response", status, body: Buffer.concat(chunks).toString("utf8"), truncated: false, durationMs: elapsed() }, true);
      });
      response.on("error", (error) => fail(`the response from ${hostname} broke off: ${errorMessage(error)}`));
      response.on("close", () => fail(`the response from ${hostname} broke off before its end`));
    });

    req.end(request.body, "utf8");
  });
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

function errorMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, 500);
  const code = (error as NodeJS.ErrnoException).code;
  const message = error.message.replace(/\s+/g, " ").trim();
  return (code && !message.includes(code) ? `${message} (${code})` : message).slice(0, 500);
}
