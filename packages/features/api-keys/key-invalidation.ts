import { currentDatabaseScope, getPrisma, listenForNotifications, type Listener } from "@slotbase/prisma";
import { log } from "../logging/logger";
import { errorText } from "../notifications/error-text";
import { multiDeploymentEnabled } from "../deployments/deployment-settings";
import { notifyControl } from "../deployments/deployment-store";
import { verifiedKeyCache, type VerifiedKey } from "./verified-key-cache";

/** The PostgreSQL channel on which every server process hears of changed keys. */
export const KEY_CHANNEL = "slotbase_keys";

/** Which cached keys a change makes stale: one key, a user's, or the keys restricted to a team. */
export type KeyTarget = { apiKeyId: string } | { userId: number } | { teamId: number };

/** `scope`: the database the keys live in ("" for the process's own, else a deployment's id). */
const matcher = (scope: string, target: KeyTarget) => (key: VerifiedKey) =>
  key.scope === scope &&
  ("apiKeyId" in target ? key.apiKeyId === target.apiKeyId : "userId" in target ? key.userId === target.userId : key.teamId === target.teamId);

function parse(payload: string): { scope: string; target: KeyTarget } | undefined {
  try {
    const value = JSON.parse(payload) as Record<string, unknown>;
    const scope = typeof value.scope === "string" ? value.scope : "";
    if (typeof value.apiKeyId === "string") return { scope, target: { apiKeyId: value.apiKeyId } };
    if (Number.isSafeInteger(value.userId)) return { scope, target: { userId: value.userId as number } };
    if (Number.isSafeInteger(value.teamId)) return { scope, target: { teamId: value.teamId as number } };
  } catch {
    // not ours: ignored
  }
  return undefined;
}

const dropAnnounced = (payload: string) => {
  const announced = parse(payload);
  if (announced) verifiedKeyCache.dropWhere(matcher(announced.scope, announced.target));
};

/**
 * After a change to keys (revoked, expiry or scopes changed, user locked or deleted, team
 * deleted) has committed: drops the cached copies in this process at once and, on
 * PostgreSQL, tells every other server process (NOTIFY), which drop theirs within a moment
 * instead of trusting them for up to APIKEY_CACHE_TTL_MS. A deployment's keys (multi-deployment
 * mode) are announced on the control database, which every process listens to. Never throws:
 * if the broadcast fails, the other processes still stop at the TTL.
 */
export async function invalidateKeys(target: KeyTarget): Promise<void> {
  const scope = currentDatabaseScope()?.id ?? "";
  verifiedKeyCache.dropWhere(matcher(scope, target));
  try {
    if (scope) {
      await notifyControl(KEY_CHANNEL, JSON.stringify({ ...target, scope }));
      return;
    }
    if (!process.env.DATABASE_URL) return; // the embedded database serves one process
    const prisma = await getPrisma();
    await prisma.$executeRaw`SELECT pg_notify(${KEY_CHANNEL}, ${JSON.stringify(target)})`;
  } catch (error) {
    log.warn("could not tell the other server processes that keys changed", { error: errorText(error) });
  }
}

let listening: Promise<Listener | undefined> | undefined;
let listeningToControl: Promise<Listener | undefined> | undefined;

function listen(url: string, what: string): Promise<Listener | undefined> {
  return listenForNotifications(url, KEY_CHANNEL, dropAnnounced, {
    onConnect: () => verifiedKeyCache.clear(),
    onError: (error) => log.warn(`${what}: key change notifications interrupted; reconnecting`, { error: errorText(error) }),
  }).catch((error: unknown) => {
    log.error(`${what}: cannot listen for key changes: other processes' revocations take effect within APIKEY_CACHE_TTL_MS`, { error: errorText(error) });
    return undefined;
  });
}

/**
 * Starts hearing other processes' key changes (PostgreSQL only; once per process): on the
 * process's own database, and on the control database in multi-deployment mode. After a
 * (re)connection the whole cache is dropped: changes made while this process was not
 * listening were missed.
 */
export function listenForKeyChanges(databaseUrl: string | undefined = process.env.DATABASE_URL): Promise<Listener | undefined> {
  if (multiDeploymentEnabled()) listeningToControl ??= listen(process.env.DEPLOYMENTS_DATABASE_URL!, "deployments");
  if (!databaseUrl) return Promise.resolve(undefined);
  listening ??= listen(databaseUrl, "database").then((listener) => {
    if (!listener) listening = undefined;
    return listener;
  });
  return listening;
}

/** Tests: stop listening. */
export async function stopListeningForKeyChanges(): Promise<void> {
  const current = [listening, listeningToControl];
  listening = undefined;
  listeningToControl = undefined;
  await Promise.all(current.map(async (l) => (await l)?.close()));
}
