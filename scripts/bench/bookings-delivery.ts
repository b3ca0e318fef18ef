// bench:bookings, the emails of the throughput run: how deep the outbox got, second by second,
// and how long each email took from its booking's creation to its delivery.
import { Client } from "pg";
import type { BookingsBenchData } from "./bookings-data";
import { summarize, type LatencyStats } from "./lib/stats";

/** Every email of the run delivered within this long of its booking's creation, or the run fails (on a quiet machine). */
export const EMAIL_LAG_TARGET_MS = 10_000;

export interface DepthSample {
  /** Seconds since the run started. */
  t: number;
  /** The load bookings' emails not yet delivered (PENDING). */
  pending: number;
}

/** Samples the outbox's depth every second from its own connection until stop(). */
export async function sampleOutboxDepth(url: string, data: BookingsBenchData): Promise<{ stop(): Promise<DepthSample[]> }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  const samples: DepthSample[] = [];
  const types = data.load.map((h) => h.eventTypeId);
  let stopped = false;
  const sample = async () => {
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM "Notification" n JOIN "Booking" b ON b.id = n."bookingId" WHERE n.status = 'PENDING' AND b."eventTypeId" = ANY($1)`,
      [types],
    );
    samples.push({ t: Math.round((performance.now() - started) / 100) / 10, pending: Number(rows[0]!.n) });
  };
  const loop = (async () => {
    while (!stopped) {
      const next = started + (samples.length + 1) * 1000;
      await sample();
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      await client.end();
      return samples;
    },
  };
}

export interface EmailLag {
  emails: number;
  delivered: number;
  deliveredDuringRun: number;
  deliveredAfterRun: number;
  /** From the booking's createdAt to the row's sentAt. */
  lagMs: LatencyStats | null;
  overTarget: number;
  /** The last delivery, seconds after the run ended (≤ 0: during it). */
  lastDeliveredAfterRunSeconds: number | null;
}

/** The lag of every email of the run's bookings (by uid); `runEnded` by this machine's clock, as sentAt is. */
export async function emailLag(url: string, uids: string[], runEnded: Date): Promise<EmailLag> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ lag_ms: string | null; after_s: string | null }>(
      `SELECT EXTRACT(EPOCH FROM (n."sentAt" - b."createdAt")) * 1000 AS lag_ms, EXTRACT(EPOCH FROM (n."sentAt" - $2::timestamp)) AS after_s
         FROM "Notification" n JOIN "Booking" b ON b.id = n."bookingId" WHERE b.uid = ANY($1)`,
      [uids, runEnded.toISOString()],
    );
    const sent = rows.filter((r) => r.lag_ms !== null).map((r) => ({ lag: Number(r.lag_ms), after: Number(r.after_s) }));
    return {
      emails: rows.length,
      delivered: sent.length,
      deliveredDuringRun: sent.filter((s) => s.after <= 0).length,
      deliveredAfterRun: sent.filter((s) => s.after > 0).length,
      lagMs: sent.length ? summarize(sent.map((s) => s.lag)) : null,
      overTarget: sent.filter((s) => s.lag > EMAIL_LAG_TARGET_MS).length + (rows.length - sent.length),
      lastDeliveredAfterRunSeconds: sent.length ? Math.round(Math.max(...sent.map((s) => s.after)) * 10) / 10 : null,
    };
  } finally {
    await client.end();
  }
}

/** Who delivers the emails in each --notifications mode. */
export const DELIVERY_TEXT = {
  process: "the delivery process beside the server(s), woken by NOTIFY (as `yarn start` runs it on PostgreSQL)",
  "in-process": "the server's in-process worker (NOTIFICATIONS_WORKER=on)",
  off: "queued only (NOTIFICATIONS_WORKER=off)",
} as const;

/** The deepest the outbox got, and when. */
export function deepest(samples: DepthSample[]): DepthSample | null {
  return samples.reduce<DepthSample | null>((max, s) => (max === null || s.pending > max.pending ? s : max), null);
}

export function describeLag(lag: EmailLag, depth: DepthSample[]): string {
  const max = deepest(depth);
  const ms = (x: number | undefined) => (x === undefined ? "?" : `${Math.round(x)} ms`);
  return (
    `emails of the run: ${lag.delivered} of ${lag.emails} delivered, ${lag.deliveredDuringRun} during the run and ${lag.deliveredAfterRun} after it` +
    ` (the last ${lag.lastDeliveredAfterRunSeconds ?? "?"} s after it); lag from booking to delivery p50 ${ms(lag.lagMs?.p50)}, p99 ${ms(lag.lagMs?.p99)}, max ${ms(lag.lagMs?.max)}` +
    `; ${lag.overTarget} over ${EMAIL_LAG_TARGET_MS / 1000} s; outbox depth at most ${max?.pending ?? "?"} (at ${max?.t ?? "?"} s)`
  );
}
