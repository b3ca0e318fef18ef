import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "@slotbase/prisma/testing";
import { enqueueBookingNotifications } from "../../notifications";
import { createBooking, createHost } from "./fixtures";
import { startMailServer, type TestMailServer } from "../../testing/mail-server";

// Separate processes need a database server: these run on PostgreSQL only (TEST_DATABASE_URL);
// the embedded database is single-process.
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const itOnPostgres = onPostgres ? it : it.skip;

let db: TestDatabase;
let server: TestMailServer;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startMailServer();
});
afterAll(async () => {
  await server.close();
  await db.close();
});
beforeEach(async () => {
  server.mails.length = 0;
  await db.prisma.notification.deleteMany();
});

async function queueBookings(count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const host = await createHost(db.prisma, { timeZone: "UTC" });
    const booking = await createBooking(db.prisma, { hostId: host.id, start: new Date(Date.UTC(2032, 0, 1, 8) + i * 3_600_000).toISOString() });
    await db.prisma.$transaction((tx) => enqueueBookingNotifications(tx, { kind: "created", bookingId: booking.id }));
  }
}

function spawnTs(script: string): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [require.resolve("tsx/cli"), script], {
    cwd: path.join(__dirname, "../.."),
    env: { ...process.env, NODE_OPTIONS: "", DATABASE_URL: db.url, EMAIL_SERVER: server.url, NOTIFICATIONS_SEND_TIMEOUT_MS: "10000", LOG_LEVEL: "error" },
  });
}

function collect(child: ChildProcessWithoutNullStreams) {
  const out = { stdout: "", stderr: "" };
  child.stdout.on("data", (chunk: Buffer) => (out.stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (out.stderr += chunk.toString()));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on("close", (code) => resolve({ code, ...out })));
  return { out, done };
}

describe("delivery from several processes (PostgreSQL)", () => {
  itOnPostgres(
    "three processes passing over the same outbox at the same moment send every row exactly once",
    async () => {
      server.delayMs = 20;
      await queueBookings(20);
      expect(await db.prisma.notification.count()).toBe(60);

      const children = [0, 1, 2].map(() => {
        const child = spawnTs(path.join(__dirname, "deliver-child.ts"));
        return { child, ...collect(child) };
      });
      // Start them together, once all three are connected.
      const deadline = Date.now() + 30_000;
      while (!children.every((c) => c.out.stdout.includes("ready"))) {
        if (Date.now() > deadline || children.some((c) => c.out.stderr)) throw new Error(children.map((c) => c.out.stderr).join("\n"));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      for (const c of children) c.child.stdin.write("go\n");
      const runs = await Promise.all(children.map((c) => c.done));

      const totals = runs.map((run) => {
        expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
        return JSON.parse(run.stdout.split("\n").filter(Boolean).at(-1)!) as { sent: number; retried: number; failed: number };
      });
      expect(totals.reduce((sum, t) => sum + t.sent, 0)).toBe(60);
      expect(totals.every((t) => t.retried === 0 && t.failed === 0)).toBe(true);
      // They really worked side by side.
      expect(totals.filter((t) => t.sent > 0).length).toBeGreaterThanOrEqual(2);
      expect(server.mails).toHaveLength(60);
      expect(new Set(server.mails.map((m) => m.messageId)).size).toBe(60);
      expect(await db.prisma.notification.count({ where: { status: "SUCCEEDED", attempts: 1 } })).toBe(60);
    },
    60_000,
  );

  itOnPostgres(
    "`yarn notifications:deliver` drains the outbox and reports what it did",
    async () => {
      await queueBookings(2);
      const run = await collect(spawnTs(path.join(__dirname, "../../scripts/deliver-notifications.ts"))).done;
      expect(run).toMatchObject({ code: 0, stderr: "" });
      expect(run.stdout).toContain("via SMTP (EMAIL_SERVER)");
      expect(run.stdout).toContain("6 sent, 0 to retry later, 0 given up");
      expect(server.mails).toHaveLength(6);
    },
    60_000,
  );

  it("runs only with TEST_DATABASE_URL (the embedded database is single-process)", () => {
    expect(onPostgres || db.kind === "pglite").toBe(true);
  });
});
