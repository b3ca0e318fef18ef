// bench:webhooks, the subscribers' side: local node:http receivers on 127.0.0.1 that answer
// every delivery 200 at once and record it (delivery id, attempt, arrival time, whether the
// X-Cal-Signature-256 matches the raw body, what the body says), and the webhooks that point
// at them, created through the API with each host's own key (POST /v1/webhooks).
//
// One receiver per webhook slot: the k-th webhook of every host posts to receiver k, at the
// path /hooks/<host's user id>, signed with a secret of its own; the path names the secret.
import { createHmac, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { timedRequest } from "./lib/http-load";

/** Epoch milliseconds, sub-millisecond: the one clock for booking responses and arrivals. */
export const clock = (): number => performance.timeOrigin + performance.now();

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
  close(): Promise<void>;
}

const header = (request: IncomingMessage, name: string): string | null => {
  const value = request.headers[name];
  return typeof value === "string" ? value : null;
};

function record(index: number, request: IncomingMessage, raw: Buffer, arrivedAt: number, secrets: Map<string, string>): Reception {
  const path = request.url ?? "";
  const secret = secrets.get(path);
  const attempt = Number(header(request, "x-slotbase-delivery-attempt"));
  const reception: Reception = {
    receiver: index,
    path,
    deliveryId: header(request, "x-slotbase-delivery-id"),
    attempt: Number.isInteger(attempt) && attempt > 0 ? attempt : null,
    event: header(request, "x-slotbase-event"),
    arrivedAt,
    // The exact bytes received, as a subscriber must verify them.
    signatureValid: secret !== undefined && header(request, "x-cal-signature-256") === createHmac("sha256", secret).update(raw).digest("hex"),
    triggerEvent: null,
    uid: null,
    bookingId: null,
    createdAt: null,
    problem: request.method !== "POST" ? `${request.method} instead of POST` : secret === undefined ? `no webhook posts to ${path}` : null,
  };
  try {
    const body = JSON.parse(raw.toString("utf8")) as { triggerEvent?: unknown; createdAt?: unknown; payload?: { uid?: unknown; bookingId?: unknown } };
    reception.triggerEvent = typeof body.triggerEvent === "string" ? body.triggerEvent : null;
    reception.createdAt = typeof body.createdAt === "string" ? Date.parse(body.createdAt) : null;
    reception.uid = typeof body.payload?.uid === "string" ? body.payload.uid : null;
    reception.bookingId = typeof body.payload?.bookingId === "number" ? body.payload.bookingId : null;
  } catch {
    reception.problem ??= "the body is not JSON";
  }
  return reception;
}

/** Starts a receiver on a free port of 127.0.0.1; every delivery it gets lands in `receptions`. */
export function startReceiver(index: number, receptions: Reception[]): Promise<Receiver> {
  const secrets = new Map<string, string>();
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const arrivedAt = clock();
      response.writeHead(200, { "Content-Type": "text/plain" }).end("ok");
      receptions.push(record(index, request, Buffer.concat(chunks), arrivedAt, secrets));
    });
  });
  return new Promise((resolve, reject) => {
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        index,
        port,
        secrets,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
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
