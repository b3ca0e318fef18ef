import dns from "node:dns";
import { lookup } from "node:dns/promises";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { createServer as createNetServer, type AddressInfo, type Socket } from "node:net";
import { safePost, targetPolicyFromEnv, type SafePostOptions, type TargetPolicy } from "../../../webhooks/delivery";

type Received = { method: string; url: string; headers: IncomingHttpHeaders; body: string };

const BIG_BODY = "x".repeat(1024 * 1024);

/** A receiver on `host`, port 0, recording every request it gets. */
async function startReceiver(host: string): Promise<{ server: Server; port: number; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      switch (new URL(req.url ?? "/", "http://receiver").pathname) {
        case "/hook":
          res.writeHead(201, { "Content-Type": "text/plain" }).end("thanks ✓");
          return;
        case "/hook-close":
          res.writeHead(201, { "Content-Type": "text/plain", Connection: "close" }).end("thanks, bye");
          return;
        case "/redirect":
          res.writeHead(302, { Location: "/redirect-target" }).end("moved");
          return;
        case "/big":
          res.writeHead(200, { "Content-Type": "text/plain" });
          res.on("error", () => undefined); // the client stops reading: writes may fail
          res.end(BIG_BODY);
          return;
        case "/silent":
          return; // accepts the request, never answers
        default:
          res.writeHead(200).end("ok");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return { server, port: (server.address() as AddressInfo).port, received };
}

async function stop(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** A port nobody listens on (bound, then released). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const payload = { headers: { "Content-Type": "application/json", "X-Slotbase-Signature": "sha256=abc123" }, body: JSON.stringify({ event: "BOOKING_CREATED", title: "Café ☕" }) };

function options(policy: TargetPolicy, overrides: Partial<SafePostOptions> = {}): SafePostOptions {
  return { policy, connectTimeoutMs: 1000, totalTimeoutMs: 2000, maxResponseBytes: 64 * 1024, ...overrides };
}

let receiver: Awaited<ReturnType<typeof startReceiver>>;
let base: string;
let allowed: TargetPolicy;

beforeAll(async () => {
  receiver = await startReceiver("127.0.0.1");
  base = `http://127.0.0.1:${receiver.port}`;
  allowed = targetPolicyFromEnv({ WEBHOOK_ALLOWED_PRIVATE_HOSTS: `127.0.0.1:${receiver.port}` });
});
afterAll(async () => {
  await stop(receiver.server);
});
beforeEach(() => {
  receiver.received.length = 0;
});

describe("safePost", () => {
  it("refuses a private address that is not listed, without sending anything", async () => {
    const outcome = await safePost(`${base}/hook`, payload, options(targetPolicyFromEnv({ WEBHOOK_ALLOW_HTTP: "true" })));
    expect(outcome).toMatchObject({ kind: "refused" });
    if (outcome.kind === "refused") expect(outcome.reason).toContain("127.0.0.1 is a loopback address");
    const https = await safePost(`https://127.0.0.1:${receiver.port}/hook`, payload, options({ allowHttp: false, allowedPrivate: [] }));
    expect(https).toMatchObject({ kind: "refused" });
    expect(receiver.received).toHaveLength(0);
  });

  it("POSTs to a listed address: exact body and headers in, status and body out", async () => {
    const outcome = await safePost(`${base}/hook?attempt=1`, payload, options(allowed));
    expect(outcome).toEqual({ kind: "response", status: 201, body: "thanks ✓", truncated: false, durationMs: expect.any(Number) });

    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    expect(request.method).toBe("POST");
    expect(request.url).toBe("/hook?attempt=1");
    expect(request.body).toBe(payload.body);
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.headers["x-slotbase-signature"]).toBe("sha256=abc123");
    expect(request.headers["content-length"]).toBe(String(Buffer.byteLength(payload.body)));
    expect(request.headers["user-agent"]).toBe("Slotbase-Webhooks/1");
    expect(request.headers["transfer-encoding"]).toBeUndefined();
  });

  it("overrides a caller's User-Agent and Content-Length", async () => {
    const headers = { "user-agent": "curl/8", "content-length": "1" };
    const outcome = await safePost(`${base}/hook`, { headers, body: "{}" }, options(allowed));
    expect(outcome).toMatchObject({ kind: "response", status: 201 });
    expect(receiver.received[0].headers["user-agent"]).toBe("Slotbase-Webhooks/1");
    expect(receiver.received[0].body).toBe("{}");
  });

  it("checks the resolved addresses of host names at connection time", async () => {
    const url = `http://localhost:${receiver.port}/hook`;
    // http is allowed everywhere, nothing is listed: localhost passes the URL check, not the connect
    const refused = await safePost(url, payload, options(targetPolicyFromEnv({ WEBHOOK_ALLOW_HTTP: "true" })));
    expect(refused).toMatchObject({ kind: "refused" });
    if (refused.kind === "refused") expect(refused.reason).toMatch(/^localhost resolves to a refused address: 127\.0\.0\.1 is a loopback address/);
    // an address entry matches the resolved address, on its port only
    const otherPort = await safePost(`http://localhost:${receiver.port + 1}/hook`, payload, options({ ...allowed, allowHttp: true }));
    expect(otherPort).toMatchObject({ kind: "refused" });
    expect(receiver.received).toHaveLength(0);
    const viaAddress = await safePost(url, payload, options({ ...allowed, allowHttp: true }));
    expect(viaAddress).toMatchObject({ kind: "response", status: 201 });
  });

  describe("with a scripted resolver", () => {
    type Answer = Array<{ address: string; family: number }> | "never";
    let answers: Answer[];
    let lookups: string[];
    beforeEach(() => {
      answers = [];
      lookups = [];
      jest.spyOn(dns, "lookup").mockImplementation(((host: string, _options: unknown, callback: (e: Error | null, a: unknown) => void) => {
        lookups.push(host);
        const answer = answers.shift() ?? [];
        if (answer !== "never") setImmediate(() => callback(null, answer));
      }) as unknown as typeof dns.lookup);
    });
    afterEach(() => jest.restoreAllMocks());

    it("resolves for every new connection and refuses when any address is refused (DNS rebinding)", async () => {
      const policy = targetPolicyFromEnv({ WEBHOOK_ALLOWED_PRIVATE_HOSTS: `127.0.0.1:${receiver.port}`, WEBHOOK_ALLOW_HTTP: "true" });
      // The receiver closes each connection: every call opens (and checks) a new one.
      const url = `http://rebind.example:${receiver.port}/hook-close`;
      answers.push(
        [{ address: "127.0.0.1", family: 4 }], // listed: delivered
        [{ address: "127.0.0.1", family: 4 }, { address: "169.254.169.254", family: 4 }], // one refused: nothing sent
        [{ address: "::ffff:10.0.0.1", family: 6 }],
      );
      expect(await safePost(url, payload, options(policy))).toMatchObject({ kind: "response", status: 201 });
      const mixed = await safePost(url, payload, options(policy));
      expect(mixed).toMatchObject({ kind: "refused" });
      if (mixed.kind === "refused") expect(mixed.reason).toContain("169.254.169.254 is the cloud metadata service address");
      expect(await safePost(url, payload, options(policy))).toMatchObject({ kind: "refused" });
      expect(lookups).toEqual(["rebind.example", "rebind.example", "rebind.example"]);
      expect(receiver.received).toHaveLength(1);
    });

    it("keeps a connection for the next delivery: it leads to the address checked when it was opened", async () => {
      const policy = targetPolicyFromEnv({ WEBHOOK_ALLOWED_PRIVATE_HOSTS: `127.0.0.1:${receiver.port}`, WEBHOOK_ALLOW_HTTP: "true" });
      const url = `http://kept.example:${receiver.port}/hook`;
      answers.push([{ address: "127.0.0.1", family: 4 }], [{ address: "169.254.169.254", family: 4 }]);
      const connections: unknown[] = [];
      receiver.server.on("connection", (socket) => connections.push(socket));
      expect(await safePost(url, payload, options(policy))).toMatchObject({ kind: "response", status: 201 });
      // The name now resolves to a refused address; the kept connection still leads to 127.0.0.1.
      expect(await safePost(url, payload, options(policy))).toMatchObject({ kind: "response", status: 201 });
      expect(lookups).toEqual(["kept.example"]);
      expect(connections).toHaveLength(1);
      expect(receiver.received).toHaveLength(2);
      receiver.server.closeAllConnections();
      await new Promise((resolve) => setTimeout(resolve, 20));
      // A new connection is checked again.
      expect(await safePost(url, payload, options(policy))).toMatchObject({ kind: "refused" });
      expect(receiver.received).toHaveLength(2);
    });

    it("times out a connection that does not complete in connectTimeoutMs", async () => {
      answers.push("never");
      const outcome = await safePost("https://slow-dns.example/hook", payload, options(allowed, { connectTimeoutMs: 100, totalTimeoutMs: 2000 }));
      expect(outcome).toEqual({ kind: "error", reason: "timed out after 100 ms (connect)", durationMs: expect.any(Number) });
      expect(outcome.durationMs).toBeLessThan(1000);
    });

    it("turns an empty DNS answer into an error outcome", async () => {
      answers.push([]);
      const outcome = await safePost("https://empty.example/hook", payload, options(allowed));
      expect(outcome).toMatchObject({ kind: "error" });
    });
  });

  it("delivers to a listed host name whatever it resolves to", async () => {
    // safePost connects to the first address localhost resolves to: listen exactly there.
    const { address } = await lookup("localhost");
    const local = await startReceiver(address);
    try {
      const outcome = await safePost(
        `http://localhost:${local.port}/hook`,
        payload,
        options(targetPolicyFromEnv({ WEBHOOK_ALLOWED_PRIVATE_HOSTS: "localhost" })),
      );
      expect(outcome).toMatchObject({ kind: "response", status: 201, body: "thanks ✓" });
      expect(local.received.map((r) => r.body)).toEqual([payload.body]);
    } finally {
      await stop(local.server);
    }
  });

  it("returns a redirect as a response and does not follow it", async () => {
    const outcome = await safePost(`${base}/redirect`, payload, options(allowed));
    expect(outcome).toMatchObject({ kind: "response", status: 302, body: "moved", truncated: false });
    expect(receiver.received.map((r) => r.url)).toEqual(["/redirect"]);
  });

  it("gives up on a receiver that never answers after the total timeout", async () => {
    const outcome = await safePost(`${base}/silent`, payload, options(allowed, { connectTimeoutMs: 1000, totalTimeoutMs: 300 }));
    expect(outcome).toEqual({ kind: "error", reason: "timed out after 300 ms (total)", durationMs: expect.any(Number) });
    expect(outcome.durationMs).toBeGreaterThanOrEqual(290);
    expect(outcome.durationMs).toBeLessThan(1500);
    expect(receiver.received.map((r) => r.url)).toEqual(["/silent"]);
  });

  it("reads at most maxResponseBytes of the response body", async () => {
    const outcome = await safePost(`${base}/big`, payload, options(allowed, { maxResponseBytes: 1000 }));
    expect(outcome).toEqual({ kind: "response", status: 200, body: "x".repeat(1000), truncated: true, durationMs: expect.any(Number) });
    const exact = await safePost(`${base}/hook`, payload, options(allowed, { maxResponseBytes: Buffer.byteLength("thanks ✓") }));
    expect(exact).toMatchObject({ body: "thanks ✓", truncated: false });
  });

  it("cuts a truncated body at a whole UTF-8 character", async () => {
    // "thanks ✓": the check mark is 3 bytes (bytes 7-9); 8 bytes keep only the start of it
    const outcome = await safePost(`${base}/hook`, payload, options(allowed, { maxResponseBytes: 8 }));
    expect(outcome).toMatchObject({ kind: "response", status: 201, body: "thanks ", truncated: true });
  });

  it("sends again on a new connection when a kept one was closed as it was reused", async () => {
    // A raw receiver that answers the first request of a connection and drops the connection at the second.
    const connections: Socket[] = [];
    const server = createNetServer((socket) => {
      connections.push(socket);
      let served = 0;
      let buffered = "";
      socket.on("data", (chunk: Buffer) => {
        buffered += chunk.toString("utf8");
        const headerEnd = buffered.indexOf("\r\n\r\n");
        const length = Number(/content-length: (\d+)/i.exec(buffered)?.[1] ?? 0);
        if (headerEnd < 0 || Buffer.byteLength(buffered.slice(headerEnd + 4)) < length) return;
        buffered = "";
        if (served++ > 0) return socket.destroy();
        socket.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nKeep-Alive: timeout=5\r\n\r\nok");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const policy = targetPolicyFromEnv({ WEBHOOK_ALLOWED_PRIVATE_HOSTS: `127.0.0.1:${port}`, WEBHOOK_ALLOW_HTTP: "true" });
      expect(await safePost(`http://127.0.0.1:${port}/hook`, payload, options(policy))).toMatchObject({ kind: "response", status: 200 });
      expect(await safePost(`http://127.0.0.1:${port}/hook`, payload, options(policy))).toMatchObject({ kind: "response", status: 200, body: "ok" });
      expect(connections).toHaveLength(2);
    } finally {
      for (const socket of connections) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("turns a refused connection into an error outcome", async () => {
    const port = await freePort();
    const policy = targetPolicyFromEnv({ WEBHOOK_ALLOWED_PRIVATE_HOSTS: "127.0.0.1" });
    const outcome = await safePost(`http://127.0.0.1:${port}/hook`, payload, options(policy));
    expect(outcome).toMatchObject({ kind: "error" });
    if (outcome.kind === "error") expect(outcome.reason).toContain("ECONNREFUSED");
  });

  it("turns a DNS failure into an error outcome", async () => {
    const outcome = await safePost("https://does-not-exist.invalid/hook", payload, options(allowed));
    expect(outcome.kind).toBe("error");
  });

  it("refuses URLs with credentials and other invalid URLs without connecting", async () => {
    const withCredentials = await safePost(`http://user:secret@127.0.0.1:${receiver.port}/hook`, payload, options(allowed));
    expect(withCredentials).toMatchObject({ kind: "refused" });
    if (withCredentials.kind === "refused") {
      expect(withCredentials.reason).toContain("user name or password");
      expect(withCredentials.reason).not.toContain("secret");
    }
    expect(await safePost("not a url", payload, options(allowed))).toMatchObject({ kind: "refused" });
    expect(await safePost(`ftp://127.0.0.1:${receiver.port}/hook`, payload, options(allowed))).toMatchObject({ kind: "refused" });
    expect(receiver.received).toHaveLength(0);
  });

  it("turns an invalid header into an error outcome without echoing its value", async () => {
    const outcome = await safePost(`${base}/hook`, { headers: { "X-Token": "hunter2\r\nInjected: yes" }, body: "{}" }, options(allowed));
    expect(outcome.kind).toBe("error");
    if (outcome.kind === "error") expect(outcome.reason).not.toContain("hunter2");
    expect(receiver.received).toHaveLength(0);
  });
});
