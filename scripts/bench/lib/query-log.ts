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

/** The table a statement reads or writes: its outermost FROM / INTO / UPDATE (not one in a subquery). */
function mainTable(flat: string): string | undefined {
  const pattern = /\b(?:FROM|INTO|UPDATE) (?:"public"\.)?"(\w+)"/g;
  let depth = 0;
  let scanned = 0;
  let fallback: string | undefined;
  for (let match = pattern.exec(flat); match; match = pattern.exec(flat)) {
    for (; scanned < match.index; scanned += 1) depth += flat[scanned] === "(" ? 1 : flat[scanned] === ")" ? -1 : 0;
    if (depth === 0) return match[1];
    fallback ??= match[1];
  }
  return fallback;
}

/** A short, single-line label for a logged statement. */
export function describeSql(sql: string): string {
  const flat = sql.replace(/\s+/g, " ").trim();
  if (flat.includes("WITH hosts AS") || flat.includes("slotbase_busy_spans(")) return "busy times (one raw query)";
  const verb = flat.split(" ")[0]!.toUpperCase();
  const table = mainTable(flat);
  return table ? `${verb} ${table}` : verb === "BEGIN" || verb === "COMMIT" || verb === "ROLLBACK" ? verb : `${verb} ${flat.slice(0, 60)}`;
}
