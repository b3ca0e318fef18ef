// `yarn bench:calendars`: how fast are a workspace's calendars listed, and a capacity
// calendar's free slots computed?
//
// 1. builds the app (`yarn build`; `--skip-build` reuses apps/api/.next);
// 2. recreates the PostgreSQL database slotbase_bench (BENCH_DATABASE_URL, default
//    postgresql://postgres@127.0.0.1:5432/slotbase_bench), migrates and seeds it
//    (calendars-data.ts: a workspace of 200 calendars with 2–5 schedules each and 50,000
//    bookings over 60 days; a capacity-5 desk pool booked through a hostless event type) and
//    checks the seed (no calendar over capacity);
// 3. in process: times `listCalendars` (pages 1 and 2 of 100, with schedules) and
//    `findAvailableSlots` for the desk pool over 30 days, their database steps, and the engine
//    (`availableSlots` with the calendar as the resource, `calendarAvailability` of the desk
//    pool's rules and of all 200 calendars' rules); logs each call's queries with an EXPLAIN
//    ANALYZE of the list's queries and of the calendar busy-time query;
// 4. end to end: starts the built app on a free port against that database and times
//    `GET /api/v2/w/{uuid}/calendars?includeSchedules=true&pageSize=100` (and page 2) and
//    `GET /v2/slots` for the desk pool's event type over 30 days, sequentially and with 10
//    requests in flight;
// 5. prints a table and writes bench/results/calendars.json.
//
// BENCH_DEBUG=1 prints the stack of a broken run.
// Options: --skip-build (reuse apps/api/.next), --quick (few iterations, a smoke test; writes
// nothing unless --out is given), --out <file>, --markdown (also print the table as Markdown).
//
// Exits 1 when the run is broken (a failed step, a non-200 or an unexpected response), not
// when a target is missed: that is printed.
import { createApiKey } from "@slotbase/features/api-keys/create-api-key";
import type { AuthContext } from "@slotbase/features/auth/auth-context";
import { listCalendars, type CalendarPage } from "@slotbase/features/calendars/calendar-service";
import { toScheduleRecord, valuesOf } from "@slotbase/features/calendars/calendar-schedule-rule";
import { workspaceFor } from "@slotbase/features/calendars/workspace";
import { allowedDurations, completeBookableEvent, resolveEventType } from "@slotbase/features/slots/bookable-event";
import { loadCalendarResource } from "@slotbase/features/slots/calendar-resource";
import { findAvailableSlots } from "@slotbase/features/slots/slot-service";
import { poolSettingsFromEnv, type Database } from "@slotbase/prisma";
import { availableSlots, calendarAvailability, type AvailabilityRequest, type CalendarScheduleRule, type Interval } from "@slotbase/scheduling";
import { analyze, describeDatabase, withPgClient } from "./lib/database";
import { concurrentLoad, sequentialLoad, timedRequest, type RequestSpec } from "./lib/http-load";
import { describeSql, explainAnalyze, openQueryLog, type LoggedQuery } from "./lib/query-log";
import { environment, formatMarkdown, formatTable, passed, reportResults, type ResultRow } from "./lib/report";
import { ROOT, startBuiltServer, type RunningServer } from "./lib/server";
import { measureAsync, measureSync } from "./lib/stats";
import { benchRun, readBenchSettings, expect, prepareBench, runBench } from "./lib/run";
import { benchRange, RANGE_DAYS } from "./slots-data";
import { BENCH_CAPACITY, CALENDARS, checkCalendarSeed, seedCalendarsBench, type CalendarsBenchData } from "./calendars-data";

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const PAGE_SIZE = 100;
const TARGET_P50_MS = { list: 20, slots: 15 } as const;

const run = benchRun("bench:calendars");
const { say, noteLoad, loadAtStart } = run;

const { flags, quick, outFile, iterations: ITERATIONS } = readBenchSettings("calendars.json");

