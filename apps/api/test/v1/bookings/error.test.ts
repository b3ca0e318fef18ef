import { getPrisma } from "@slotbase/prisma";
import { api } from "../../support/api";
import { useTestDatabase } from "../../support/database";
import { createCaller, type Caller } from "../../support/fixtures";
import { createBooking, createHostWithEventType } from "../../support/scheduling";
import { addDays, berlin, nextMonday } from "../../support/dates";

useTestDatabase();

// MON is a Monday ahead (computed from today); the host works 09:00–17:00 Berlin.
const MON = nextMonday();
const day = (n: number) => addDays(MON, n);
let host: Caller;
let eventTypeId: number;
beforeAll(async () => {
  const made = await createHostWithEventType({ metadata: { multipleDuration: [30, 60] } });
  host = made.host;
  eventTypeId = made.eventType.id;
});

// See happy.test.ts: an empty body stands for "no body" with the test double.
const NO_BODY = "";
const person = { name: "Jordan", email: "jordan@example.com", timeZone: "Europe/London" };
const book = (body: unknown) => api("POST /v1/bookings", { key: host.key, body });
const list = (query: Record<string, string | string[]>) => api("GET /v1/bookings", { key: host.key, query });
const fields = (result: { body: { details: { field?: string }[] } }) => result.body.details.map((d) => d.field);
const messageFor = (result: { body: { details: { field?: string; message: string }[] } }, field: string) => result.body.details.find((d) => d.field === field)?.message;

let minute = 0;
/** A booking of the host at its own time on the Monday two weeks after MON, written directly. */
async function hostBooking(data: Parameters<typeof createBooking>[3] = {}) {
  const start = Date.parse(berlin(day(14), "10:00")) + minute++ * 30 * 60_000;
  return createBooking(host.user.id, new Date(start).toISOString(), new Date(start + 30 * 60_000).toISOString(), { eventTypeId, ...data });
}

