// `yarn bench:webhooks` (issue 12 §4): bookings at the rate bench:bookings sustains, without
// and then with 3 active webhooks on every host, the webhooks sent by two deployments in turn:
// the app's in-process sender, then a separate sender process. Does booking throughput stay
// within 15%, does every delivery arrive exactly once per delivery id with a valid signature,
// and how late?
//
// 1. builds the app (`yarn build`; `--skip-build` reuses apps/api/.next);
// 2. recreates the PostgreSQL database slotbase_bench_webhooks (BENCH_DATABASE_URL, default
//    postgresql://postgres@127.0.0.1:5432/slotbase_bench_webhooks), migrates it and seeds what
//    bench:bookings seeds (bookings-data.ts: 20 hosts free 24/7 with a 15-minute event type, a
//    booker with an API key), plus an API key for each host;
// 3. starts 3 local receivers (webhooks-receiver.ts: node:http on 127.0.0.1 in a process of
//    their own at nice 19, standing in for the subscribers' servers; 200 at once,
//    recording delivery id, attempt, arrival and whether the signature matches the raw body)
//    and the built app with WEBHOOK_ALLOWED_PRIVATE_HOSTS=127.0.0.1 and WEBHOOK_WORKER=on,
//    emails delivered by its worker to a temporary EMAIL_OUTBOX_DIR as in bench:bookings;
// 4. bench:bookings' load (webhooks-load.ts: POST /v2/bookings, every request a distinct host
//    and slot): warm-up and its sweep of in-flight counts (--concurrency picks one and skips it),
//    without webhooks;
// 5. each host creates 3 webhooks (POST /v1/webhooks with its key: BOOKING_CREATED,
//    _RESCHEDULED, _CANCELLED; webhook k posts to receiver k, each with its own secret); then
//    each deployment in turn, on fresh slots:
//    a. "in-process sender": the same app;
//    b. "separate sender process": the app restarted with WEBHOOK_WORKER=off (its email worker
//       still on) and one `nice -n 19 yarn notifications:deliver --watch --only webhooks`
//       (webhooks-worker.ts) on the same database with WEBHOOK_POLL_MS=200, in a process group
//       of its own;
//    a warm-up with webhooks, then rounds (3; the machine's speed drifts over minutes, so each
//    "with" is compared with a "without" next to it on the same deployment): every webhook
//    turned off (PATCH active: false, once the deliveries queued so far are sent), a throughput
//    run; every webhook on, the same run; then wait until no delivery is PENDING. Every run
//    starts with the email and webhook outboxes delivered and fresh planner statistics;
// 6. after each deployment: stops the sender process and the app, checks the bookings
//    (bookings-checks.ts) and that deployment's deliveries (webhooks-check.ts: the rows and
//    receptions since the previous check): every booking made with the webhooks on has exactly
//    one BOOKING_CREATED delivery per webhook of its host, all SUCCEEDED, each received by its
//    own receiver exactly once per delivery id (more only as retries of a delivery with
//    attempts > 1, under the same id), every signature valid, every payload that booking's;
//    bookings made with them off have none; at the end, the same over all;
// 7. per deployment: throughput with ÷ without over its rounds, delivery lag of its runs'
//    deliveries (first arrival − the booking's 201, and − the body's createdAt), CPU by process
//    group; prints a table, writes bench/results/webhooks.json.
//
// Target (printed, not enforced), for each deployment: throughput with webhooks ≥ 85% of without.
// The receivers' CPU is measured apart from the load generator's (this process).
//
// BENCH_DEBUG=1 prints the stack of a broken run. WEBHOOK_* (but WEBHOOK_WORKER, which each
// deployment sets) and DATABASE_POOL_* settings reach the app and the sender (the JSON records them).
// Options: --skip-build, --quick (short phases, a smoke test; writes nothing unless --out is
// given), --out <file>, --markdown, --concurrency <n> (no sweep), --duration <seconds> (each
// throughput run, default 10).
//
// Exits 1 when the run is broken (a failed step, an unexpected response, a delivery missing,
// duplicated, unsigned or not SUCCEEDED in time, a database check that fails, the sender process
// gone), not when the target is missed: that is printed.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createApiKey } from "@slotbase/features/api-keys/create-api-key";
import { poolSettingsFromEnv } from "@slotbase/prisma";
import { iso, loadSlot, LOAD_HOSTS, seedBookingsBench, SLOT_MINUTES } from "./bookings-data";
import { checkSeed, verify, waitForDelivery, type Verification } from "./bookings-checks";
import { postgresProcessesOf, startCpuAccounting, type ProcessGroups } from "./lib/cpu";
import { analyze, describeDatabase } from "./lib/database";
import { concurrentRequests, sequentialRequests, type HttpRequestSpec, type ThroughputResult } from "./lib/http-load";
import { environment, formatMarkdown, formatTable, passed, reportResults, type ResultRow } from "./lib/report";
import { benchRun, COMMON_OPTIONS, expect, prepareBench, runBench } from "./lib/run";
import { ROOT, startBuiltServer, type RunningServer } from "./lib/server";
import { checkDeliveries, checkVariant, deliveryStatus, describeCounts, expectNoViolations, loadDeliveries, waitForWebhooks, type VariantDeliveries } from "./webhooks-check";
import { bookingRequests, uidsOf, type CreatedBookings } from "./webhooks-load";
import { clock, RECEIVER_NICE, setWebhooksActive, startReceivers, subscribe, TRIGGERS, type Reception, type ReceiverProcess } from "./webhooks-receiver";
import { SENDER_NICE, startSenderProcess, type SenderProcess } from "./webhooks-worker";
import { combined, cpuPerBooking, runSummary, type Combined, type MeasuredRun, type Round } from "./webhooks-runs";

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
  throughput: { concurrency: fixedConcurrency ?? null, durationMs: (positiveNumber(flags.duration, "duration") ?? (quick ? 3 : 10)) * 1000 },
  /** Per deployment: rounds of a run without webhooks, then one with them (the machine's speed drifts over minutes). */
  rounds: quick ? 1 : 3,
  /** How long the outboxes may take to drain (before each run, and the deliveries after each run with webhooks). */
  drainTimeoutMs: quick ? 20_000 : 120_000,
};

