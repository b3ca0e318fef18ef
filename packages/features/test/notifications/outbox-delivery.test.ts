import { createTestDatabase, type TestDatabase } from "@slotbase/prisma/testing";
import { captureLogs } from "../../logging/logger";
import {
  deliverDueNotifications,
  enqueueBookingNotifications,
  kickNotificationDelivery,
  MAX_DELIVERY_ATTEMPTS,
  notificationDeliveryIdle,
  retryDelayMs,
  stopNotificationWorker,
} from "../../notifications";
import { createBooking, createHost } from "./fixtures";
import { startMailServer, type TestMailServer } from "../../testing/mail-server";

let db: TestDatabase;
let server: TestMailServer;
const savedEnv = { ...process.env };
let slot = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startMailServer();
  process.env.EMAIL_SERVER = server.url;
  process.env.NOTIFICATIONS_SEND_TIMEOUT_MS = "5000";
  delete process.env.NOTIFICATIONS_WORKER;
});
afterAll(async () => {
  stopNotificationWorker();
  await notificationDeliveryIdle();
  process.env = savedEnv;
  await server.close();
  await db.close();
});
beforeEach(async () => {
  server.mails.length = 0;
  server.mode = "accept";
  server.delayMs = 0;
  process.env.NOTIFICATIONS_SEND_TIMEOUT_MS = "5000";
  // Each test starts with an empty outbox.
  await db.prisma.notification.deleteMany();
});

/** A booking with a host and two attendees, its "created" mails queued (3 rows). */
async function queueBooking(): Promise<number> {
  slot += 1;
  const host = await createHost(db.prisma, { timeZone: "UTC" });
  const booking = await createBooking(db.prisma, { hostId: host.id, start: new Date(Date.UTC(2031, 0, 1, 8) + slot * 3_600_000).toISOString() });
  await db.prisma.$transaction((tx) => enqueueBookingNotifications(tx, { kind: "created", bookingId: booking.id }));
  return booking.id;
}

const rowsOf = (bookingId: number) => db.prisma.notification.findMany({ where: { bookingId }, orderBy: { recipient: "asc" } });