describe("POST /v1/bookings — bad input", () => {
  it("names every missing field, the attendee's name and email included", async () => {
    const result = await book({});
    expect(result.status).toBe(400);
    expect(result.body.code).toBe("validation_error");
    expect(fields(result)).toEqual(expect.arrayContaining(["body.eventTypeId", "body.start", "body.timeZone", "body.name", "body.email"]));
    expect(messageFor(result, "body.email")).toMatch(/responses\.email/);
  });

  it("validates email, time zone, language, start, guests and unknown fields", async () => {
    const base = { eventTypeId, start: berlin(MON, "09:00"), ...person };
    expect(fields(await book({ ...base, email: "not-an-email" }))).toEqual(["body.email"]);
    expect(fields(await book({ ...base, timeZone: "Mars/Base" }))).toEqual(["body.timeZone"]);
    expect(fields(await book({ ...base, language: "English!" }))).toEqual(["body.language"]);
    expect(fields(await book({ ...base, start: "22/03/2027" }))).toEqual(["body.start"]);
    expect(fields(await book({ ...base, guests: ["nope"] }))).toEqual(["body.guests.0"]);
    expect(fields(await book({ ...base, user: "someone" }))).toEqual(["body.user"]);
    expect(fields(await book({ ...base, eventTypeId: "1" }))).toEqual(["body.eventTypeId"]);
  });

  it("validates responses: the known fields, and bounds the rest", async () => {
    const base = { eventTypeId, start: berlin(MON, "09:00"), timeZone: "UTC" };
    expect(fields(await book({ ...base, responses: { name: "A", email: "nope" } }))).toEqual(["body.responses.email"]);
    expect(fields(await book({ ...base, responses: { name: { lastName: "A" }, email: "a@example.com" } }))).toContain("body.responses.name");
    expect(fields(await book({ ...base, ...person, responses: { guests: ["x"] } }))).toEqual(["body.responses.guests.0"]);
    expect(fields(await book({ ...base, ...person, responses: { notes: "x".repeat(20_000) } }))).toContain("body.responses");
    expect(fields(await book({ ...base, ...person, responses: "text" }))).toEqual(["body.responses"]);
  });

  it("bounds metadata like every booking surface", async () => {
    const base = { eventTypeId, start: berlin(MON, "09:00"), ...person };
    const tooManyKeys = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"]));
    expect(fields(await book({ ...base, metadata: tooManyKeys }))).toContain("body.metadata");
    expect(fields(await book({ ...base, metadata: { nested: { a: 1 } } }))).toContain("body.metadata.nested");
  });

  it("names body.end when it is not start plus one of the event type's durations", async () => {
    const base = { eventTypeId, start: berlin(MON, "09:00"), ...person };
    const wrong = await book({ ...base, end: berlin(MON, "09:45") });
    expect(wrong.status).toBe(400);
    expect(fields(wrong)).toEqual(["body.end"]);
    expect(wrong.body.message).toMatch(/30, 60 minutes/);
    expect(fields(await book({ ...base, end: berlin(MON, "08:45") }))).toEqual(["body.end"]);
    expect(fields(await book({ ...base, end: berlin(MON, "09:00:30") }))).toEqual(["body.end"]);
    expect(fields(await book({ ...base, end: berlin(day(2), "09:00") }))).toEqual(["body.end"]);
    const prisma = await getPrisma();
    expect(await prisma.booking.count({ where: { eventTypeId } })).toBe(0);
  });

  it("answers 404 for an event type that does not exist", async () => {
    const result = await book({ eventTypeId: 987654, start: berlin(MON, "09:00"), ...person });
    expect(result.status).toBe(404);
    expect(result.body.message).toMatch(/987654/);
  });

  it("answers 409 pointing at GET /v1/slots for a taken slot or a time that is not a slot", async () => {
    const first = await book({ eventTypeId, start: berlin(day(7), "10:00"), ...person });
    expect(first.status).toBe(200);
    const taken = await book({ eventTypeId, start: berlin(day(7), "10:00"), ...person, email: "other@example.com" });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ code: "conflict", message: expect.stringMatching(/GET \/v1\/slots/) });
    expect(taken.body.details).toEqual([expect.objectContaining({ field: "body.start", rule: "slot_available" })]);
    for (const start of [berlin(day(7), "07:00"), berlin(day(7), "10:10"), "2020-01-06T08:00:00Z", berlin(day(5), "10:00")]) {
      const result = await book({ eventTypeId, start, ...person });
      expect(result.status).toBe(409);
      expect(result.body.message).toMatch(/GET \/v1\/slots/);
    }
  });

  it("races: 20 concurrent creates of one slot give one 200 and 19 × 409", async () => {
    const booker = await createCaller();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => api("POST /v1/bookings", { key: booker.key, body: { eventTypeId, start: berlin(day(8), "10:00"), ...person, email: `racer${i}@example.com` } })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    const refused = results.filter((r) => r.status === 409);
    expect(refused).toHaveLength(19);
    expect(refused[0]!.body.message).toMatch(/GET \/v1\/slots/);
  });

  it("refuses a body that is not JSON", async () => {
    const result = await api("POST /v1/bookings", { key: host.key, body: "{not json", headers: { "content-type": "application/json" } });
    expect(result.status).toBe(400);
    expect(result.body.code).toBe("bad_request");
  });
});

