import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "@slotbase/prisma/testing";
import { deliverDueNotifications, enqueueBookingNotifications } from "../../notifications";
import { captureLogs } from "../../logging/logger";
import { createBooking, createHost } from "./fixtures";
import { icsValue, readMail } from "../../testing/mail-server";

let db: TestDatabase;
let outbox: string;
const savedEnv = { ...process.env };

beforeAll(async () => {
  db = await createTestDatabase();
  outbox = mkdtempSync(path.join(tmpdir(), "slotbase-mail-"));
  delete process.env.EMAIL_SERVER;
  delete process.env.EMAIL_FROM;
  process.env.EMAIL_OUTBOX_DIR = path.join(outbox, "mail");
});
afterAll(async () => {
  process.env = savedEnv;
  rmSync(outbox, { recursive: true, force: true });
  await db.close();
});

describe("file transport (no EMAIL_SERVER)", () => {
  it("writes one readable .eml per recipient to EMAIL_OUTBOX_DIR and logs its path", async () => {
    const host = await createHost(db.prisma, { name: "Grace Hopper", timeZone: "Europe/Berlin", timeFormat: 12 });
    const booking = await createBooking(db.prisma, { hostId: host.id, start: "2030-03-04T15:00:00Z", title: "Quarterly review, part 2; budget" });
    await db.prisma.$transaction((tx) => enqueueBookingNotifications(tx, { kind: "confirmed", bookingId: booking.id }));

    const { result, lines: logged } = await captureLogs(() => deliverDueNotifications());
    expect(result).toEqual({ sent: 3, retried: 0, failed: 0 });

    const files = readdirSync(process.env.EMAIL_OUTBOX_DIR!).filter((f) => f.endsWith(".eml"));
    expect(files).toHaveLength(3);
    const rows = await db.prisma.notification.findMany({ where: { bookingId: booking.id } });
    for (const row of rows) expect(files.some((f) => f.endsWith(`-${row.id}.eml`))).toBe(true);

    expect(logged).toHaveLength(3);
    for (const line of logged) {
      expect(line.level).toBe("info");
      expect(files.map((f) => path.join(process.env.EMAIL_OUTBOX_DIR!, f))).toContain(line.path);
      expect(line.msg).toContain(line.path);
    }

    const mails = files.map((f) => readFileSync(path.join(process.env.EMAIL_OUTBOX_DIR!, f), "utf8")).map((raw) => readMail(raw));
    const hostMail = mails.find((m) => m.to.includes(host.email))!;
    expect(hostMail.raw).toMatch(/^Content-Type: multipart\/mixed/m);
    expect(hostMail.from).toBe("Slotbase <no-reply@slotbase.local>");
    expect(hostMail.subject).toBe("Confirmed: Quarterly review, part 2; budget on Mon, 4 Mar 2030, 4:00 pm");
    expect(hostMail.text).toContain("When:   Mon, 4 Mar 2030, 4:00 pm – 4:30 pm (Europe/Berlin)");
    expect(icsValue(hostMail.ics, "SUMMARY")).toBe("Quarterly review\\, part 2\\; budget");
    for (const mail of mails) {
      expect(icsValue(mail.ics, "METHOD")).toBe("REQUEST");
      expect(icsValue(mail.ics, "UID")).toBe(`${booking.uid}@slotbase`);
      expect(mail.calendarMethod).toBe("REQUEST");
    }
    expect(mails.map((m) => m.to).join(" ")).toContain("ada@example.com");
  });
});
