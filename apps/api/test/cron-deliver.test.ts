import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { getPrisma } from "@slotbase/prisma";
import { api } from "./support/api";
import { useTestDatabase } from "./support/database";
import { createCaller } from "./support/fixtures";
import { createHostWithEventType, nextWeekdaySlot } from "./support/scheduling";

useTestDatabase();

// Vercel Cron's call: GET /cron/deliver with Authorization: Bearer <CRON_SECRET>.
const SECRET = "cron-secret-for-tests-0123456789";
const outbox = mkdtempSync(path.join(tmpdir(), "slotbase-cron-"));
const saved = { secret: process.env.CRON_SECRET, dir: process.env.EMAIL_OUTBOX_DIR };
beforeAll(() => {
  process.env.CRON_SECRET = SECRET;
  process.env.EMAIL_OUTBOX_DIR = outbox;
});
afterAll(() => {
  if (saved.secret === undefined) delete process.env.CRON_SECRET;
  else process.env.CRON_SECRET = saved.secret;
  if (saved.dir === undefined) delete process.env.EMAIL_OUTBOX_DIR;
  else process.env.EMAIL_OUTBOX_DIR = saved.dir;
  rmSync(outbox, { recursive: true, force: true });
});

const cron = (authorization?: string) => api("GET /cron/deliver", { headers: authorization ? { authorization } : {} });

describe("GET /cron/deliver", () => {
  it("delivers the due emails of a booking and answers what it did; a second run finds nothing", async () => {
    const { eventType } = await createHostWithEventType();
    const booker = await createCaller();
    const booked = await api("POST /v2/bookings", {
      key: booker.key,
      body: { eventTypeId: eventType.id, start: nextWeekdaySlot().start, attendee: { name: "Ada", email: "ada@example.com", timeZone: "Europe/Berlin" } },
    });
    expect(booked.status).toBe(201);
    const prisma = await getPrisma();
    const queued = await prisma.notification.count({ where: { status: "PENDING" } });
    expect(queued).toBeGreaterThan(0);

    const run = await cron(`Bearer ${SECRET}`);
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ emails: { sent: queued, retried: 0, failed: 0 }, passes: 1, more: false });
    expect(readdirSync(outbox).filter((file) => file.endsWith(".eml"))).toHaveLength(queued);
    expect(await prisma.notification.count({ where: { status: "PENDING" } })).toBe(0);

    const again = await cron(`Bearer ${SECRET}`);
    expect(again.body).toMatchObject({ emails: { sent: 0 }, webhooks: { delivered: 0 } });
  });

  it("is a 401 without the secret, with another, with an API key, and when no secret is configured", async () => {
    const caller = await createCaller();
    for (const authorization of [undefined, "Bearer wrong", `Bearer ${SECRET}x`, `Bearer ${caller.key}`, SECRET]) {
      const refused = await cron(authorization);
      expect(refused.status).toBe(401);
      expect(JSON.stringify(refused.body)).not.toContain(SECRET);
    }
    delete process.env.CRON_SECRET;
    try {
      expect((await cron(`Bearer ${SECRET}`)).status).toBe(401);
    } finally {
      process.env.CRON_SECRET = SECRET;
    }
  });
});
