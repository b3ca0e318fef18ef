import type { PGlite } from "@electric-sql/pglite";
import type { Client, Pool } from "pg";
import type { SqlRunner } from "./migrator";

export function pgliteRunner(db: PGlite): SqlRunner {
  return {
    exec: async (sql) => {
      await db.exec(sql);
    },
    query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
  };
}

export function pgRunner(db: Client | Pool): SqlRunner {
  return {
    exec: async (sql) => {
      await db.query(sql);
    },
    query: async <T>(sql: string, params?: unknown[]) => (await db.query(sql, params)).rows as T[],
  };
}
