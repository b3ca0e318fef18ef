// `yarn bench:webhooks` (issue 12 §4): bookings at the rate bench:bookings sustains, without
// and then with 3 active webhooks on every host: does booking throughput stay within 15%, does
// every delivery arrive exactly once per delivery id with a valid signature, and how late?
//
// 1. builds the app (`yarn build`; `--skip-build` reuses apps/api/.next);
// 2. recreates the PostgreSQL database slotbase_bench_webhooks (BENCH_DATABASE_URL, default
//    postgresql://postgres@127.0.0.1:5432/slotbase_bench_webhooks), migrates it and seeds what
//    bench:bookings seeds (bookings-data.ts: 20 hosts free 24/7 with a 15-minute event type, a
//    booker with an API key), plus an API key for each host;
// 3. starts 3 local receivers (webhooks-receiver.ts: node:http on 127.0.0.1, 200 at once,
//    recording delivery id, attempt, arrival and whether the signature matches the raw body)
//    and the built app with WEBHOOK_ALLOWED_PRIVATE_HOSTS=127.0.0.1, emails delivered by its
//    worker to a temporary EMAIL_OUTBOX_DIR as in bench:bookings;
// 4. bench:bookings' load (webhooks-load.ts: POST /v2/bookings, every request a distinct host
//    and slot): warm-up, its sweep of in-flight counts (--concurrency picks one and skips it),
//    then the throughput run at the best count WITHOUT webhooks;
// 5. each host creates 3 webhooks (POST /v1/webhooks with its key: BOOKING_CREATED,
//    _RESCHEDULED, _CANCELLED; webhook k posts to receiver k, each with its own secret); a
//    warm-up, then the same throughput run again on fresh slots WITH the webhooks (both runs
//    start with the email and webhook outboxes delivered and fresh planner statistics);
// 6. waits until no delivery is PENDING (60 s at most), stops the app, checks the bookings
//    (bookings-checks.ts) and the deliveries (webhooks-check.ts): every booking made with the
//    webhooks on has exactly one BOOKING_CREATED delivery per webhook of its host, all
//    SUCCEEDED, each received by its own receiver exactly once per delivery id (more only as
//    retries of a delivery with attempts > 1, under the same id), every signature valid, every
//    payload that booking's; bookings made before have none;
// 7. delivery lag of the run's deliveries (first arrival − the booking's 201, and − the
//    body's createdAt), throughput ratio; prints a table, writes bench/results/webhooks.json.
//
// Target (printed, not enforced): throughput with webhooks ≥ 85% of without.
// The receivers run in this process (the load generator): their CPU is counted with it.
//
// BENCH_DEBUG=1 prints the stack of a broken run. WEBHOOK_* and DATABASE_POOL_* settings
// reach the server (the JSON records them).
// Options: --skip-build, --quick (short phases, a smoke test; writes nothing unless --out is
// given), --out <file>, --markdown, --concurrency <n> (no sweep), --duration <seconds> (each
// throughput run, default 20).
//
// Exits 1 when the run is broken (a failed step, an unexpected response, a delivery missing,
// duplicated, unsigned or not SUCCEEDED in time, a database check that fails), not when the
// target is missed: that is printed.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createApiKey } from "@slotbase/features/api-keys/create-api-key";
import { poolSettingsFromEnv } from "@slotbase/prisma";
import { iso, loadSlot, LOAD_HOSTS, seedBookingsBench, SLOT_MINUTES } from "./bookings-data";
import { checkSeed, verify, waitForDelivery } from "./bookings-checks";
import { postgresProcessesOf, startCpuAccounting, type CpuUse, type ProcessGroups } from "./lib/cpu";
import { analyze, describeDatabase } from "./lib/database";
import { concurrentRequests, sequentialRequests, type ThroughputResult } from "./lib/http-load";
import { environment, formatMarkdown, formatTable, passed, reportResults, type ResultRow } from "./lib/report";
import { benchRun, COMMON_OPTIONS, expect, prepareBench, runBench } from "./lib/run";
import { ROOT, startBuiltServer, type RunningServer } from "./lib/server";
import { checkDeliveries, deliveryLag, deliveryStatus, loadDeliveries, waitForWebhooks } from "./webhooks-check";
import { bookingRequests, uidsOf, type CreatedBookings } from "./webhooks-load";
import { clock, startReceiver, subscribe, TRIGGERS, type Reception, type Receiver } from "./webhooks-receiver";

