// `yarn bench:calendar-events`: how fast does GET /api/v1/calendar-events draw a month of 20
// resources and a week of 50, and how cheap is polling it with If-None-Match?
//
// 1. builds the app (`yarn build`; `--skip-build` reuses apps/api/.next);
// 2. recreates the PostgreSQL database slotbase_bench_events (BENCH_DATABASE_URL, default
//    postgresql://postgres@127.0.0.1:5432/slotbase_bench_events), migrates and seeds it
//    (calendar-events-plan.ts, calendar-events-data.ts: a workspace of 50 resources of capacity
//    1, 5 or 100, about half public, with weekly opening hours, 30,000 bookings over the 60 days
//    from now with one customer each, 300 live holds and 40 blockers; all relative to now) and
//    checks the seed;
// 3. end to end: starts the built app on a free port against that database and, with the key
//    of the workspace's owner and without a key, asks for
//    - the month view: 20 public resources (a mix of the capacities), 30 days from the next UTC midnight;
//    - the week view: all 50 resources, 7 days from the same midnight (anonymously only once
//      every resource is made public: before that the same request must be a 404);
//    each sequentially and with 10 requests in flight, then again with If-None-Match: <its ETag>
//    (a 304 with an empty body). The first 200 of each view is checked against the database
//    (calendar-events-check.ts: an independent recomputation); every later 200 must be
//    byte-identical to it. Repeating a view measures it as already rendered (the app keeps
//    rendered views by ETag); views ending one more minute earlier each time (one request per
//    view) measure it as built from the database, and each of those answers is checked too. Then a hold is added to a week-view resource: the member week view's
//    old ETag must get a 200 with a new ETag, and that answer is checked against the database too;
// 4. in process: the service alone (prepareCalendarEvents + load, without HTTP, mapping and
//    serialisation), and the queries each request runs (a second Prisma client logs them: key
//    verification, prepareCalendarEvents, load; a 304 stops before load), to show they do not
//    grow with the number of resources;
// 5. prints a table and writes bench/results/calendar-events.json.
//
// Targets (printed, not enforced): month view of 20 resources p50 ≤ 40 ms; a 304 revalidation
// p50 ≤ 5 ms; queries per request the same for 20 and 50 resources.
//
// BENCH_DEBUG=1 prints the stack of a broken run.
// Options: --skip-build (reuse apps/api/.next), --quick (few iterations, a smoke test; writes
// nothing unless --out is given), --out <file>, --markdown (also print the table as Markdown).
//
// Exits 1 when the run is broken (a failed step, an unexpected status, or an answer that does
// not match the database), not when a target is missed: that is printed.
import { request as httpRequest } from "node:http";
import type { Client } from "pg";
import { createApiKey } from "@slotbase/features/api-keys/create-api-key";
import { authenticateApiKey } from "@slotbase/features/auth/authenticate";
import { prepareCalendarEvents } from "@slotbase/features/calendar-events/calendar-events-service";
import { poolSettingsFromEnv, type Database } from "@slotbase/prisma";
import { analyze, describeDatabase, withPgClient } from "./lib/database";
import { concurrentLoad, sequentialLoad, sequentialRequests, type RequestSpec } from "./lib/http-load";
import { describeSql, openQueryLog, type LoggedQuery, type QueryLog } from "./lib/query-log";
import { environment, formatMarkdown, formatTable, passed, reportResults, type ResultRow } from "./lib/report";
import { ROOT, startBuiltServer, type RunningServer } from "./lib/server";
import { benchRun, readBenchSettings, expect, prepareBench, runBench } from "./lib/run";
import { measureAsync } from "./lib/stats";
import { checkPlan, DAY, HOLD_LIFETIME_MS, MONTH_DAYS, MONTH_RESOURCES, planCalendarEvents, RESOURCES, WEEK_DAYS, type ViewRange } from "./calendar-events-plan";
import { checkCalendarEventsSeed, seedCalendarEventsBench, type CalendarEventsBenchData } from "./calendar-events-data";
import { checkCalendarEvents, loadViewTruth, type CheckSummary } from "./calendar-events-check";

