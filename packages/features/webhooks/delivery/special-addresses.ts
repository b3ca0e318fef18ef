import { BlockList, isIPv4, isIPv6 } from "node:net";

/**
 * Special-purpose addresses (RFC 6890 and friends), IPv4 and IPv6 (IPv4-mapped, NAT64 and 6to4
 * forms judged on their IPv4 part), and membership in a listed network: what target-policy.ts
 * decides with. Checked at every new connection, so the IPv4 paths allocate nothing.
 */

/** A listed network (one WEBHOOK_ALLOWED_PRIVATE_HOSTS entry with an address or CIDR range). */
export interface Network {
  family: 4 | 6;
  address: string;
  prefix: number;
}

type Range = { cidr: string; what: string; list: BlockList };

function ranges(family: "ipv4" | "ipv6", rows: Array<[cidr: string, what: string]>): Range[] {
  return rows.map(([cidr, what]) => {
    const [address, prefix] = cidr.split("/");
    const list = new BlockList();
    list.addSubnet(address, Number(prefix), family);
    return { cidr, what, list };
  });
}

/** A valid dotted IPv4 address as an unsigned 32-bit number (checked every delivery: no allocation). */
function ipv4Number(address: string): number {
  let value = 0;
  let octet = 0;
  for (let i = 0; i < address.length; i++) {
    const code = address.charCodeAt(i);
    if (code === 46 /* . */) {
      value = value * 256 + octet;
      octet = 0;
    } else octet = octet * 10 + (code - 48);
  }
  return (value * 256 + octet) >>> 0;
}

type Ipv4Range = { cidr: string; what: string; network: number; mask: number };

function ipv4Ranges(rows: Array<[cidr: string, what: string]>): Ipv4Range[] {
  return rows.map(([cidr, what]) => {
    const [address, prefix] = cidr.split("/");
    const mask = Number(prefix) === 0 ? 0 : (~0 << (32 - Number(prefix))) >>> 0;
    return { cidr, what, network: (ipv4Number(address) & mask) >>> 0, mask };
  });
}

const inIpv4Range = (ipv4: number, range: { network: number; mask: number }): boolean => ((ipv4 & range.mask) >>> 0) === range.network;

/** Special-purpose IPv4 ranges (RFC 6890 and friends). The first match names the reason. */
const REFUSED_V4 = ipv4Ranges([
  ["169.254.169.254/32", "the cloud metadata service address"],
  ["0.0.0.0/8", "an unspecified (\"this network\") address"],
  ["10.0.0.0/8", "a private address"],
  ["100.64.0.0/10", "a carrier-grade NAT (shared) address"],
  ["127.0.0.0/8", "a loopback address"],
  ["169.254.0.0/16", "a link-local address"],
  ["172.16.0.0/12", "a private address"],
  ["192.0.0.0/24", "an IETF protocol assignment address"],
  ["192.0.2.0/24", "a documentation address"],
  ["192.88.99.0/24", "a 6to4 relay anycast address"],
  ["192.168.0.0/16", "a private address"],
  ["198.18.0.0/15", "a benchmarking address"],
  ["198.51.100.0/24", "a documentation address"],
  ["203.0.113.0/24", "a documentation address"],
  ["224.0.0.0/4", "a multicast address"],
  ["240.0.0.0/4", "a reserved or broadcast address"],
]);

/** Special-purpose IPv6 ranges (IPv4-mapped, NAT64 and 6to4 addresses are judged on their IPv4 part instead). */
const REFUSED_V6 = ranges("ipv6", [
  ["fd00:ec2::254/128", "the cloud metadata service address"],
  ["::/128", "the unspecified address"],
  ["::1/128", "the loopback address"],
  ["::/96", "an IPv4-compatible (deprecated) address"],
  ["64:ff9b:1::/48", "a local-use NAT64 address"],
  ["100::/64", "a discard-only address"],
  ["2001::/32", "a Teredo tunnel address"],
  ["2001:2::/48", "a benchmarking address"],
  ["2001:10::/28", "an ORCHID address"],
  ["2001:20::/28", "an ORCHIDv2 address"],
  ["2001:db8::/32", "a documentation address"],
  ["3fff::/20", "a documentation address"],
  ["fc00::/7", "a unique local (private) address"],
  ["fe80::/10", "a link-local address"],
  ["fec0::/10", "a site-local (deprecated) address"],
  ["ff00::/8", "a multicast address"],
]);

/** Everything outside global unicast 2000::/3 is special-purpose (after the embedded-IPv4 forms). */
const GLOBAL_UNICAST_V6 = ranges("ipv6", [["2000::/3", "global unicast"]])[0];

