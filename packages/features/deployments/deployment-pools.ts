import { createPostgresClient, type Database } from "@slotbase/prisma";
import { log } from "../logging/logger";
import { errorText } from "../notifications/error-text";
import { open } from "./secret-box";
import type { DeploymentRow } from "./deployment-store";
import type { DeploymentSettings } from "./deployment-settings";

interface OpenPool {
  prisma: Database;
  lastUsedAt: number;
  /** Requests using the pool now: it is never closed under them. */
  inUse: number;
}

/**
 * One Prisma client (and so one node-postgres pool) per deployment database, opened on
 * demand. At most `maxOpenPools` are open: opening one more closes the least recently used
 * idle one; a pool unused for `poolIdleMs` is closed by a sweep. A pool in use is never closed.
 */
export class DeploymentPools {
  // Map order is recency: a used pool is moved to the end.
  private readonly pools = new Map<string, OpenPool>();
  private sweeper: NodeJS.Timeout | undefined;

  constructor(private readonly settings: DeploymentSettings) {}

  /** The deployment's client, counted in use until `release` is called. Checks a new pool's connection first. */
  async acquire(row: DeploymentRow): Promise<{ prisma: Database; release: () => void }> {
    let entry = this.pools.get(row.id);
    if (entry) {
      this.pools.delete(row.id);
    } else {
      const prisma = createPostgresClient(open(row.databaseUrlSealed, this.settings.encryptionKey), {
        ...process.env,
        DATABASE_POOL_MAX: String(this.settings.poolMax),
      });
      try {
        await prisma.$queryRaw`SELECT 1`;
      } catch (error) {
        await prisma.$disconnect().catch(() => undefined);
        throw error;
      }
      entry = this.pools.get(row.id); // another request may have opened it meanwhile
      if (entry) await prisma.$disconnect().catch(() => undefined);
      else entry = { prisma, lastUsedAt: Date.now(), inUse: 0 };
      this.pools.delete(row.id);
    }
    entry.inUse += 1;
    entry.lastUsedAt = Date.now();
    this.pools.set(row.id, entry);
    this.evictBeyondLimit();
    this.startSweeper();
    const used = entry;
    let released = false;
    return {
      prisma: used.prisma,
      release: () => {
        if (released) return;
        released = true;
        used.inUse -= 1;
        used.lastUsedAt = Date.now();
      },
    };
  }

  /** How many deployment pools are open now. */
  get openCount(): number {
    return this.pools.size;
  }

  /** Closes every pool (shutdown, tests). */
  async closeAll(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = undefined;
    const all = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(all.map((entry) => entry.prisma.$disconnect().catch(() => undefined)));
  }

  private close(id: string, entry: OpenPool, why: string): void {
    this.pools.delete(id);
    log.info("deployment database pool closed", { deployment: id, why });
    entry.prisma.$disconnect().catch((error: unknown) => log.warn("closing a deployment pool failed", { deployment: id, error: errorText(error) }));
  }

  private evictBeyondLimit(): void {
    for (const [id, entry] of this.pools) {
      if (this.pools.size <= this.settings.maxOpenPools) return;
      if (entry.inUse === 0) this.close(id, entry, "least recently used");
    }
  }

  private startSweeper(): void {
    if (this.sweeper || this.settings.poolIdleMs <= 0) return;
    this.sweeper = setInterval(() => this.sweepIdle(), Math.max(1_000, this.settings.poolIdleMs / 2));
    this.sweeper.unref();
  }

  sweepIdle(now = Date.now()): void {
    for (const [id, entry] of this.pools) {
      if (entry.inUse === 0 && now - entry.lastUsedAt >= this.settings.poolIdleMs) this.close(id, entry, "idle");
    }
  }
}
