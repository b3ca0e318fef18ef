import { randomBytes } from "node:crypto";
import { DeploymentPools } from "../../deployments/deployment-pools";
import { parseEncryptionKey, type DeploymentSettings } from "../../deployments/deployment-settings";
import { licenseKeyHash } from "../../deployments/deployment-store";
import { parseAddons } from "../../deployments/register-deployment";
import { open, seal } from "../../deployments/secret-box";

describe("sealing a deployment's database URL", () => {
  const key = randomBytes(32);
  const url = "postgresql://app:s3cret@db.internal:5432/acme";

  it("opens what it sealed, with a fresh nonce each time, and nothing readable in between", () => {
    const first = seal(url, key);
    expect(open(first, key)).toBe(url);
    expect(seal(url, key)).not.toBe(first);
    expect(first).not.toContain("s3cret");
    expect(first).not.toContain("db.internal");
  });

  it("refuses a changed value or another key", () => {
    const sealed = seal(url, key);
    const [version, nonce, tag, body] = sealed.split(".");
    const flipped = Buffer.from(body!, "base64");
    flipped[0] = flipped[0]! ^ 1;
    expect(() => open([version, nonce, tag, flipped.toString("base64")].join("."), key)).toThrow();
    expect(() => open(sealed, randomBytes(32))).toThrow();
    expect(() => open("not sealed", key)).toThrow(/not a sealed value/);
  });
});

describe("deployment settings", () => {
  it("takes a 32-byte key as hex or base64, and says how to make one otherwise", () => {
    const bytes = randomBytes(32);
    expect(parseEncryptionKey(bytes.toString("hex")).equals(bytes)).toBe(true);
    expect(parseEncryptionKey(bytes.toString("base64")).equals(bytes)).toBe(true);
    expect(() => parseEncryptionKey(undefined)).toThrow(/openssl rand -base64 32/);
    expect(() => parseEncryptionKey(randomBytes(16).toString("base64"))).toThrow(/32 bytes/);
  });

  it("knows the add-ons, and api by default", () => {
    expect(parseAddons(undefined)).toEqual(["api"]);
    expect(parseAddons("API, admin,api")).toEqual(["api", "admin"]);
    expect(() => parseAddons("api,billing")).toThrow(/Unknown add-on billing/);
  });

  it("keeps only a hash of a license key", () => {
    expect(licenseKeyHash("cal_live_abc")).toMatch(/^[0-9a-f]{64}$/);
    expect(licenseKeyHash("cal_live_abc")).not.toBe(licenseKeyHash("cal_live_abd"));
  });
});

const adminUrl = process.env.TEST_DATABASE_URL;
(adminUrl ? describe : describe.skip)("deployment pools (PostgreSQL)", () => {
  const key = randomBytes(32);
  const settings: DeploymentSettings = { controlDatabaseUrl: "unused", encryptionKey: key, maxOpenPools: 1, poolIdleMs: 60_000, poolMax: 1, lookupCacheMs: 0 };
  const row = (id: string) => ({ id, databaseUrlSealed: seal(adminUrl!, key), addons: ["api"], enabled: true });
  it("closes the least recently used idle pool beyond the limit, never one in use, and idle ones after poolIdleMs", async () => {
    const pools = new DeploymentPools(settings);
    try {
      const a = await pools.acquire(row("a"));
      const b = await pools.acquire(row("b")); // a is in use: both stay open
      expect(pools.openCount).toBe(2);
      a.release();
      const c = await pools.acquire(row("c")); // a is idle and the oldest: closed
      expect(pools.openCount).toBe(2);
      b.release();
      c.release();
      pools.sweepIdle(Date.now() + 60_000);
      expect(pools.openCount).toBe(0);
    } finally {
      await pools.closeAll();
    }
  });

  it("fails to open a pool whose database cannot be reached, and keeps nothing of it", async () => {
    const pools = new DeploymentPools(settings);
    const unreachable = { id: "gone", databaseUrlSealed: seal("postgresql://postgres@127.0.0.1:5432/slotbase_no_such_database", key), addons: ["api"], enabled: true };
    await expect(pools.acquire(unreachable)).rejects.toThrow();
    expect(pools.openCount).toBe(0);
    await pools.closeAll();
  });
});