// Its own database by default, so it never drops another benchmark's while that one runs.
process.env.BENCH_DATABASE_URL ||= "postgresql://postgres@127.0.0.1:5432/slotbase_bench_events";

const TARGET_P50_MS = { monthView: 40, revalidation: 5 } as const;
const MINUTE = 60_000;
const HOUR = 3_600_000;

const run = benchRun("bench:calendar-events");
const { say, noteLoad, loadAtStart } = run;
const { flags, quick, outFile, iterations: ITERATIONS } = readBenchSettings("calendar-events.json");
/** Views asked for once each (not rendered before); every answer is checked against the database. */
const FRESH_VIEWS = { requests: quick ? 5 : 40 };

interface View {
  key: "month" | "week";
  label: string;
  resources: string[];
  range: ViewRange;
}

type Caller = "member" | "anonymous";
const CALLER_TEXT: Record<Caller, string> = { member: "with key", anonymous: "anonymous" };

interface ResponseFacts {
  view: View["key"];
  caller: Caller;
  url: string;
  status: number;
  etag: string;
  cacheControl: string;
  /** The view's tag as the route computes it before loading anything (prepareCalendarEvents, in process). */
  routeEtag: string;
  bytes: number;
  events: number;
  byType: Record<string, number>;
}

const views = (data: CalendarEventsBenchData): View[] => [
  { key: "month", label: `month view: ${MONTH_RESOURCES} resources × ${MONTH_DAYS} days`, resources: data.monthResources, range: data.month },
  { key: "week", label: `week view: ${RESOURCES} resources × ${WEEK_DAYS} days`, resources: data.weekResources, range: data.week },
];

function viewUrl(server: RunningServer, view: View): string {
  const ids = view.resources.map((uuid) => `resource_id[]=${uuid}`).join("&");
  return `${server.baseUrl}/api/v1/calendar-events?${ids}&start_date=${view.range.startDate}&end_date=${view.range.endDate}`;
}

/** The view ending `minutes` earlier: another view (another ETag), so the app has not rendered it before. */
function shortened(view: View, minutes: number): View {
  const end = view.range.end - minutes * MINUTE;
  return { ...view, range: { ...view.range, end, endDate: `${new Date(end).toISOString().slice(0, 19)}Z` } };
}

const headersOf = (caller: Caller, apiKey: string): Record<string, string> => (caller === "member" ? { Authorization: `Bearer ${apiKey}` } : {});

/**
 * One request with node:http, for its headers too (the load generator sees status and body
 * only). Not fetch: it adds `Cache-Control: no-cache` to a request with If-None-Match.
 */
function requestOnce(url: string, headers: Record<string, string>): Promise<{ status: number; etag: string | null; cacheControl: string | null; body: string; at: number }> {
  const at = Date.now();
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          etag: response.headers.etag ?? null,
          cacheControl: response.headers["cache-control"] ?? null,
          body: Buffer.concat(chunks).toString("utf8"),
          at,
        }),
      );
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}

const describeRequest = (url: string, caller: Caller, extra = "") => `GET ${url} (${caller === "member" ? "Authorization: Bearer <owner's key>" : "no key"}${extra})`;

/** The view as the route prepares it, in process: key check, then prepareCalendarEvents (its ETag; load() reads the rest). */
async function prepareView(view: View, caller: Caller, apiKey: string) {
  const auth = caller === "member" ? await authenticateApiKey(apiKey) : null;
  return prepareCalendarEvents(auth, { resourceIds: view.resources, startDate: view.range.startDate, endDate: view.range.endDate, excludeChildResources: false });
}

