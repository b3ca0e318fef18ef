// `yarn bench:slots`: how fast are free slots computed?
//
// 1. builds the app (`yarn build`; `--skip-build` reuses apps/api/.next);
// 2. recreates the PostgreSQL database slotbase_bench (BENCH_DATABASE_URL, default
//    postgresql://postgres@127.0.0.1:5432/slotbase_bench), migrates and seeds it
//    (slots-data.ts: one host with 1,000 bookings in 30 days; a round-robin team of 20 hosts
//    with 20,000);
// 3. in process: times the engine alone (`availableSlots` on inputs loaded once), the service
//    (`findAvailableSlots`: engine + database) and its two database steps, and logs the
//    service's queries with an EXPLAIN ANALYZE of the busy-time query;
// 4. end to end: starts the built app on a free port against that database and times
//    `GET /v1/slots` for 30 days, sequentially and with 10 requests in flight;
// 5. prints a table and writes bench/results/slots.json.
//
// BENCH_DEBUG=1 prints the stack of a broken run.
// Options: --skip-build (reuse apps/api/.next), --quick (few iterations, a smoke test; writes
// nothing unless --out is given), --out <file>, --markdown (also print the table as Markdown).
//
// Exits 1 when the run is broken (a failed step, a non-200 or an unexpected response), not
// when a target is missed: that is printed.
import { createApiKey } from "@slotbase/features/api-keys/create-api-key";
import { loadBookableEvent, type BookableEvent } from "@slotbase/features/slots/bookable-event";
import { loadBusyTimes, type HostBusy } from "@slotbase/features/slots/busy-times";
import { engineHosts, findAvailableSlots } from "@slotbase/features/slots/slot-service";
import { poolSettingsFromEnv, type Database } from "@slotbase/prisma";
import { availableSlots, scheduleIntervals, type AvailabilityRequest } from "@slotbase/scheduling";
import { analyze, describeDatabase, withPgClient } from "./lib/database";
import { concurrentLoad, sequentialLoad, timedRequest, type RequestSpec } from "./lib/http-load";
import { describeSql, explainAnalyze, openQueryLog } from "./lib/query-log";
import { environment, formatMarkdown, formatTable, passed, reportResults, type ResultRow } from "./lib/report";
import { ROOT, startBuiltServer, type RunningServer } from "./lib/server";
import { measureAsync, measureSync } from "./lib/stats";
import { benchRange, BOOKINGS_PER_HOST, RANGE_DAYS, seedSlotsBench, TEAM_SIZE, type SeededScenario, type SlotsBenchData } from "./slots-data";
import { benchRun, readBenchSettings, expect, prepareBench, runBench } from "./lib/run";

const DAY_MS = 86_400_000;
const TARGET_P50_MS = { single: 15, team: 60 } as const;
type ScenarioKey = keyof typeof TARGET_P50_MS;
const SCENARIO_LABEL: Record<ScenarioKey, string> = {
  single: `single host (${BOOKINGS_PER_HOST.toLocaleString("en")} bookings)`,
  team: `round robin ${TEAM_SIZE} hosts (${(TEAM_SIZE * BOOKINGS_PER_HOST).toLocaleString("en")} bookings)`,
};

const run = benchRun("bench:slots");
const { say, noteLoad, loadAtStart } = run;

const { flags, quick, outFile, iterations: ITERATIONS } = readBenchSettings("slots.json");





interface Loaded {
  event: BookableEvent;
  busy: Map<number, HostBusy>;
  request: AvailabilityRequest;
  slots: number;
  busyIntervals: number;
}

/** The engine's inputs, loaded once the way findAvailableSlots loads them. */
async function loadInputs(scenario: SeededScenario, range: { start: number; end: number }, now: number): Promise<Loaded> {
  const event = await loadBookableEvent({ id: scenario.eventTypeId });
  const busy = await loadBusyTimes({ hostIds: event.hosts.map((h) => h.id), range, now });
  const hosts = engineHosts(event, busy);
  const request: AvailabilityRequest = { event: event.settings, hosts, range, now };
  const slots = availableSlots(request).length;
  const busyIntervals = hosts.reduce((sum, h) => sum + h.busy.length, 0);
  expect(event.hosts.length === scenario.hostIds.length, `expected ${scenario.hostIds.length} hosts, loaded ${event.hosts.length}`);
  expect(event.hosts.every((h) => h.rules && h.rules.weekly!.length > 0), "a host was loaded without its schedule");
  expect(slots > 0, "the engine found no free slot at all: the seeded data is wrong");
  return { event, busy, request, slots, busyIntervals };
}

