import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { deliverDueWebhooks } from "@slotbase/features";
import { getPrisma, type WebhookTriggerEvents } from "@slotbase/prisma";
import type { Caller } from "./fixtures";

/** Lets tests subscribe a receiver on 127.0.0.1 (private addresses are refused otherwise). */
export function allowLocalReceivers(): void {
  process.env.WEBHOOK_ALLOWED_PRIVATE_HOSTS = "127.0.0.1";
  process.env.WEBHOOK_RETRY_SCHEDULE = "0,0,0";
  process.env.WEBHOOK_TIMEOUT_MS = "1000";
}

export interface Received {
  headers: IncomingMessage["headers"];
  body: string;
  json: unknown;
  /** Whether X-Cal-Signature-256 is the HMAC of the exact body with the receiver's secret. */
  signatureValid: boolean;
}

export type ReceiverMode = "ok" | "error" | "hang";

/** A real HTTP receiver (node:http) on 127.0.0.1 that records what it is sent and checks signatures. */
export interface Receiver {
  url: string;
  received: Received[];
  mode: ReceiverMode;
  close(): Promise<void>;
}

const blankReceiver = (): Receiver => ({ url: "", received: [], mode: "ok", close: async () => undefined });

/** Starts a receiver; given `receiver`, that object is the one that listens and records. */
export async function startReceiver(secret: string | null, receiver: Receiver = blankReceiver()): Promise<Receiver> {
  const hanging: ServerResponse[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      if (receiver.mode === "hang") {
        hanging.push(res);
        return;
      }
      const body = Buffer.concat(chunks).toString("utf8");
      const expected = secret ? createHmac("sha256", secret).update(body).digest("hex") : "no-secret-provided";
      let json: unknown = null;
      try {
        json = JSON.parse(body);
      } catch {
        json = null;
      }
      if (receiver.mode === "ok") receiver.received.push({ headers: req.headers, body, json, signatureValid: req.headers["x-cal-signature-256"] === expected });
      res.writeHead(receiver.mode === "ok" ? 200 : 503, { "Content-Type": "text/plain" });
      res.end(receiver.mode === "ok" ? "thanks" : "down for maintenance");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  receiver.close = async () => {
    for (const res of hanging) res.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return receiver;
}

/**
 * One receiver for a test file: started before its tests, closed after them, emptied (and
 * answering "ok") before each. The object exists from the start; its url is set once it listens.
 */
export function useReceiver(secret: string | null): Receiver {
  const receiver = blankReceiver();
  beforeAll(() => startReceiver(secret, receiver));
  afterAll(() => receiver.close());
  beforeEach(() => {
    receiver.received.length = 0;
    receiver.mode = "ok";
  });
  return receiver;
}

/** Runs delivery passes until nothing is due (retries in tests are due at once). */
export async function deliverAllDueWebhooks(): Promise<void> {
  for (let i = 0; i < 10; i += 1) {
    const { delivered, retried, failed } = await deliverDueWebhooks();
    if (delivered + retried + failed === 0) return;
  }
}

/** A webhook row owned by `owner` (for matrices that need one to exist). */
export async function createWebhookRow(owner: Caller, data: { subscriberUrl?: string; eventTriggers?: WebhookTriggerEvents[]; eventTypeId?: number; secret?: string } = {}) {
  const prisma = await getPrisma();
  return prisma.webhook.create({
    data: {
      userId: owner.user.id,
      subscriberUrl: data.subscriberUrl ?? "https://hooks.example.com/slotbase",
      eventTriggers: data.eventTriggers ?? ["BOOKING_CREATED"],
      eventTypeId: data.eventTypeId ?? null,
      secret: data.secret ?? null,
    },
  });
}