describe("GET /v1/bookings — bad filters", () => {
  it("caps take at 100 and names bad paging", async () => {
    expect((await list({ take: "100" })).status).toBe(200);
    for (const take of ["101", "0", "-1", "ten"]) {
      const result = await list({ take });
      expect(result.status).toBe(400);
      expect(fields(result)).toEqual(["query.take"]);
    }
    expect(fields(await list({ page: "0" }))).toEqual(["query.page"]);
  });

  it("names each bad filter", async () => {
    expect(fields(await list({ status: "someday" }))).toEqual(["query.status"]);
    expect(fields(await list({ status: "upcoming,past" }))).toEqual(["query.status"]);
    expect(fields(await list({ attendeeEmail: "a@example.com,nope" }))).toEqual(["query.attendeeEmail.1"]);
    expect(fields(await list({ attendeeEmail: ["a@example.com", "nope"] }))).toEqual(["query.attendeeEmail.1"]);
    expect(fields(await list({ eventTypeId: "x" }))).toEqual(["query.eventTypeId"]);
    expect(fields(await list({ eventTypeIds: "1,x" }))).toEqual(["query.eventTypeIds.1"]);
    expect(fields(await list({ dateFrom: "yesterday" }))).toEqual(["query.dateFrom"]);
    expect(fields(await list({ dateFrom: "2027-02-30" }))).toEqual(["query.dateFrom"]);
    expect(fields(await list({ dateTo: "2027-03-22T09:00:00" }))).toEqual(["query.dateTo"]);
    expect(fields(await list({ dateFrom: day(1), dateTo: MON }))).toEqual(["query.dateTo"]);
    expect(fields(await list({ sortBy: "title" }))).toEqual(["query.sortBy"]);
    expect(fields(await list({ order: "up" }))).toEqual(["query.order"]);
    expect(fields(await list({ userId: "abc" }))).toEqual(["query.userId"]);
    expect(fields(await list({ attendeeName: "" }))).toEqual(["query.attendeeName"]);
  });
});

/** Every operation on one booking id, in turn. */
async function everyOperation(params: { id: string | number }) {
  return [
    await api("GET /v1/bookings/{id}", { key: host.key, params }),
    await api("PATCH /v1/bookings/{id}", { key: host.key, params, body: { title: "x" } }),
    await api("DELETE /v1/bookings/{id}", { key: host.key, params }),
    await api("DELETE /v1/bookings/{id}/cancel", { key: host.key, params, body: NO_BODY }),
    await api("POST /v1/bookings/{id}/confirm", { key: host.key, params }),
  ];
}

describe("/v1/bookings/{id} — bad ids and unknown bookings", () => {
  it("names a bad id on every operation", async () => {
    for (const id of ["abc", "0", "-1", "1.5", "99999999999"]) {
      for (const result of await everyOperation({ id })) {
        expect(result.status).toBe(400);
        expect(fields(result)).toContain("path.id");
      }
    }
  });

  it("answers 404 for a booking that does not exist", async () => {
    for (const result of await everyOperation({ id: 2_000_000_000 })) {
      expect(result.status).toBe(404);
      expect(result.body).toMatchObject({ code: "not_found", message: "Booking not found." });
    }
  });
});

describe("PATCH /v1/bookings/{id} — only the details", () => {
  it("refuses an empty body, unknown fields and bad values", async () => {
    const params = { id: (await hostBooking()).id };
    expect((await api("PATCH /v1/bookings/{id}", { key: host.key, params, body: {} })).status).toBe(400);
    expect(fields(await api("PATCH /v1/bookings/{id}", { key: host.key, params, body: { title: "" } }))).toEqual(["body.title"]);
    expect(fields(await api("PATCH /v1/bookings/{id}", { key: host.key, params, body: { location: "x".repeat(1001) } }))).toEqual(["body.location"]);
    expect(fields(await api("PATCH /v1/bookings/{id}", { key: host.key, params, body: { metadata: { deep: { a: 1 } } } }))).toEqual(["body.metadata.deep"]);
    expect(fields(await api("PATCH /v1/bookings/{id}", { key: host.key, params, body: { title: "x", attendees: [] } }))).toEqual(["body.attendees"]);
  });

  it("refuses time and status changes with 400s that say which endpoint to use", async () => {
    const params = { id: (await hostBooking()).id };
    for (const field of ["start", "end", "startTime", "endTime"]) {
      const result = await api("PATCH /v1/bookings/{id}", { key: host.key, params, body: { [field]: berlin(day(15), "10:00") } });
      expect(result.status).toBe(400);
      expect(fields(result)).toEqual([`body.${field}`]);
      expect(messageFor(result, `body.${field}`)).toMatch(/reschedule/);
    }
    const status = await api("PATCH /v1/bookings/{id}", { key: host.key, params, body: { title: "x", status: "CANCELLED" } });
    expect(fields(status)).toEqual(["body.status"]);
    expect(messageFor(status, "body.status")).toMatch(/DELETE \/v1\/bookings\/\{id\}\/cancel/);
    const prisma = await getPrisma();
    expect((await prisma.booking.findUniqueOrThrow({ where: { id: params.id } })).title).toBe("Booked");
  });

  it("refuses to change a cancelled or declined booking (409)", async () => {
    for (const status of ["CANCELLED", "REJECTED"] as const) {
      const booking = await hostBooking({ status });
      const result = await api("PATCH /v1/bookings/{id}", { key: host.key, params: { id: booking.id }, body: { title: "x" } });
      expect(result.status).toBe(409);
      expect(result.body.message).toMatch(status.toLowerCase());
    }
  });
});

