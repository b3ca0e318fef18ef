import { currentDatabaseScope, getPrisma } from "@slotbase/prisma";
import { UnauthenticatedError, type UnauthenticatedReason } from "../errors/domain-errors";
import { parseApiKey } from "../api-keys/key-format";
import { verifiedKeyCache, type VerifiedKey } from "../api-keys/verified-key-cache";
import { runInBackground } from "../common/background";
import type { AuthContext } from "./auth-context";

// lastUsedAt is informational: write it at most this often per key, off the request path.
const LAST_USED_WRITE_INTERVAL_MS = 60_000;

const unauthorized = (reason: UnauthenticatedReason, message: string) => new UnauthenticatedError(reason, message);

/**
 * Verifies a raw API key and returns who is calling. Every failure is a 401 whose message
 * says what is wrong, and never repeats the key.
 */
export async function authenticateApiKey(rawKey: string | undefined, now = new Date()): Promise<AuthContext> {
  if (!rawKey) {
    throw unauthorized("missing", "No API key provided. Pass it as the apiKey query parameter or an Authorization: Bearer header.");
  }
  const parsed = parseApiKey(rawKey);
  if (!parsed.ok) {
    throw parsed.reason === "wrong_prefix"
      ? unauthorized("wrong_prefix", "The API key does not have this server's key prefix.")
      : unauthorized("malformed", "The API key is malformed.");
  }
  const scope = currentDatabaseScope();
  const cacheKey = `${scope?.id ?? ""}:${parsed.hashedKey}`;
  const key = verifiedKeyCache.get(cacheKey) ?? (await loadKey(parsed.hashedKey, cacheKey, scope?.id ?? ""));
  if (!key) throw unauthorized("unknown", "The API key is not valid.");
  if (key.expiresAt && key.expiresAt.getTime() <= now.getTime()) throw unauthorized("expired", "The API key has expired.");
  recordUse(key, now);
  // A deployment without the Admin add-on has no system administrators: its ADMIN users act as users.
  const role = key.role === "ADMIN" && scope && !scope.addons.includes("admin") ? "USER" : key.role;
  return {
    userId: key.userId,
    role,
    isAdmin: role === "ADMIN",
    apiKeyId: key.apiKeyId,
    scopes: key.scopes,
    teamId: key.teamId,
    rateLimitPerMinute: key.rateLimitPerMinute,
  };
}

async function loadKey(hashedKey: string, cacheKey: string, scope: string): Promise<VerifiedKey | undefined> {
  const prisma = await getPrisma();
  const row = await prisma.apiKey.findUnique({
    where: { hashedKey },
    select: { id: true, userId: true, teamId: true, scopes: true, rateLimitPerMinute: true, expiresAt: true, lastUsedAt: true, user: { select: { role: true, locked: true } } },
  });
  // A key must belong to a user (Cal.com: a key without a user "won't work"); a locked user's keys stop working.
  if (!row?.user || row.user.locked) return undefined;
  const key: VerifiedKey = {
    scope,
    apiKeyId: row.id,
    userId: row.userId,
    role: row.user.role,
    teamId: row.teamId,
    scopes: row.scopes,
    rateLimitPerMinute: row.rateLimitPerMinute,
    expiresAt: row.expiresAt,
    lastUsedAt: row.lastUsedAt,
  };
  verifiedKeyCache.set(cacheKey, key);
  return key;
}

function recordUse(key: VerifiedKey, now: Date): void {
  if (key.lastUsedAt && now.getTime() - key.lastUsedAt.getTime() < LAST_USED_WRITE_INTERVAL_MS) return;
  key.lastUsedAt = now;
  runInBackground("api key lastUsedAt", async () => {
    const prisma = await getPrisma();
    await prisma.apiKey.updateMany({ where: { id: key.apiKeyId }, data: { lastUsedAt: now } });
  });
}
