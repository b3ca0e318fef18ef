// bench:bookings, in process: createBooking without HTTP — its queries, its latency and its CPU.
import type { AuthContext } from "@slotbase/features/auth/auth-context";
import { createBooking, type BookingCreateInput } from "@slotbase/features/bookings/create-booking";
import type { Database } from "@slotbase/prisma";
import { benchAttendee, SLOT_MINUTES, type BookingsBenchData } from "./bookings-data";
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
  return {
    rows: [{ scenario: "create, personal 15-min event type", mode: "service: createBooking (in process, DB)", latency: total }],
    queriesPerCreate: queries.length,
    queries,
    cpuMsPerCreate: Math.round(cpuMsPerCreate * 100) / 100,
  };
}

