import { getPrisma } from "@slotbase/prisma";
import { api } from "../../support/api";
import { useTestDatabase } from "../../support/database";
import { createAdmin, createCaller, type Caller } from "../../support/fixtures";
import { createBooking, createEventType, createHostWithEventType } from "../../support/scheduling";
import { addDays, berlin, BERLIN, inZone, instant, localIso, nextMonday, today, UTC } from "../../support/dates";

useTestDatabase();

// MON is a Monday ahead (computed from today); hosts work 09:00–17:00 Berlin.
const MON = nextMonday();
const day = (n: number) => addDays(MON, n);
const person = { name: "Jordan Lee", email: "Jordan.Lee@example.com", timeZone: "Europe/London" };


const book = (caller: Caller, body: Record<string, unknown>, headers: Record<string, string> = {}) => api("POST /v1/bookings", { key: caller.key, body, headers });
const list = (caller: Caller, query: Record<string, string | string[]> = {}) => api("GET /v1/bookings", { key: caller.key, query });
// DELETE …/cancel without a body: the test double's request stream never ends unless a body
// is given, so "no body" is sent as an empty one (what a real request without a body reads as).
const NO_BODY = "";
const ids = (result: { body: { bookings: { id: number }[] } }) => result.body.bookings.map((b) => b.id);

