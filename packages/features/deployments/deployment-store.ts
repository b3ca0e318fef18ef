import { createHash, randomUUID } from "node:crypto";
import { createPool } from "@slotbase/prisma";

type Pool = ReturnType<typeof createPool>;

/** What the control database knows of a deployment. The database URL stays sealed until a pool is opened. */
export interface DeploymentRow {
  id: string;
  databaseUrlSealed: string;
  addons: string[];
  enabled: boolean;
}

export const ADDONS = ["api", "admin"] as const;
export type Addon = (typeof ADDONS)[number];

/** Only a hash of a license key is stored: the control database never holds a usable key. */
export const licenseKeyHash = (licenseKey: string) => createHash("sha256").update(licenseKey, "utf8").digest("hex");

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS slotbase_deployment (
    id text PRIMARY KEY,
    license_key_hash text NOT NULL UNIQUE,
    database_url_sealed text NOT NULL,
    addons text[] NOT NULL,
    enabled boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`;

const pools = new Map<string, { pool: Pool; ready: Promise<void> }>();

/** The control database (one small pool per process), its table created on first use. */
async function control(url: string): Promise<Pool> {
  let entry = pools.get(url);
  if (!entry) {
    const pool = createPool({ connectionString: url, max: 2, idleTimeoutMillis: 30_000 });
    pool.on("error", () => undefined); // an idle connection's error: the next query reconnects
    entry = { pool, ready: pool.query(SCHEMA).then(() => undefined) };
    entry.ready.catch(() => pools.delete(url));
    pools.set(url, entry);
  }
  await entry.ready;
  return entry.pool;
}

const fromRow = (row: { id: string; database_url_sealed: string; addons: string[]; enabled: boolean }): DeploymentRow => ({
  id: row.id,
  databaseUrlSealed: row.database_url_sealed,
  addons: row.addons,
  enabled: row.enabled,
});

export async function findDeployment(url: string, licenseKey: string): Promise<DeploymentRow | undefined> {
  const { rows } = await (await control(url)).query(
    "SELECT id, database_url_sealed, addons, enabled FROM slotbase_deployment WHERE license_key_hash = $1",
    [licenseKeyHash(licenseKey)],
  );
  return rows[0] ? fromRow(rows[0]) : undefined;
}

export async function enabledDeployments(url: string): Promise<DeploymentRow[]> {
  const { rows } = await (await control(url)).query("SELECT id, database_url_sealed, addons, enabled FROM slotbase_deployment WHERE enabled ORDER BY created_at, id");
  return rows.map(fromRow);
}

/** Registers a license key (or updates its database and add-ons, enabling it again). Returns the deployment's id. */
export async function saveDeployment(url: string, input: { licenseKey: string; databaseUrlSealed: string; addons: readonly Addon[] }): Promise<{ id: string; created: boolean }> {
  const { rows } = await (await control(url)).query(
    `INSERT INTO slotbase_deployment (id, license_key_hash, database_url_sealed, addons)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (license_key_hash) DO UPDATE SET database_url_sealed = EXCLUDED.database_url_sealed, addons = EXCLUDED.addons, enabled = true, updated_at = now()
     RETURNING id, (xmax = 0) AS created`,
    [randomUUID(), licenseKeyHash(input.licenseKey), input.databaseUrlSealed, [...input.addons]],
  );
  return { id: rows[0].id as string, created: rows[0].created as boolean };
}

/** Disables a license key; false when no deployment has it. */
export async function disableDeployment(url: string, licenseKey: string): Promise<boolean> {
  const { rowCount } = await (await control(url)).query("UPDATE slotbase_deployment SET enabled = false, updated_at = now() WHERE license_key_hash = $1", [
    licenseKeyHash(licenseKey),
  ]);
  return (rowCount ?? 0) > 0;
}

/** Closes this process's control-database pools (scripts, tests). */
export async function closeControlDatabase(): Promise<void> {
  const open = [...pools.values()];
  pools.clear();
  await Promise.all(open.map((entry) => entry.pool.end().catch(() => undefined)));
}

/** NOTIFY on the control database: what every process of every deployment hears (e.g. a deployment's revoked key). */
export async function notifyControl(channel: string, payload: string): Promise<void> {
  const url = process.env.DEPLOYMENTS_DATABASE_URL;
  if (!url) return;
  await (await control(url)).query("SELECT pg_notify($1, $2)", [channel, payload]);
}
