// bench:webhooks, the subscribers' side: local node:http receivers on 127.0.0.1 that answer
// every delivery 200 at once, and the webhooks that point at them, created through the API with
// each host's own key (POST /v1/webhooks). The receivers stand in for the subscribers' servers,
// which are other machines in production: they run in a process of their own at the lowest CPU
// priority (nice 19), so that on this machine they take what the app and PostgreSQL leave idle,
// and their CPU is measured apart. What arrived is checked here after the runs: delivery id,
// attempt, arrival time, whether the X-Cal-Signature-256 matches the raw body, what the body says.
//
// One receiver per webhook slot: the k-th webhook of every host posts to receiver k, at the
// path /hooks/<host's user id>, signed with a secret of its own; the path names the secret.
import { fork } from "node:child_process";
import { createHmac, randomBytes } from "node:crypto";
import { setPriority } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { timedRequest } from "./lib/http-load";
import { ROOT } from "./lib/server";
import type { RawReception } from "./webhooks-receiver-process";

/** Epoch milliseconds, sub-millisecond: the one clock for booking responses and arrivals. */
export const clock = (): number => performance.timeOrigin + performance.now();

/** The receivers' CPU priority (`nice`): the lowest. */
export const RECEIVER_NICE = 19;

export interface Reception {
  receiver: number;
  path: string;
  deliveryId: string | null;
  attempt: number | null;
  /** X-Slotbase-Event. */
  event: string | null;
  arrivedAt: number;
  signatureValid: boolean;
  triggerEvent: string | null;
  uid: string | null;
  bookingId: number | null;
  /** The body's createdAt (the app's clock when it queued the delivery), epoch ms. */
  createdAt: number | null;
  /** Anything wrong with the request itself (unknown path, a body that is not JSON…). */
  problem: string | null;
}

export interface Receiver {
  index: number;
  port: number;
  /** The secret each path's webhook signs with. */
  secrets: Map<string, string>;
}

export interface ReceiverProcess {
  pid: number;
  receivers: Receiver[];
  /** What arrived since the last take, checked. */
  take(): Promise<Reception[]>;
  close(): Promise<void>;
}

function record(raw: RawReception, secrets: Map<string, string>): Reception {
  const secret = secrets.get(raw.path);
  const attempt = Number(raw.attempt);
  const reception: Reception = {
    receiver: raw.receiver,
    path: raw.path,
    deliveryId: raw.deliveryId,
    attempt: Number.isInteger(attempt) && attempt > 0 ? attempt : null,
    event: raw.event,
    arrivedAt: raw.arrivedAt,
    // The exact bytes received, as a subscriber must verify them.
    signatureValid: secret !== undefined && raw.signature === createHmac("sha256", secret).update(raw.body, "utf8").digest("hex"),
    triggerEvent: null,
    uid: null,
    bookingId: null,
    createdAt: null,
    problem: raw.method !== "POST" ? `${raw.method} instead of POST` : secret === undefined ? `no webhook posts to ${raw.path}` : null,
  };
  try {
    const body = JSON.parse(raw.body) as { triggerEvent?: unknown; createdAt?: unknown; payload?: { uid?: unknown; bookingId?: unknown } };
    reception.triggerEvent = typeof body.triggerEvent === "string" ? body.triggerEvent : null;
    reception.createdAt = typeof body.createdAt === "string" ? Date.parse(body.createdAt) : null;
    reception.uid = typeof body.payload?.uid === "string" ? body.payload.uid : null;
    reception.bookingId = typeof body.payload?.bookingId === "number" ? body.payload.bookingId : null;
  } catch {
    reception.problem ??= "the body is not JSON";
  }
  return reception;
}

