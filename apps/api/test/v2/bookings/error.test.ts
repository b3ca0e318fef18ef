import { api } from "../../support/api";
import { useTestDatabase } from "../../support/database";
import { type Caller } from "../../support/fixtures";
import { createBooking, createEventType, createHostWithEventType } from "../../support/scheduling";
import { addDays, berlin, nextMonday } from "../../support/dates";

useTestDatabase();

// MON is a Monday ahead (computed from today); hosts work 09:00–17:00 Berlin.
const MON = nextMonday();
const day = (n: number) => addDays(MON, n);

let host: Caller;
let eventTypeId: number;
beforeAll(async () => {
  const made = await createHostWithEventType({ metadata: { multipleDuration: [30, 60] } });
  host = made.host;
  eventTypeId = made.eventType.id;
});

const attendee = { name: "Jordan", email: "jordan@example.com", timeZone: "Europe/London" };
const book = (body: unknown) => api("POST /v2/bookings", { key: host.key, body });
const fields = (result: { body: { error: { details: { field?: string }[] } } }) => result.body.error.details.map((d) => d.field);

describe("POST /v2/bookings — bad input", () => {
  it("names missing fields", async () => {
    const result = await book({});
    expect(result.status).toBe(400);
    expect(fields(result)).toEqual(expect.arrayContaining(["body.start", "body.attendee"]));
    const noEventType = await book({ start: new Date(Date.now() + 86_400_000).toISOString(), attendee: { name: "A", email: "a@example.com", timeZone: "UTC" } });
    expect(noEventType.status).toBe(400);
    expect(noEventType.body.error.details).toEqual([expect.objectContaining({ field: "body.eventTypeId", message: "Send eventTypeId, or eventTypeSlug with username or teamSlug" })]);
  });

  it("validates the attendee: email, time zone, language, phone", async () => {
    const base = { eventTypeId, start: berlin(MON, "09:00") };
    expect(fields(await book({ ...base, attendee: { ...attendee, email: "not-an-email" } }))).toContain("body.attendee.email");
    expect(fields(await book({ ...base, attendee: { ...attendee, timeZone: "Mars/Base" } }))).toContain("body.attendee.timeZone");
    expect(fields(await book({ ...base, attendee: { ...attendee, language: "English!" } }))).toContain("body.attendee.language");
    expect(fields(await book({ ...base, attendee: { ...attendee, phoneNumber: "12" } }))).toContain("body.attendee.phoneNumber");
  });

  it("bounds metadata, responses and guests", async () => {
    const base = { eventTypeId, start: berlin(MON, "09:00"), attendee };
    const tooManyKeys = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"]));
    expect(fields(await book({ ...base, metadata: tooManyKeys }))).toContain("body.metadata");
    expect(fields(await book({ ...base, metadata: { k: "x".repeat(501) } }))).toContain("body.metadata.k");
    expect(fields(await book({ ...base, metadata: { nested: { a: 1 } } }))).toContain("body.metadata.nested");
    expect(fields(await book({ ...base, bookingFieldsResponses: { notes: "x".repeat(20_000) } }))).toContain("body.bookingFieldsResponses");
    expect(fields(await book({ ...base, guests: ["nope"] }))).toContain("body.guests.0");
  });

  it("refuses a malformed start and unknown fields", async () => {
    expect(fields(await book({ eventTypeId, start: "22/03/2027", attendee }))).toContain("body.start");
    expect(fields(await book({ eventTypeId, start: berlin(MON, "09:00"), attendee, surprise: true }))).toContain("body.surprise");
  });

  it("answers 404 for an event type that does not exist", async () => {
    const result = await book({ eventTypeId: 987654, start: berlin(MON, "09:00"), attendee });
    expect(result.status).toBe(404);
    expect(result.body.error.message).toMatch(/987654/);
  });

  it("answers 409 pointing at GET /v2/slots for a time that is not a free slot", async () => {
    for (const start of [berlin(MON, "06:00"), berlin(MON, "09:10"), "2020-01-06T08:00:00Z", berlin(day(5), "10:00")]) {
      const result = await book({ eventTypeId, start, attendee });
      expect(result.status).toBe(409);
      expect(result.body.error.message).toMatch(/GET \/v2\/slots/);
    }
  });

  it("refuses a slot in another booking's buffer, or a longer booking that runs into the next one's", async () => {
    const padded = await createEventType(host.user.id, { afterEventBuffer: 60 });
    await createBooking(host.user.id, berlin(day(2), "09:00"), berlin(day(2), "09:30"), { eventTypeId: padded.id }); // 09:00–09:30 Berlin, +1 h
    expect((await book({ eventTypeId, start: berlin(day(2), "09:30"), attendee })).status).toBe(409);
    expect((await book({ eventTypeId, start: berlin(day(2), "10:30"), attendee })).status).toBe(201);
    const paddedBefore = await createEventType(host.user.id, { beforeEventBuffer: 45 });
    await createBooking(host.user.id, berlin(day(2), "13:30"), berlin(day(2), "14:00"), { eventTypeId: paddedBefore.id }); // 13:30 Berlin, busy from 12:45 Berlin
    expect((await book({ eventTypeId, start: berlin(day(2), "12:00"), attendee, lengthInMinutes: 60 })).status).toBe(409);
    expect((await book({ eventTypeId, start: berlin(day(2), "12:00"), attendee, lengthInMinutes: 30 })).status).toBe(201);
  });

  it("accepts only the event type's durations", async () => {
    expect((await book({ eventTypeId, start: berlin(day(1), "09:00"), attendee, lengthInMinutes: 60 })).status).toBe(201);
    expect(fields(await book({ eventTypeId, start: berlin(day(1), "11:00"), attendee, lengthInMinutes: 45 }))).toContain("body.lengthInMinutes");
  });
});

