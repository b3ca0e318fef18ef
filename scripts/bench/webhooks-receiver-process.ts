// bench:webhooks, the subscribers' servers: `count` node:http receivers on 127.0.0.1 in a process
// of their own (started by webhooks-receiver.ts, at the lowest CPU priority). Each answers every
// request 200 at once and keeps what arrived (the raw body and the headers a subscriber reads);
// the parent takes them over IPC and checks them after the runs.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";

export interface RawReception {
  receiver: number;
  path: string;
  method: string;
  deliveryId: string | null;
  attempt: string | null;
  event: string | null;
  signature: string | null;
  body: string;
  /** Epoch milliseconds, sub-millisecond (the parent's clock is the same wall clock). */
  arrivedAt: number;
}

const header = (request: IncomingMessage, name: string): string | null => {
  const value = request.headers[name];
  return typeof value === "string" ? value : null;
};

let received: RawReception[] = [];

function startServer(index: number): Promise<number> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const arrivedAt = performance.timeOrigin + performance.now();
      response.writeHead(200, { "Content-Type": "text/plain" }).end("ok");
      received.push({
        receiver: index,
        path: request.url ?? "",
        method: request.method ?? "",
        deliveryId: header(request, "x-slotbase-delivery-id"),
        attempt: header(request, "x-slotbase-delivery-attempt"),
        event: header(request, "x-slotbase-event"),
        signature: header(request, "x-cal-signature-256"),
        body: Buffer.concat(chunks).toString("utf8"),
        arrivedAt,
      });
    });
  });
  return new Promise((resolve, reject) => {
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port));
  });
}

async function main(): Promise<void> {
  const count = Number(process.argv[2]);
  const ports: number[] = [];
  for (let index = 0; index < count; index += 1) ports.push(await startServer(index));
  process.on("message", (message) => {
    if (message !== "take") return;
    const batch = received;
    received = [];
    process.send!({ receptions: batch });
  });
  process.on("disconnect", () => process.exit(0));
  process.send!({ ports });
}

void main();
