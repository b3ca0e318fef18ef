import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createTestDatabase, type TestDatabase } from "@slotbase/prisma/testing";
import { freePort } from "../../../scripts/bench/lib/server";
import { createHostWithEventType, nextWeekdaySlot } from "../test/support/scheduling";
import { createCaller } from "../test/support/fixtures";

/**
 * `yarn start` (the launcher: the built server and the email delivery process) on PostgreSQL,
 * sent SIGTERM in the middle of a burst of bookings: it exits 0, and every booking it answered
 * with a 201 is in the database with its emails still queued or sent. Nothing it said yes to is lost.
 */
process.env.TEST_DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/test";
const API_DIR = path.resolve(__dirname, "..");

let db: TestDatabase;
let launcher: ChildProcess;
let baseUrl: string;
const mail = mkdtempSync(path.join(tmpdir(), "slotbase-shutdown-mail-"));

beforeAll(async () => {
  db = await createTestDatabase();
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  const tsx = pathToFileURL(createRequire(path.join(API_DIR, "package.json")).resolve("tsx")).href;
  launcher = spawn(process.execPath, ["--import", tsx, path.join(API_DIR, "scripts", "start.ts")], {
    cwd: API_DIR,
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: db.url!, PORT: String(port), EMAIL_OUTBOX_DIR: mail, EMAIL_SERVER: "", RATE_LIMIT_PER_MINUTE: "0", RATE_LIMIT_ANONYMOUS_PER_MINUTE: "0", NODE_OPTIONS: "" },
    stdio: ["ignore", "ignore", "ignore"],
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    const up = await fetch(`${baseUrl}/health`).then((r) => r.ok, () => false);
    if (up) break;
    if (Date.now() > deadline || launcher.exitCode !== null) throw new Error("yarn start did not come up");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}, 90_000);

afterAll(async () => {
  if (launcher && launcher.exitCode === null) launcher.kill("SIGKILL");
  await db?.close();
  rmSync(mail, { recursive: true, force: true });
});

describe("yarn start on SIGTERM", () => {
  it("answers what it accepted, commits every booking it said 201 to, keeps their emails, and exits 0", async () => {
    const { eventType } = await createHostWithEventType();
    const booker = await createCaller();
    const book = (start: string) =>
      fetch(`${baseUrl}/v2/bookings`, {
        method: "POST",
        headers: { authorization: `Bearer ${booker.key}`, "content-type": "application/json" },
        body: JSON.stringify({ eventTypeId: eventType.id, start, attendee: { name: "Burst", email: "burst@example.com", timeZone: "Europe/Berlin" } }),
      }).then(
        async (response) => ({ status: response.status, uid: response.status === 201 ? ((await response.json()) as { data: { uid: string } }).data.uid : undefined }),
        () => ({ status: 0, uid: undefined }), // refused: the server had stopped accepting
      );

    const exited = new Promise<number | null>((resolve) => launcher.once("exit", (code) => resolve(code)));
    const burst: Promise<{ status: number; uid?: string }>[] = [];
    for (let i = 0; i < 40; i += 1) {
      burst.push(book(nextWeekdaySlot().start));
      if (i === 20) launcher.kill("SIGTERM");
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const answers = await Promise.all(burst);
    expect(await exited).toBe(0);

    const accepted = answers.filter((a) => a.status === 201).map((a) => a.uid!);
    expect(accepted.length).toBeGreaterThan(0);
    // anything else is a refused connection, never a half-done 5xx
    expect(answers.filter((a) => a.status !== 201 && a.status !== 0)).toEqual([]);
    const rows = await db.prisma.booking.findMany({ where: { uid: { in: accepted } }, select: { id: true, status: true } });
    expect(rows).toHaveLength(accepted.length);
    expect(rows.every((row) => row.status === "ACCEPTED")).toBe(true);
    const emails = await db.prisma.notification.findMany({ where: { bookingId: { in: rows.map((r) => r.id) } }, select: { status: true } });
    expect(emails.length).toBeGreaterThanOrEqual(accepted.length);
    expect(emails.every((email) => email.status === "PENDING" || email.status === "SUCCEEDED")).toBe(true);
  }, 60_000);
});
