import { BlockList, isIP } from "node:net";
import type { ApiRequest } from "./types";

/**
 * The client's address, for limits on requests without a key. `X-Forwarded-For` is believed
 * only from proxies named in TRUSTED_PROXIES (addresses or CIDR ranges, comma-separated; `*`
 * trusts every hop, for hosts such as Vercel that set the header themselves): walking it from
 * the right, the first address that is not a trusted proxy is the client. Anyone else could
 * send any X-Forwarded-For and so pick their own limit.
 */
export function trustedProxies(setting: string | undefined = process.env.TRUSTED_PROXIES): { all: boolean; list: BlockList } {
  const list = new BlockList();
  let all = false;
  for (const entry of (setting ?? "").split(",").map((part) => part.trim()).filter(Boolean)) {
    if (entry === "*") {
      all = true;
      continue;
    }
    const [address, prefix] = entry.split("/");
    const family = isIP(address ?? "") === 6 ? "ipv6" : "ipv4";
    if (!address || isIP(address) === 0) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an address or a CIDR range`);
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return { all, list };
}

const normalize = (address: string) => (address.startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : address);
const isTrusted = (proxies: ReturnType<typeof trustedProxies>, address: string) =>
  proxies.all || (isIP(address) !== 0 && proxies.list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4"));

let configured: ReturnType<typeof trustedProxies> | undefined;

export function clientIp(req: ApiRequest, proxies: ReturnType<typeof trustedProxies> = (configured ??= trustedProxies())): string {
  const peer = normalize(req.socket?.remoteAddress ?? "unknown");
  if (!isTrusted(proxies, peer)) return peer;
  const header = req.headers["x-forwarded-for"];
  const hops = (Array.isArray(header) ? header.join(",") : (header ?? "")).split(",").map((hop) => normalize(hop.trim())).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    if (!isTrusted(proxies, hops[i]!) || i === 0) return hops[i]!;
  }
  return peer;
}
