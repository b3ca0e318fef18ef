// bench:bookings, the requests: a create of one distinct slot, checked; and the same-slot race,
// 50 creates of one slot at once, exactly one winner per round.
import { performance } from "node:perf_hooks";
import { benchAttendee, createdBookingUid, iso, raceSlot, type BenchHost, type BookingsBenchData } from "./bookings-data";
import { timedRequest, type HttpRequestSpec } from "./lib/http-load";
import { expect } from "./lib/run";
import { summarize, type LatencyStats } from "./lib/stats";

export const RACE_CONCURRENCY = 50;

/** What a create returned, checked: 201, success, the slot asked for. Collects the uid. */
export function createSpec(baseUrl: string, apiKey: string, host: BenchHost, start: number, n: number, uids: string[]): HttpRequestSpec {
  return {
    method: "POST",
    url: `${baseUrl}/v2/bookings`,
    headers: { Authorization: `Bearer ${apiKey}`, "Content-Type": "application/json" },
    body: JSON.stringify({ eventTypeId: host.eventTypeId, start: iso(start), attendee: benchAttendee(n) }),
    check: (status, body) => {
      const created = createdBookingUid(status, body, host, start);
      if ("problem" in created) return created.problem;
      uids.push(created.uid);
      return null;
    },
  };
}

export interface RaceResult {
  rounds: { slot: string; created: number; conflicts: number; wallMs: number; winnerMs: number }[];
  latency: LatencyStats;
  winners: LatencyStats;
  losers: LatencyStats;
}

export async function race(baseUrl: string, data: BookingsBenchData, roundCount: number): Promise<RaceResult> {
  // Open the connections first: the race measures requests, not TCP handshakes.
  await Promise.all(
    Array.from({ length: RACE_CONCURRENCY }, () => timedRequest({ url: `${baseUrl}/`, check: (status) => (status === 200 ? null : "expected 200") })),
  );
  const all: number[] = [];
  const winners: number[] = [];
  const losers: number[] = [];
  const rounds: RaceResult["rounds"] = [];
  for (let round = 0; round < roundCount; round += 1) {
    const start = raceSlot(data, round);
    const uids: string[] = [];
    const base = createSpec(baseUrl, data.booker.apiKey, data.race, start, 0, uids);
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: RACE_CONCURRENCY }, (_, i) =>
        timedRequest({
          ...base,
          body: JSON.stringify({ eventTypeId: data.race.eventTypeId, start: iso(start), attendee: benchAttendee(1_000_000 + round * 100 + i) }),
          check: (status, body) => (status === 409 ? null : base.check(status, body) === null ? null : `expected 201 or 409`),
        }),
      ),
    );
    const wallMs = performance.now() - started;
    const created = results.filter((r) => r.status === 201);
    const conflicts = results.filter((r) => r.status === 409);
    expect(
      created.length === 1 && conflicts.length === RACE_CONCURRENCY - 1,
      `race round ${round + 1} (${iso(start)}): ${created.length} × 201 and ${conflicts.length} × 409, expected 1 and ${RACE_CONCURRENCY - 1}`,
    );
    for (const r of results) all.push(r.ms);
    winners.push(created[0]!.ms);
    losers.push(...conflicts.map((r) => r.ms));
    rounds.push({ slot: iso(start), created: created.length, conflicts: conflicts.length, wallMs: Math.round(wallMs * 10) / 10, winnerMs: Math.round(created[0]!.ms * 10) / 10 });
  }
  return { rounds, latency: summarize(all), winners: summarize(winners), losers: summarize(losers) };
}
