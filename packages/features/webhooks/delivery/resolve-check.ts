import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { checkAddress, checkSubscriberUrl, effectivePort, type TargetPolicy, type UrlCheck } from "./target-policy";

/**
 * A subscriber URL as it would be contacted now: checkSubscriberUrl, then, for a host name
 * that resolves, every address it resolves to must be allowed (a name pointing at 127.0.0.1 is
 * refused when the webhook is saved, not only when it is sent). A name that does not resolve
 * (yet) is accepted: sending checks every connection's address anyway.
 */
export async function checkSubscriberTarget(url: string, policy: TargetPolicy): Promise<UrlCheck> {
  const verdict = checkSubscriberUrl(url, policy);
  if (!verdict.ok) return verdict;
  const host = verdict.url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) !== 0) return verdict;
  let addresses: { address: string; family: number }[];
  try {
    addresses = await lookup(host, { all: true, verbatim: true });
  } catch {
    return verdict;
  }
  for (const { address, family } of addresses) {
    const allowed = checkAddress(address, family === 6 ? 6 : 4, host, effectivePort(verdict.url), policy);
    if (!allowed.ok) return { ok: false, rule: "address_not_allowed", message: allowed.reason };
  }
  return verdict;
}