/** The eight 16-bit groups of an IPv6 address (zone id ignored), or null when it is not one. */
function ipv6Groups(text: string): number[] | null {
  let s = text.split("%")[0];
  if (!isIPv6(s)) return null;
  const lastColon = s.lastIndexOf(":");
  const tail = s.slice(lastColon + 1);
  if (tail.includes(".")) {
    const [a, b, c, d] = tail.split(".").map(Number);
    s = `${s.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, rest] = s.split("::");
  const headGroups = head === "" ? [] : head.split(":");
  const restGroups = rest === undefined || rest === "" ? [] : rest.split(":");
  const zeros = rest === undefined ? [] : Array<string>(8 - headGroups.length - restGroups.length).fill("0");
  const groups = [...headGroups, ...zeros, ...restGroups].map((g) => parseInt(g, 16));
  return groups.length === 8 ? groups : null;
}

function ipv4FromGroups(high: number, low: number): string {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");
}

/** The IPv4 address an IPv6 address stands for (IPv4-mapped, NAT64 well-known prefix, 6to4). */
function embeddedIPv4(groups: number[]): { ipv4: string; form: string } | null {
  const [g0, g1, g2, g3, g4, g5, g6, g7] = groups;
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0xffff) {
    return { ipv4: ipv4FromGroups(g6, g7), form: "an IPv4-mapped address" };
  }
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) {
    return { ipv4: ipv4FromGroups(g6, g7), form: "a NAT64 address (64:ff9b::/96)" };
  }
  if (g0 === 0x2002) return { ipv4: ipv4FromGroups(g1, g2), form: "a 6to4 address (2002::/16)" };
  return null;
}

function refusedV4(ipv4: string): Ipv4Range | undefined {
  const address = ipv4Number(ipv4);
  return REFUSED_V4.find((range) => inIpv4Range(address, range));
}

/** Why an address is refused by default, or null for an ordinary public address. */
export function refusalOf(address: string, family: 4 | 6): string | null {
  if (family === 4) {
    if (!isIPv4(address)) return `${address} is not a valid IPv4 address`;
    const range = refusedV4(address);
    return range ? `${address} is ${range.what} (${range.cidr})` : null;
  }

  const groups = ipv6Groups(address);
  if (groups === null) return `${address} is not a valid IPv6 address`;
  // IPv4-mapped, NAT64 and 6to4 addresses reach the embedded IPv4 address: judge that one.
  const embedded = embeddedIPv4(groups);
  if (embedded) {
    const range = refusedV4(embedded.ipv4);
    return range ? `${address} is ${embedded.form} for ${embedded.ipv4}, which is ${range.what} (${range.cidr})` : null;
  }
  const canonical = groups.map((g) => g.toString(16)).join(":");
  const range = REFUSED_V6.find((r) => r.list.check(canonical, "ipv6"));
  if (range) return `${address} is ${range.what} (${range.cidr})`;
  if (!GLOBAL_UNICAST_V6.list.check(canonical, "ipv6")) return `${address} is not a global unicast address (2000::/3)`;
  return null;
}

/** The IPv4 range of each listed IPv4 entry, computed once per entry. */
const listedIpv4Ranges = new WeakMap<Network, Ipv4Range>();

function listedIpv4Range(target: Network): Ipv4Range {
  let range = listedIpv4Ranges.get(target);
  if (!range) {
    range = ipv4Ranges([[`${target.address}/${target.prefix}`, "listed"]])[0]!;
    listedIpv4Ranges.set(target, range);
  }
  return range;
}

/** Whether `address` is in a listed network (an IPv4 network also holds the IPv4-mapped forms of its addresses). */
export function networkContains(target: Network, address: string): boolean {
  const v4 = target.family === 4 ? listedIpv4Range(target) : null;
  if (isIPv4(address)) return v4 !== null && inIpv4Range(ipv4Number(address), v4);
  const groups = ipv6Groups(address);
  if (groups === null) return false;
  if (v4 === null) {
    const list = new BlockList();
    list.addSubnet(target.address, target.prefix, "ipv6");
    return list.check(groups.map((g) => g.toString(16)).join(":"), "ipv6");
  }
  // An IPv4 entry also matches the IPv4-mapped form of its addresses (::ffff:127.0.0.1).
  const embedded = embeddedIPv4(groups);
  return embedded !== null && embedded.form.startsWith("an IPv4-mapped") && inIpv4Range(ipv4Number(embedded.ipv4), v4);
}
