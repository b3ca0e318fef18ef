import { createTestDatabase, type TestDatabase } from "@slotbase/prisma/testing";
import { flushBackgroundWrites, verifiedKeyCache } from "@slotbase/features";

/**
 * Gives the calling test file its own fresh database (PGlite, or PostgreSQL when
 * TEST_DATABASE_URL is set), installed as the process-wide client the routes use.
 */
export function useTestDatabase(): { readonly current: TestDatabase } {
  const holder: { current?: TestDatabase } = {};
  beforeAll(async () => {
    holder.current = await createTestDatabase();
  });
  afterEach(() => verifiedKeyCache.clear());
  afterAll(async () => {
    await flushBackgroundWrites();
    await holder.current?.close();
  });
  return {
    get current() {
      if (!holder.current) throw new Error("test database not ready: use it inside tests or hooks");
      return holder.current;
    },
  };
}
