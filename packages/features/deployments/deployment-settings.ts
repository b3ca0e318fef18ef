/**
 * Multi-deployment mode (seed 002: "call api.cal.com?key=CALCOM_LICENSE_KEY, which will connect
 * to your own databaseUrl"): off unless DEPLOYMENTS_DATABASE_URL names the control database.
 */
export interface DeploymentSettings {
  controlDatabaseUrl: string;
  /** AES-256-GCM key for the deployments' database URLs at rest (32 bytes). */
  encryptionKey: Buffer;
  /** At most this many deployment databases have a connection pool open at once (least recently used closed first). */
  maxOpenPools: number;
  /** A deployment's pool unused this long is closed. */
  poolIdleMs: number;
  /** Connections per deployment pool. */
  poolMax: number;
  /** How long this process trusts what it read about a license key (enabled, add-ons). */
  lookupCacheMs: number;
}

const positive = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return value !== undefined && value !== "" && Number.isFinite(n) && n >= 0 ? n : fallback;
};

/** DEPLOYMENTS_ENCRYPTION_KEY: 32 bytes, as 64 hex digits or base64. */
export function parseEncryptionKey(value: string | undefined): Buffer {
  if (!value) throw new Error("DEPLOYMENTS_ENCRYPTION_KEY is required with DEPLOYMENTS_DATABASE_URL (32 bytes: 64 hex digits or base64; e.g. `openssl rand -base64 32`)");
  const key = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, "hex") : Buffer.from(value, "base64");
  if (key.length !== 32) throw new Error("DEPLOYMENTS_ENCRYPTION_KEY must be 32 bytes (64 hex digits or base64)");
  return key;
}

export function multiDeploymentEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.DEPLOYMENTS_DATABASE_URL);
}

export function deploymentSettings(env: NodeJS.ProcessEnv = process.env): DeploymentSettings {
  const controlDatabaseUrl = env.DEPLOYMENTS_DATABASE_URL;
  if (!controlDatabaseUrl) throw new Error("DEPLOYMENTS_DATABASE_URL is not set: multi-deployment mode is off");
  return {
    controlDatabaseUrl,
    encryptionKey: parseEncryptionKey(env.DEPLOYMENTS_ENCRYPTION_KEY),
    maxOpenPools: Math.max(1, positive(env.DEPLOYMENTS_MAX_OPEN_POOLS, 20)),
    poolIdleMs: positive(env.DEPLOYMENTS_POOL_IDLE_MS, 300_000),
    poolMax: Math.max(1, positive(env.DEPLOYMENTS_POOL_MAX, 3)),
    lookupCacheMs: positive(env.DEPLOYMENTS_LOOKUP_CACHE_MS, 5_000),
  };
}
