import { MIGRATIONS } from "../generated/migrations";
import type { MigrationFile } from "./migration-files";

/** What a database lacks of this build's migrations (by name, in apply order); empty when current. */
export interface MigrationStatus {
  pending: string[];
}

type RawQuery = <T>(sql: TemplateStringsArray) => Promise<T>;

/**
 * Compares the migrations recorded as finished (and not rolled back) in `_prisma_migrations`
 * with the ones bundled into this build. A database without the bookkeeping table lacks them all.
 */
export async function migrationStatus(db: { $queryRaw: RawQuery }, migrations: MigrationFile[] = MIGRATIONS): Promise<MigrationStatus> {
  const [{ exists }] = await db.$queryRaw<{ exists: boolean }[]>`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS exists`;
  if (!exists) return { pending: migrations.map((m) => m.name) };
  const rows = await db.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  const applied = new Set(rows.map((row) => row.migration_name));
  return { pending: migrations.filter((m) => !applied.has(m.name)).map((m) => m.name) };
}