type Page = 1 | 2;
const LIST_LABEL = (page: Page) => `list page ${page} (${PAGE_SIZE} of ${CALENDARS} calendars, with schedules)`;
const slotsLabel = (data: CalendarsBenchData) =>
  `slots, capacity-${data.bench.capacity} calendar (${data.bench.bookingsInRange.toLocaleString("en")} bookings in ${RANGE_DAYS} days)`;

/** The admin's access as a verified key gives it; a new object per call, so every call loads it as a request does. */
const adminAuth = (data: CalendarsBenchData): AuthContext => ({ userId: data.admin.userId, role: "ADMIN", isAdmin: true, apiKeyId: "bench", scopes: [], teamId: null });

const listQuery = (page: Page) => ({ page, pageSize: PAGE_SIZE, includeSchedules: true });
const slotsRange = (data: CalendarsBenchData): Interval => ({ start: data.range.start, end: data.range.end });

/** What listCalendars must answer: ids in order, a page of 100 out of 200, 2–5 schedules each. */
function checkPage(page: CalendarPage, n: Page): void {
  expect(page.total === CALENDARS && page.items.length === PAGE_SIZE && page.totalPages === 2 && page.page === n, `listCalendars page ${n}: ${page.items.length} items, total ${page.total}`);
  expect(page.items.every((c) => c.schedules && c.schedules.length >= 2 && c.schedules.length <= 5), `listCalendars page ${n}: a calendar without its 2–5 schedules`);
}

interface SlotsInputs {
  request: AvailabilityRequest;
  slots: number;
  busyIntervals: number;
  rules: CalendarScheduleRule[];
  /** The time busy spans matter in (findAvailableSlots' window: the range to the longest slot's end). */
  window: Interval;
  /** About the window loadCalendarResource expands the rules over (a day either side). */
  around: Interval;
}

/** The engine's inputs for the desk pool, loaded once the way findAvailableSlots loads them. */
async function loadSlotsInputs(data: CalendarsBenchData, prisma: Database, now: number): Promise<SlotsInputs> {
  const range = slotsRange(data);
  const resolved = await resolveEventType({ id: data.bench.eventTypeId });
  const event = await completeBookableEvent(resolved);
  expect(event.hosts.length === 0 && resolved.eventType.calendarId === data.bench.calendarId, "the desk pool's event type is not hostless on its calendar");
  const { eventType } = resolved;
  // slotSearchWindow (slot-service.ts): busy time matters up to the longest slot's end, widened by the buffers.
  const window = { start: range.start - eventType.beforeEventBuffer * MINUTE_MS, end: range.end + (Math.max(...allowedDurations(eventType)) + eventType.afterEventBuffer) * MINUTE_MS };
  const calendar = await loadCalendarResource({ calendarId: data.bench.calendarId, range: window, now });
  expect(calendar, "loadCalendarResource found no calendar");
  const request: AvailabilityRequest = { event: event.settings, hosts: [], range, now, resource: calendar.resource };
  const slots = availableSlots(request);
  expect(slots.length > 0, "the engine found no free slot at all: the seeded data is wrong");
  expect(slots.every((s) => s.capacity?.total === BENCH_CAPACITY), "a slot without the calendar's capacity");
  expect(slots.some((s) => s.capacity!.used > 0), "no slot shows a booking: the seeded bookings are not seen");
  const schedules = await prisma.calendarSchedule.findMany({ where: { calendarId: data.bench.calendarId } });
  const rules = schedules.map((row) => valuesOf(toScheduleRecord(row)));
  return { request, slots: slots.length, busyIntervals: calendar.resource.busy.length, rules, window, around: { start: window.start - DAY_MS, end: window.end + DAY_MS } };
}

/** Every calendar's rules, as loadCalendarResource turns them into engine rules. */
async function allRules(data: CalendarsBenchData, prisma: Database): Promise<{ timeZone: string; rules: CalendarScheduleRule[] }[]> {
  const calendars = await prisma.calendar.findMany({ where: { teamId: data.workspace.id }, orderBy: { id: "asc" }, include: { calendarSchedules: true } });
  return calendars.map((c) => ({ timeZone: c.timeZone, rules: c.calendarSchedules.map((row) => valuesOf(toScheduleRecord(row))) }));
}

