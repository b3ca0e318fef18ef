// `yarn bench:webhooks-floor`: what one webhook delivery costs on this machine before any
// database work, next to the share of a booking's CPU that bench:webhooks' target leaves for it.
//
// A local receiver (webhooks-receiver.ts: node:http in a process of its own, as bench:webhooks'
// receivers) gets POSTs of a realistic body (a BOOKING_CREATED event as the bench sends it,
// 1.2 KB), 20 at once, from three clients in turn:
//   - bare undici (the sender's HTTP client, kept connections), no checks, no signature;
//   - bare node:http with a keep-alive agent (what the sender used before undici);
//   - the sender's own path minus the database: the body signed (HMAC-SHA256) and sent with
//     safePost (the SSRF-checked undici pool, timeouts, capped response read).
// For each: CPU per request of this process (the client) and of the receiver process, from
// /proc, after a warm-up. The budget line reads bench/results/webhooks.json: 15% of the CPU a
// booking used without webhooks (app, PostgreSQL, load generator), for its 3 deliveries.
//
// Options: --quick (fewer requests, writes nothing unless --out), --out <file>, --requests <n>.
import { readFileSync } from "node:fs";
import { Agent as HttpAgent, request as httpRequest } from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import { Agent } from "undici";
import { safePost, targetPolicyFromEnv } from "@slotbase/features/webhooks/delivery";
import { signature } from "@slotbase/features/webhooks/sign";
import { startCpuAccounting } from "./lib/cpu";
import { environment, writeJson } from "./lib/report";
import { benchRun, expect, runBench } from "./lib/run";
import { ROOT } from "./lib/server";
import { startReceivers } from "./webhooks-receiver";

const { values: flags } = parseArgs({ options: { quick: { type: "boolean", default: false }, out: { type: "string" }, requests: { type: "string" } } });
const quick = flags.quick ?? false;
const REQUESTS = Number(flags.requests ?? (quick ? 2_000 : 20_000));
const CONCURRENCY = 20;
const WEBHOOKS_PER_BOOKING = 3;
const MAX_SHARE = 0.15;
const outFile = flags.out ?? (quick ? null : path.join(ROOT, "bench", "results", "webhooks-floor.json"));
const run = benchRun("bench:webhooks-floor");

/** A BOOKING_CREATED body as bench:webhooks sends it (the shape and size of a real one). */
const BODY = JSON.stringify({
  payload: {
    uid: "8f9e6b0c-3d2a-4c1b-9e8f-7a6b5c4d3e2f",
    type: "bench-15",
    title: "15 min between Host 7 and Load Booker",
    length: 15,
    status: "ACCEPTED",
    bookingId: 123456,
    startTime: "2026-12-14T09:00:00.000Z",
    endTime: "2026-12-14T09:15:00.000Z",
    organizer: { id: 7, name: "Host 7", email: "host7@bench.example", username: "host7", timeZone: "UTC", timeFormat: 24, locale: "en", language: { locale: "en" } },
    attendees: [{ name: "Load Booker", email: "booker@bench.example", timeZone: "Europe/Berlin", firstName: "Load", lastName: "Booker", locale: "en", language: { locale: "en" } }],
    location: "integrations:daily",
    metadata: {},
    responses: { name: { label: "your_name", value: "Load Booker" }, email: { label: "email_address", value: "booker@bench.example" } },
    customInputs: {},
    description: null,
    eventTypeId: 42,
    iCalUID: "8f9e6b0c-3d2a-4c1b-9e8f-7a6b5c4d3e2f@slotbase",
    iCalSequence: 0,
    destinationCalendar: null,
    cancellationReason: null,
    rejectionReason: null,
    price: 0,
    currency: "usd",
    requiresConfirmation: false,
    seatsPerTimeSlot: null,
    seatsShowAttendees: false,
  },
  createdAt: "2026-12-06T12:00:00.000Z",
  triggerEvent: "BOOKING_CREATED",
});
const SECRET = "whsec_0123456789abcdef0123456789abcdef";
const HEADERS = { "Content-Type": "application/json", "X-Slotbase-Event": "BOOKING_CREATED", "X-Slotbase-Delivery-Attempt": "1" };

type Client = { name: string; send: (url: string, n: number) => Promise<number> };

async function measure(client: Client, url: string, receiverPid: number, requests: number) {
  let next = 0;
  let failures = 0;
  const burst = async (count: number) => {
    next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < count) {
          const n = next++;
          if ((await client.send(url, n)) !== 200) failures += 1;
        }
      }),
    );
  };
  await burst(Math.min(2_000, requests)); // warm-up: JIT, connections
  const cpu = startCpuAccounting({ client: (p) => p.pid === process.pid, receiver: (p) => p.pid === receiverPid });
  const started = performance.now();
  await burst(requests);
  const seconds = (performance.now() - started) / 1000;
  const use = cpu.stop();
  expect(failures === 0, `${client.name}: ${failures} requests did not get a 200`);
  const perRequest = (group: string) => Math.round(((use.groups[group]!.cpuSeconds * 1e6) / requests) * 10) / 10;
  return { client: client.name, requests, requestsPerSecond: Math.round(requests / seconds), clientCpuUsPerRequest: perRequest("client"), receiverCpuUsPerRequest: perRequest("receiver") };
}