describe("v2 booking actions — states and input", () => {
  it("refuses to confirm or decline what is not pending, or cancel what is cancelled", async () => {
    const booking = await createBooking(host.user.id, berlin(day(14), "10:00"), berlin(day(14), "10:30"), { eventTypeId });
    const params = { bookingUid: booking.uid };
    expect((await api("POST /v2/bookings/{bookingUid}/confirm", { key: host.key, params })).status).toBe(409);
    expect((await api("POST /v2/bookings/{bookingUid}/decline", { key: host.key, params, body: {} })).status).toBe(409);
    expect((await api("POST /v2/bookings/{bookingUid}/cancel", { key: host.key, params, body: {} })).status).toBe(200);
    expect((await api("POST /v2/bookings/{bookingUid}/cancel", { key: host.key, params, body: {} })).status).toBe(409);
    expect((await api("POST /v2/bookings/{bookingUid}/reschedule", { key: host.key, params, body: { start: berlin(day(15), "10:00") } })).status).toBe(409);
  });

  it("refuses to cancel a booking that has ended", async () => {
    const booking = await createBooking(host.user.id, "2026-01-05T08:00:00Z", "2026-01-05T08:30:00Z", { eventTypeId });
    expect((await api("POST /v2/bookings/{bookingUid}/cancel", { key: host.key, params: { bookingUid: booking.uid }, body: {} })).status).toBe(409);
  });

  it("names bad action input", async () => {
    const booking = await createBooking(host.user.id, berlin(day(16), "10:00"), berlin(day(16), "10:30"), { eventTypeId });
    const params = { bookingUid: booking.uid };
    expect(fields(await api("POST /v2/bookings/{bookingUid}/reschedule", { key: host.key, params, body: {} }))).toContain("body.start");
    expect(fields(await api("PATCH /v2/bookings/{bookingUid}/location", { key: host.key, params, body: { location: "" } }))).toContain("body.location");
    expect(fields(await api("POST /v2/bookings/{bookingUid}/mark-absent", { key: host.key, params, body: { attendeeEmail: "a@b.co" } }))).toContain("body.noShow");
    expect(fields(await api("POST /v2/bookings/{bookingUid}/mark-absent", { key: host.key, params, body: {} }))).toContain("body.attendeeEmail");
  });

  it("answers 404 for an unknown uid, and 409 when reassigning a personal booking", async () => {
    expect((await api("GET /v2/bookings/{bookingUid}", { key: host.key, params: { bookingUid: "nope" } })).status).toBe(404);
    const booking = await createBooking(host.user.id, berlin(day(17), "10:00"), berlin(day(17), "10:30"), { eventTypeId });
    expect((await api("POST /v2/bookings/{bookingUid}/reassign", { key: host.key, params: { bookingUid: booking.uid } })).status).toBe(409);
  });

  it("names bad list filters", async () => {
    expect(fields(await api("GET /v2/bookings", { key: host.key, query: { take: "251" } }))).toContain("query.take");
    expect(fields(await api("GET /v2/bookings", { key: host.key, query: { status: "upcoming,someday" } }))).toContain("query.status.1");
    expect(fields(await api("GET /v2/bookings", { key: host.key, query: { afterStart: "yesterday" } }))).toContain("query.afterStart");
    expect(fields(await api("GET /v2/bookings", { key: host.key, query: { eventTypeIds: "1,x" } }))).toContain("query.eventTypeIds.1");
    expect(fields(await api("GET /v2/bookings", { key: host.key, query: { sortStart: "up" } }))).toContain("query.sortStart");
  });
});