async function inProcess(data: CalendarsBenchData, prisma: Database, rows: ResultRow[]): Promise<{ slots: number; busyIntervals: number }> {
  const now = Date.now();
  const range = slotsRange(data);

  // The list, pages 1 and 2.
  for (const page of [1, 2] as const) {
    const list = await measureAsync(() => listCalendars(adminAuth(data), data.workspace.uuid, listQuery(page)), ITERATIONS.service, (p) => checkPage(p, page));
    rows.push({ scenario: LIST_LABEL(page), mode: "service: listCalendars (in process, DB)", latency: list });
  }
  const access = await measureAsync(() => workspaceFor(adminAuth(data), data.workspace.uuid, "read"), ITERATIONS.service);
  rows.push({ scenario: LIST_LABEL(1), mode: "  of which workspaceFor: caller and workspace (DB)", latency: access });

  // The desk pool's slots.
  const inputs = await loadSlotsInputs(data, prisma, now);
  say(`desk pool: ${inputs.busyIntervals} busy intervals loaded, ${inputs.slots} free slots`);
  const label = slotsLabel(data);
  const engine = measureSync(() => availableSlots(inputs.request), ITERATIONS.engine, (slots) => {
    expect(slots.length === inputs.slots, "availableSlots is not deterministic");
  });
  rows.push({ scenario: label, mode: "engine: availableSlots with the resource (in process)", latency: engine });
  const windows = measureSync(() => calendarAvailability(inputs.rules, data.bench.timeZone, inputs.around), ITERATIONS.engine);
  rows.push({ scenario: label, mode: "  of which calendarAvailability, this calendar", latency: windows });

  const service = await measureAsync(() => findAvailableSlots({ eventType: { id: data.bench.eventTypeId }, range }), ITERATIONS.service, (r) => {
    expect(r.slots.length === inputs.slots, `findAvailableSlots found ${r.slots.length} slots, the engine ${inputs.slots}`);
  });
  rows.push({ scenario: label, mode: "service: findAvailableSlots (in process, DB)", latency: service });
  const resolve = await measureAsync(() => resolveEventType({ id: data.bench.eventTypeId }), ITERATIONS.service);
  rows.push({ scenario: label, mode: "  of which resolveEventType (DB)", latency: resolve });
  const resource = await measureAsync(() => loadCalendarResource({ calendarId: data.bench.calendarId, range: inputs.window, now }), ITERATIONS.service);
  rows.push({ scenario: label, mode: "  of which loadCalendarResource (DB + its windows)", latency: resource });

  // Every calendar's rules over the same 30 days (with the day around them the service adds).
  const every = await allRules(data, prisma);
  const schedules = every.reduce((sum, c) => sum + c.rules.length, 0);
  const all = measureSync(() => every.map((c) => calendarAvailability(c.rules, c.timeZone, inputs.around)), ITERATIONS.engine, (result) => {
    expect(result.length === CALENDARS && result.every((w) => w.length > 0), "calendarAvailability left a calendar without open time");
  });
  rows.push({ scenario: `${CALENDARS} calendars' rules (${schedules} schedules), ${RANGE_DAYS} days`, mode: "engine: calendarAvailability, every calendar", latency: all });
  return { slots: inputs.slots, busyIntervals: inputs.busyIntervals };
}

const isCalendarBusyQuery = (sql: string) => sql.includes('"SlotReservation" r') && sql.includes('"calendarId" = ANY');
const label = (sql: string) => (isCalendarBusyQuery(sql) ? "calendar busy time (one raw query)" : describeSql(sql));
const summary = (queries: LoggedQuery[]) => queries.map((q) => ({ query: label(q.sql), ms: Math.round(q.durationMs * 100) / 100 }));

interface ListProfile {
  queriesPerCall: number;
  queries: { query: string; ms: number }[];
  pageQuery: string;
  pageQueryPlan: string[];
  schedulesQuery?: string;
  schedulesQueryPlan?: string[];
}

