// bench:bookings, in process: createBooking without HTTP — its queries, its latency and its CPU.
import type { AuthContext } from "@slotbase/features/auth/auth-context";
import { createBooking, type BookingCreateInput } from "@slotbase/features/bookings/create-booking";
import type { Database } from "@slotbase/prisma";
import { benchAttendee, SLOT_MINUTES, type BookingsBenchData } from "./bookings-data";
import { analyze } from "./lib/database";
import { describeSql, openQueryLog } from "./lib/query-log";
import type { ResultRow } from "./lib/report";
import { expect } from "./lib/run";
import { measureAsync, type LoopOptions } from "./lib/stats";

export interface InProcess {
  rows: ResultRow[];
  queriesPerCreate: number;
  queries: { query: string; ms: number }[];
  /** This process's CPU (user + system, all threads) per createBooking, ms: a create without HTTP. */
  cpuMsPerCreate: number;
  /** p50 of a create for the same host once it has LATER_BOOKINGS bookings after the slots booked, over the p50 before. */
  laterBookingsRatio: number;
}

/** Bookings placed after the slots the in-process runs book: a busy check must not read them. */
export const LATER_BOOKINGS = 20_000;

/** LATER_BOOKINGS back-to-back bookings of `host`, a day after `after` onwards, written in SQL. */
async function addLaterBookings(url: string, prisma: Database, host: { userId: number; eventTypeId: number }, after: number): Promise<void> {
  const from = new Date(after + 86_400_000).toISOString();
  await prisma.$executeRaw`
    INSERT INTO "Booking" (uid, "userId", "eventTypeId", title, "startTime", "endTime", status, "updatedAt")
    SELECT 'bench-later-' || g, ${host.userId}::int, ${host.eventTypeId}::int, 'Later booking',
      ${from}::timestamp + g * ${SLOT_MINUTES}::int * interval '1 minute',
      ${from}::timestamp + (g + 1) * ${SLOT_MINUTES}::int * interval '1 minute', 'ACCEPTED', now()
    FROM generate_series(0, ${LATER_BOOKINGS - 1}::int) AS g`;
  // What autovacuum would do (this machine's PostgreSQL runs without it): statistics, hint bits.
  await analyze(url);
}

const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

/** createBooking in this process (no HTTP): its queries, its latency, its CPU. */
export async function inProcess(url: string, prisma: Database, data: BookingsBenchData, loop: LoopOptions): Promise<InProcess> {
  process.env.NOTIFICATIONS_WORKER = "off"; // this process only queues; the server's worker delivers
  const auth: AuthContext = { userId: data.booker.userId, role: "USER", isAdmin: false, apiKeyId: "bench", scopes: [], teamId: null };
  let n = 0;
  // The profile host's slots, one after another (the load and race hosts are other users).
  const input = (): BookingCreateInput => {
    n += 1;
    return { eventTypeId: data.profile.eventTypeId, start: new Date(data.firstSlot + n * SLOT_MINUTES * 60_000), attendee: benchAttendee(-n) };
  };
  const create = () => createBooking(auth, input());

  const log = openQueryLog(url, prisma);
  let queries: { query: string; ms: number }[];
  try {
    for (let i = 0; i < 5; i += 1) await log.capture(create);
    const logged = await log.capture(create);
    queries = logged.map((q) => ({ query: describeSql(q.sql), ms: Math.round(q.durationMs * 100) / 100 }));
  } finally {
    await log.close();
  }

  const createsBefore = n;
  const cpuBefore = process.cpuUsage();
  const total = await measureAsync(create, loop, (record) => expect(record.status === "ACCEPTED", "an in-process create was not accepted"));
  const cpuMsPerCreate = cpuMs(process.cpuUsage(cpuBefore)) / (n - createsBefore);

  // The same host again with a long queue of later bookings (a room booked a year ahead):
  // the check reads the new booking's window, so the create costs what it did.
  await addLaterBookings(url, prisma, data.profile, data.firstSlot + (n + loop.warmup + loop.maxIterations + 1) * SLOT_MINUTES * 60_000);
  const withLater = await measureAsync(create, loop, (record) => expect(record.status === "ACCEPTED", "an in-process create was not accepted"));
  return {
    rows: [
      { scenario: "create, personal 15-min event type", mode: "service: createBooking (in process, DB)", latency: total },
      { scenario: `create, the same host with ${LATER_BOOKINGS.toLocaleString("en")} later bookings`, mode: "service: createBooking (in process, DB)", latency: withLater },
    ],
    queriesPerCreate: queries.length,
    queries,
    cpuMsPerCreate: Math.round(cpuMsPerCreate * 100) / 100,
    laterBookingsRatio: Math.round((withLater.p50 / total.p50) * 100) / 100,
  };
}

