import { createHash, randomBytes } from "node:crypto";

/**
 * API keys look like `<APIKEY_PREFIX><64 hex chars>` (prefix `cal_` by default, as Cal.com).
 * Only the SHA-256 of the part after the prefix is stored; a short visible prefix is kept
 * so people can tell their keys apart.
 */
export function apiKeyPrefix(): string {
  return process.env.APIKEY_PREFIX ?? "cal_";
}

const SECRET_PATTERN = /^[a-f0-9]{32,128}$/;
const VISIBLE_SECRET_CHARS = 6;

export function hashApiKeySecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export interface NewApiKeyMaterial {
  /** The whole key, shown to its owner once. */
  key: string;
  hashedKey: string;
  /** e.g. `cal_3f9a1c`: enough to recognise the key, useless to use it. */
  displayPrefix: string;
}

export function generateApiKeyMaterial(): NewApiKeyMaterial {
  const secret = randomBytes(32).toString("hex");
  const prefix = apiKeyPrefix();
  return {
    key: `${prefix}${secret}`,
    hashedKey: hashApiKeySecret(secret),
    displayPrefix: `${prefix}${secret.slice(0, VISIBLE_SECRET_CHARS)}`,
  };
}

export type ParsedApiKey =
  | { ok: true; hashedKey: string }
  | { ok: false; reason: "wrong_prefix" | "malformed" };

/** Strips the prefix and hashes the rest; never throws, never echoes the key. */
export function parseApiKey(raw: string): ParsedApiKey {
  const prefix = apiKeyPrefix();
  if (!raw.startsWith(prefix)) return { ok: false, reason: "wrong_prefix" };
  const secret = raw.slice(prefix.length);
  if (!SECRET_PATTERN.test(secret)) return { ok: false, reason: "malformed" };
  return { ok: true, hashedKey: hashApiKeySecret(secret) };
}