/** Checks a 200 against the database; a mismatch breaks the run, naming the request and what differs. */
async function verify(pg: Client, view: View, caller: Caller, url: string, response: { body: string; at: number }): Promise<CheckSummary> {
  const truth = await loadViewTruth(pg, { resourceUuids: view.resources, range: view.range, authenticated: caller === "member" });
  const summary = checkCalendarEvents(JSON.parse(response.body), truth, response.at);
  const shown = summary.problems.slice(0, 12);
  expect(
    summary.problems.length === 0,
    `${describeRequest(url, caller)}: the answer does not match the database (${summary.problems.length} problems):\n  ${shown.join("\n  ")}` +
      (summary.problems.length > shown.length ? `\n  … and ${summary.problems.length - shown.length} more` : ""),
  );
  return summary;
}

/** The first 200 of a view, checked in full (headers, then the body against the database). */
async function firstAnswer(pg: Client, server: RunningServer, view: View, caller: Caller, apiKey: string): Promise<{ facts: ResponseFacts; body: string }> {
  const url = viewUrl(server, view);
  const response = await requestOnce(url, headersOf(caller, apiKey));
  expect(response.status === 200, `${describeRequest(url, caller)} → ${response.status}, expected 200. Body: ${response.body.slice(0, 300)}`);
  expect(response.etag && /^(W\/)?".+"$/.test(response.etag), `${describeRequest(url, caller)}: no valid ETag (${response.etag})`);
  const cachePrefix = caller === "member" ? "private" : "public";
  expect(response.cacheControl?.startsWith(cachePrefix), `${describeRequest(url, caller)}: Cache-Control "${response.cacheControl}", expected "${cachePrefix}, …"`);
  const summary = await verify(pg, view, caller, url, response);
  expect(summary.events > 0, `${describeRequest(url, caller)}: no events at all`);
  const routeEtag = (await prepareView(view, caller, apiKey)).etag;
  const facts = { view: view.key, caller, url, status: 200, etag: response.etag, cacheControl: response.cacheControl!, routeEtag, bytes: Buffer.byteLength(response.body), events: summary.events, byType: summary.byType };
  say(`${view.key} view, ${CALLER_TEXT[caller]}: ${summary.events.toLocaleString("en")} events (${(facts.bytes / 1e6).toFixed(2)} MB) match the database`);
  return { facts, body: response.body };
}

interface Counters {
  /** 200s received and found correct (checked in full, or byte-identical to one that was). */
  verified200: number;
  notModified: number;
}