const LABEL = `POST /v2/bookings, ${LOAD_HOSTS} hosts, distinct slots`;

/** Who sends the webhooks, in the order measured. */
const VARIANTS = [
  { key: "inProcess", label: "in-process sender", webhookWorker: "on", separateSender: false },
  { key: "separateProcess", label: "separate sender process", webhookWorker: "off", separateSender: true },
] as const;
type Variant = (typeof VARIANTS)[number];
const warmupPhase = (v: Variant) => `warm-up with webhooks, ${v.label}`;
const runPhase = (v: Variant, round: number) => `run with webhooks, ${v.label}, round ${round}`;
const withoutPhase = (v: Variant, round: number) => `run without webhooks, ${v.label}, round ${round}`;

interface VariantResult {
  variant: Variant;
  rounds: Round[];
  without: Combined;
  with: Combined;
  /** Bookings with webhooks on ÷ bookings with them off, over its rounds (runs of equal length). */
  ratio: number;
  deliveries: VariantDeliveries;
  /** The database check after it, and the 201s it checked against. */
  bookings: Verification & { created201: number };
}

async function main(): Promise<void> {
  const started = Date.now();
  const env = environment(ROOT);
  const { url, serverVersion, prisma } = await prepareBench(run, flags["skip-build"] ?? false);
  let server: RunningServer | undefined;
  let sender: SenderProcess | undefined;
  let receiverProcess: ReceiverProcess | undefined;
  const outboxDir = mkdtempSync(path.join(tmpdir(), "slotbase-bench-mail-"));
  const senderOutboxDir = mkdtempSync(path.join(tmpdir(), "slotbase-bench-mail-sender-"));
  try {
    const data = await seedBookingsBench(prisma);
    const slotsPerDay = await checkSeed(data);
    const hosts: { userId: number; apiKey: string }[] = [];
    for (const host of data.load) hosts.push({ userId: host.userId, apiKey: (await createApiKey(prisma, { userId: host.userId, note: "bench:webhooks" })).key });
    await analyze(url);
    await prisma.$disconnect(); // from here on, the app's (and the sender's) connections are the database's only ones
    say(`seeded in ${(data.seedMs / 1000).toFixed(1)} s: ${LOAD_HOSTS} hosts free 24/7 (${slotsPerDay} slots a day each) with an API key each, slots from ${iso(data.firstSlot)}`);

    receiverProcess = await startReceivers(WEBHOOKS_PER_HOST);
    const { receivers } = receiverProcess;
    const receptions: Reception[] = [];
    const takeReceptions = async () => {
      for (const reception of await receiverProcess!.take()) receptions.push(reception);
    };
    const serverEnv = { DATABASE_URL: url, EMAIL_OUTBOX_DIR: outboxDir, NOTIFICATIONS_WORKER: "on", WEBHOOK_ALLOWED_PRIVATE_HOSTS: "127.0.0.1" };
    const emlFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".eml")).length;
    const emailsWritten = () => ({ app: emlFiles(outboxDir), senderProcess: emlFiles(senderOutboxDir) });
    const senderEnv = { DATABASE_URL: url, EMAIL_OUTBOX_DIR: senderOutboxDir, NODE_ENV: "production", WEBHOOK_ALLOWED_PRIVATE_HOSTS: "127.0.0.1", WEBHOOK_POLL_MS: "200", NOTIFICATIONS_POLL_MS: "200" };

    const created: CreatedBookings = new Map();
    let phase = "warm-up";
    let next = 0; // the next unused distinct (host, slot)
    let spec: (n: number) => HttpRequestSpec = () => {
      throw new Error("no app running");
    };
    /** The app for a deployment (and its sender process), then the first warm-up (as `warmup`), as every fresh app gets. */
    const startDeployment = async (variant: Variant, warmup: string) => {
      const appEnv = { ...serverEnv, WEBHOOK_WORKER: variant.webhookWorker };
      say(`starting the built app (emails: worker on, file transport; WEBHOOK_WORKER=${variant.webhookWorker})...`);
      server = await startBuiltServer(appEnv);
      say(`listening on ${server.baseUrl}`);
      if (variant.separateSender) {
        say("starting the sender process (yarn notifications:deliver --watch)...");
        sender = await startSenderProcess(senderEnv);
        say(`sender process group ${sender.pid} running`);
      }
      spec = bookingRequests(server.baseUrl, data, created, () => phase);
      phase = warmup;
      say(`warm-up: ${PARAMS.sequentialWarmup} sequential creates, then ${PARAMS.warmup.concurrency} in flight for ${PARAMS.warmup.durationMs / 1000} s`);
      await sequentialRequests(spec, { requests: PARAMS.sequentialWarmup, first: next });
      next += PARAMS.sequentialWarmup;
      next = (await concurrentRequests(spec, { ...PARAMS.warmup, first: next })).sent;
    };
    const stopDeployment = async () => {
      await sender?.stop();
      sender = undefined;
      await server?.stop();
      server = undefined;
    };
    const rows: ResultRow[] = [];

    say(`receivers on 127.0.0.1:${receivers.map((r) => r.port).join(", ")}`);
    await startDeployment(VARIANTS[0], "warm-up");
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

    const postgres = postgresProcessesOf(decodeURIComponent(new URL(url).pathname.slice(1)));
    /** The running app's and sender's process groups, PostgreSQL's processes, this process. */
    const groups = (): ProcessGroups => {
      const serverPid = server!.pid;
      const senderPid = sender?.pid;
      return {
        server: (p) => p.pgrp === serverPid,
        ...(senderPid === undefined ? {} : { senderProcess: (p: { pgrp: number }) => p.pgrp === senderPid }),
        postgres,
        loadGenerator: (p) => p.pid === process.pid,
        receivers: (p) => p.pid === receiverProcess!.pid,
      };
    };
    /** One throughput run, from delivered outboxes and fresh statistics, as bench:bookings' run. */
    const measure = async (name: string): Promise<MeasuredRun> => {
      say(`${name}: waiting for the outboxes (emails, webhooks) to drain, then ANALYZE...`);
      const emails = await waitForDelivery(url, data, PARAMS.drainTimeoutMs);
      expect(emails.drainedMs !== null, `the earlier phases' emails were still pending after ${PARAMS.drainTimeoutMs / 1000} s`);
      const hooks = await waitForWebhooks(url, PARAMS.drainTimeoutMs);
      expect(hooks.drainedMs !== null, `the earlier phases' webhook deliveries were still pending after ${PARAMS.drainTimeoutMs / 1000} s: ${JSON.stringify(hooks.status)}`);
      await analyze(url);
      noteLoad(name, env.cpu.cores);
      say(`${name}: ${concurrency} in flight for ${PARAMS.throughput.durationMs / 1000} s`);
      phase = name;
      const emailsAtStart = emailsWritten();
      const cpu = startCpuAccounting(groups());
      const startedAt = clock();
      const result = await concurrentRequests(spec, { concurrency, durationMs: PARAMS.throughput.durationMs, first: next });
      const endedAt = clock();
      const cpuUse = cpu.stop();
      const atEnd = emailsWritten();
      const emailsDuringRun = { app: atEnd.app - emailsAtStart.app, senderProcess: atEnd.senderProcess - emailsAtStart.senderProcess };
      next = result.sent;
      say(`  ${result.requestsPerSecond} bookings/s, p50 ${result.latency.p50.toFixed(1)} ms, p95 ${result.latency.p95.toFixed(1)} ms`);
      return { result, cpu: cpuUse, startedAt, endedAt, emailsAtStart, emailsDuringRun };
    };

    say(`subscribing: ${WEBHOOKS_PER_HOST} webhooks on each of the ${LOAD_HOSTS} hosts (POST /v1/webhooks with the host's key)`);
    const webhooks = await subscribe(server!.baseUrl, hosts, receivers);

    const results: VariantResult[] = [];
    const checkedRows = new Set<string>();
    let firstReception = 0;
    for (const variant of VARIANTS) {
      say(`--- webhooks sent by the ${variant.label} ---`);
      if (!server) await startDeployment(variant, warmupPhase(variant));
      phase = warmupPhase(variant);
      say(`warm-up with webhooks: ${PARAMS.warmup.concurrency} in flight for ${PARAMS.warmup.durationMs / 1000} s`);
      next = (await concurrentRequests(spec, { ...PARAMS.warmup, first: next })).sent;
      const rounds: Round[] = [];
      for (let round = 1; round <= PARAMS.rounds; round += 1) {
        // Off: the hosts have no active webhook, bookings queue no delivery (the same app, the same sender).
        // Not before the deliveries queued so far are sent: a webhook turned off sends nothing more.
        const before = await waitForWebhooks(url, PARAMS.drainTimeoutMs);
        expect(before.drainedMs !== null, `${variant.label}: deliveries still PENDING after ${PARAMS.drainTimeoutMs / 1000} s: ${JSON.stringify(before.status)}`);
        await setWebhooksActive(server!.baseUrl, hosts, webhooks, false);
        const without = await measure(withoutPhase(variant, round));
        await setWebhooksActive(server!.baseUrl, hosts, webhooks, true);
        const withWebhooks = await measure(runPhase(variant, round));
        const statusAtRunEnd = await deliveryStatus(url);
        say(`waiting until no delivery is PENDING (${JSON.stringify(statusAtRunEnd)} when the run ended)...`);
        const drained = await waitForWebhooks(url, PARAMS.drainTimeoutMs);
        const drainedAfterRunMs = Math.round(clock() - withWebhooks.endedAt);
        const senderGone = sender?.exited() ? `; the sender process had exited (${sender.exited()}):\n${sender.output()}` : "";
        expect(drained.drainedMs !== null, `${variant.label}: deliveries still PENDING ${PARAMS.drainTimeoutMs / 1000} s after the run: ${JSON.stringify(drained.status)}${senderGone}`);
        expect(!senderGone, `${variant.label}: the sender process exited during the run${senderGone}`);
        rounds.push({ without, with: withWebhooks, statusAtRunEnd, drainedAfterRunMs });
      }
      // Emails too: a stopped app leaves the rows its worker had claimed to wait out their lease.
      const emails = await waitForDelivery(url, data, PARAMS.drainTimeoutMs);
      expect(emails.drainedMs !== null, `${variant.label}: emails still pending ${PARAMS.drainTimeoutMs / 1000} s after the deliveries: ${JSON.stringify(emails.status)}`);
      await stopDeployment();

      say(`checking the bookings and the deliveries (${variant.label})...`);
      const bookings = { ...(await verify(url, data, [...created.keys()], 0)), created201: created.size };
      const deliveryRows = (await loadDeliveries(url)).filter((r) => !checkedRows.has(r.id));
      for (const r of deliveryRows) checkedRows.add(r.id);
      const runPhases = rounds.map((_, i) => runPhase(variant, i + 1));
      const withWebhooks = new Set(uidsOf(created, [warmupPhase(variant), ...runPhases]));
      const runs = rounds.map((r, i) => ({ uids: new Set(uidsOf(created, [runPhases[i]!])), startedAt: r.with.startedAt, endedAt: r.with.endedAt }));
      await takeReceptions();
      const deliveries = checkVariant(variant.label, deliveryRows, receptions.slice(firstReception), webhooks, created, withWebhooks, runs);
      firstReception = receptions.length;
      const without = combined(rounds.map((r) => r.without));
      const withCombined = combined(rounds.map((r) => r.with));
      const ratio = Math.round((withCombined.result.requestsPerSecond / without.result.requestsPerSecond) * 1000) / 1000;
      results.push({ variant, rounds, without, with: withCombined, ratio, deliveries, bookings });
    }
    await takeReceptions();
    await receiverProcess.close();
    say("checking all the deliveries together...");
    const allWithWebhooks = new Set(uidsOf(created, VARIANTS.flatMap((v) => [warmupPhase(v), ...Array.from({ length: PARAMS.rounds }, (_, i) => runPhase(v, i + 1))])));
    const total = checkDeliveries(await loadDeliveries(url), receptions, webhooks, created, allWithWebhooks);
    expectNoViolations("all deployments together", total);

    const runMode = (what: string) => `${PARAMS.rounds} × ${Math.round(PARAMS.throughput.durationMs / 1000)} s at ${concurrency} in flight, ${what}`;
    for (const r of results) {
      const targetRequestsPerSecond = Math.round(r.without.result.requestsPerSecond * MIN_RATIO * 10) / 10;
      rows.push({ scenario: LABEL, mode: runMode(`no webhooks (${r.variant.label} deployment)`), latency: r.without.result.latency, requestsPerSecond: r.without.result.requestsPerSecond });
      rows.push({ scenario: LABEL, mode: runMode(`${WEBHOOKS_PER_HOST} webhooks per host, ${r.variant.label}`), latency: r.with.result.latency, requestsPerSecond: r.with.result.requestsPerSecond, targetRequestsPerSecond });
    }
    const lagLabel = `webhook delivery lag, BOOKING_CREATED × ${WEBHOOKS_PER_HOST} per booking of the runs`;
    for (const r of results) {
      rows.push({ scenario: lagLabel, mode: `${r.variant.label}: first arrival − the booking's 201`, latency: r.deliveries.lag.fromResponse });
      rows.push({ scenario: lagLabel, mode: `${r.variant.label}: first arrival − queued (body createdAt)`, latency: r.deliveries.lag.fromQueued });
    }

    const share = (x: number | null | undefined) => (x === null || x === undefined ? "?" : `${Math.round(x * 100)}%`);
    const cpuText = (m: Combined) =>
      `${Object.entries(cpuPerBooking(m.cpu, m.result.requests)).map(([g, ms]) => `${g} ${ms} ms (${share(m.cpu.groups[g]!.shareOfMachine)} of the machine)`).join(", ")}; machine busy ${share(m.cpu.machineBusyShare)}; ` +
      `${(m.emailsDuringRun.app / m.result.requests).toFixed(2)} emails per booking sent by the app during the runs (2 queued)`;
    console.log(
      `\nPOST /v2/bookings on the built app, without and with ${WEBHOOKS_PER_HOST} webhooks on each of the ${LOAD_HOSTS} hosts (local receivers at nice ${RECEIVER_NICE}), rounds without and with in turn on the same deployment; ` +
        `the webhooks sent in-process, then by a separate process (nice ${SENDER_NICE}); ${env.cpu.cores} × ${env.cpu.model}, Node ${env.node}, PostgreSQL ${serverVersion}; emails delivered by the app's worker (file transport); app pool ${poolSettingsFromEnv().max}\n`,
    );
    console.log(formatTable(rows));
    for (const r of results) {
      const a = r.without.result;
      const b = r.with.result;
      const d = r.deliveries;
      const perRound = r.rounds.map((round) => `${round.without.result.requestsPerSecond} → ${round.with.result.requestsPerSecond}`).join(", ");
      console.log(
        `\n${r.variant.label}: throughput with webhooks ${b.requestsPerSecond} vs ${a.requestsPerSecond} bookings/s without = ${(r.ratio * 100).toFixed(1)}% ` +
          `(target ≥ ${MIN_RATIO * 100}%: ${r.ratio >= MIN_RATIO ? "pass" : "MISS"}); by round (without → with): ${perRound} bookings/s; p50 ${a.latency.p50.toFixed(1)} → ${b.latency.p50.toFixed(1)} ms, p95 ${a.latency.p95.toFixed(1)} → ${b.latency.p95.toFixed(1)} ms`,
      );
      console.log(
        `  delivery lag of the runs' ${d.lag.deliveries} deliveries: from the booking's 201 p50 ${d.lag.fromResponse.p50.toFixed(1)} ms, p99 ${d.lag.fromResponse.p99.toFixed(1)} ms ` +
          `(${d.lag.beforeResponse} arrived before the 201 was read); from queueing p50 ${d.lag.fromQueued.p50.toFixed(1)} ms, p99 ${d.lag.fromQueued.p99.toFixed(1)} ms`,
      );
      console.log(
        `  ${d.arrivedDuringRun} of them arrived during their run, all by ${(Math.max(...r.rounds.map((x) => x.drainedAfterRunMs)) / 1000).toFixed(1)} s after it (at the end of each run: ${r.rounds.map((x) => JSON.stringify(x.statusAtRunEnd)).join(", ")}); ` +
          `sent at ${d.senderDeliveriesPerSecond}/s from each run's start to its last delivery (${(b.requestsPerSecond * WEBHOOKS_PER_HOST).toFixed(1)}/s were queued)`,
      );
      console.log(`  CPU per booking without: ${cpuText(r.without)}`);
      console.log(`  CPU per booking with:    ${cpuText(r.with)}`);
      console.log(`  verified: ${r.bookings.acceptedLoadBookings} ACCEPTED bookings so far = ${r.bookings.created201} × 201, no overlap; ${describeCounts(d.counts)}`);
    }
    console.log(`\nAll deployments together (${webhooks.length} webhooks): ${describeCounts(total.counts)}`);
    if (flags.markdown) console.log(`\n${formatMarkdown(rows)}`);

    const json = {
      benchmark: "webhooks",
      quick,
      ...env,
      database: { server: `PostgreSQL ${serverVersion}`, where: describeDatabase(url), appPool: poolSettingsFromEnv() },
      setup: {
        loadHosts: LOAD_HOSTS,
        webhooksPerHost: WEBHOOKS_PER_HOST,
        webhooks: webhooks.length,
        receivers: `node:http on 127.0.0.1, in a process of their own at nice ${RECEIVER_NICE} (the subscribers' servers, other machines in production), 200 at once; signatures and bodies checked after each deployment`,
        eventTriggers: TRIGGERS,
        rounds: "per deployment: rounds of a run with every webhook turned off (PATCH active: false), then one with them on, on the same app (and sender); the ratio compares the sums",
        serverEnv: {
          WEBHOOK_ALLOWED_PRIVATE_HOSTS: serverEnv.WEBHOOK_ALLOWED_PRIVATE_HOSTS,
          ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith("WEBHOOK_") && k !== "WEBHOOK_WORKER")),
          WEBHOOK_WORKER: Object.fromEntries(VARIANTS.map((v) => [v.key, v.webhookWorker])),
          emails: "worker on, file transport (EMAIL_OUTBOX_DIR, a temporary directory)",
        },
        senderProcess: {
          command: `nice -n ${SENDER_NICE} yarn notifications:deliver --watch --only webhooks (its own process group, started with the app of separateProcess, stopped after its deliveries were all SUCCEEDED)`,
          env: Object.fromEntries(Object.entries(senderEnv).filter(([k]) => k !== "DATABASE_URL" && k !== "EMAIL_OUTBOX_DIR")),
        },
      },
      data: { slotMinutes: SLOT_MINUTES, slotsPerHostPerDay: slotsPerDay, firstSlot: iso(data.firstSlot), lastLoadSlot: iso(loadSlot(data, next - 1).start) },
      parameters: { ...PARAMS, throughput: { ...PARAMS.throughput, concurrency } },
      target: { minRatio: MIN_RATIO, ...Object.fromEntries(results.map((r) => [r.variant.key, { ratio: r.ratio, pass: r.ratio >= MIN_RATIO }])) },
      deployments: Object.fromEntries(
        results.map((r) => [
          r.variant.key,
          {
            deployment: r.variant.label,
            ratio: r.ratio,
            withoutWebhooks: runSummary(r.without),
            withWebhooks: runSummary(r.with),
            rounds: r.rounds.map((round) => ({
              withoutBookingsPerSecond: round.without.result.requestsPerSecond,
              withBookingsPerSecond: round.with.result.requestsPerSecond,
              statusAtRunEnd: round.statusAtRunEnd,
              drainedAfterRunMs: round.drainedAfterRunMs,
            })),
            delivery: {
              deliveriesOfRuns: r.deliveries.deliveriesOfRun,
              arrivedDuringTheirRun: r.deliveries.arrivedDuringRun,
              senderDeliveriesPerSecond: r.deliveries.senderDeliveriesPerSecond,
              lagMs: r.deliveries.lag,
            },
            verification: { deliveries: r.deliveries.counts, bookings: r.bookings },
          },
        ]),
      ),
      verification: { deliveries: total.counts, bookingsCreated201: created.size },
      sweep: sweep.map((s) => ({ concurrency: s.concurrency, durationMs: s.durationMs, bookings: s.requests, bookingsPerSecond: s.requestsPerSecond, latency: s.latency })),
      loadAverageAtStart: loadAtStart,
      results: rows.map((row) => ({ ...row, pass: passed(row) })),
      durationSeconds: Math.round((Date.now() - started) / 1000),
    };
    reportResults(outFile, json, rows, (r) => `${r.mode}: ${r.requestsPerSecond} bookings/s < ${r.targetRequestsPerSecond} (${MIN_RATIO * 100}% of the rounds without)`);
  } catch (error) {
    if (process.env.BENCH_DEBUG) say(`the app's last output:\n${server?.output() ?? "(not running)"}\nthe sender process's:\n${sender?.output() ?? "(not running)"}`);
    throw error;
  } finally {
    await sender?.stop();
    await server?.stop();
    await receiverProcess?.close();
    await prisma.$disconnect();
    rmSync(outboxDir, { recursive: true, force: true });
    rmSync(senderOutboxDir, { recursive: true, force: true });
  }
}

runBench("bench:webhooks", main);
