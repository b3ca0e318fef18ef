import type { UserRole } from "@slotbase/prisma";

/**
 * In-process cache of verified keys, so the hot path pays no database round trip for
 * authentication. Entries live APIKEY_CACHE_TTL_MS (default 30 s). Changing or deleting
 * a key, its user or its team drops the affected entries at once, here and, on PostgreSQL,
 * in every other process (key-invalidation.ts); a process that could not hear it notices
 * within the TTL.
 * Expiry is checked on every request against the cached expiresAt, so caching never
 * extends a key's life.
 */
export interface VerifiedKey {
  /** The database the key lives in: "" for the process's own, else the deployment's id (ids repeat across databases). */
  scope: string;
  apiKeyId: string;
  userId: number;
  role: UserRole;
  teamId: number | null;
  scopes: string[];
  rateLimitPerMinute: number | null;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
}

const MAX_ENTRIES = 10_000;

function ttlMs(): number {
  const configured = Number(process.env.APIKEY_CACHE_TTL_MS);
  return Number.isFinite(configured) && configured >= 0 ? configured : 30_000;
}

class VerifiedKeyCache {
  private entries = new Map<string, { key: VerifiedKey; cachedAt: number }>();

  get(hashedKey: string, now = Date.now()): VerifiedKey | undefined {
    const entry = this.entries.get(hashedKey);
    if (!entry) return undefined;
    if (now - entry.cachedAt > ttlMs()) {
      this.entries.delete(hashedKey);
      return undefined;
    }
    return entry.key;
  }

  set(hashedKey: string, key: VerifiedKey, now = Date.now()): void {
    if (ttlMs() === 0) return;
    if (this.entries.size >= MAX_ENTRIES) {
      // Map keeps insertion order: drop the oldest entry.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(hashedKey, { key, cachedAt: now });
  }

  dropWhere(matches: (key: VerifiedKey) => boolean): void {
    for (const [hash, entry] of this.entries) if (matches(entry.key)) this.entries.delete(hash);
  }

  clear(): void {
    this.entries.clear();
  }
}

export const verifiedKeyCache = new VerifiedKeyCache();