async function measureView(pg: Client, server: RunningServer, view: View, caller: Caller, apiKey: string, rows: ResultRow[], counters: Counters): Promise<ResponseFacts> {
  const { facts, body } = await firstAnswer(pg, server, view, caller, apiKey);
  counters.verified200 += 1;
  const headers = headersOf(caller, apiKey);
  const ok: RequestSpec = {
    url: facts.url,
    headers,
    check: (status, text) => {
      if (status !== 200) return "expected 200";
      if (text !== body) return "a different answer than the one checked against the database";
      counters.verified200 += 1;
      return null;
    },
  };
  const who = CALLER_TEXT[caller];
  const target = view.key === "month" ? TARGET_P50_MS.monthView : undefined;
  say(`${view.key} view, ${who} → 200: sequential (${ITERATIONS.http.warmup} warm-up + ${ITERATIONS.http.requests})`);
  const sequential = await sequentialLoad(ok, ITERATIONS.http);
  rows.push({ scenario: view.label, mode: `end to end: ${who} → 200, the same view again (rendered), sequential`, latency: sequential, ...(target ? { targetP50Ms: target } : {}) });

  // A view no request has asked for yet (each ends a minute earlier than the one before): built
  // from the database, mapped and serialised. Each answer is checked against the database after the run.
  const fresh: { view: View; body: string; at: number }[] = [];
  say(`${view.key} view, ${who} → 200, a view not rendered before: sequential (${FRESH_VIEWS.requests})`);
  const unrendered = await sequentialRequests(
    (n) => {
      const variant = shortened(view, n + 1);
      return {
        url: viewUrl(server, variant),
        headers,
        check: (status, text) => {
          if (status !== 200) return "expected 200";
          fresh.push({ view: variant, body: text, at: Date.now() });
          return null;
        },
      };
    },
    FRESH_VIEWS,
  );
  for (const answer of fresh) {
    await verify(pg, answer.view, caller, viewUrl(server, answer.view), answer);
    counters.verified200 += 1;
  }
  rows.push({ scenario: view.label, mode: `end to end: ${who} → 200, a view not rendered before, sequential`, latency: unrendered });
  say(`${view.key} view, ${who} → 200: ${ITERATIONS.concurrent.concurrency} in flight for ${ITERATIONS.concurrent.durationMs / 1000} s`);
  const concurrent = await concurrentLoad(ok, ITERATIONS.concurrent);
  rows.push({ scenario: view.label, mode: `end to end: ${who} → 200, ${concurrent.concurrency} in flight`, latency: concurrent.latency, requestsPerSecond: concurrent.requestsPerSecond });

  const revalidate: RequestSpec = {
    url: facts.url,
    headers: { ...headers, "If-None-Match": facts.etag },
    check: (status, text) => {
      if (status !== 304) return "expected 304 Not Modified for the ETag of the previous 200";
      if (text !== "") return "a 304 with a body";
      counters.notModified += 1;
      return null;
    },
  };
  say(`${view.key} view, ${who}, If-None-Match → 304: sequential`);
  const notModified = await sequentialLoad(revalidate, ITERATIONS.http);
  rows.push({ scenario: view.label, mode: `end to end: ${who}, If-None-Match → 304, sequential`, latency: notModified, targetP50Ms: TARGET_P50_MS.revalidation });
  return facts;
}

/** A live hold (released with the seeded ones) of 30 minutes at `start` on calendar `calendarId`. */
async function addHold(pg: Client, data: CalendarEventsBenchData, calendarId: number, start: number): Promise<void> {
  await pg.query(
    `INSERT INTO "SlotReservation" (uid, "eventTypeId", "calendarId", "slotUtcStartDate", "slotUtcEndDate", "releaseAt") VALUES ('bench-ev-hold-added', $1, $2, $3::timestamp, $4::timestamp, $5::timestamp)`,
    [data.eventTypeId, calendarId, new Date(start).toISOString(), new Date(start + 30 * MINUTE).toISOString(), new Date(data.now + HOLD_LIFETIME_MS).toISOString()],
  );
}

/** Makes every resource public (for the anonymous week view of all 50); returns how many changed. */
async function makeAllPublic(pg: Client, data: CalendarEventsBenchData): Promise<number> {
  const result = await pg.query(`UPDATE "Calendar" SET "isPublic" = true, "updatedAt" = now() WHERE "teamId" = $1 AND NOT "isPublic"`, [data.workspace.id]);
  return result.rowCount ?? 0;
}

