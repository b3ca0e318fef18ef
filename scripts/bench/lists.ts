// `yarn bench:lists`: do booking lists stay fast as the table grows?
//
// 1. builds the app (`yarn build`; `--skip-build` reuses apps/api/.next);
// 2. recreates the PostgreSQL database slotbase_bench (BENCH_DATABASE_URL, default
//    postgresql://postgres@127.0.0.1:5432/slotbase_bench), migrates it and seeds the small size
//    in SQL (lists-data.ts: six viewers, 500 other hosts, bookings over about three years);
// 3. starts the built app and times, for each viewer, v1 and v2 list pages (offset, deep
//    offset, sorted, cursor, the second cursor page, upcoming by cursor): sequential requests
//    after warm-ups, every answer checked against the seed's counts;
// 4. grows the table to the large size (rows no viewer but the admin sees), ANALYZE, restarts
//    the app and times the same requests; then, in process, EXPLAIN (ANALYZE, BUFFERS) of the
//    list queries listBookings runs for each viewer (the SQL captured with the query log);
// 5. prints the ratio table (target: large p50 ≤ max(1.5 × small p50, small p50 + 10 ms)) and
//    writes bench/results/lists.json.
//
// BENCH_DEBUG=1 prints the stack of a broken run.
// Options: --sizes <small,large> (default 10000,1000000; --quick: 2000,20000), --skip-build,
// --quick (fewer requests; writes nothing unless --out is given), --out <file>, --markdown.
//
// Exits 1 when the run is broken (a failed step, a non-200 or a wrong count), not when a
// target is missed: that is printed.
import path from "node:path";
import { parseArgs } from "node:util";
import type { AuthContext } from "@slotbase/features/auth/auth-context";
import { listBookings } from "@slotbase/features/bookings/list-bookings";
import { poolSettingsFromEnv, type Database } from "@slotbase/prisma";
import { analyze, describeDatabase, withPgClient } from "./lib/database";
import { describeSql, explainAnalyze, openQueryLog } from "./lib/query-log";
import { environment, formatTable, reportResults, type ResultRow } from "./lib/report";
import { benchRun, COMMON_OPTIONS, expect, prepareBench, runBench } from "./lib/run";
import { ROOT, startBuiltServer, type RunningServer } from "./lib/server";
import type { LatencyStats } from "./lib/stats";
import { expectedVisible, growListsBench, seedListsBench, VIEWER_LABEL, VIEWERS, type ListsBenchData, type Viewer } from "./lists-data";
import { LIST_REQUESTS, prepareRequest, timeRequest } from "./lists-requests";

const run = benchRun("bench:lists");
const { say, noteLoad, loadAtStart } = run;

const { values: flags } = parseArgs({ options: { ...COMMON_OPTIONS, sizes: { type: "string" } } });
const quick = flags.quick ?? false;
const outFile = flags.out ?? (quick ? null : path.join(ROOT, "bench", "results", "lists.json"));
const SIZES = (flags.sizes ?? (quick ? "2000,20000" : "10000,1000000")).split(",").map((s) => Number(s.trim()));
const ITERATIONS = quick ? { warmup: 2, requests: 10, minRequests: 5, budgetMs: 3_000 } : { warmup: 5, requests: 30, minRequests: 10, budgetMs: 8_000 };

/** The target: the large size's p50 at most max(1.5 × small, small + 10 ms). */
const targetFor = (smallP50: number) => Math.round(Math.max(1.5 * smallP50, smallP50 + 10) * 100) / 100;

interface Measured {
  viewer: Viewer;
  request: string;
  label: string;
  size: number;
  visible: number;
  latency?: LatencyStats;
  skipped?: string;
}

async function measureSize(server: RunningServer, data: ListsBenchData, size: number): Promise<Measured[]> {
  const visible = expectedVisible(data, size);
  const out: Measured[] = [];
  noteLoad(`size ${size}`, environmentCores);
  for (const viewer of VIEWERS) {
    for (const request of LIST_REQUESTS) {
      const base = { viewer, request: request.key, label: request.label, size, visible: visible[viewer] };
      const prepared = await prepareRequest(request.key, server.baseUrl, data.viewers[viewer].apiKey, visible[viewer]);
      if ("skipped" in prepared) {
        say(`${size} ${viewer}: ${request.label}: skipped (${prepared.skipped})`);
        out.push({ ...base, skipped: prepared.skipped });
        continue;
      }
      const latency = await timeRequest(prepared.spec, ITERATIONS);
      say(`${size} ${viewer}: ${request.label}: p50 ${latency.p50} ms (n ${latency.iterations})`);
      out.push({ ...base, latency });
    }
  }
  return out;
}

