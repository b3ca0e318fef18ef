// bench:bookings, in process: what delivering one booking email costs, stage by stage. Queues
// `emails` realistic booking emails, then times on this process's CPU: reading the payload
// (zod), the text, the .ics, the MIME message, writing the .eml file, and whole delivery passes
// (claim, render, send, record) over the queued rows with the file transport. Standalone:
// `tsx scripts/bench/bookings-email-cost.ts [emails]` against BENCH_DATABASE_URL's server, in a
// scratch database of its own (slotbase_bench_email).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { bookingNotificationRows, BookingEmailPayloadSchema, deliverDueNotifications, type NotifiedBooking } from "@slotbase/features/notifications";
import { buildBookingIcs } from "@slotbase/features/notifications/ics";
import { renderBookingEmail, renderSubject, renderText } from "@slotbase/features/notifications/render";
import { buildMimeMessage } from "@slotbase/features/notifications/mime";
import { notificationSettings } from "@slotbase/features/notifications/settings";
import { captureLogs } from "@slotbase/features/logging/logger";
import type { Database } from "@slotbase/prisma";
import { benchDatabaseUrl, openBenchPrisma, recreateBenchDatabase } from "./lib/database";
import { memoryBackedTmpdir } from "./lib/server";

export interface EmailCost {
  emails: number;
  /** This process's CPU per email, ms, by stage; `pass` is a whole delivery pass per email. */
  cpuMsPerEmail: Record<string, number>;
  /** Delivery passes' wall time per email, ms (includes waiting on PostgreSQL and the disk). */
  passWallMsPerEmail: number;
}

const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;
const round = (x: number) => Math.round(x * 1000) / 1000;

function sampleBooking(i: number): Omit<NotifiedBooking, "id"> {
  const start = new Date(Date.UTC(2031, 0, 1, 9) + i * 15 * 60_000);
  return {
    uid: `bench-email-${i}`,
    title: "15 min meeting",
    description: null,
    location: "https://meet.example.com/bench",
    startTime: start,
    endTime: new Date(start.getTime() + 15 * 60_000),
    status: "ACCEPTED",
    iCalUID: null,
    iCalSequence: 0,
    rejectionReason: null,
    cancellationReason: null,
    host: { name: `Host ${i % 20}`, email: `host${i % 20}@bench.example.com`, timeZone: "Europe/Berlin", timeFormat: 24 },
    attendees: [{ id: i, name: `Guest ${i}`, email: `guest${i}@bench.example.com`, timeZone: "America/New_York" }],
    eventType: { seatsPerTimeSlot: null, seatsShowAttendees: null },
  };
}

/** `emails` booking emails (two per booking) queued now, as a booking's statement queues them. */
async function queue(prisma: Database, emails: number): Promise<void> {
  const rows = Array.from({ length: emails / 2 }, (_, i) => bookingNotificationRows(sampleBooking(i), { kind: "created", bookingId: 0 })).flat();
  await prisma.notification.createMany({ data: rows });
}

async function timed(emails: number, work: (i: number) => unknown): Promise<number> {
  for (let i = 0; i < Math.min(emails, 200); i += 1) await work(i); // warm-up
  const before = process.cpuUsage();
  for (let i = 0; i < emails; i += 1) await work(i);
  return round(cpuMs(process.cpuUsage(before)) / emails);
}

/** The file transport logs a line per email: kept (its cost counts) but collected, not printed. */
export async function emailCost(prisma: Database, emails = 2_000): Promise<EmailCost> {
  return (await captureLogs(() => measure(prisma, emails))).result;
}

async function measure(prisma: Database, emails: number): Promise<EmailCost> {
  const outboxDir = mkdtempSync(path.join(memoryBackedTmpdir(), "slotbase-bench-email-"));
  const saved = { dir: process.env.EMAIL_OUTBOX_DIR, server: process.env.EMAIL_SERVER, worker: process.env.NOTIFICATIONS_WORKER };
  process.env.EMAIL_OUTBOX_DIR = outboxDir;
  delete process.env.EMAIL_SERVER;
  process.env.NOTIFICATIONS_WORKER = "off";
  try {
    const settings = notificationSettings();
    const payloads = bookingNotificationRows(sampleBooking(1), { kind: "created", bookingId: 0 }).map((r) => JSON.parse(JSON.stringify(r.payload)) as unknown);
    const parsed = payloads.map((p) => BookingEmailPayloadSchema.parse(p));
    const rendered = parsed.map((p) => renderBookingEmail(p));
    const cpu: Record<string, number> = {
      parsePayload: await timed(emails, (i) => BookingEmailPayloadSchema.parse(payloads[i % 2])),
      text: await timed(emails, (i) => renderText(parsed[i % 2]!) + renderSubject(parsed[i % 2]!)),
      ics: await timed(emails, (i) => buildBookingIcs(parsed[i % 2]!)),
      mime: await timed(emails, (i) => buildMimeMessage({ id: `id-${i}`, ...rendered[i % 2]! }, settings.emailFrom)),
    };
    const message = buildMimeMessage({ id: "x", ...rendered[0]! }, settings.emailFrom).raw;
    const writeBefore = process.cpuUsage();
    for (let i = 0; i < emails; i += 1) writeFileSync(path.join(outboxDir, `w-${i}.eml`), message);
    cpu.writeFile = round(cpuMs(process.cpuUsage(writeBefore)) / emails);

    await queue(prisma, 200);
    while ((await deliverDueNotifications({ limit: 100 })).sent > 0); // warm-up
    await queue(prisma, emails);
    const passBefore = process.cpuUsage();
    const wallBefore = performance.now();
    let sent = 0;
    for (;;) {
      const result = await deliverDueNotifications({ limit: 100 });
      sent += result.sent;
      if (result.sent + result.retried + result.failed === 0) break;
    }
    const wall = performance.now() - wallBefore;
    cpu.pass = round(cpuMs(process.cpuUsage(passBefore)) / sent);
    if (sent !== emails) throw new Error(`delivered ${sent} of ${emails} queued emails`);
    return { emails, cpuMsPerEmail: cpu, passWallMsPerEmail: round(wall / sent) };
  } finally {
    process.env.EMAIL_OUTBOX_DIR = saved.dir;
    if (saved.server !== undefined) process.env.EMAIL_SERVER = saved.server;
    process.env.NOTIFICATIONS_WORKER = saved.worker;
    rmSync(outboxDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const url = new URL(benchDatabaseUrl());
  url.pathname = "/slotbase_bench_email";
  void (async () => {
    await recreateBenchDatabase(url.toString());
    const prisma = openBenchPrisma(url.toString());
    try {
      console.log(JSON.stringify(await emailCost(prisma, Number(process.argv[2] ?? 2_000)), null, 2));
    } finally {
      await prisma.$disconnect();
    }
  })();
}
