// A tiny round-robin HTTP proxy for `bench:bookings --instances 2`, as its own process (its CPU
// is counted apart from the load generator's): `tsx scripts/bench/round-robin-proxy.ts
// <upstream-port>...` listens on a free port on 127.0.0.1 and prints "listening <port>". Each
// request goes to the next upstream in turn, over keep-alive connections.
import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from "node:http";

const upstreams = process.argv.slice(2).map(Number);
if (upstreams.length === 0 || upstreams.some((p) => !Number.isInteger(p) || p <= 0)) {
  console.error("Usage: tsx scripts/bench/round-robin-proxy.ts <upstream-port>...");
  process.exit(1);
}
const agent = new Agent({ keepAlive: true, maxSockets: 256 });
let next = 0;

/**
 * Forwards the (buffered) request. An upstream closes idle keep-alive connections (after its
 * keep-alive timeout): a request that fails on a reused one before any answer is sent again,
 * on the next free connection or a new one (each failure drops one stale connection).
 */
function forward(req: IncomingMessage, res: ServerResponse, body: Buffer, port: number): void {
  const upstream = request({ host: "127.0.0.1", port, method: req.method, path: req.url, headers: req.headers, agent }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on("error", (error: NodeJS.ErrnoException) => {
    if (upstream.reusedSocket && error.code === "ECONNRESET" && !res.headersSent) return forward(req, res, body, port);
    if (!res.headersSent) res.writeHead(502, { "Content-Type": "text/plain" });
    res.end(`proxy: upstream 127.0.0.1:${port}: ${error.message}`);
  });
  upstream.end(body);
}

const server = createServer((req, res) => {
  const port = upstreams[next]!;
  next = (next + 1) % upstreams.length;
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => forward(req, res, Buffer.concat(chunks), port));
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  console.log(`listening ${typeof address === "object" && address ? address.port : "?"}`);
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(0));
