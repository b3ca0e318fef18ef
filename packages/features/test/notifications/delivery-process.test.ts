import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "@slotbase/prisma/testing";
import { enqueueBookingNotifications, kickNotificationDelivery } from "../../notifications";
import { createBooking, createHost } from "./fixtures";
import { startMailServer, type TestMailServer } from "../../testing/mail-server";

// `notifications:deliver --watch` beside the API processes, woken by their NOTIFY: a separate
// process needs a database server, so these run on PostgreSQL only (TEST_DATABASE_URL).
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const itOnPostgres = onPostgres ? it : it.skip;

let db: TestDatabase;
let server: TestMailServer;
let slot = 0;
const savedEnv = { ...process.env };

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startMailServer();
});
afterAll(async () => {
  process.env = savedEnv;
  await server.close();
  await db.close();
});
beforeEach(async () => {
  server.mails.length = 0;
  await db.prisma.notification.deleteMany();
});

/** One booking with a host and two attendees, its 3 "created" mails queued in the booking's transaction. */
async function queueBooking(): Promise<void> {
  slot += 1;
  const host = await createHost(db.prisma, { timeZone: "UTC" });
  const booking = await createBooking(db.prisma, { hostId: host.id, start: new Date(Date.UTC(2033, 0, 1, 8) + slot * 3_600_000).toISOString() });
  await db.prisma.$transaction((tx) => enqueueBookingNotifications(tx, { kind: "created", bookingId: booking.id }));
}

/** The delivery process as `yarn start` runs it, polling only every 10 minutes: what arrives sooner came from a wake-up. */
function startDeliveryProcess(): { child: ChildProcessWithoutNullStreams; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [require.resolve("tsx/cli"), path.join(__dirname, "../../scripts/deliver-notifications.ts"), "--watch", "--only", "emails"], {
    cwd: path.join(__dirname, "../.."),
    env: { ...process.env, NODE_OPTIONS: "", DATABASE_URL: db.url, EMAIL_SERVER: server.url, NOTIFICATIONS_POLL_MS: "600000", LOG_LEVEL: "error" },
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function until(condition: () => boolean, timeoutMs: number, what: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("the delivery process (PostgreSQL)", () => {
  itOnPostgres(
    "delivers what was queued before it started, then wakes on the API process's NOTIFY, not on its poll; SIGTERM stops it",
    async () => {
      await queueBooking();
      const delivery = startDeliveryProcess();
      try {
        await until(() => delivery.output().includes("Watching (LISTEN slotbase_outbox"), 30_000, delivery.output);
        await server.waitFor(3, 10_000);

        // The API process's side: worker off, wake-ups on, as `yarn start` runs it.
        process.env.DATABASE_URL = db.url;
        process.env.NOTIFICATIONS_WORKER = "off";
        process.env.NOTIFICATIONS_WAKE = "notify";
        for (let round = 2; round <= 3; round += 1) {
          await queueBooking();
          const queuedAt = Date.now();
          kickNotificationDelivery();
          await server.waitFor(3 * round, 5_000);
          expect(Date.now() - queuedAt).toBeLessThan(5_000);
        }

        // Without a wake-up the rows wait for the poll (10 minutes here).
        delete process.env.NOTIFICATIONS_WAKE;
        await queueBooking();
        kickNotificationDelivery();
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        expect(server.mails).toHaveLength(9);
        expect(await db.prisma.notification.count({ where: { status: "PENDING" } })).toBe(3);

        delivery.child.kill("SIGTERM");
        expect(await delivery.exited).toBe(0);
        expect(await db.prisma.notification.count({ where: { status: "SUCCEEDED", attempts: 1 } })).toBe(9);
        expect(new Set(server.mails.map((m) => m.messageId)).size).toBe(9);
      } finally {
        delivery.child.kill("SIGKILL");
        process.env = { ...savedEnv };
      }
    },
    60_000,
  );

  it("runs only with TEST_DATABASE_URL (the embedded database is single-process)", () => {
    expect(onPostgres || db.kind === "pglite").toBe(true);
  });
});