/** The plan's scan nodes ("Index Scan using … on …", with rows) and its execution time, on one line. */
function planSummary(plan: readonly string[]): string {
  const scans = plan
    .filter((line) => /Scan/.test(line) && /actual time/.test(line))
    .map((line) => line.replace(/^[\s>-]+/, "").replace(/\s+\(cost=[^)]*\)/, "").replace(/\(actual time=[\d.]+\.\.[\d.]+ (rows=\d+) loops=\d+\)/, "($1)"));
  const removed = plan.filter((line) => /Rows Removed by Filter/.test(line)).map((line) => line.trim());
  const execution = plan.find((line) => line.startsWith("Execution Time"));
  return [...scans, ...removed, execution].filter(Boolean).join("; ");
}

/** The queries one call runs (after warming the logging client's pool). */
async function captureCall(log: ReturnType<typeof openQueryLog>, call: () => Promise<unknown>): Promise<LoggedQuery[]> {
  for (let i = 0; i < 5; i += 1) await log.capture(call);
  return log.capture(call);
}

/** The queries of listCalendars (both pages) and findAvailableSlots, with the plans of the list's queries and of the busy-time query. */
async function profile(url: string, prisma: Database, data: CalendarsBenchData) {
  const log = openQueryLog(url, prisma);
  try {
    const list: Record<string, ListProfile> = {};
    for (const page of [1, 2] as const) {
      const queries = await captureCall(log, () => listCalendars(adminAuth(data), data.workspace.uuid, listQuery(page)));
      const pageQuery = queries.find((q) => describeSql(q.sql) === "SELECT Calendar" && /\bLIMIT\b/i.test(q.sql));
      const schedulesQuery = queries.find((q) => describeSql(q.sql) === "SELECT CalendarSchedule");
      expect(pageQuery, "listCalendars: the page query was not logged");
      list[`page${page}`] = {
        queriesPerCall: queries.length,
        queries: summary(queries),
        pageQuery: pageQuery.sql,
        pageQueryPlan: await explainAnalyze(url, pageQuery),
        ...(schedulesQuery ? { schedulesQuery: schedulesQuery.sql, schedulesQueryPlan: await explainAnalyze(url, schedulesQuery) } : {}),
      };
    }
    const range = slotsRange(data);
    const queries = await captureCall(log, () => findAvailableSlots({ eventType: { id: data.bench.eventTypeId }, range }));
    const busyQuery = queries.find((q) => isCalendarBusyQuery(q.sql));
    const schedulesQuery = queries.find((q) => describeSql(q.sql) === "SELECT CalendarSchedule");
    expect(busyQuery, "findAvailableSlots: the calendar busy-time query was not logged");
    return {
      list,
      slots: {
        queriesPerCall: queries.length,
        queries: summary(queries),
        busyQuery: busyQuery.sql,
        busyQueryPlan: await explainAnalyze(url, busyQuery),
        ...(schedulesQuery ? { schedulesQueryPlan: await explainAnalyze(url, schedulesQuery) } : {}),
      },
    };
  } finally {
    await log.close();
  }
}

function listUrl(server: RunningServer, data: CalendarsBenchData, page: Page): string {
  const query = new URLSearchParams({ includeSchedules: "true", pageSize: String(PAGE_SIZE), ...(page === 1 ? {} : { page: String(page) }) });
  return `${server.baseUrl}/api/v2/w/${data.workspace.uuid}/calendars?${query}`;
}

function slotsUrl(server: RunningServer, data: CalendarsBenchData): string {
  const query = new URLSearchParams({ eventTypeId: String(data.bench.eventTypeId), start: data.range.startDate, end: data.range.endDate, timeZone: data.bench.timeZone });
  return `${server.baseUrl}/v2/slots?${query}`;
}