describe("v1 bookings — the lifecycle", () => {
  it("creates (200, the booking itself and under { booking }), gets, edits, cancels; the slot is free again", async () => {
    const { host, eventType } = await createHostWithEventType();
    const booker = await createCaller();
    const created = await book(booker, { eventTypeId: eventType.id, start: localIso(MON, "09:00", BERLIN), ...person, language: "en", guests: ["guest@example.com"], metadata: { crm: "42" }, responses: { notes: "Q3" } });
    expect(created.status).toBe(200);
    // Cal.com's bare booking, and the same object under `booking`.
    const { booking: wrapped, ...bare } = created.body;
    expect(bare).toEqual(wrapped);
    const booking = created.body.booking;
    expect(booking).toMatchObject({
      userId: host.user.id,
      eventTypeId: eventType.id,
      startTime: berlin(MON, "09:00"),
      endTime: berlin(MON, "09:30"),
      status: "ACCEPTED",
      timeZone: host.user.timeZone,
      user: { id: host.user.id, email: host.user.email, username: host.user.username, name: host.user.name, timeZone: host.user.timeZone },
      metadata: { crm: "42" },
      responses: { name: "Jordan Lee", email: "jordan.lee@example.com", notes: "Q3" },
      paid: false,
      cancellationReason: null,
      fromReschedule: null,
      references: [],
    });
    expect(booking.attendees).toEqual([
      { id: expect.any(Number), email: "jordan.lee@example.com", name: "Jordan Lee", timeZone: "Europe/London", locale: "en", bookingId: booking.id, noShow: false },
      expect.objectContaining({ email: "guest@example.com", bookingId: booking.id }),
    ]);

    // the slot is gone for everyone
    const slots = await api("GET /v1/slots", { key: booker.key, query: { eventTypeId: String(eventType.id), startTime: MON, endTime: MON, timeZone: "UTC" } });
    expect(slots.status).toBe(200);
    const times = slots.body.slots[MON].map((s: { time: string }) => s.time);
    expect(times).toContain(inZone(berlin(MON, "09:30"), UTC));
    expect(times).not.toContain(inZone(berlin(MON, "09:00"), UTC));

    for (const caller of [host, booker]) {
      const got = await api("GET /v1/bookings/{id}", { key: caller.key, params: { id: booking.id } });
      expect(got.status).toBe(200);
      expect(got.body.booking).toEqual(booking);
    }

    const edited = await api("PATCH /v1/bookings/{id}", { key: host.key, params: { id: booking.id }, body: { title: "Kick-off", description: "Agenda", location: "Room 1", metadata: { stage: "won" } } });
    expect(edited.status).toBe(200);
    expect(edited.body.booking).toMatchObject({ title: "Kick-off", description: "Agenda", location: "Room 1", metadata: { stage: "won" }, startTime: booking.startTime });
    const prisma = await getPrisma();
    expect((await prisma.booking.findUniqueOrThrow({ where: { id: booking.id } })).iCalSequence).toBe(1);
    const metadataOnly = await api("PATCH /v1/bookings/{id}", { key: host.key, params: { id: booking.id }, body: { metadata: {} } });
    expect(metadataOnly.body.booking.metadata).toEqual({});
    expect((await prisma.booking.findUniqueOrThrow({ where: { id: booking.id } })).iCalSequence).toBe(1);

    const cancelled = await api("DELETE /v1/bookings/{id}/cancel", { key: booker.key, params: { id: booking.id }, query: { cancellationReason: "no longer needed" }, body: NO_BODY });
    expect(cancelled.status).toBe(200);
    // Cal.com's handleCancelBooking answer.
    expect(cancelled.body).toEqual({ success: true, message: "Booking successfully cancelled.", bookingId: booking.id, bookingUid: booking.uid, onlyRemovedAttendee: false });
    expect((await api("GET /v1/bookings/{id}", { key: host.key, params: { id: booking.id } })).body.booking).toMatchObject({ status: "CANCELLED", cancellationReason: "no longer needed" });
    // cancelled frees the slot: book it again
    expect((await book(booker, { eventTypeId: eventType.id, start: berlin(MON, "09:00"), ...person })).status).toBe(200);
  });

  it("takes the cancellation reason from the body too (the body wins over the query)", async () => {
    const { host, eventType } = await createHostWithEventType();
    const created = await book(host, { eventTypeId: eventType.id, start: berlin(MON, "09:00"), ...person });
    const stored = async (id: number) => (await api("GET /v1/bookings/{id}", { key: host.key, params: { id } })).body.booking;
    const cancelled = await api("DELETE /v1/bookings/{id}/cancel", { key: host.key, params: { id: created.body.booking.id }, query: { cancellationReason: "query" }, body: { cancellationReason: "body" } });
    expect(cancelled.status).toBe(200);
    expect(await stored(created.body.booking.id)).toMatchObject({ status: "CANCELLED", cancellationReason: "body" });
    const second = await book(host, { eventTypeId: eventType.id, start: berlin(MON, "10:00"), ...person });
    const plain = await api("DELETE /v1/bookings/{id}/cancel", { key: host.key, params: { id: second.body.booking.id }, body: NO_BODY });
    expect(plain.status).toBe(200);
    expect(await stored(second.body.booking.id)).toMatchObject({ status: "CANCELLED", cancellationReason: null });
  });

  it("requiresConfirmation: PENDING, then confirmed by the host", async () => {
    const { host, eventType } = await createHostWithEventType({ requiresConfirmation: true });
    const booker = await createCaller();
    const created = await book(booker, { eventTypeId: eventType.id, start: berlin(MON, "09:00"), ...person });
    expect(created.body.booking.status).toBe("PENDING");
    const unconfirmed = await list(host, { status: "unconfirmed" });
    expect(ids(unconfirmed)).toEqual([created.body.booking.id]);
    const confirmed = await api("POST /v1/bookings/{id}/confirm", { key: host.key, params: { id: created.body.booking.id } });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.booking).toMatchObject({ id: created.body.booking.id, status: "ACCEPTED" });
    expect(ids(await list(host, { status: "unconfirmed" }))).toEqual([]);
  });

  it("DELETE /v1/bookings/{id} cancels as /cancel does (Cal.com's handler): kept, notified, its slot free; Cal.com's query options accepted", async () => {
    const { host, eventType } = await createHostWithEventType();
    const created = await book(await createCaller(), { eventTypeId: eventType.id, start: berlin(MON, "09:00"), ...person });
    const { id, uid } = created.body.booking;
    const cancelled = await api("DELETE /v1/bookings/{id}", {
      key: host.key,
      params: { id },
      query: { cancellationReason: "double-booked elsewhere", allRemainingBookings: "true", cancelledBy: "someone.else@example.com" },
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toEqual({ success: true, message: "Booking successfully cancelled.", bookingId: id, bookingUid: uid, onlyRemovedAttendee: false });
    const prisma = await getPrisma();
    const row = await prisma.booking.findUniqueOrThrow({ where: { id } });
    // The caller's own confirmed email, never the address the client named.
    expect(row).toMatchObject({ status: "CANCELLED", cancellationReason: "double-booked elsewhere", cancelledBy: host.user.email });
    expect(await prisma.attendee.count({ where: { bookingId: id } })).toBe(1);
    expect(await prisma.notification.count({ where: { bookingId: id, template: { contains: "cancel" } } })).toBeGreaterThan(0);
    expect((await book(host, { eventTypeId: eventType.id, start: berlin(MON, "09:00"), ...person })).status).toBe(200);
  });
});

describe("v1 bookings — the create body, Cal.com style", () => {
  it("takes the attendee from responses (name as text or first/last), with location and guests", async () => {
    const { eventType } = await createHostWithEventType();
    const booker = await createCaller();
    const first = await book(booker, {
      eventTypeId: eventType.id,
      start: berlin(MON, "09:00"),
      timeZone: "Asia/Kolkata",
      responses: { name: { firstName: "Ada", lastName: "Lovelace" }, email: "ADA@example.com", location: { value: "inPerson", optionValue: "Main St 1" }, guests: ["g1@example.com"], custom: ["any", "answer"] },
    });
    expect(first.status).toBe(200);
    expect(first.body.booking).toMatchObject({ location: "Main St 1", responses: { email: "ADA@example.com", name: { firstName: "Ada", lastName: "Lovelace" }, custom: ["any", "answer"] } });
    expect(first.body.booking.attendees.map((a: { name: string; email: string }) => [a.name, a.email])).toEqual([
      ["Ada Lovelace", "ada@example.com"],
      ["g1@example.com", "g1@example.com"],
    ]);
    expect(first.body.booking.attendees[0].timeZone).toBe("Asia/Kolkata");

    const second = await book(booker, { eventTypeId: eventType.id, start: berlin(MON, "10:00"), timeZone: "UTC", responses: { name: "Grace", email: "grace@example.com", location: { value: "https://meet.example.com/x" } } });
    expect(second.body.booking).toMatchObject({ location: "https://meet.example.com/x", responses: { name: "Grace", email: "grace@example.com" } });

    // top level wins over responses; an explicit title and description are kept
    const third = await book(booker, { eventTypeId: eventType.id, start: berlin(MON, "11:00"), ...person, title: "Own title", description: "Notes", location: "Phone", responses: { location: "Ignored" } });
    expect(third.body.booking).toMatchObject({ title: "Own title", description: "Notes", location: "Phone" });
  });

  it("accepts an end that is start plus one of the event type's durations", async () => {
    const { eventType } = await createHostWithEventType({ metadata: { multipleDuration: [30, 60] } });
    const booker = await createCaller();
    const long = await book(booker, { eventTypeId: eventType.id, start: berlin(MON, "09:00"), end: berlin(MON, "10:00"), ...person });
    expect(long.status).toBe(200);
    expect(long.body.booking).toMatchObject({ startTime: berlin(MON, "09:00"), endTime: berlin(MON, "10:00") });
    const short = await book(booker, { eventTypeId: eventType.id, start: berlin(MON, "11:00"), end: berlin(MON, "11:30"), ...person });
    expect(short.body.booking.endTime).toBe(berlin(MON, "11:30"));
  });

  it("replays a retried create with the same Idempotency-Key: one booking", async () => {
    const { host, eventType } = await createHostWithEventType();
    const booker = await createCaller();
    const body = { eventTypeId: eventType.id, start: berlin(MON, "09:00"), ...person };
    const first = await book(booker, body, { "Idempotency-Key": "create-once-1" });
    const retry = await book(booker, body, { "Idempotency-Key": "create-once-1" });
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.headers["idempotent-replayed"]).toBe("true");
    expect(retry.body).toEqual(first.body);
    const prisma = await getPrisma();
    expect(await prisma.booking.count({ where: { userId: host.user.id } })).toBe(1);
  });

  it("replays a retried confirm with the same Idempotency-Key", async () => {
    const { host, eventType } = await createHostWithEventType({ requiresConfirmation: true });
    const created = await book(await createCaller(), { eventTypeId: eventType.id, start: berlin(MON, "09:00"), ...person });
    const call = () => api("POST /v1/bookings/{id}/confirm", { key: host.key, params: { id: created.body.booking.id }, headers: { "Idempotency-Key": "confirm-1" } });
    const first = await call();
    const retry = await call();
    expect([first.status, retry.status]).toEqual([200, 200]);
    expect(retry.headers["idempotent-replayed"]).toBe("true");
    expect(retry.body.booking.status).toBe("ACCEPTED");
  });
});