/** Starts `count` receivers on free ports of 127.0.0.1, in a child process at nice RECEIVER_NICE. */
export async function startReceivers(count: number): Promise<ReceiverProcess> {
  // This process runs under tsx: the child inherits its loader (execArgv) and runs the .ts file.
  const child = fork(path.join(ROOT, "scripts", "bench", "webhooks-receiver-process.ts"), [String(count)], { cwd: ROOT, stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const ports = await new Promise<number[]>((resolve, reject) => {
    child.once("message", (message) => resolve((message as { ports: number[] }).ports));
    child.once("exit", (code) => reject(new Error(`the receiver process exited (${code}) before it listened`)));
  });
  setPriority(child.pid!, RECEIVER_NICE);
  const receivers = ports.map((port, index) => ({ index, port, secrets: new Map<string, string>() }));
  return {
    pid: child.pid!,
    receivers,
    take: () =>
      new Promise<Reception[]>((resolve, reject) => {
        child.once("message", (message) => resolve((message as { receptions: RawReception[] }).receptions.map((raw) => record(raw, receivers[raw.receiver]!.secrets))));
        child.send("take", (error) => error && reject(error));
      }),
    close: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill();
      await exited;
    },
  };
}

export interface BenchWebhook {
  id: string;
  userId: number;
  receiver: number;
  path: string;
  secret: string;
}

/** The events the webhooks subscribe to (as the README's example); the load only creates bookings. */
export const TRIGGERS = ["BOOKING_CREATED", "BOOKING_RESCHEDULED", "BOOKING_CANCELLED"];

/** One webhook per receiver on each host, created with the host's key; checks each answer. */
export async function subscribe(baseUrl: string, hosts: { userId: number; apiKey: string }[], receivers: Receiver[]): Promise<BenchWebhook[]> {
  const webhooks: BenchWebhook[] = [];
  for (const host of hosts) {
    for (const receiver of receivers) {
      const path = `/hooks/${host.userId}`;
      const secret = `whsec_${randomBytes(24).toString("hex")}`;
      receiver.secrets.set(path, secret);
      const subscriberUrl = `http://127.0.0.1:${receiver.port}${path}`;
      const { body } = await timedRequest({
        method: "POST",
        url: `${baseUrl}/v1/webhooks`,
        headers: { Authorization: `Bearer ${host.apiKey}`, "Content-Type": "application/json" },
        body: JSON.stringify({ subscriberUrl, eventTriggers: TRIGGERS, active: true, secret }),
        check: (status, text) => {
          if (status !== 201) return "expected 201";
          const webhook = (JSON.parse(text) as { webhook?: { id?: unknown; userId?: unknown; active?: unknown; hasSecret?: unknown; subscriberUrl?: unknown } }).webhook;
          if (typeof webhook?.id !== "string") return "no webhook id";
          if (webhook.userId !== host.userId || webhook.active !== true || webhook.hasSecret !== true || webhook.subscriberUrl !== subscriberUrl) return "not the webhook asked for";
          return null;
        },
      });
      webhooks.push({ id: (JSON.parse(body) as { webhook: { id: string } }).webhook.id, userId: host.userId, receiver: receiver.index, path, secret });
    }
  }
  return webhooks;
}

/** Turns every webhook on or off (PATCH /v1/webhooks/{id} with its host's key): off, bookings queue no deliveries. */
export async function setWebhooksActive(baseUrl: string, hosts: { userId: number; apiKey: string }[], webhooks: BenchWebhook[], active: boolean): Promise<void> {
  const keys = new Map(hosts.map((h) => [h.userId, h.apiKey]));
  for (const webhook of webhooks) {
    await timedRequest({
      method: "PATCH",
      url: `${baseUrl}/v1/webhooks/${webhook.id}`,
      headers: { Authorization: `Bearer ${keys.get(webhook.userId)}`, "Content-Type": "application/json" },
      body: JSON.stringify({ active }),
      check: (status, text) => (status === 200 && (JSON.parse(text) as { webhook?: { active?: unknown } }).webhook?.active === active ? null : `expected 200 with active: ${active}`),
    });
  }
}