async function inProcess(key: ScenarioKey, scenario: SeededScenario, data: SlotsBenchData, rows: ResultRow[]) {
  const now = Date.now();
  const range = { start: data.range.start, end: data.range.end };
  const loaded = await loadInputs(scenario, range, now);
  say(`${key}: ${loaded.event.hosts.length} host(s), ${loaded.busyIntervals} busy intervals loaded, ${loaded.slots} free slots`);
  const label = SCENARIO_LABEL[key];

  const engine = measureSync(() => availableSlots(loaded.request), ITERATIONS.engine, (slots) => {
    expect(slots.length === loaded.slots, "availableSlots is not deterministic");
  });
  rows.push({ scenario: label, mode: "engine: availableSlots (in process)", latency: engine });
  // The part of it that turns each host's weekly rules into instants (the engine asks for whole days around the range).
  const around = { start: range.start - DAY_MS, end: range.end + loaded.event.settings.length * 60_000 + DAY_MS };
  const rules = loaded.event.hosts.map((h) => h.rules!);
  const windows = measureSync(() => rules.map((r) => scheduleIntervals(r, around)), ITERATIONS.engine);
  rows.push({ scenario: label, mode: "  of which scheduleIntervals, every host", latency: windows });

  const service = await measureAsync(() => findAvailableSlots({ eventType: { id: scenario.eventTypeId }, range }), ITERATIONS.service, (r) => {
    expect(r.slots.length === loaded.slots, `findAvailableSlots found ${r.slots.length} slots, the engine ${loaded.slots}`);
  });
  rows.push({ scenario: label, mode: "service: findAvailableSlots (in process, DB)", latency: service });

  const event = await measureAsync(() => loadBookableEvent({ id: scenario.eventTypeId }), ITERATIONS.service);
  rows.push({ scenario: label, mode: "  of which loadBookableEvent (DB)", latency: event });
  const hostIds = loaded.event.hosts.map((h) => h.id);
  const busy = await measureAsync(() => loadBusyTimes({ hostIds, range, now }), ITERATIONS.service);
  rows.push({ scenario: label, mode: "  of which loadBusyTimes (DB)", latency: busy });
  return loaded;
}

/** The queries one findAvailableSlots call runs, and the busy query's plan. */
async function profile(url: string, prisma: Database, scenario: SeededScenario, data: SlotsBenchData) {
  const log = openQueryLog(url, prisma);
  try {
    const range = { start: data.range.start, end: data.range.end };
    const call = () => findAvailableSlots({ eventType: { id: scenario.eventTypeId }, range });
    for (let i = 0; i < 5; i += 1) await log.capture(call); // warm the second client's pool
    const queries = await log.capture(call);
    const busyQuery = queries.find((q) => q.sql.includes("slotbase_busy_spans"));
    expect(busyQuery, "the busy-time query was not logged");
    return {
      queriesPerCall: queries.length,
      queries: queries.map((q) => ({ query: describeSql(q.sql), ms: Math.round(q.durationMs * 100) / 100 })),
      busyQueryPlan: await explainAnalyze(url, busyQuery),
    };
  } finally {
    await log.close();
  }
}

function slotsUrl(server: RunningServer, scenario: SeededScenario, data: SlotsBenchData): string {
  const query = new URLSearchParams({
    eventTypeId: String(scenario.eventTypeId),
    startTime: data.range.startDate,
    endTime: data.range.endDate,
    timeZone: data.range.timeZone,
  });
  return `${server.baseUrl}/v1/slots?${query}`;
}

/** The first response is checked in full; every later one must be byte-identical to it. */
async function slotsRequest(url: string, apiKey: string, expectedSlots: number): Promise<RequestSpec> {
  const headers = { Authorization: `Bearer ${apiKey}` };
  const first = await timedRequest({
    url,
    headers,
    check: (status, body) => {
      if (status !== 200) return "expected 200";
      const days = (JSON.parse(body) as { slots?: Record<string, unknown[]> }).slots;
      if (!days || typeof days !== "object") return "no slots object";
      const count = Object.values(days).reduce((sum, list) => sum + list.length, 0);
      if (count === 0) return "no slots";
      if (count !== expectedSlots) return `${count} slots, the in-process service found ${expectedSlots}`;
      return null;
    },
  });
  return { url, headers, check: (status, body) => (status !== 200 ? "expected 200" : body !== first.body ? "a different answer than the first request" : null) };
}

