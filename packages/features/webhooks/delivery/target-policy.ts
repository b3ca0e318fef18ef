import { isIP, isIPv6 } from "node:net";
import { networkContains, refusalOf } from "./special-addresses";

/**
 * Which webhook targets may be contacted (SSRF protection).
 *
 * Public addresses are always allowed over https. Loopback, private, link-local, metadata and
 * other special-purpose addresses are refused unless listed in WEBHOOK_ALLOWED_PRIVATE_HOSTS.
 * Listed targets may also be contacted over plain http; WEBHOOK_ALLOW_HTTP=true allows http
 * everywhere (the address rules still apply).
 */
export interface TargetPolicy {
  /** True: http:// is allowed for every host (WEBHOOK_ALLOW_HTTP=true). */
  allowHttp: boolean;
  /** Parsed WEBHOOK_ALLOWED_PRIVATE_HOSTS entries. */
  allowedPrivate: AllowedTarget[];
}

/** One WEBHOOK_ALLOWED_PRIVATE_HOSTS entry; without `port` every port of the target is allowed. */
export type AllowedTarget =
  /** A host name: matches the URL's host name (case-insensitive), whatever it resolves to. */
  | { kind: "host"; host: string; port?: number; entry: string }
  /** An IP address (prefix 32 / 128) or CIDR range: matches the address that is connected to. */
  | { kind: "network"; family: 4 | 6; address: string; prefix: number; port?: number; entry: string };

export const ALLOWED_PRIVATE_HOSTS_ENV = "WEBHOOK_ALLOWED_PRIVATE_HOSTS";
export const ALLOW_HTTP_ENV = "WEBHOOK_ALLOW_HTTP";
export const MAX_WEBHOOK_URL_LENGTH = 2048;

// ---------------------------------------------------------------------------------------------
// Settings

/**
 * Reads WEBHOOK_ALLOW_HTTP and WEBHOOK_ALLOWED_PRIVATE_HOSTS. Throws an Error naming the bad
 * value when either is malformed (a startup configuration error: better than a silently
 * ignored allow-list entry).
 */
export function targetPolicyFromEnv(env: NodeJS.ProcessEnv = process.env): TargetPolicy {
  return {
    allowHttp: parseAllowHttp(env[ALLOW_HTTP_ENV]),
    allowedPrivate: parseAllowedPrivateHosts(env[ALLOWED_PRIVATE_HOSTS_ENV] ?? ""),
  };
}

function parseAllowHttp(value: string | undefined): boolean {
  const v = (value ?? "").trim().toLowerCase();
  if (v === "true" || v === "1") return true;
  if (v === "" || v === "false" || v === "0") return false;
  throw new Error(`${ALLOW_HTTP_ENV} must be "true" or "false", got "${value}"`);
}

/**
 * Parses a comma-separated list of host names, IPv4/IPv6 addresses and CIDR ranges, each
 * optionally followed by `:port` (IPv6 with a port in brackets: `[::1]:8080`, `[fd00::/8]:443`).
 * Empty entries (e.g. a trailing comma) are ignored.
 */
export function parseAllowedPrivateHosts(value: string): AllowedTarget[] {
  return value
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "")
    .map(parseAllowedEntry);
}

function invalidEntry(entry: string, why: string): Error {
  return new Error(
    `Invalid ${ALLOWED_PRIVATE_HOSTS_ENV} entry "${entry}": ${why}. ` +
      `Expected a host name, an IP address or a CIDR range, optionally with :port (e.g. receiver.internal, 10.0.0.0/8, 127.0.0.1:8080, [::1]:9000).`,
  );
}

function parsePort(entry: string, text: string): number {
  if (!/^\d{1,5}$/.test(text)) throw invalidEntry(entry, `"${text}" is not a port number`);
  const port = Number(text);
  if (port < 1 || port > 65535) throw invalidEntry(entry, `port ${port} is out of range 1-65535`);
  return port;
}

const HOST_LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;

function parseAllowedEntry(entry: string): AllowedTarget {
  let target = entry;
  let port: number | undefined;

  if (target.startsWith("[")) {
    // [IPv6] or [IPv6/prefix], optionally followed by :port
    const close = target.indexOf("]");
    if (close < 0) throw invalidEntry(entry, "missing ]");
    const rest = target.slice(close + 1);
    target = target.slice(1, close);
    if (rest !== "") {
      if (!rest.startsWith(":")) throw invalidEntry(entry, `unexpected "${rest}" after ]`);
      port = parsePort(entry, rest.slice(1));
    }
    if (!isIPv6(target.split("/")[0])) throw invalidEntry(entry, "only IPv6 addresses go in brackets");
  } else if ((target.match(/:/g) ?? []).length === 1) {
    // host:port or IPv4[/prefix]:port (a bare IPv6 address has at least two colons)
    const colon = target.indexOf(":");
    port = parsePort(entry, target.slice(colon + 1));
    target = target.slice(0, colon);
  }

  if (target.includes("/")) {
    const [address, prefixText, ...extra] = target.split("/");
    const family = isIP(address);
    if ((family !== 4 && family !== 6) || extra.length > 0 || address.includes("%")) {
      throw invalidEntry(entry, `"${target}" is not a CIDR range`);
    }
    const max = family === 4 ? 32 : 128;
    if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > max) {
      throw invalidEntry(entry, `the prefix length must be a number from 0 to ${max}`);
    }
    return withPort({ kind: "network", family, address: address.toLowerCase(), prefix: Number(prefixText), entry }, port);
  }

  const family = isIP(target);
  if (family === 4 || family === 6) {
    if (target.includes("%")) throw invalidEntry(entry, "IPv6 zone ids are not supported");
    return withPort({ kind: "network", family, address: target.toLowerCase(), prefix: family === 4 ? 32 : 128, entry }, port);
  }

  const name = normalizeHostName(target.toLowerCase());
  if (name.length === 0 || name.length > 253 || !name.split(".").every((label) => HOST_LABEL.test(label))) {
    throw invalidEntry(entry, `"${target}" is not a valid host name`);
  }
  // Host names are compared with URL host names, which the WHATWG URL parser normalizes; a name
  // the parser turns into an IPv4 address (e.g. "127.1", "0x7f.1") or rejects is ambiguous.
  let parsed: string;
  try {
    parsed = new URL(`http://${name}/`).hostname;
  } catch {
    throw invalidEntry(entry, `"${target}" is not a valid host name`);
  }
  if (isIP(parsed) !== 0 || normalizeHostName(parsed) !== name) {
    throw invalidEntry(entry, `"${target}" looks like an IP address in a non-standard form; write it as a plain dotted address`);
  }
  return withPort({ kind: "host", host: name, entry }, port);
}