let environmentCores = 2;

/** The SQL listBookings runs for a viewer's first offset page (v2 take=100), with plans of its Booking queries. */
async function profileViewer(url: string, prisma: Database, data: ListsBenchData, viewer: Viewer) {
  const v = data.viewers[viewer];
  const auth: AuthContext = { userId: v.userId, role: v.role, isAdmin: v.role === "ADMIN", apiKeyId: v.apiKeyId, scopes: [], teamId: null };
  const log = openQueryLog(url, prisma);
  try {
    const call = () => listBookings(auth, { page: { skip: 0, take: 100 } });
    for (let i = 0; i < 2; i += 1) await log.capture(call);
    const queries = await log.capture(call);
    const bookingQueries = queries.filter((q) => describeSql(q.sql) === "SELECT Booking");
    expect(bookingQueries.length > 0, `no Booking query was logged for ${viewer}`);
    const plans = [];
    for (const q of bookingQueries) {
      const plan = await explainAnalyze(url, q);
      plans.push({ query: describeSql(q.sql), kind: /count\(/i.test(q.sql) ? "count" : "page", ms: Math.round(q.durationMs * 100) / 100, sql: q.sql, params: q.params, plan });
    }
    return { queries: queries.map((q) => ({ query: describeSql(q.sql), ms: Math.round(q.durationMs * 100) / 100 })), plans };
  } finally {
    await log.close();
  }
}

/** What scans: the plan's scan nodes, one line each (for the console). */
function scanSummary(plan: string[]): string {
  return plan
    .filter((line) => /Scan|Sort Method|Execution Time/.test(line))
    .map((line) => line.trim().replace(/^->\s*/, "").replace(/\s+\(cost=[^)]*\)/, ""))
    .slice(0, 8)
    .join(" | ");
}

interface RatioRow {
  viewer: Viewer;
  request: string;
  small: number | null;
  large: number | null;
  ratio: number | null;
  target: number | null;
  pass: boolean | null;
  note?: string;
}

function ratios(small: Measured[], large: Measured[]): RatioRow[] {
  return large.map((l) => {
    const s = small.find((m) => m.viewer === l.viewer && m.request === l.request)!;
    if (!s.latency || !l.latency) {
      return { viewer: l.viewer, request: l.label, small: s.latency?.p50 ?? null, large: l.latency?.p50 ?? null, ratio: null, target: null, pass: null, note: `skipped: ${s.skipped ?? l.skipped}` };
    }
    const target = targetFor(s.latency.p50);
    return { viewer: l.viewer, request: l.label, small: s.latency.p50, large: l.latency.p50, ratio: Math.round((l.latency.p50 / s.latency.p50) * 100) / 100, target, pass: l.latency.p50 <= target };
  });
}

const fmt = (ms: number | null) => (ms === null ? "–" : ms < 10 ? ms.toFixed(2) : ms.toFixed(1));

function ratioText(rows: RatioRow[], sizes: number[], markdown: boolean): string {
  const [small, large] = sizes.map((s) => s.toLocaleString("en"));
  const header = ["viewer", "request", `p50 @ ${small}`, `p50 @ ${large}`, "ratio", "target", "result"];
  const cells = rows.map((r) => [
    VIEWER_LABEL[r.viewer],
    r.request.trim(),
    r.small === null ? "–" : `${fmt(r.small)} ms`,
    r.large === null ? "–" : `${fmt(r.large)} ms`,
    r.ratio === null ? "–" : `${r.ratio.toFixed(2)}×`,
    r.target === null ? "–" : `≤ ${fmt(r.target)} ms`,
    r.pass === null ? (r.note ?? "–") : r.pass ? "pass" : markdown ? "**MISS**" : "MISS",
  ]);
  if (markdown) return [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...cells.map((c) => `| ${c.join(" | ")} |`)].join("\n");
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const render = (c: string[]) => c.map((x, i) => x.padEnd(widths[i]!)).join("  ").trimEnd();
  return [render(header), widths.map((w) => "-".repeat(w)).join("  "), ...cells.map(render)].join("\n");
}