/** The first response is checked in full with `checkFirst`; every later one must be byte-identical to it. */
async function checkedRequest(url: string, apiKey: string, checkFirst: (body: unknown) => string | null): Promise<RequestSpec> {
  const headers = { Authorization: `Bearer ${apiKey}` };
  const first = await timedRequest({ url, headers, check: (status, body) => (status !== 200 ? "expected 200" : checkFirst(JSON.parse(body))) });
  return { url, headers, check: (status, body) => (status !== 200 ? "expected 200" : body !== first.body ? "a different answer than the first request" : null) };
}

/** 100 calendars of 200, in the order and with the schedules listCalendars gives in process. */
function listCheck(expected: CalendarPage, page: Page) {
  return (body: unknown): string | null => {
    const p = body as { items?: { id?: number; schedules?: unknown[] }[]; total?: number; page?: number; pageSize?: number; totalPages?: number };
    if (!Array.isArray(p.items)) return "no items";
    if (p.items.length !== PAGE_SIZE || p.total !== CALENDARS) return `${p.items.length} items, total ${p.total}: expected ${PAGE_SIZE} of ${CALENDARS}`;
    if (p.page !== page || p.pageSize !== PAGE_SIZE || p.totalPages !== 2) return `page ${p.page}, pageSize ${p.pageSize}, totalPages ${p.totalPages}`;
    if (p.items.some((c, i) => c.id !== expected.items[i]!.id)) return "not the calendars listCalendars gives in process";
    if (p.items.some((c, i) => !Array.isArray(c.schedules) || c.schedules.length !== expected.items[i]!.schedules!.length)) return "a calendar without its schedules";
    return null;
  };
}

/** Non-empty days of slots, each with its capacity fields, as many as the in-process service found. */
function slotsCheck(expectedSlots: number) {
  return (body: unknown): string | null => {
    const b = body as { status?: string; data?: Record<string, { start?: string; capacityBooked?: number; capacityRemaining?: number; capacityTotal?: number }[]> };
    if (b.status !== "success" || !b.data || typeof b.data !== "object") return "not { status: success, data }";
    const slots = Object.values(b.data).flat();
    if (slots.length === 0) return "no slots";
    if (slots.length !== expectedSlots) return `${slots.length} slots, the in-process service found ${expectedSlots}`;
    const bad = slots.find(
      (s) => typeof s.start !== "string" || s.capacityTotal !== BENCH_CAPACITY || typeof s.capacityBooked !== "number" || s.capacityRemaining !== BENCH_CAPACITY - s.capacityBooked || s.capacityRemaining < 1,
    );
    if (bad) return `a slot without consistent capacity fields: ${JSON.stringify(bad)}`;
    if (!slots.some((s) => s.capacityBooked! > 0)) return "no slot shows a booking";
    return null;
  };
}

async function measureEndpoint(spec: RequestSpec, scenario: string, what: string, targetP50Ms: number, rows: ResultRow[]): Promise<void> {
  say(`${what} sequential (${ITERATIONS.http.warmup} warm-up + ${ITERATIONS.http.requests})`);
  const sequential = await sequentialLoad(spec, ITERATIONS.http);
  rows.push({ scenario, mode: `end to end: ${what}, sequential`, latency: sequential, targetP50Ms });
  say(`${what}, ${ITERATIONS.concurrent.concurrency} in flight for ${ITERATIONS.concurrent.durationMs / 1000} s`);
  const concurrent = await concurrentLoad(spec, ITERATIONS.concurrent);
  rows.push({ scenario, mode: `end to end: ${what}, ${concurrent.concurrency} in flight`, latency: concurrent.latency, requestsPerSecond: concurrent.requestsPerSecond });
}

async function endToEnd(server: RunningServer, apiKey: string, data: CalendarsBenchData, expectedSlots: number, rows: ResultRow[]): Promise<void> {
  for (const page of [1, 2] as const) {
    const expected = await listCalendars(adminAuth(data), data.workspace.uuid, listQuery(page));
    const spec = await checkedRequest(listUrl(server, data, page), apiKey, listCheck(expected, page));
    await measureEndpoint(spec, LIST_LABEL(page), `GET …/calendars${page === 1 ? "" : " page 2"}`, TARGET_P50_MS.list, rows);
  }
  const spec = await checkedRequest(slotsUrl(server, data), apiKey, slotsCheck(expectedSlots));
  await measureEndpoint(spec, slotsLabel(data), "GET /v2/slots", TARGET_P50_MS.slots, rows);
}