describe("outbox delivery", () => {
  it("a server that rejects: rows stay PENDING with attempts+1 and a later nextAttemptAt; a later pass delivers them", async () => {
    server.mode = "reject";
    const bookingId = await queueBooking();
    const t0 = new Date(Date.now() + 1000);

    expect(await deliverDueNotifications({ now: t0 })).toEqual({ sent: 0, retried: 3, failed: 0 });
    expect(server.mails).toHaveLength(0);
    for (const row of await rowsOf(bookingId)) {
      expect(row).toMatchObject({ status: "PENDING", attempts: 1, sentAt: null });
      expect(row.lastError).toMatch(/550|unavailable/i);
      expect(row.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(t0.getTime() + 30_000);
      expect(row.nextAttemptAt.getTime()).toBeLessThan(t0.getTime() + 40_000);
    }

    // Not due yet: nothing is tried again.
    expect(await deliverDueNotifications({ now: new Date(t0.getTime() + 20_000) })).toEqual({ sent: 0, retried: 0, failed: 0 });

    server.mode = "accept";
    expect(await deliverDueNotifications({ now: new Date(t0.getTime() + 41_000) })).toEqual({ sent: 3, retried: 0, failed: 0 });
    expect(server.mails).toHaveLength(3);
    for (const row of await rowsOf(bookingId)) {
      expect(row).toMatchObject({ status: "SUCCEEDED", attempts: 2, lastError: null });
    }
  });

  it("backs off 30 s, 2 min, 10 min, 1 h, … and gives up (FAILED, lastError) after the maximum attempts", async () => {
    server.mode = "reject";
    const bookingId = await queueBooking();
    let now = new Date(Date.now() + 1000);
    for (let attempt = 1; attempt < MAX_DELIVERY_ATTEMPTS; attempt++) {
      expect(await deliverDueNotifications({ now })).toEqual({ sent: 0, retried: 3, failed: 0 });
      const rows = await rowsOf(bookingId);
      for (const row of rows) {
        expect(row).toMatchObject({ status: "PENDING", attempts: attempt });
        const wait = row.nextAttemptAt.getTime() - now.getTime();
        expect(wait).toBeGreaterThanOrEqual(retryDelayMs(attempt));
        expect(wait).toBeLessThan(retryDelayMs(attempt) + 10_000);
      }
      now = new Date(Math.max(...rows.map((r) => r.nextAttemptAt.getTime())) + 1);
    }
    expect([30_000, 120_000, 600_000, 3_600_000].map((_, i) => retryDelayMs(i + 1))).toEqual([30_000, 120_000, 600_000, 3_600_000]);

    const { result, lines } = await captureLogs(() => deliverDueNotifications({ now }));
    expect(result).toEqual({ sent: 0, retried: 0, failed: 3 });
    expect(lines.filter((line) => line.level === "error" && line.msg === "notification given up")).toHaveLength(3);
    for (const row of await rowsOf(bookingId)) {
      expect(row).toMatchObject({ status: "FAILED", attempts: MAX_DELIVERY_ATTEMPTS, sentAt: null });
      expect(row.lastError).toMatch(/550|unavailable/i);
    }
    server.mode = "accept";
    expect(await deliverDueNotifications({ now: new Date(now.getTime() + 86_400_000) })).toEqual({ sent: 0, retried: 0, failed: 0 });
  });

  it("a server that hangs: queueing never touches it; the pass times the send out and retries later", async () => {
    server.mode = "hang";
    process.env.NOTIFICATIONS_SEND_TIMEOUT_MS = "600";
    const connectionsBefore = server.connections;

    const started = performance.now();
    const bookingId = await queueBooking();
    expect(performance.now() - started).toBeLessThan(2000);
    expect(server.connections).toBe(connectionsBefore);

    const passStarted = performance.now();
    const now = new Date(Date.now() + 1000);
    expect(await deliverDueNotifications({ now })).toEqual({ sent: 0, retried: 3, failed: 0 });
    const passTook = performance.now() - passStarted;
    expect(passTook).toBeGreaterThanOrEqual(550);
    expect(passTook).toBeLessThan(5000);
    for (const row of await rowsOf(bookingId)) {
      expect(row).toMatchObject({ status: "PENDING", attempts: 1 });
      expect(row.lastError).toMatch(/within 600 ms|timeout/i);
    }

    server.mode = "accept";
    expect(await deliverDueNotifications({ now: new Date(now.getTime() + 60_000) })).toEqual({ sent: 3, retried: 0, failed: 0 });
    expect(server.mails).toHaveLength(3);
  });

  it("concurrent passes never send the same row twice", async () => {
    server.delayMs = 30; // a slow server keeps the passes overlapping
    const bookings = await Promise.all(Array.from({ length: 8 }, () => queueBooking()));
    const rows = await db.prisma.notification.count({ where: { bookingId: { in: bookings } } });
    expect(rows).toBe(24);

    const now = new Date(Date.now() + 1000);
    const results = await Promise.all([
      deliverDueNotifications({ now, limit: 7 }),
      deliverDueNotifications({ now, limit: 7 }),
      deliverDueNotifications({ now, limit: 7 }),
      // The same clock for all four: a pass whose clock ran past the others' lease (85 s) could
      // rightly take their rows over, which is the at-least-once case, not this one.
      deliverDueNotifications({ now, limit: 100 }),
    ]);
    const sent = results.reduce((sum, r) => sum + r.sent, 0);
    expect(sent).toBe(24);
    expect(results.every((r) => r.retried === 0 && r.failed === 0)).toBe(true);
    expect(server.mails).toHaveLength(24);
    expect(new Set(server.mails.map((m) => m.messageId)).size).toBe(24);
    expect(await db.prisma.notification.count({ where: { status: "SUCCEEDED" } })).toBe(24);
    expect(await deliverDueNotifications({ now: new Date(now.getTime() + 86_400_000) })).toEqual({ sent: 0, retried: 0, failed: 0 });
  });

  it("rows a running pass has claimed are not due for another pass", async () => {
    server.delayMs = 400;
    const bookingId = await queueBooking();
    const now = new Date(Date.now() + 1000);
    const first = deliverDueNotifications({ now });
    // Wait until the first pass has claimed (its lease moved nextAttemptAt forward).
    for (let i = 0; i < 200; i++) {
      const [row] = await rowsOf(bookingId);
      if (row.nextAttemptAt.getTime() > now.getTime()) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(await deliverDueNotifications({ now: new Date(now.getTime() + 30_000) })).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await first).toEqual({ sent: 3, retried: 0, failed: 0 });
    expect(server.mails).toHaveLength(3);
  });

  it("a row that cannot be rendered is FAILED at once, the others are sent", async () => {
    const bookingId = await queueBooking();
    const [broken] = await rowsOf(bookingId);
    await db.prisma.notification.update({ where: { id: broken.id }, data: { payload: { v: 1, kind: "created" } } });

    const quiet = jest.spyOn(console, "error").mockImplementation(() => undefined);
    expect(await deliverDueNotifications({ now: new Date(Date.now() + 1000) })).toEqual({ sent: 2, retried: 0, failed: 1 });
    quiet.mockRestore();
    const row = await db.prisma.notification.findUniqueOrThrow({ where: { id: broken.id } });
    expect(row).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(row.lastError).toMatch(/Unreadable booking\.created payload/);
  });

  it("respects limit, oldest due first", async () => {
    const first = await queueBooking();
    await queueBooking();
    expect(await deliverDueNotifications({ now: new Date(Date.now() + 1000), limit: 3 })).toEqual({ sent: 3, retried: 0, failed: 0 });
    expect((await rowsOf(first)).every((r) => r.status === "SUCCEEDED")).toBe(true);
    expect(await deliverDueNotifications({ now: new Date(Date.now() + 1000), limit: 3 })).toEqual({ sent: 3, retried: 0, failed: 0 });
  });
});

describe("kickNotificationDelivery", () => {
  afterEach(() => {
    delete process.env.NOTIFICATIONS_WORKER;
    stopNotificationWorker();
  });

  it("is a no-op under jest unless NOTIFICATIONS_WORKER=on, and with NOTIFICATIONS_WORKER=off", async () => {
    const bookingId = await queueBooking();
    kickNotificationDelivery();
    process.env.NOTIFICATIONS_WORKER = "off";
    kickNotificationDelivery();
    await notificationDeliveryIdle();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.mails).toHaveLength(0);
    expect((await rowsOf(bookingId)).every((r) => r.status === "PENDING" && r.attempts === 0)).toBe(true);
  });

  it("returns at once and delivers in the background; kicks during a pass coalesce; a slow server never blocks the caller", async () => {
    process.env.NOTIFICATIONS_WORKER = "on";
    server.delayMs = 200;
    const first = await queueBooking();

    const started = performance.now();
    kickNotificationDelivery();
    kickNotificationDelivery();
    expect(performance.now() - started).toBeLessThan(50);
    const second = await queueBooking();
    kickNotificationDelivery();

    await notificationDeliveryIdle();
    expect(server.mails).toHaveLength(6);
    expect(new Set(server.mails.map((m) => m.messageId)).size).toBe(6);
    for (const id of [first, second]) expect((await rowsOf(id)).every((r) => r.status === "SUCCEEDED" && r.attempts === 1)).toBe(true);
  });

  it("never throws, even when a pass fails", async () => {
    process.env.NOTIFICATIONS_WORKER = "on";
    process.env.NOTIFICATIONS_SEND_TIMEOUT_MS = "not a number";
    server.mode = "reject";
    await queueBooking();
    expect(() => kickNotificationDelivery()).not.toThrow();
    await notificationDeliveryIdle();
    expect(await db.prisma.notification.count({ where: { status: "PENDING", attempts: 1 } })).toBe(3);
  });
});
