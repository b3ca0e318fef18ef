/**
 * What parsing a success body through its public response schema (endpoint()'s `response`)
 * costs: 10,000 parses of a realistic booking, v2 (POST /v2/bookings) and v1 (with Dates).
 * `tsx scripts/bench-response-schema.ts` (apps/api). Prints microseconds per parse.
 */
import { BookingResponseV2 } from "../lib/schemas/bookings-v2";
import { BookingResponseV1 } from "../lib/schemas/bookings-v1";
import { toResponseBody } from "../lib/validation/response";

const RUNS = 10_000;
const start = new Date("2027-03-29T07:00:00.000Z");
const end = new Date("2027-03-29T07:30:00.000Z");

const v2 = {
  status: "success" as const,
  data: {
    id: 12345,
    uid: "bk_3f9a2c7e1d4b4e0f9a7c",
    title: "30 Minute Meeting between Alice Example and Jordan Lee",
    description: "Quarterly planning: agenda in the invite.",
    start: start.toISOString(),
    end: end.toISOString(),
    duration: 30,
    status: "accepted" as const,
    eventTypeId: 1,
    eventType: { id: 1, slug: "30min" },
    attendees: [
      { name: "Jordan Lee", email: "jordan@example.com", timeZone: "Europe/London", language: "en", phoneNumber: null, absent: false },
      { name: "guest@example.com", email: "guest@example.com", timeZone: "Europe/London", language: "en", phoneNumber: null, absent: false },
    ],
    hosts: [{ id: 7, name: "Alice Example", email: "alice@example.com", username: "alice", timeZone: "Europe/Berlin" }],
    location: "https://meet.example.com/abc-defg-hij",
    meetingUrl: "https://meet.example.com/abc-defg-hij",
    metadata: { crmId: "0065g00000XyZ", source: "website", campaign: "spring" },
    bookingFieldsResponses: { notes: "Please prepare the quarterly report", company: "Example Ltd" },
    cancellationReason: null,
    rejectionReason: null,
    rescheduledFromUid: null,
    rescheduledToUid: null,
    absentHost: false,
    createdAt: new Date().toISOString(),
    updatedAt: null,
    // What a service might add one day: stripped.
    iCalUID: "bk_3f9a2c7e1d4b4e0f9a7c@slotbase",
  },
};

const v1 = {
  booking: {
    id: 12345,
    uid: "bk_3f9a2c7e1d4b4e0f9a7c",
    userId: 7,
    eventTypeId: 1,
    title: "30 Minute Meeting between Alice Example and Jordan Lee",
    description: null,
    startTime: start,
    endTime: end,
    location: "https://meet.example.com/abc-defg-hij",
    paid: false,
    cancellationReason: null,
    rejectionReason: null,
    fromReschedule: null,
    rescheduled: null,
    noShowHost: false,
    createdAt: new Date(),
    updatedAt: null,
    status: "ACCEPTED" as const,
    timeZone: "Europe/Berlin",
    attendees: [{ id: 1, email: "jordan@example.com", name: "Jordan Lee", timeZone: "Europe/London", locale: "en", bookingId: 12345, noShow: false }],
    user: { id: 7, name: "Alice Example", email: "alice@example.com", username: "alice", timeZone: "Europe/Berlin" },
    metadata: { crmId: "0065g00000XyZ" },
    responses: { name: "Jordan Lee", email: "jordan@example.com" },
    references: [],
  },
};

function time(label: string, run: () => unknown): void {
  for (let i = 0; i < 2_000; i += 1) run(); // warm up (zod compiles object parsers on first use)
  const started = process.hrtime.bigint();
  for (let i = 0; i < RUNS; i += 1) run();
  const micros = Number(process.hrtime.bigint() - started) / 1_000 / RUNS;
  console.log(`${label}: ${micros.toFixed(1)} µs per parse (${RUNS} parses)`);
}

time("BookingResponseV2 (POST /v2/bookings)", () => toResponseBody(BookingResponseV2, v2));
time("BookingResponseV1 (POST /v1/bookings, Dates)", () => toResponseBody(BookingResponseV1, v1));
time("JSON.stringify of the v2 body, for scale", () => JSON.stringify(v2));
