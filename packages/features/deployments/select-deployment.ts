import type { DatabaseScope } from "@slotbase/prisma";
import { ForbiddenError, UnauthenticatedError, UnavailableError } from "../errors/domain-errors";
import { log } from "../logging/logger";
import { errorText } from "../notifications/error-text";
import { DeploymentPools } from "./deployment-pools";
import { deploymentSettings, type DeploymentSettings } from "./deployment-settings";
import { findDeployment, licenseKeyHash, type DeploymentRow } from "./deployment-store";

const LOOKUP_CACHE_MAX = 10_000;

interface Registry {
  settings: DeploymentSettings;
  pools: DeploymentPools;
  /** license key hash → what the control database said, and when. */
  lookups: Map<string, { row: DeploymentRow | undefined; at: number }>;
}

const REGISTRY = Symbol.for("slotbase.deployments.registry");
const holder = globalThis as { [REGISTRY]?: Registry };

/** This process's deployments registry (settings read once), kept on globalThis as Next.js may load this module twice. */
function registry(): Registry {
  if (!holder[REGISTRY]) {
    const settings = deploymentSettings();
    holder[REGISTRY] = { settings, pools: new DeploymentPools(settings), lookups: new Map() };
  }
  return holder[REGISTRY];
}

async function lookUp(licenseKey: string): Promise<DeploymentRow | undefined> {
  const { settings, lookups } = registry();
  const hash = licenseKeyHash(licenseKey);
  const cached = lookups.get(hash);
  if (cached && Date.now() - cached.at < settings.lookupCacheMs) return cached.row;
  let row: DeploymentRow | undefined;
  try {
    row = await findDeployment(settings.controlDatabaseUrl, licenseKey);
  } catch (error) {
    log.warn("the deployments' control database is not reachable", { error: errorText(error) });
    throw new UnavailableError("The deployments directory is not reachable; try again shortly.", [], { retryAfterSeconds: 5 });
  }
  if (lookups.size >= LOOKUP_CACHE_MAX) lookups.delete(lookups.keys().next().value!);
  lookups.set(hash, { row, at: Date.now() });
  return row;
}

export interface DeploymentLease {
  scope: DatabaseScope;
  /** The request is done with the deployment's database. */
  release(): void;
}

/**
 * The deployment a license key selects, with its database's client, for one request: 401 for
 * a key no deployment has or a disabled deployment, 403 without the API add-on, 503 when its
 * database cannot be reached (only this deployment's requests fail).
 */
export async function selectDeployment(licenseKey: string): Promise<DeploymentLease> {
  const row = await lookUp(licenseKey);
  if (!row) throw new UnauthenticatedError("license_unknown", "The license key is not registered with this server.");
  if (!row.enabled) throw new UnauthenticatedError("license_disabled", "The deployment of this license key is disabled.");
  if (!row.addons.includes("api")) throw new ForbiddenError("The deployment of this license key does not include the API add-on.");
  let acquired: Awaited<ReturnType<DeploymentPools["acquire"]>>;
  try {
    acquired = await registry().pools.acquire(row);
  } catch (error) {
    log.warn("a deployment's database is not reachable", { deployment: row.id, error: errorText(error) });
    throw new UnavailableError("This deployment's database is not reachable; try again shortly.", [], { retryAfterSeconds: 5 });
  }
  return { scope: { id: row.id, prisma: acquired.prisma, addons: row.addons }, release: acquired.release };
}

/** Forgets what was read about license keys and closes every deployment pool (tests, shutdown). */
export async function resetDeployments(): Promise<void> {
  const current = holder[REGISTRY];
  holder[REGISTRY] = undefined;
  await current?.pools.closeAll();
}

/** Runs `fn` with the database of each enabled deployment in turn (delivery passes); one failing does not stop the others. */
export async function forEachDeployment(rows: DeploymentRow[], fn: (scope: DatabaseScope) => Promise<void>): Promise<void> {
  for (const row of rows) {
    let acquired: Awaited<ReturnType<DeploymentPools["acquire"]>> | undefined;
    try {
      acquired = await registry().pools.acquire(row);
      await fn({ id: row.id, prisma: acquired.prisma, addons: row.addons });
    } catch (error) {
      log.warn("delivery for a deployment failed", { deployment: row.id, error: errorText(error) });
    } finally {
      acquired?.release();
    }
  }
}
