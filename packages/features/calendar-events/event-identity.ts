import { createHash, hash } from "node:crypto";

/**
 * Event ids are derived from what an event represents (a booking's, hold's or blocker's uid;
 * a period's or fragment's resource and bounds), so two responses can be diffed by id. They
 * are one-way: a booking's event id does not reveal its uid.
 */
export function stableEventId(...parts: (string | number)[]): string {
  const hex = hash("sha256", parts.join("\u001f"), "hex");
  // Shaped as a UUID (version 8: custom), as clients expect ids of this surface to look.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A strong validator of a view: equal tags mean equal bodies. */
export function viewTag(parts: unknown): string {
  return `"ce-${createHash("sha256").update(JSON.stringify(parts)).digest("base64url").slice(0, 32)}"`;
}