describe("cancel and confirm — states and input", () => {
  it("refuses to cancel twice, or a booking that has ended", async () => {
    const params = { id: (await hostBooking()).id };
    expect((await api("DELETE /v1/bookings/{id}/cancel", { key: host.key, params, body: NO_BODY })).status).toBe(200);
    const again = await api("DELETE /v1/bookings/{id}/cancel", { key: host.key, params, body: NO_BODY });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/already cancelled/);
    const ended = await createBooking(host.user.id, "2026-01-05T08:00:00Z", "2026-01-05T08:30:00Z", { eventTypeId });
    expect((await api("DELETE /v1/bookings/{id}/cancel", { key: host.key, params: { id: ended.id }, body: NO_BODY })).status).toBe(409);
  });

  it("names a bad cancellation reason in the body or the query, and unknown body fields", async () => {
    const params = { id: (await hostBooking()).id };
    const long = "x".repeat(2001);
    expect(fields(await api("DELETE /v1/bookings/{id}/cancel", { key: host.key, params, body: { cancellationReason: long } }))).toEqual(["body.cancellationReason"]);
    expect(fields(await api("DELETE /v1/bookings/{id}/cancel", { key: host.key, params, query: { cancellationReason: long }, body: NO_BODY }))).toEqual(["query.cancellationReason"]);
    expect(fields(await api("DELETE /v1/bookings/{id}/cancel", { key: host.key, params, body: { reason: "x" } }))).toEqual(["body.reason"]);
  });

  it("refuses to confirm what is not pending (409)", async () => {
    const params = { id: (await hostBooking()).id };
    const result = await api("POST /v1/bookings/{id}/confirm", { key: host.key, params });
    expect(result.status).toBe(409);
    expect(result.body.message).toMatch(/Only a pending booking/);
  });

  it("refuses to confirm a pending booking that overlaps an accepted one (409 pointing at GET /v1/slots)", async () => {
    const accepted = await hostBooking();
    const pending = await createBooking(host.user.id, accepted.startTime.toISOString(), accepted.endTime.toISOString(), { eventTypeId, status: "PENDING" });
    const result = await api("POST /v1/bookings/{id}/confirm", { key: host.key, params: { id: pending.id } });
    expect(result.status).toBe(409);
    expect(result.body.message).toMatch(/GET \/v1\/slots/);
    const prisma = await getPrisma();
    expect((await prisma.booking.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe("PENDING");
  });

  it("DELETE cancels, so a second DELETE is a 409 (already cancelled), and the booking is still there", async () => {
    const params = { id: (await hostBooking()).id };
    expect((await api("DELETE /v1/bookings/{id}", { key: host.key, params })).status).toBe(200);
    const again = await api("DELETE /v1/bookings/{id}", { key: host.key, params });
    expect(again.status).toBe(409);
    expect((await api("GET /v1/bookings/{id}", { key: host.key, params })).body.booking.status).toBe("CANCELLED");
  });

  it("names a bad allRemainingBookings or cancelledBy", async () => {
    const params = { id: (await hostBooking()).id };
    const result = await api("DELETE /v1/bookings/{id}", { key: host.key, params, query: { allRemainingBookings: "maybe", cancelledBy: "not-an-email" } });
    expect(result.status).toBe(400);
    expect(result.body.details.map((d: { field?: string }) => d.field)).toEqual(expect.arrayContaining(["query.allRemainingBookings", "query.cancelledBy"]));
  });
});
