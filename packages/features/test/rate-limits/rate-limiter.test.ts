import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import { captureLogs } from "../../logging/logger";
import { RateLimiter, redisForRateLimits, type RateLimitSubject } from "../../rate-limits/rate-limiter";
import type { RateLimitSettings } from "../../rate-limits/rate-limit-settings";

const settings = (perKey: number, anonymous = 5): RateLimitSettings => ({ perKey, anonymous, redisUrl: undefined });
const key = (ownLimit: number | null = null): RateLimitSubject => ({ kind: "key", apiKeyId: randomUUID(), ownLimit });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("RateLimiter in one process", () => {
  it("counts a key's requests in its window, then refuses with when to come back", async () => {
    const limiter = new RateLimiter(settings(3));
    const subject = key();
    const decisions = [];
    for (let i = 0; i < 4; i += 1) decisions.push(await limiter.consume(subject));
    expect(decisions.map((d) => [d?.allowed, d?.remaining, d?.limit])).toEqual([
      [true, 2, 3],
      [true, 1, 3],
      [true, 0, 3],
      [false, 0, 3],
    ]);
    expect(decisions[3]!.resetSeconds).toBeGreaterThanOrEqual(1);
    expect(decisions[3]!.resetSeconds).toBeLessThanOrEqual(60);
    // another key has its own count
    expect(await limiter.consume(key())).toMatchObject({ allowed: true, remaining: 2 });
  });

  it("takes a key's own limit over the default; 0 means unlimited", async () => {
    const limiter = new RateLimiter(settings(3));
    const own = key(1);
    expect(await limiter.consume(own)).toMatchObject({ allowed: true, limit: 1 });
    expect(await limiter.consume(own)).toMatchObject({ allowed: false, limit: 1 });
    expect(await limiter.consume(key(0))).toBeNull();
    expect(await new RateLimiter(settings(0)).consume(key())).toBeNull();
  });

  it("limits addresses without a key by the anonymous limit", async () => {
    const limiter = new RateLimiter(settings(100, 1));
    expect(await limiter.consume({ kind: "ip", ip: "203.0.113.9" })).toMatchObject({ allowed: true, limit: 1 });
    expect(await limiter.consume({ kind: "ip", ip: "203.0.113.9" })).toMatchObject({ allowed: false });
    expect(await limiter.consume({ kind: "ip", ip: "203.0.113.10" })).toMatchObject({ allowed: true });
  });

  it("never outlives its window: a refused key is served again when the window ends", async () => {
    const limiter = new RateLimiter(settings(1), undefined, 1);
    const subject = key();
    await limiter.consume(subject);
    expect(await limiter.consume(subject)).toMatchObject({ allowed: false, resetSeconds: 1 });
    await sleep(1_100);
    expect(await limiter.consume(subject)).toMatchObject({ allowed: true });
  });
});

describe("RateLimiter on Redis (127.0.0.1:6379)", () => {
  it("counts across instances: two limiters on one Redis share each key's window", async () => {
    const [a, b] = [redisForRateLimits("redis://127.0.0.1:6379"), redisForRateLimits("redis://127.0.0.1:6379")];
    const [first, second] = [new RateLimiter(settings(3), a), new RateLimiter(settings(3), b)];
    try {
      const subject = key();
      expect(await first.consume(subject)).toMatchObject({ allowed: true, remaining: 2 });
      expect(await second.consume(subject)).toMatchObject({ allowed: true, remaining: 1 });
      expect(await first.consume(subject)).toMatchObject({ allowed: true, remaining: 0 });
      expect(await second.consume(subject)).toMatchObject({ allowed: false });
    } finally {
      await first.close();
      await second.close();
    }
  });
});

/** A Redis server of this test's own (the machine's redis-server binary) on a free port, to stop and start again. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startRedis(port: number): Promise<ChildProcess> {
  // A server of its own clock: not under a test's faketime (LD_PRELOAD), as a real Redis never is.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== "LD_PRELOAD" && !name.startsWith("FAKETIME")));
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore", env });
  const client = redisForRateLimits(`redis://127.0.0.1:${port}`);
  try {
    for (let i = 0; i < 50; i += 1) {
      if (await client.ping().then(() => true, () => false)) return child;
      await sleep(100);
    }
    throw new Error(`redis-server did not start on port ${port}`);
  } finally {
    client.disconnect();
  }
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

describe("RateLimiter when Redis goes away", () => {
  it("serves requests uncounted while Redis is stopped, logs that once, and counts again when it is back", async () => {
    const port = await freePort();
    let redis = await startRedis(port);
    const limiter = new RateLimiter(settings(2), redisForRateLimits(`redis://127.0.0.1:${port}`));
    try {
      const subject = key();
      expect(await limiter.consume(subject)).toMatchObject({ allowed: true, remaining: 1 });
      await stop(redis);
      const { result: whileDown, lines } = await captureLogs(async () => {
        const decisions = [];
        for (let i = 0; i < 5; i += 1) decisions.push(await limiter.consume(subject));
        return decisions;
      });
      expect(whileDown).toEqual([null, null, null, null, null]);
      expect(lines.filter((line) => line.level === "error").map((line) => line.msg)).toEqual([expect.stringContaining("rate limits are off")]);

      redis = await startRedis(port);
      const { result: counted, lines: after } = await captureLogs(async () => {
        for (let i = 0; i < 60; i += 1) {
          const decision = await limiter.consume(subject);
          if (decision) return decision;
          await sleep(100);
        }
        return null;
      });
      // a fresh Redis: the window starts again
      expect(counted).toMatchObject({ allowed: true, limit: 2 });
      expect(after.map((line) => line.msg)).toContain("rate limits are counted again: the counter store answers");
    } finally {
      await limiter.close();
      await stop(redis).catch(() => undefined);
    }
  }, 30_000);
});