function withPort<T extends AllowedTarget>(target: T, port: number | undefined): T {
  return port === undefined ? target : { ...target, port };
}

/** Lower case, without the brackets of IPv6 URL hosts and without one trailing dot. */
function normalizeHostName(host: string): string {
  let h = host.toLowerCase();
  if (h.startsWith("[") && h.endsWith("]")) h = h.slice(1, -1);
  if (h.endsWith(".")) h = h.slice(0, -1);
  return h;
}

// ---------------------------------------------------------------------------------------------
// URL check

export type UrlCheck = { ok: true; url: URL } | { ok: false; rule: UrlRule; message: string };
export type UrlRule = "invalid_url" | "scheme_not_allowed" | "credentials_in_url" | "too_long" | "address_not_allowed";

/** The port a URL connects to (its explicit port, or the scheme's default). */
export function effectivePort(url: URL): number {
  if (url.port !== "") return Number(url.port);
  return url.protocol === "http:" ? 80 : 443;
}

/**
 * Static checks of a subscriber URL (when it is saved, and again before every delivery). IP
 * literal hosts are judged here; host names are judged on their resolved addresses when the
 * connection is made (see safePost).
 */
export function checkSubscriberUrl(url: string, policy: TargetPolicy): UrlCheck {
  if (url.length > MAX_WEBHOOK_URL_LENGTH) {
    return {
      ok: false,
      rule: "too_long",
      message: `Webhook URLs may be at most ${MAX_WEBHOOK_URL_LENGTH} characters long (this one has ${url.length}).`,
    };
  }

  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, rule: "invalid_url", message: "The webhook URL is not a valid absolute URL (expected something like https://example.com/webhooks)." };
  }

  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    return {
      ok: false,
      rule: "scheme_not_allowed",
      message: `Webhook URLs must use https (this one uses ${parsed.protocol.replace(/:$/, "")}).`,
    };
  }
  if (parsed.hostname === "") {
    return { ok: false, rule: "invalid_url", message: "The webhook URL has no host name (expected something like https://example.com/webhooks)." };
  }

  if (parsed.username !== "" || parsed.password !== "") {
    return {
      ok: false,
      rule: "credentials_in_url",
      message:
        "Webhook URLs must not contain a user name or password (user:pass@host); send credentials in a header or verify the webhook signature instead.",
    };
  }

  const host = normalizeHostName(parsed.hostname);
  const port = effectivePort(parsed);
  const family = isIP(host);

  if (parsed.protocol === "http:" && !policy.allowHttp && !isListed(host, family === 0 ? undefined : host, port, policy)) {
    return {
      ok: false,
      rule: "scheme_not_allowed",
      message: `Webhook URLs must use https (http is allowed only for hosts listed in ${ALLOWED_PRIVATE_HOSTS_ENV}, or everywhere with ${ALLOW_HTTP_ENV}=true).`,
    };
  }

  if (family === 4 || family === 6) {
    const verdict = checkAddress(host, family, host, port, policy);
    if (!verdict.ok) {
      return { ok: false, rule: "address_not_allowed", message: `The webhook URL's host is not allowed: ${verdict.reason}.` };
    }
  }

  return { ok: true, url: parsed };
}

// ---------------------------------------------------------------------------------------------
// Address check

/**
 * Whether an address may be connected to. `host` is the URL's host name (or the address itself
 * for IP-literal URLs) and `port` the port connected to: both take part in allow-list matching.
 */
export function checkAddress(address: string, family: 4 | 6, host: string, port: number, policy: TargetPolicy): { ok: true } | { ok: false; reason: string } {
  const refusal = refusalOf(address, family);
  if (refusal === null) return { ok: true };
  if (isListed(normalizeHostName(host), address, port, policy)) return { ok: true };
  return { ok: false, reason: `${refusal}, and neither the host nor the address is listed in ${ALLOWED_PRIVATE_HOSTS_ENV}` };
}

/** Whether WEBHOOK_ALLOWED_PRIVATE_HOSTS lists this host name or address (and port). */
function isListed(host: string, address: string | undefined, port: number, policy: TargetPolicy): boolean {
  const name = normalizeHostName(host);
  return policy.allowedPrivate.some((target) => {
    if (target.port !== undefined && target.port !== port) return false;
    if (target.kind === "host") return normalizeHostName(target.host) === name;
    return address !== undefined && networkContains(target, address);
  });
}