describe("v1 bookings — listing", () => {
  let host: Caller;
  let typeA: number;
  let typeB: number;
  const booked: Record<string, number> = {};

  beforeAll(async () => {
    ({ host, eventType: { id: typeA } } = await createHostWithEventType());
    typeB = (await createEventType(host.user.id)).id;
    const booker = await createCaller();
    const make = async (label: string, eventTypeId: number, start: string, email: string, name: string) => {
      const result = await book(booker, { eventTypeId, start, timeZone: "UTC", name, email });
      expect(result.status).toBe(200);
      booked[label] = result.body.booking.id;
    };
    await make("mon8", typeA, berlin(MON, "09:00"), "ann@example.com", "Ann Archer");
    await make("mon9", typeB, berlin(MON, "10:00"), "bob@example.com", "Bob Baker");
    await make("tue8", typeA, berlin(day(1), "09:00"), "cat@example.com", "Cat Cooper");
    await make("wed8", typeB, berlin(day(2), "09:00"), "ann@example.com", "Ann Archer");
    await api("DELETE /v1/bookings/{id}/cancel", { key: host.key, params: { id: booked.wed8! }, body: NO_BODY });
    const prisma = await getPrisma();
    const past = await createBooking(host.user.id, "2026-01-05T08:00:00Z", "2026-01-05T08:30:00Z", { eventTypeId: typeA });
    booked.past = past.id;
    // recurring: part of a series
    await prisma.booking.update({ where: { id: booked.tue8! }, data: { recurringEventId: "series-1" } });
    // created later than the others, though it starts first of the upcoming ones
    await prisma.booking.update({ where: { id: booked.mon8! }, data: { createdAt: new Date(Date.now() + 86_400_000) } });
  });

  it("lists the caller's bookings by startTime, ascending, by default", async () => {
    expect(ids(await list(host))).toEqual([booked.past, booked.mon8, booked.mon9, booked.tue8, booked.wed8]);
  });

  it("sorts by sortBy and order", async () => {
    expect(ids(await list(host, { sortBy: "startTime", order: "desc" }))).toEqual([booked.wed8, booked.tue8, booked.mon9, booked.mon8, booked.past]);
    expect(ids(await list(host, { sortBy: "endTime", order: "desc" }))[0]).toBe(booked.wed8);
    expect(ids(await list(host, { sortBy: "createdAt", order: "desc" }))[0]).toBe(booked.mon8);
  });

  it("filters by attendeeEmail: one, repeated, comma-separated (any case)", async () => {
    expect(ids(await list(host, { attendeeEmail: "ANN@example.com" }))).toEqual([booked.mon8, booked.wed8]);
    expect(ids(await list(host, { attendeeEmail: ["bob@example.com", "cat@example.com"] }))).toEqual([booked.mon9, booked.tue8]);
    expect(ids(await list(host, { attendeeEmail: "bob@example.com,cat@example.com" }))).toEqual([booked.mon9, booked.tue8]);
    expect(ids(await list(host, { attendeeEmail: "nobody@example.com" }))).toEqual([]);
  });

  it("filters by attendeeName (part of it, any case)", async () => {
    expect(ids(await list(host, { attendeeName: "baker" }))).toEqual([booked.mon9]);
  });

  it("filters by eventTypeId and eventTypeIds", async () => {
    expect(ids(await list(host, { eventTypeId: String(typeB) }))).toEqual([booked.mon9, booked.wed8]);
    expect(ids(await list(host, { eventTypeIds: `${typeA},${typeB}`, dateFrom: instant(today(UTC), "00:00", UTC) }))).toEqual([booked.mon8, booked.mon9, booked.tue8, booked.wed8]);
  });

  it("filters by dateFrom (start ≥) and dateTo (end ≤), as instants or whole UTC days", async () => {
    expect(ids(await list(host, { dateFrom: berlin(MON, "10:00") }))).toEqual([booked.mon9, booked.tue8, booked.wed8]);
    expect(ids(await list(host, { dateTo: berlin(MON, "09:30") }))).toEqual([booked.past, booked.mon8]);
    expect(ids(await list(host, { dateFrom: day(1), dateTo: day(1) }))).toEqual([booked.tue8]);
    expect(ids(await list(host, { dateFrom: inZone(berlin(MON, "09:00"), "UTC+2"), dateTo: inZone(berlin(MON, "11:00"), "UTC+1") }))).toEqual([booked.mon8, booked.mon9]);
  });

  it("filters by status", async () => {
    expect(ids(await list(host, { status: "upcoming" }))).toEqual([booked.mon8, booked.mon9, booked.tue8]);
    expect(ids(await list(host, { status: "recurring" }))).toEqual([booked.tue8]);
    expect(ids(await list(host, { status: "past" }))).toEqual([booked.past]);
    expect(ids(await list(host, { status: "cancelled" }))).toEqual([booked.wed8]);
    expect(ids(await list(host, { status: "unconfirmed" }))).toEqual([]);
  });

  it("pages with take and page", async () => {
    expect(ids(await list(host, { take: "2" }))).toEqual([booked.past, booked.mon8]);
    expect(ids(await list(host, { take: "2", page: "2" }))).toEqual([booked.mon9, booked.tue8]);
    expect(ids(await list(host, { take: "2", page: "3" }))).toEqual([booked.wed8]);
    expect(ids(await list(host, { take: "2", page: "4" }))).toEqual([]);
  });

  it("lets anyone name themself as userId, and an admin name any host", async () => {
    expect(ids(await list(host, { userId: String(host.user.id), status: "cancelled" }))).toEqual([booked.wed8]);
    const admin = await createAdmin();
    expect(ids(await list(admin, { userId: String(host.user.id), take: "100" }))).toHaveLength(5);
  });
});

describe("v1 bookings — every booking without take and page (as Cal.com), pages with them", () => {
  it("returns all 12 without take, 10 on a page, and says how many there are", async () => {
    const { host, eventType } = await createHostWithEventType();
    for (let i = 0; i < 12; i++) {
      const start = new Date(berlin(day(14 + Math.floor(i / 6)), `${String(9 + (i % 6)).padStart(2, "0")}:00`));
      await createBooking(host.user.id, start.toISOString(), new Date(start.getTime() + 30 * 60_000).toISOString(), { eventTypeId: eventType.id });
    }
    const all = await list(host);
    expect(all.body.bookings).toHaveLength(12);
    expect(all.headers["x-total-count"]).toBe("12");
    expect(all.headers.link).toBeUndefined();
    const first = await list(host, { page: "1" });
    expect(first.body.bookings).toHaveLength(10);
    expect(first.headers.link).toBe('</v1/bookings?page=2&take=10>; rel="next"');
    expect((await list(host, { page: "2" })).body.bookings).toHaveLength(2);
    expect((await list(host, { take: "100" })).body.bookings).toHaveLength(12);
  });
});