async function main(): Promise<void> {
  const started = Date.now();
  const env = environment(ROOT);
  environmentCores = env.cpu.cores;
  expect(SIZES.length === 2 && SIZES.every((s) => Number.isInteger(s) && s >= 1_000) && SIZES[0]! < SIZES[1]!, `--sizes must be two increasing whole numbers ≥ 1000, got ${flags.sizes}`);
  const [smallSize, largeSize] = SIZES as [number, number];
  const { url, serverVersion, prisma } = await prepareBench(run, flags["skip-build"] ?? false);
  let server: RunningServer | undefined;
  try {
    let data = await withPgClient(url, (pg) => seedListsBench(prisma, pg, smallSize));
    await analyze(url);
    const seedSmallMs = data.seedMs;
    say(`seeded ${smallSize.toLocaleString("en")} bookings in ${(seedSmallMs / 1000).toFixed(1)} s; viewers see ${JSON.stringify(expectedVisible(data, smallSize))}`);
    await checkDatabase(url, smallSize);

    server = await startBuiltServer({ DATABASE_URL: url });
    say(`listening on ${server.baseUrl}`);
    const small = await measureSize(server, data, smallSize);
    await server.stop();
    server = undefined;

    data = await withPgClient(url, (pg) => growListsBench(pg, data, largeSize));
    const growMs = data.seedMs;
    const analyzeStarted = Date.now();
    await analyze(url);
    say(`grew to ${largeSize.toLocaleString("en")} bookings in ${(growMs / 1000).toFixed(1)} s (VACUUM ANALYZE ${((Date.now() - analyzeStarted) / 1000).toFixed(1)} s)`);
    await checkDatabase(url, largeSize);

    server = await startBuiltServer({ DATABASE_URL: url });
    say(`listening on ${server.baseUrl} (restarted on the grown table)`);
    const large = await measureSize(server, data, largeSize);
    await server.stop();
    server = undefined;

    say("EXPLAIN (ANALYZE, BUFFERS) of each viewer's list queries (in process)...");
    const profiles: Partial<Record<Viewer, Awaited<ReturnType<typeof profileViewer>>>> = {};
    for (const viewer of VIEWERS) profiles[viewer] = await profileViewer(url, prisma, data, viewer);

    const table = ratios(small, large);
    const rows: ResultRow[] = [...small, ...large].flatMap((m) => {
      if (!m.latency) return [];
      const smallRow = small.find((s) => s.viewer === m.viewer && s.request === m.request);
      const target = m.size === largeSize && smallRow?.latency ? targetFor(smallRow.latency.p50) : undefined;
      return [{ scenario: `${VIEWER_LABEL[m.viewer]} @ ${m.size.toLocaleString("en")} (sees ${m.visible.toLocaleString("en")})`, mode: m.label, latency: m.latency, targetP50Ms: target }];
    });
    console.log(`\nBooking lists at ${smallSize.toLocaleString("en")} and ${largeSize.toLocaleString("en")} bookings; ${env.cpu.cores} × ${env.cpu.model}, Node ${env.node}, PostgreSQL ${serverVersion}\n`);
    console.log(formatTable(rows));
    console.log(`\n${ratioText(table, SIZES, false)}`);
    for (const viewer of VIEWERS) {
      for (const p of profiles[viewer]!.plans) console.log(`\n${VIEWER_LABEL[viewer]}, ${p.kind} query (${p.ms} ms logged): ${scanSummary(p.plan)}`);
    }
    if (flags.markdown) console.log(`\n${ratioText(table, SIZES, true)}`);

    const results = {
      benchmark: "lists",
      quick,
      ...env,
      database: { server: `PostgreSQL ${serverVersion}`, where: describeDatabase(url), appPool: poolSettingsFromEnv() },
      sizes: SIZES,
      seed: { smallSeconds: Math.round(seedSmallMs / 100) / 10, growSeconds: Math.round(growMs / 100) / 10, hostRows: data.hostRows, categorizedRows: data.categorizedRows, visible: { small: expectedVisible(data, smallSize), large: expectedVisible(data, largeSize) } },
      iterations: ITERATIONS,
      loadAverageAtStart: loadAtStart,
      measurements: [...small, ...large],
      ratios: table,
      plans: profiles,
      durationSeconds: Math.round((Date.now() - started) / 1000),
    };
    reportResults(outFile, results, rows, (r) => `${r.scenario} ${r.mode.trim()} p50 ${r.latency.p50} ms > ${r.targetP50Ms} ms`);
  } finally {
    await server?.stop();
    await prisma.$disconnect();
  }
}

/** The table holds exactly the bookings the seed meant, one attendee each. */
async function checkDatabase(url: string, size: number): Promise<void> {
  const { bookings, attendees } = await withPgClient(url, async (pg) => {
    const { rows } = await pg.query<{ bookings: string; attendees: string }>(`SELECT (SELECT count(*) FROM "Booking") AS bookings, (SELECT count(*) FROM "Attendee") AS attendees`);
    return { bookings: Number(rows[0]!.bookings), attendees: Number(rows[0]!.attendees) };
  });
  expect(bookings === size && attendees === size, `the database holds ${bookings} bookings and ${attendees} attendees, expected ${size} of each`);
}

runBench("bench:lists", main);