// Its own database by default, so it never drops another benchmark's while that one runs.
process.env.BENCH_DATABASE_URL ||= "postgresql://postgres@127.0.0.1:5432/slotbase_bench_webhooks";

const WEBHOOKS_PER_HOST = 3;
const MIN_RATIO = 0.85;

const run = benchRun("bench:webhooks");
const { say, noteLoad, loadAtStart } = run;

const { values: flags } = parseArgs({ options: { ...COMMON_OPTIONS, concurrency: { type: "string" }, duration: { type: "string" } } });
const quick = flags.quick ?? false;
const outFile = flags.out ?? (quick ? null : path.join(ROOT, "bench", "results", "webhooks.json"));

function positiveNumber(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number`);
  return n;
}
const fixedConcurrency = positiveNumber(flags.concurrency, "concurrency");

// bench:bookings' load settings.
const PARAMS = {
  sequentialWarmup: quick ? 5 : 30,
  warmup: { concurrency: 16, durationMs: quick ? 1_000 : 3_000 },
  sweep: fixedConcurrency ? [] : quick ? [8, 32].map((c) => ({ concurrency: c, durationMs: 1_500 })) : [4, 8, 16, 32].map((c) => ({ concurrency: c, durationMs: 5_000 })),
  throughput: { concurrency: fixedConcurrency ?? null, durationMs: (positiveNumber(flags.duration, "duration") ?? (quick ? 3 : 20)) * 1000 },
  /** How long the outboxes may take to drain (before each run, and the deliveries after the last). */
  drainTimeoutMs: quick ? 20_000 : 60_000,
};

const LABEL = `POST /v2/bookings, ${LOAD_HOSTS} hosts, distinct slots`;
const PHASE = { without: "run without webhooks", with: "run with webhooks", warmupWith: "warm-up with webhooks" } as const;

interface MeasuredRun {
  result: ThroughputResult;
  cpu: CpuUse;
  startedAt: number;
  endedAt: number;
}

/** CPU milliseconds per booking, by group. */
const cpuPerBooking = (cpu: CpuUse, bookings: number) => Object.fromEntries(Object.entries(cpu.groups).map(([group, use]) => [group, Math.round((use.cpuSeconds / bookings) * 1000 * 100) / 100]));

const runSummary = (m: MeasuredRun) => ({
  concurrency: m.result.concurrency,
  durationMs: m.result.durationMs,
  bookings: m.result.requests,
  bookingsPerSecond: m.result.requestsPerSecond,
  latency: m.result.latency,
  cpu: m.cpu,
  cpuMsPerBooking: cpuPerBooking(m.cpu, m.result.requests),
});

async function main(): Promise<void> {
  const started = Date.now();
  const env = environment(ROOT);
  const { url, serverVersion, prisma } = await prepareBench(run, flags["skip-build"] ?? false);
  let server: RunningServer | undefined;
  const receivers: Receiver[] = [];
  const outboxDir = mkdtempSync(path.join(tmpdir(), "slotbase-bench-mail-"));
  try {
    const data = await seedBookingsBench(prisma);
    const slotsPerDay = await checkSeed(data);
    const hosts: { userId: number; apiKey: string }[] = [];
    for (const host of data.load) hosts.push({ userId: host.userId, apiKey: (await createApiKey(prisma, { userId: host.userId, note: "bench:webhooks" })).key });
    await analyze(url);
    await prisma.$disconnect(); // from here on, the server's connections are the database's only ones
    say(`seeded in ${(data.seedMs / 1000).toFixed(1)} s: ${LOAD_HOSTS} hosts free 24/7 (${slotsPerDay} slots a day each) with an API key each, slots from ${iso(data.firstSlot)}`);

    const receptions: Reception[] = [];
    for (let k = 0; k < WEBHOOKS_PER_HOST; k += 1) receivers.push(await startReceiver(k, receptions));
    const serverEnv = { DATABASE_URL: url, EMAIL_OUTBOX_DIR: outboxDir, NOTIFICATIONS_WORKER: "on", WEBHOOK_ALLOWED_PRIVATE_HOSTS: "127.0.0.1" };
    say(`receivers on 127.0.0.1:${receivers.map((r) => r.port).join(", ")}; starting the built app (emails: worker on, file transport)...`);
    server = await startBuiltServer(serverEnv);
    const baseUrl = server.baseUrl;
    say(`listening on ${baseUrl}`);

    const created: CreatedBookings = new Map();
    let phase = "warm-up";
    let next = 0; // the next unused distinct (host, slot)
    const spec = bookingRequests(baseUrl, data, created, () => phase);
    const rows: ResultRow[] = [];

    say(`warm-up: ${PARAMS.sequentialWarmup} sequential creates, then ${PARAMS.warmup.concurrency} in flight for ${PARAMS.warmup.durationMs / 1000} s`);
    await sequentialRequests(spec, { requests: PARAMS.sequentialWarmup, first: next });
    next += PARAMS.sequentialWarmup;
    next = (await concurrentRequests(spec, { ...PARAMS.warmup, first: next })).sent;
    await analyze(url);

    const sweep: ThroughputResult[] = [];
    phase = "sweep";
    for (const step of PARAMS.sweep) {
      noteLoad(`sweep${step.concurrency}`, env.cpu.cores);
      say(`sweep: ${step.concurrency} in flight for ${step.durationMs / 1000} s`);
      const result = await concurrentRequests(spec, { ...step, first: next });
      next = result.sent;
      sweep.push(result);
      say(`  ${result.requestsPerSecond} bookings/s, p50 ${result.latency.p50.toFixed(1)} ms`);
      rows.push({ scenario: LABEL, mode: `sweep: ${step.concurrency} in flight, ${step.durationMs / 1000} s, no webhooks`, latency: result.latency, requestsPerSecond: result.requestsPerSecond });
    }
    const concurrency = PARAMS.throughput.concurrency ?? [...sweep].sort((a, b) => b.requestsPerSecond - a.requestsPerSecond)[0]!.concurrency;

    const groups: ProcessGroups = {
      server: (p) => p.pgrp === server!.pid,
      postgres: postgresProcessesOf(decodeURIComponent(new URL(url).pathname.slice(1))),
      loadGeneratorAndReceivers: (p) => p.pid === process.pid,
    };
    /** One throughput run, from delivered outboxes and fresh statistics, as bench:bookings' run. */
    const measure = async (name: string): Promise<MeasuredRun> => {
      say(`${name}: waiting for the outboxes (emails, webhooks) to drain, then ANALYZE...`);
      const emails = await waitForDelivery(url, data, PARAMS.drainTimeoutMs);
      expect(emails.drainedMs !== null, `the worker had not delivered the earlier phases' emails after ${PARAMS.drainTimeoutMs / 1000} s`);
      const hooks = await waitForWebhooks(url, PARAMS.drainTimeoutMs);
      expect(hooks.drainedMs !== null, `the earlier phases' webhook deliveries were still pending after ${PARAMS.drainTimeoutMs / 1000} s: ${JSON.stringify(hooks.status)}`);
      await analyze(url);
      noteLoad(name, env.cpu.cores);
      say(`${name}: ${concurrency} in flight for ${PARAMS.throughput.durationMs / 1000} s`);
      phase = name;
      const cpu = startCpuAccounting(groups);
      const startedAt = clock();
      const result = await concurrentRequests(spec, { concurrency, durationMs: PARAMS.throughput.durationMs, first: next });
      const endedAt = clock();
      const cpuUse = cpu.stop();
      next = result.sent;
      say(`  ${result.requestsPerSecond} bookings/s, p50 ${result.latency.p50.toFixed(1)} ms, p95 ${result.latency.p95.toFixed(1)} ms`);
      return { result, cpu: cpuUse, startedAt, endedAt };
    };

    const without = await measure(PHASE.without);

    say(`subscribing: ${WEBHOOKS_PER_HOST} webhooks on each of the ${LOAD_HOSTS} hosts (POST /v1/webhooks with the host's key)`);
    const webhooks = await subscribe(baseUrl, hosts, receivers);
    phase = PHASE.warmupWith;
    say(`warm-up with webhooks: ${PARAMS.warmup.concurrency} in flight for ${PARAMS.warmup.durationMs / 1000} s`);
    next = (await concurrentRequests(spec, { ...PARAMS.warmup, first: next })).sent;
    const withHooks = await measure(PHASE.with);
    const statusAtEnd = await deliveryStatus(url);

    say(`waiting until no delivery is PENDING (${JSON.stringify(statusAtEnd)} when the run ended)...`);
    const drained = await waitForWebhooks(url, PARAMS.drainTimeoutMs);
    const drainedAfterRunMs = drained.drainedMs === null ? null : Math.round(clock() - withHooks.endedAt);
    expect(drained.drainedMs !== null, `deliveries still PENDING ${PARAMS.drainTimeoutMs / 1000} s after the run: ${JSON.stringify(drained.status)}`);
    await server.stop();
    server = undefined;
    await Promise.all(receivers.splice(0).map((r) => r.close()));

    say("checking the bookings and the deliveries...");
    const bookings = await verify(url, data, [...created.keys()], 0);
    const deliveries = await loadDeliveries(url);
    const withWebhooks = new Set(uidsOf(created, [PHASE.warmupWith, PHASE.with]));
    const { counts, violations } = checkDeliveries(deliveries, receptions, webhooks, created, withWebhooks);
    const shown = violations.slice(0, 15);
    expect(
      violations.length === 0,
      `the deliveries are wrong (${violations.length} problems; counts ${JSON.stringify(counts)}):\n  ${shown.join("\n  ")}` +
        (violations.length > shown.length ? `\n  … and ${violations.length - shown.length} more` : ""),
    );
    const runUids = new Set(uidsOf(created, [PHASE.with]));
    const lag = deliveryLag(deliveries, receptions, created, runUids);
    const runIds = new Set(deliveries.filter((d) => d.uid !== null && runUids.has(d.uid)).map((d) => d.id));
    const runArrivals = receptions.filter((r) => r.deliveryId !== null && runIds.has(r.deliveryId)).map((r) => r.arrivedAt);
    const arrivedDuringRun = new Set(receptions.filter((r) => r.deliveryId !== null && runIds.has(r.deliveryId) && r.arrivedAt <= withHooks.endedAt).map((r) => r.deliveryId)).size;
    const senderSeconds = (runArrivals.reduce((max, t) => Math.max(max, t), withHooks.startedAt) - withHooks.startedAt) / 1000;
    const senderPerSecond = senderSeconds > 0 ? Math.round((runIds.size / senderSeconds) * 10) / 10 : 0;

    const a = without.result;
    const b = withHooks.result;
    const ratio = Math.round((b.requestsPerSecond / a.requestsPerSecond) * 1000) / 1000;
    const runMode = (what: string) => `end to end: ${concurrency} in flight, ${Math.round(PARAMS.throughput.durationMs / 1000)} s, ${what}`;
    rows.push({ scenario: LABEL, mode: runMode("no webhooks"), latency: a.latency, requestsPerSecond: a.requestsPerSecond });
    rows.push({
      scenario: LABEL,
      mode: runMode(`${WEBHOOKS_PER_HOST} webhooks per host`),
      latency: b.latency,
      requestsPerSecond: b.requestsPerSecond,
      targetRequestsPerSecond: Math.round(a.requestsPerSecond * MIN_RATIO * 10) / 10,
    });
    const lagLabel = `webhook delivery lag, BOOKING_CREATED × ${WEBHOOKS_PER_HOST} per booking of the run`;
    rows.push({ scenario: lagLabel, mode: "first arrival − the booking's 201", latency: lag.fromResponse });
    rows.push({ scenario: lagLabel, mode: "first arrival − queued (body createdAt)", latency: lag.fromQueued });

    const share = (x: number | null | undefined) => (x === null || x === undefined ? "?" : `${Math.round(x * 100)}%`);
    const cpuText = (m: MeasuredRun) =>
      `${Object.entries(cpuPerBooking(m.cpu, m.result.requests)).map(([g, ms]) => `${g} ${ms} ms`).join(", ")}; machine busy ${share(m.cpu.machineBusyShare)}`;
    console.log(
      `\nPOST /v2/bookings on the built app, without and with ${WEBHOOKS_PER_HOST} webhooks on each of the ${LOAD_HOSTS} hosts (local receivers); ` +
        `${env.cpu.cores} × ${env.cpu.model}, Node ${env.node}, PostgreSQL ${serverVersion}; emails delivered by the server's worker (file transport); app pool ${poolSettingsFromEnv().max}\n`,
    );
    console.log(formatTable(rows));
    console.log(
      `\nThroughput with webhooks: ${b.requestsPerSecond} vs ${a.requestsPerSecond} bookings/s without = ${(ratio * 100).toFixed(1)}% ` +
        `(target ≥ ${MIN_RATIO * 100}%: ${ratio >= MIN_RATIO ? "pass" : "MISS"}); p50 ${a.latency.p50.toFixed(1)} → ${b.latency.p50.toFixed(1)} ms, p95 ${a.latency.p95.toFixed(1)} → ${b.latency.p95.toFixed(1)} ms`,
    );
    console.log(
      `Delivery lag of the run's ${lag.deliveries} deliveries: from the booking's 201 p50 ${lag.fromResponse.p50.toFixed(1)} ms, p99 ${lag.fromResponse.p99.toFixed(1)} ms ` +
        `(${lag.beforeResponse} arrived before the 201 was read); from queueing p50 ${lag.fromQueued.p50.toFixed(1)} ms, p99 ${lag.fromQueued.p99.toFixed(1)} ms`,
    );
    console.log(
      `${arrivedDuringRun} of them arrived during the run, the rest within ${((drainedAfterRunMs ?? 0) / 1000).toFixed(1)} s after it; ` +
        `the sender delivered ${senderPerSecond}/s from the run's start to its last delivery (${(b.requestsPerSecond * WEBHOOKS_PER_HOST).toFixed(1)}/s were queued)`,
    );
    console.log(`CPU per booking without webhooks: ${cpuText(without)}`);
    console.log(`CPU per booking with webhooks:    ${cpuText(withHooks)}`);
    console.log(
      `Verified: ${bookings.acceptedLoadBookings} ACCEPTED bookings = ${created.size} × 201, no overlap; ${webhooks.length} webhooks; ` +
        `${counts.bookingsWithWebhooks} bookings with webhooks on → ${counts.rows} delivery rows (${counts.expectedDeliveries} expected, ${counts.missing} missing, ${counts.duplicateRows} duplicated, ${counts.unexpectedRows} unexpected), ` +
        `${counts.succeeded} SUCCEEDED (${counts.retriedRows} after a retry, at most ${counts.maxAttempts} attempts); ${counts.receptions} received, ${counts.idsReceived} distinct ids, ` +
        `${counts.idsReceivedMoreThanOnce} ids more than once (${counts.retriedIdsReceivedMoreThanOnce} as retries, ${counts.duplicatesWithoutRetry} duplicates without a retry), ` +
        `${counts.invalidSignatures} invalid signatures, ${counts.unknownIds} unknown ids, ${counts.wrongPayload} wrong payloads, ${counts.wrongReceiver} at the wrong receiver`,
    );
    if (flags.markdown) console.log(`\n${formatMarkdown(rows)}`);

    const results = {
      benchmark: "webhooks",
      quick,
      ...env,
      database: { server: `PostgreSQL ${serverVersion}`, where: describeDatabase(url), appPool: poolSettingsFromEnv() },
      setup: {
        loadHosts: LOAD_HOSTS,
        webhooksPerHost: WEBHOOKS_PER_HOST,
        webhooks: webhooks.length,
        receivers: "node:http on 127.0.0.1 in the load generator's process, 200 at once",
        eventTriggers: TRIGGERS,
        serverEnv: {
          WEBHOOK_ALLOWED_PRIVATE_HOSTS: serverEnv.WEBHOOK_ALLOWED_PRIVATE_HOSTS,
          ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith("WEBHOOK_"))),
          emails: "worker on, file transport (EMAIL_OUTBOX_DIR, a temporary directory)",
        },
      },
      data: { slotMinutes: SLOT_MINUTES, slotsPerHostPerDay: slotsPerDay, firstSlot: iso(data.firstSlot), lastLoadSlot: iso(loadSlot(data, next - 1).start) },
      parameters: { ...PARAMS, throughput: { ...PARAMS.throughput, concurrency } },
      target: { minRatio: MIN_RATIO, ratio, pass: ratio >= MIN_RATIO },
      withoutWebhooks: runSummary(without),
      withWebhooks: runSummary(withHooks),
      delivery: {
        deliveriesOfRun: runIds.size,
        arrivedDuringRun,
        statusAtRunEnd: statusAtEnd,
        drainedAfterRunMs,
        senderDeliveriesPerSecond: senderPerSecond,
        lagMs: lag,
      },
      verification: { deliveries: counts, bookings: { ...bookings, created201: created.size } },
      sweep: sweep.map((s) => ({ concurrency: s.concurrency, durationMs: s.durationMs, bookings: s.requests, bookingsPerSecond: s.requestsPerSecond, latency: s.latency })),
      loadAverageAtStart: loadAtStart,
      results: rows.map((row) => ({ ...row, pass: passed(row) })),
      durationSeconds: Math.round((Date.now() - started) / 1000),
    };
    reportResults(outFile, results, rows, (r) => `${r.requestsPerSecond} bookings/s with webhooks < ${r.targetRequestsPerSecond} (${MIN_RATIO * 100}% of ${a.requestsPerSecond} without)`);
  } finally {
    await server?.stop();
    await Promise.all(receivers.map((r) => r.close()));
    await prisma.$disconnect();
    rmSync(outboxDir, { recursive: true, force: true });
  }
}

runBench("bench:webhooks", main);