async function endToEnd(server: RunningServer, apiKey: string, key: ScenarioKey, scenario: SeededScenario, data: SlotsBenchData, expectedSlots: number, rows: ResultRow[]) {
  const spec = await slotsRequest(slotsUrl(server, scenario, data), apiKey, expectedSlots);
  const label = SCENARIO_LABEL[key];
  say(`${key}: GET /v1/slots sequential (${ITERATIONS.http.warmup} warm-up + ${ITERATIONS.http.requests})`);
  const sequential = await sequentialLoad(spec, ITERATIONS.http);
  rows.push({ scenario: label, mode: "end to end: GET /v1/slots, sequential", latency: sequential, targetP50Ms: TARGET_P50_MS[key] });
  say(`${key}: GET /v1/slots, ${ITERATIONS.concurrent.concurrency} in flight for ${ITERATIONS.concurrent.durationMs / 1000} s`);
  const concurrent = await concurrentLoad(spec, ITERATIONS.concurrent);
  rows.push({
    scenario: label,
    mode: `end to end: GET /v1/slots, ${concurrent.concurrency} in flight`,
    latency: concurrent.latency,
    requestsPerSecond: concurrent.requestsPerSecond,
  });
}

async function main(): Promise<void> {
  const started = Date.now();
  const env = environment(ROOT);
  const { url, serverVersion, prisma } = await prepareBench(run, flags["skip-build"] ?? false);
  let server: RunningServer | undefined;
  try {
    const data = await withPgClient(url, (pg) => seedSlotsBench(prisma, pg, benchRange()));
    await analyze(url);
    say(`seeded in ${(data.seedMs / 1000).toFixed(1)} s: range ${data.range.startDate} … ${data.range.endDate} (${data.range.timeZone})`);

    const rows: ResultRow[] = [];
    const scenarios: Record<ScenarioKey, SeededScenario> = { single: data.single, team: data.team };
    const found: Record<string, { slots: number; busyIntervals: number }> = {};
    const profiles: Record<string, Awaited<ReturnType<typeof profile>>> = {};
    noteLoad("inProcess", env.cpu.cores);
    for (const key of ["single", "team"] as const) {
      const loaded = await inProcess(key, scenarios[key], data, rows);
      found[key] = { slots: loaded.slots, busyIntervals: loaded.busyIntervals };
      profiles[key] = await profile(url, prisma, scenarios[key], data);
    }

    say("starting the built app...");
    server = await startBuiltServer({ DATABASE_URL: url });
    say(`listening on ${server.baseUrl}`);
    const soloKey = (await createApiKey(prisma, { userId: data.single.hostIds[0]!, note: "bench:slots" })).key;
    noteLoad("endToEnd", env.cpu.cores);
    for (const key of ["single", "team"] as const) {
      await endToEnd(server, soloKey, key, scenarios[key], data, found[key]!.slots, rows);
    }
    await server.stop();
    server = undefined;

    console.log(`\nGET /v1/slots, ${RANGE_DAYS} days (${data.range.startDate} … ${data.range.endDate}, ${data.range.timeZone}); ${env.cpu.cores} × ${env.cpu.model}, Node ${env.node}, PostgreSQL ${serverVersion}\n`);
    console.log(formatTable(rows));
    for (const [key, p] of Object.entries(profiles)) {
      console.log(`\n${SCENARIO_LABEL[key as ScenarioKey]}: ${p.queriesPerCall} queries per findAvailableSlots call: ${p.queries.map((q) => `${q.query} ${q.ms} ms`).join("; ")}`);
    }
    if (flags.markdown) console.log(`\n${formatMarkdown(rows)}`);

    const results = {
      benchmark: "slots",
      quick,
      ...env,
      database: { server: `PostgreSQL ${serverVersion}`, where: describeDatabase(url), appPool: poolSettingsFromEnv() },
      range: data.range,
      scenarios: Object.fromEntries(
        (["single", "team"] as const).map((key) => [key, { label: SCENARIO_LABEL[key], ...scenarios[key], ...found[key], targetP50Ms: TARGET_P50_MS[key] }]),
      ),
      iterations: ITERATIONS,
      loadAverageAtStart: loadAtStart,
      results: rows.map((row) => ({ ...row, pass: passed(row) })),
      profile: profiles,
      durationSeconds: Math.round((Date.now() - started) / 1000),
    };
    reportResults(outFile, results, rows, (r) => `${r.scenario} p50 ${r.latency.p50} ms > ${r.targetP50Ms} ms`);
  } finally {
    await server?.stop();
    await prisma.$disconnect();
  }
}

runBench("bench:slots", main);