/** 15% of what a booking cost without webhooks in the latest bench:webhooks, per delivery. */
function budget(): { perDeliveryUs: number; bookingCpuMs: number; source: string } | null {
  try {
    const results = JSON.parse(readFileSync(path.join(ROOT, "bench", "results", "webhooks.json"), "utf8")) as {
      date: string;
      deployments: { inProcess: { withoutWebhooks: { cpuMsPerBooking: Record<string, number> } } };
    };
    const perBooking = results.deployments.inProcess.withoutWebhooks.cpuMsPerBooking;
    const bookingCpuMs = Math.round(Object.values(perBooking).reduce((a, b) => a + b, 0) * 100) / 100;
    return { bookingCpuMs, perDeliveryUs: Math.round((bookingCpuMs * 1000 * MAX_SHARE) / WEBHOOKS_PER_BOOKING), source: `bench/results/webhooks.json of ${results.date}` };
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const env = environment(ROOT);
  const receivers = await startReceivers(1);
  try {
    const url = `http://127.0.0.1:${receivers.receivers[0]!.port}/hooks/1`;
    const undiciPool = new Agent({ keepAliveTimeout: 4_000 });
    const httpAgent = new HttpAgent({ keepAlive: true, maxFreeSockets: 16 });
    const policy = targetPolicyFromEnv({ WEBHOOK_ALLOWED_PRIVATE_HOSTS: "127.0.0.1" });
    const clients: Client[] = [
      {
        name: "bare undici",
        send: async (target) => {
          const response = await undiciPool.request({ origin: new URL(target).origin, path: "/hooks/1", method: "POST", headers: HEADERS, body: BODY });
          await response.body.text();
          return response.statusCode;
        },
      },
      {
        name: "bare node:http",
        send: (target) =>
          new Promise((resolve, reject) => {
            const request = httpRequest(target, { method: "POST", agent: httpAgent, headers: { ...HEADERS, "Content-Length": String(Buffer.byteLength(BODY)) } }, (response) => {
              response.resume();
              response.on("end", () => resolve(response.statusCode ?? 0));
            });
            request.on("error", reject);
            request.end(BODY);
          }),
      },
      {
        name: "signed + safePost (the sender without its database work)",
        send: async (target, n) => {
          const headers = { ...HEADERS, "X-Cal-Signature-256": signature(BODY, SECRET), "X-Slotbase-Delivery-Id": `floor-${n}` };
          const outcome = await safePost(target, { headers, body: BODY }, { policy, connectTimeoutMs: 5_000, totalTimeoutMs: 15_000, maxResponseBytes: 4096 });
          return outcome.kind === "response" ? outcome.status : 0;
        },
      },
    ];
    const rows = [];
    for (const client of clients) {
      run.noteLoad(client.name, env.cpu.cores);
      run.say(`${client.name}: ${REQUESTS} POSTs of ${Buffer.byteLength(BODY)} bytes, ${CONCURRENCY} at once`);
      rows.push(await measure(client, url, receivers.pid, REQUESTS));
      await receivers.take(); // what arrived is not kept
    }
    await undiciPool.close();
    httpAgent.destroy();

    const limit = budget();
    console.log(`\nCPU per webhook request on this machine (${env.cpu.cores} × ${env.cpu.model}, Node ${env.node}), receiver: node:http in its own process\n`);
    console.log(`${"client".padEnd(56)}  ${"req/s".padStart(6)}  ${"client µs".padStart(9)}  ${"receiver µs".padStart(11)}  ${"both µs".padStart(7)}`);
    for (const r of rows) {
      console.log(`${r.client.padEnd(56)}  ${String(r.requestsPerSecond).padStart(6)}  ${r.clientCpuUsPerRequest.toFixed(1).padStart(9)}  ${r.receiverCpuUsPerRequest.toFixed(1).padStart(11)}  ${(r.clientCpuUsPerRequest + r.receiverCpuUsPerRequest).toFixed(1).padStart(7)}`);
    }
    if (limit) {
      console.log(
        `\nbench:webhooks' target leaves ${limit.perDeliveryUs} µs of CPU per delivery (15% of ${limit.bookingCpuMs} ms per booking without webhooks, ${WEBHOOKS_PER_BOOKING} deliveries; ${limit.source}),` +
          ` for the client, the receiver and every database write of the delivery together.`,
      );
    }
    if (outFile) {
      writeJson(outFile, { benchmark: "webhooks-floor", quick, ...env, parameters: { requests: REQUESTS, concurrency: CONCURRENCY, bodyBytes: Buffer.byteLength(BODY) }, budget: limit, results: rows, loadAverageAtStart: run.loadAtStart });
      console.log(`\nwrote ${path.relative(process.cwd(), outFile)}`);
    }
  } finally {
    await receivers.close();
  }
}

runBench("bench:webhooks-floor", main);