async function endToEnd(pg: Client, server: RunningServer, data: CalendarEventsBenchData, apiKey: string, rows: ResultRow[]) {
  const [month, week] = views(data) as [View, View];
  const counters: Counters = { verified200: 0, notModified: 0 };
  const responses: ResponseFacts[] = [];
  responses.push(await measureView(pg, server, month, "member", apiKey, rows, counters));
  responses.push(await measureView(pg, server, month, "anonymous", apiKey, rows, counters));
  const memberWeek = await measureView(pg, server, week, "member", apiKey, rows, counters);
  responses.push(memberWeek);

  // A change the view shows (a new hold on a capacity-100 resource) must end revalidation: the old ETag gets a 200, checked again.
  const url = viewUrl(server, week);
  const hall = data.resources.find((r) => r.capacity === 100 && r.timeZone === "Europe/Berlin") ?? data.resources.find((r) => r.capacity === 100)!;
  const holdStart = week.range.start + DAY + 10 * HOUR;
  await addHold(pg, data, hall.id, holdStart);
  const changed = await requestOnce(url, { ...headersOf("member", apiKey), "If-None-Match": memberWeek.etag });
  const after = describeRequest(url, "member", `, If-None-Match: ${memberWeek.etag}`);
  expect(changed.status === 200, `${after} after a hold was added to ${hall.name} → ${changed.status}, expected 200 with a new ETag`);
  expect(changed.etag !== memberWeek.etag, `${after}: the ETag did not change when a hold was added to ${hall.name}`);
  await verify(pg, week, "member", url, changed);
  counters.verified200 += 1;
  say(`a hold added to ${hall.name}: the old ETag gets a 200 with a new ETag, and the new answer matches the database`);

  // Anonymously, a resource that is not public is not there; then every resource is made public.
  const hidden = await requestOnce(url, {});
  expect(hidden.status === 404, `${describeRequest(url, "anonymous")} with ${RESOURCES - data.sizes.publicResources} non-public resources → ${hidden.status}, expected 404`);
  const madePublic = await makeAllPublic(pg, data);
  say(`anonymously with non-public resources: 404; made the ${madePublic} non-public resources public for the anonymous week view`);

  responses.push(await measureView(pg, server, week, "anonymous", apiKey, rows, counters));
  return { responses, counters };
}

// ---- Queries per request, in process ----

interface QueryProfile {
  view: View["key"];
  resources: number;
  caller: Caller;
  /** A 200: the key checked, the view prepared (its ETag), then loaded. */
  full: { count: number; queries: { query: string; ms: number }[] };
  /** A 304: the key checked and the view prepared; nothing loaded. */
  notModified: { count: number; queries: { query: string; ms: number }[] };
}

const summary = (queries: LoggedQuery[]) => queries.map((q) => ({ query: describeSql(q.sql), ms: Math.round(q.durationMs * 100) / 100 }));

/** The queries one call runs (after warming the logging client's pool and the key cache). */
async function captureCall(log: QueryLog, call: () => Promise<unknown>): Promise<LoggedQuery[]> {
  for (let i = 0; i < 5; i += 1) await log.capture(call);
  return log.capture(call);
}

async function profileQueries(url: string, prisma: Database, data: CalendarEventsBenchData, apiKey: string): Promise<QueryProfile[]> {
  const log = openQueryLog(url, prisma);
  try {
    const profiles: QueryProfile[] = [];
    for (const view of views(data)) {
      for (const caller of ["member", "anonymous"] as const) {
        const request = async (load: boolean) => {
          // As the route does: verifyApiKeyIfSent, then the handler (prepare; load unless a 304).
          const prepared = await prepareView(view, caller, apiKey);
          if (load) {
            const result = await prepared.load();
            expect(result.events.length > 0, `in process, the ${view.key} view (${caller}) has no events`);
          }
        };
        const full = await captureCall(log, () => request(true));
        const notModified = await captureCall(log, () => request(false));
        profiles.push({
          view: view.key,
          resources: view.resources.length,
          caller,
          full: { count: full.length, queries: summary(full) },
          notModified: { count: notModified.length, queries: summary(notModified) },
        });
      }
    }
    return profiles;
  } finally {
    await log.close();
  }
}

/** The service alone (no HTTP, no response mapping or serialisation): prepare and load each view in process. */
async function inProcess(data: CalendarEventsBenchData, apiKey: string): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  for (const view of views(data)) {
    for (const caller of ["member", "anonymous"] as const) {
      say(`in process: ${view.key} view, ${CALLER_TEXT[caller]}`);
      const latency = await measureAsync(
        async () => (await prepareView(view, caller, apiKey)).load(),
        ITERATIONS.service,
        (result) => expect(result.events.length > 0, `in process, the ${view.key} view (${caller}) has no events`),
      );
      rows.push({ scenario: view.label, mode: `service: prepareCalendarEvents + load, ${CALLER_TEXT[caller]} (in process, DB)`, latency });
    }
  }
  return rows;
}

