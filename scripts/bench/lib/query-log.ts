// Where a call's database time goes: a second Prisma client that logs every query with its
// duration, and EXPLAIN ANALYZE of a logged query on a plain node-postgres connection.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, setPrisma, type Database } from "@slotbase/prisma";
import { withPgClient } from "./database";

export interface LoggedQuery {
  sql: string;
  params: unknown[];
  durationMs: number;
}

export interface QueryLog {
  prisma: Database;
  /** Runs `work` with this client installed as getPrisma()'s, returning the queries it ran. */
  capture(work: () => Promise<unknown>): Promise<LoggedQuery[]>;
  close(): Promise<void>;
}

export function openQueryLog(url: string, restore: Database): QueryLog {
  const prisma = new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: 5 }),
    log: [{ emit: "event", level: "query" }],
  });
  let sink: LoggedQuery[] | null = null;
  prisma.$on("query", (event) => {
    let params: unknown[] = [];
    try {
      params = JSON.parse(event.params) as unknown[];
    } catch {
      // leave empty
    }
    sink?.push({ sql: event.query, params, durationMs: Number(event.duration) });
  });
  return {
    prisma: prisma as unknown as Database,
    async capture(work) {
      setPrisma(prisma as unknown as Database);
      sink = [];
      try {
        await work();
        return sink;
      } finally {
        sink = null;
        setPrisma(restore);
      }
    },
    close: () => prisma.$disconnect(),
  };
}

/** EXPLAIN (ANALYZE, BUFFERS) of one logged query, as text lines. */
export async function explainAnalyze(url: string, query: LoggedQuery): Promise<string[]> {
  return withPgClient(url, async (client) => {
    await client.query(query.sql, query.params); // warm, as the benchmarked calls were
    const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`, query.params);
    return rows.map((r) => r["QUERY PLAN"]);
  });
}

/** A short, single-line label for a logged statement. */
export function describeSql(sql: string): string {
  const flat = sql.replace(/\s+/g, " ").trim();
  const table = /FROM "public"\."(\w+)"/.exec(flat)?.[1] ?? /FROM "(\w+)"/.exec(flat)?.[1];
  const verb = flat.split(" ")[0]!.toUpperCase();
  return flat.includes("WITH hosts AS") ? "busy times (one raw query)" : `${verb} ${table ?? flat.slice(0, 60)}`;
}
