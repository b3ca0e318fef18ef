import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { Client } from "pg";
import type { PrismaClient } from "../generated/client/client";
import { createEmbeddedClient, createPostgresClient, setPrisma } from "../src/client";
import { openEmbeddedDatabase } from "../src/embedded";
import globalSetup from "./global-setup";
import { PG_TEMPLATE_DB, PGLITE_IMAGE_PATH, withDatabase } from "./template";

export interface TestDatabase {
  prisma: PrismaClient;
  kind: "pglite" | "postgres";
  /** Connection string of this test file's own database (PostgreSQL only). */
  url?: string;
  close(): Promise<void>;
}

/**
 * A fresh, migrated, empty database for one test file, installed as the process-wide
 * client (getPrisma). Embedded PGlite restored from the run's image, or, when
 * TEST_DATABASE_URL is set, a PostgreSQL database cloned from the run's template.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  await globalSetup(); // no-op when jest's globalSetup already ran
  const url = process.env.TEST_DATABASE_URL;
  const db = url ? await clonePostgres(url) : await restorePglite();
  setPrisma(db.prisma);
  return db;
}

async function restorePglite(): Promise<TestDatabase> {
  const image = new Blob([readFileSync(PGLITE_IMAGE_PATH)]);
  const pglite = await openEmbeddedDatabase({ image, migrate: false });
  const prisma = createEmbeddedClient(pglite);
  return {
    prisma,
    kind: "pglite",
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

async function clonePostgres(adminUrl: string): Promise<TestDatabase> {
  const name = `slotbase_t_${process.pid}_${randomBytes(4).toString("hex")}`;
  await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE "${name}" TEMPLATE "${PG_TEMPLATE_DB}"`));
  const url = withDatabase(adminUrl, name);
  const prisma = createPostgresClient(url);
  return {
    prisma,
    kind: "postgres",
    url,
    close: async () => {
      await prisma.$disconnect();
      await withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

async function withAdmin<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: url });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}
