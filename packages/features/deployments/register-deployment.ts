import { migratePostgres } from "@slotbase/prisma";
import { deploymentSettings } from "./deployment-settings";
import { ADDONS, disableDeployment, saveDeployment, type Addon } from "./deployment-store";
import { seal } from "./secret-box";

export function parseAddons(value: string | undefined): Addon[] {
  const names = (value ?? "api").split(",").map((name) => name.trim().toLowerCase()).filter(Boolean);
  const unknown = names.filter((name) => !(ADDONS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`Unknown add-on ${unknown.join(", ")}: the add-ons are ${ADDONS.join(", ")}`);
  return [...new Set(names)] as Addon[];
}

/**
 * Registers a deployment (or updates one and enables it again): migrates its database first,
 * so a license key never selects a database the app cannot serve, then stores the URL sealed
 * with DEPLOYMENTS_ENCRYPTION_KEY and only a hash of the license key.
 */
export async function addDeployment(input: { licenseKey: string; databaseUrl: string; addons: Addon[] }): Promise<{ id: string; created: boolean; migrationsApplied: number }> {
  if (input.licenseKey.trim().length < 16) throw new Error("A license key must be at least 16 characters");
  new URL(input.databaseUrl); // a malformed URL fails here, before anything is written
  const settings = deploymentSettings();
  const report = await migratePostgres(input.databaseUrl);
  const saved = await saveDeployment(settings.controlDatabaseUrl, {
    licenseKey: input.licenseKey,
    databaseUrlSealed: seal(input.databaseUrl, settings.encryptionKey),
    addons: input.addons,
  });
  return { ...saved, migrationsApplied: report.applied.length };
}

/** Disables a deployment: its license key is refused (within DEPLOYMENTS_LOOKUP_CACHE_MS on every process). */
export async function disableDeploymentByKey(licenseKey: string): Promise<boolean> {
  return disableDeployment(deploymentSettings().controlDatabaseUrl, licenseKey);
}
