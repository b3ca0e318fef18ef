// bench:webhooks, the booking load: bench:bookings' requests — POST /v2/bookings with the
// booker's key, the n-th request for the n-th distinct (load host, slot) of bookings-data.ts
// (loadSlot), each 201 checked as bench:bookings checks it — and, for the webhook checks,
// every created booking's uid, host and the time its response arrived.
import { benchAttendee, createdBookingUid, iso, loadSlot, type BookingsBenchData } from "./bookings-data";
import type { HttpRequestSpec } from "./lib/http-load";
import { clock } from "./webhooks-receiver";

export interface CreatedBooking {
  hostUserId: number;
  /** When the 201 had been read (epoch ms, the receivers' clock). */
  respondedAt: number;
  /** Which phase of the run made it (warm-up, sweep, run…). */
  phase: string;
}

/** Every booking a 201 announced, by uid. */
export type CreatedBookings = Map<string, CreatedBooking>;

/** The n-th request of the load; its check records the booking in `created` under `phase()`. */
export function bookingRequests(baseUrl: string, data: BookingsBenchData, created: CreatedBookings, phase: () => string): (n: number) => HttpRequestSpec {
  return (n) => {
    const { host, start } = loadSlot(data, n);
    return {
      method: "POST",
      url: `${baseUrl}/v2/bookings`,
      headers: { Authorization: `Bearer ${data.booker.apiKey}`, "Content-Type": "application/json" },
      body: JSON.stringify({ eventTypeId: host.eventTypeId, start: iso(start), attendee: benchAttendee(n) }),
      check: (status, body) => {
        const respondedAt = clock();
        const answer = createdBookingUid(status, body, host, start);
        if ("problem" in answer) return answer.problem;
        if (created.has(answer.uid)) return `uid ${answer.uid} returned twice`;
        created.set(answer.uid, { hostUserId: host.userId, respondedAt, phase: phase() });
        return null;
      },
    };
  };
}

/** The uids made in the given phases. */
export function uidsOf(created: CreatedBookings, phases: string[]): string[] {
  return [...created].filter(([, b]) => phases.includes(b.phase)).map(([uid]) => uid);
}