/** Whether the 50-resource view runs no more queries than the 20-resource one, for each caller and answer. */
function queriesDoNotGrow(profiles: QueryProfile[]): { pass: boolean; detail: string[] } {
  const detail: string[] = [];
  let pass = true;
  for (const caller of ["member", "anonymous"] as const) {
    const of = (key: View["key"]) => profiles.find((p) => p.view === key && p.caller === caller)!;
    const small = of("month");
    const large = of("week");
    for (const kind of ["full", "notModified"] as const) {
      const ok = large[kind].count <= small[kind].count;
      pass &&= ok;
      detail.push(`${CALLER_TEXT[caller]} ${kind === "full" ? "200" : "304"}: ${small[kind].count} → ${large[kind].count}${ok ? "" : " (GROWS)"}`);
    }
  }
  return { pass, detail };
}

function formatQueries(profiles: QueryProfile[]): string {
  const header = ["view", "caller", "queries per 200", "queries per 304", "200's queries"];
  const lines = profiles.map((p) => [
    `${p.view} view, ${p.resources} resources`,
    CALLER_TEXT[p.caller],
    String(p.full.count),
    String(p.notModified.count),
    p.full.queries.map((q) => `${q.query} ${q.ms} ms`).join("; "),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const render = (cells: string[]) => cells.map((c, i) => (i === 2 || i === 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ").trimEnd();
  return [render(header), widths.map((w) => "-".repeat(w)).join("  "), ...lines.map(render)].join("\n");
}

async function main(): Promise<void> {
  const started = Date.now();
  const env = environment(ROOT);
  const { url, serverVersion, prisma } = await prepareBench(run, flags["skip-build"] ?? false);
  let server: RunningServer | undefined;
  try {
    const plan = planCalendarEvents(Date.now());
    const planProblems = checkPlan(plan);
    expect(planProblems.length === 0, `the plan is wrong: ${planProblems.join("; ")}`);
    const data = await withPgClient(url, (pg) => seedCalendarEventsBench(pg, plan));
    const problems = await withPgClient(url, (pg) => checkCalendarEventsSeed(pg, data));
    expect(problems.length === 0, `the seed is wrong: ${problems.join("; ")}`);
    await analyze(url);
    const s = data.sizes;
    say(
      `seeded in ${(data.seedMs / 1000).toFixed(1)} s: ${s.resources} resources (${JSON.stringify(s.resourcesByCapacity)} by capacity, ${s.publicResources} public), ` +
        `${s.bookings.toLocaleString("en")} bookings (${JSON.stringify(s.bookingsByStatus)}), ${s.liveHolds} live and ${s.expiredHolds} expired holds, ${s.blockers} blockers, ${s.customers} customers`,
    );

    const apiKey = (await createApiKey(prisma, { userId: data.owner.userId, note: "bench:calendar-events" })).key;
    say("starting the built app...");
    server = await startBuiltServer({ DATABASE_URL: url });
    say(`listening on ${server.baseUrl}`);
    const endToEndRows: ResultRow[] = [];
    noteLoad("endToEnd", env.cpu.cores);
    const { responses, counters } = await withPgClient(url, (pg) => endToEnd(pg, server!, data, apiKey, endToEndRows));
    await server.stop();
    server = undefined;

    noteLoad("inProcess", env.cpu.cores);
    const serviceRows = await inProcess(data, apiKey);
    const rows = views(data).flatMap((view) => [...endToEndRows, ...serviceRows].filter((row) => row.scenario === view.label));

    say("queries per request (in process)...");
    const profiles = await profileQueries(url, prisma, data, apiKey);
    const growth = queriesDoNotGrow(profiles);

    console.log(
      `\nWorkspace of ${s.resources} resources (by capacity ${JSON.stringify(s.resourcesByCapacity)}), ${(s.bookings - (s.bookingsByStatus.CANCELLED ?? 0)).toLocaleString("en")} bookings ` +
        `(and ${s.bookingsByStatus.CANCELLED ?? 0} cancelled) over the 60 days from now, ${s.liveHolds} live holds, ${s.blockers} blockers; month ${data.month.startDate} … ${data.month.endDate}, week … ${data.week.endDate}; ` +
        `${env.cpu.cores} × ${env.cpu.model}, Node ${env.node}, PostgreSQL ${serverVersion}\n`,
    );
    console.log(formatTable(rows));
    console.log("");
    for (const r of responses) {
      console.log(
        `${r.view} view, ${CALLER_TEXT[r.caller]}: ${r.events.toLocaleString("en")} events, ${(r.bytes / 1e6).toFixed(2)} MB (${Object.entries(r.byType).map(([t, n]) => `${t} ${n}`).join(", ")}); ` +
          `Cache-Control: ${r.cacheControl}; ETag ${r.etag}${r.etag === r.routeEtag ? " (the route's view tag)" : `, not the route's view tag ${r.routeEtag}`}`,
      );
    }
    const foreignTags = responses.filter((r) => r.etag !== r.routeEtag);
    if (foreignTags.length > 0) {
      console.log(
        `\nWARNING: ${foreignTags.length} of ${responses.length} views were sent with an ETag other than the one the route computes before loading the view ` +
          `(something after the handler replaced it, e.g. Next's body-hash ETag): If-None-Match with it never matches early, so each 304 above is ` +
          `found only after the whole view was loaded and serialised, and costs about what a 200 does.`,
      );
    }
    console.log(`\n${counters.verified200.toLocaleString("en")} responses 200 checked against the database (in full, or byte-identical to one that was), ${counters.notModified.toLocaleString("en")} responses 304 with an empty body`);
    console.log(
      `\nQueries per request (in process, logged: key check, prepareCalendarEvents, then load for a 200; a 304 as the route answers one whose If-None-Match names its view tag):\n${formatQueries(profiles)}`,
    );
    console.log(`queries per request do not grow with the number of resources (${MONTH_RESOURCES} → ${RESOURCES}): ${growth.pass ? "pass" : "MISS"} (${growth.detail.join("; ")})`);
    if (flags.markdown) console.log(`\n${formatMarkdown(rows)}`);

    const results = {
      benchmark: "calendar-events",
      quick,
      ...env,
      database: { server: `PostgreSQL ${serverVersion}`, where: describeDatabase(url), appPool: poolSettingsFromEnv() },
      seededAt: new Date(data.now).toISOString(),
      views: { month: { ...data.month, resources: data.monthResources.length }, week: { ...data.week, resources: data.weekResources.length } },
      workspace: data.workspace,
      sizes: data.sizes,
      seedMs: data.seedMs,
      targetsP50Ms: TARGET_P50_MS,
      iterations: { ...ITERATIONS, freshViews: FRESH_VIEWS },
      loadAverageAtStart: loadAtStart,
      results: rows.map((row) => ({ ...row, pass: passed(row) })),
      responses: responses.map(({ url: _url, ...r }) => r),
      verified: counters,
      queries: profiles,
      queriesDoNotGrow: growth,
      durationSeconds: Math.round((Date.now() - started) / 1000),
    };
    reportResults(outFile, results, rows, (r) => `${r.scenario} ${r.mode.replace(/^end to end: /, "")} p50 ${r.latency.p50} ms > ${r.targetP50Ms} ms`);
    if (!growth.pass) console.log(`TARGET MISSED: queries per request grow with the number of resources (${growth.detail.join("; ")})`);
  } finally {
    await server?.stop();
    await prisma.$disconnect();
  }
}

runBench("bench:calendar-events", main);