async function main(): Promise<void> {
  const started = Date.now();
  const env = environment(ROOT);
  const { url, serverVersion, prisma } = await prepareBench(run, flags["skip-build"] ?? false);
  let server: RunningServer | undefined;
  try {
    const data = await withPgClient(url, (pg) => seedCalendarsBench(pg, benchRange()));
    const problems = await withPgClient(url, checkCalendarSeed);
    expect(problems.length === 0, `the seed is wrong: ${problems.join("; ")}`);
    await analyze(url);
    say(
      `seeded in ${(data.seedMs / 1000).toFixed(1)} s: ${data.sizes.calendars} calendars, ${data.sizes.schedules} schedules, ${data.sizes.bookings.toLocaleString("en")} bookings; ` +
        `range ${data.range.startDate} … ${data.range.endDate} (${data.bench.timeZone})`,
    );

    const rows: ResultRow[] = [];
    noteLoad("inProcess", env.cpu.cores);
    const found = await inProcess(data, prisma, rows);
    const profiles = await profile(url, prisma, data);

    say("starting the built app...");
    server = await startBuiltServer({ DATABASE_URL: url });
    say(`listening on ${server.baseUrl}`);
    const apiKey = (await createApiKey(prisma, { userId: data.admin.userId, note: "bench:calendars" })).key;
    noteLoad("endToEnd", env.cpu.cores);
    await endToEnd(server, apiKey, data, found.slots, rows);
    await server.stop();
    server = undefined;

    console.log(
      `\nWorkspace of ${CALENDARS} calendars (${data.sizes.schedules} schedules, ${data.sizes.bookings.toLocaleString("en")} bookings); slots over ${RANGE_DAYS} days ` +
        `(${data.range.startDate} … ${data.range.endDate}, ${data.bench.timeZone}); ${env.cpu.cores} × ${env.cpu.model}, Node ${env.node}, PostgreSQL ${serverVersion}\n`,
    );
    console.log(formatTable(rows));
    console.log("");
    for (const page of [1, 2] as const) {
      const p = profiles.list[`page${page}`]!;
      console.log(`listCalendars page ${page}: ${p.queriesPerCall} queries: ${p.queries.map((q) => `${q.query} ${q.ms} ms`).join("; ")}`);
      console.log(`  page query plan: ${planSummary(p.pageQueryPlan)}`);
      if (p.schedulesQueryPlan) console.log(`  schedules query plan: ${planSummary(p.schedulesQueryPlan)}`);
    }
    console.log(`findAvailableSlots: ${profiles.slots.queriesPerCall} queries: ${profiles.slots.queries.map((q) => `${q.query} ${q.ms} ms`).join("; ")}`);
    console.log(`  busy query plan: ${planSummary(profiles.slots.busyQueryPlan)}`);
    if (flags.markdown) console.log(`\n${formatMarkdown(rows)}`);

    const results = {
      benchmark: "calendars",
      quick,
      ...env,
      database: { server: `PostgreSQL ${serverVersion}`, where: describeDatabase(url), appPool: poolSettingsFromEnv() },
      range: data.range,
      workspace: data.workspace,
      sizes: data.sizes,
      benchCalendar: { ...data.bench, ...found },
      targetsP50Ms: TARGET_P50_MS,
      iterations: ITERATIONS,
      loadAverageAtStart: loadAtStart,
      results: rows.map((row) => ({ ...row, pass: passed(row) })),
      profile: profiles,
      durationSeconds: Math.round((Date.now() - started) / 1000),
    };
    reportResults(outFile, results, rows, (r) => `${r.scenario} ${r.mode.replace(/^end to end: /, "")} p50 ${r.latency.p50} ms > ${r.targetP50Ms} ms`);
  } finally {
    await server?.stop();
    await prisma.$disconnect();
  }
}

runBench("bench:calendars", main);
