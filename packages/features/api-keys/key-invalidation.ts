import { getPrisma, listenForNotifications, type Listener } from "@slotbase/prisma";
import { log } from "../logging/logger";
import { errorText } from "../notifications/error-text";
import { verifiedKeyCache, type VerifiedKey } from "./verified-key-cache";

/** The PostgreSQL channel on which every server process hears of changed keys. */
export const KEY_CHANNEL = "slotbase_keys";

/** Which cached keys a change makes stale: one key, a user's, or the keys restricted to a team. */
export type KeyTarget = { apiKeyId: string } | { userId: number } | { teamId: number };

const matcher = (target: KeyTarget) => (key: VerifiedKey) =>
  "apiKeyId" in target ? key.apiKeyId === target.apiKeyId : "userId" in target ? key.userId === target.userId : key.teamId === target.teamId;

function parse(payload: string): KeyTarget | undefined {
  try {
    const value = JSON.parse(payload) as Record<string, unknown>;
    if (typeof value.apiKeyId === "string") return { apiKeyId: value.apiKeyId };
    if (Number.isSafeInteger(value.userId)) return { userId: value.userId as number };
    if (Number.isSafeInteger(value.teamId)) return { teamId: value.teamId as number };
  } catch {
    // not ours: ignored
  }
  return undefined;
}

/**
 * After a change to keys (revoked, expiry or scopes changed, user locked or deleted, team
 * deleted) has committed: drops the cached copies in this process at once and, on
 * PostgreSQL, tells every other server process (NOTIFY), which drop theirs within a moment
 * instead of trusting them for up to APIKEY_CACHE_TTL_MS. Never throws: if the broadcast
 * fails, the other processes still stop at the TTL.
 */
export async function invalidateKeys(target: KeyTarget): Promise<void> {
  verifiedKeyCache.dropWhere(matcher(target));
  if (!process.env.DATABASE_URL) return; // the embedded database serves one process
  try {
    const prisma = await getPrisma();
    await prisma.$executeRaw`SELECT pg_notify(${KEY_CHANNEL}, ${JSON.stringify(target)})`;
  } catch (error) {
    log.warn("could not tell the other server processes that keys changed", { error: errorText(error) });
  }
}

let listening: Promise<Listener | undefined> | undefined;

/**
 * Starts hearing other processes' key changes (PostgreSQL only; once per process). After a
 * (re)connection the whole cache is dropped: changes made while this process was not listening
 * were missed.
 */
export function listenForKeyChanges(databaseUrl: string | undefined = process.env.DATABASE_URL): Promise<Listener | undefined> {
  if (!databaseUrl) return Promise.resolve(undefined);
  listening ??= listenForNotifications(
    databaseUrl,
    KEY_CHANNEL,
    (payload) => {
      const target = parse(payload);
      if (target) verifiedKeyCache.dropWhere(matcher(target));
    },
    {
      onConnect: () => verifiedKeyCache.clear(),
      onError: (error) => log.warn("key change notifications interrupted; reconnecting", { error: errorText(error) }),
    },
  ).catch((error: unknown) => {
    log.error("cannot listen for key changes: other processes' revocations take effect within APIKEY_CACHE_TTL_MS", { error: errorText(error) });
    listening = undefined;
    return undefined;
  });
  return listening;
}

/** Tests: stop listening. */
export async function stopListeningForKeyChanges(): Promise<void> {
  const current = listening;
  listening = undefined;
  await (await current)?.close();
}
