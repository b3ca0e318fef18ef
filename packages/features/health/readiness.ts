import { getPrisma, migrationStatus, type Database } from "@slotbase/prisma";
import { log } from "../logging/logger";
import { errorText } from "../notifications/error-text";

/** One dependency as a load balancer's readiness probe sees it. */
export interface DependencyCheck {
  status: "ok" | "failing";
  /** Why it is failing, in words an operator acts on (never a connection string). */
  detail?: string;
}

export interface Readiness {
  ready: boolean;
  checks: { database: DependencyCheck; migrations: DependencyCheck };
}

/** A probe answers within this, whatever the database does. */
export const READINESS_TIMEOUT_MS = 2_000;

class TimedOut extends Error {}

function withinTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimedOut()), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** What an operator should know of a failed connection: its code, not the driver's message (it may name hosts and users). */
function unreachable(error: unknown, timeoutMs: number): string {
  if (error instanceof TimedOut) return `The database did not answer within ${timeoutMs} ms.`;
  const code = typeof error === "object" && error !== null && "code" in error && typeof error.code === "string" ? error.code : undefined;
  return code ? `The database cannot be reached (${code}).` : "The database cannot be reached.";
}

/**
 * Whether this process can serve requests: the database answers, and it has every migration
 * this build bundles (an older schema would fail requests in confusing ways). Never throws.
 */
export async function checkReadiness(options: { db?: Database; timeoutMs?: number } = {}): Promise<Readiness> {
  const timeoutMs = options.timeoutMs ?? READINESS_TIMEOUT_MS;
  try {
    const pending = await withinTimeout(
      (async () => {
        const db = options.db ?? (await getPrisma());
        await db.$queryRaw`SELECT 1`;
        return (await migrationStatus(db)).pending;
      })(),
      timeoutMs,
    );
    const migrations: DependencyCheck =
      pending.length === 0
        ? { status: "ok" }
        : { status: "failing", detail: `${pending.length} migration(s) not applied: ${pending.join(", ")}. Run yarn db:migrate.` };
    return { ready: pending.length === 0, checks: { database: { status: "ok" }, migrations } };
  } catch (error) {
    log.warn("readiness check failed", { error: errorText(error) });
    const detail = unreachable(error, timeoutMs);
    return { ready: false, checks: { database: { status: "failing", detail }, migrations: { status: "failing", detail: "Unknown until the database answers." } } };
  }
}
