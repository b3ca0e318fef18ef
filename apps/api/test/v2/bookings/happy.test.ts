import { getPrisma } from "@slotbase/prisma";
import { api } from "../../support/api";
import { useTestDatabase } from "../../support/database";
import { createCaller, type Caller } from "../../support/fixtures";
import { createSchedule, createTeamEventType, createHostWithEventType } from "../../support/scheduling";
import { createTeam } from "../../support/teams";
import { addDays, berlin, BERLIN, instant, localIso, nextMonday, UTC } from "../../support/dates";

useTestDatabase();

// MON is a Monday ahead (computed from today); hosts work 09:00–17:00 Berlin.
const MON = nextMonday();
const day = (n: number) => addDays(MON, n);

const attendee = { name: "Jordan Lee", email: "Jordan.Lee@example.com", timeZone: "Europe/London" };


const book = (caller: Caller, body: Record<string, unknown>) => api("POST /v2/bookings", { key: caller.key, body });

describe("v2 bookings — the lifecycle", () => {
  it("books, gets, reschedules (new uid, linked both ways) and cancels", async () => {
    const { host, eventType } = await createHostWithEventType();
    const booker = await createCaller();
    const created = await book(booker, { eventTypeId: eventType.id, start: localIso(MON, "09:00", BERLIN), attendee, guests: ["guest@example.com"], metadata: { crm: "42" }, bookingFieldsResponses: { notes: "Q3" } });
    expect(created.status).toBe(201);
    const booking = created.body.data;
    expect(booking).toMatchObject({ status: "accepted", start: berlin(MON, "09:00"), end: berlin(MON, "09:30"), duration: 30, eventTypeId: eventType.id, metadata: { crm: "42" }, bookingFieldsResponses: { notes: "Q3" } });
    expect(booking.attendees.map((a: { email: string }) => a.email)).toEqual(["jordan.lee@example.com", "guest@example.com"]);
    expect(booking.hosts[0].id).toBe(host.user.id);

    // the slot is gone for everyone
    const slots = await api("GET /v2/slots", { key: booker.key, query: { eventTypeId: String(eventType.id), start: MON, end: MON, timeZone: "Europe/Berlin" } });
    expect(slots.body.data[MON].map((s: { start: string }) => s.start)).not.toContain(localIso(MON, "09:00", BERLIN, { ms: true }));

    const got = await api("GET /v2/bookings/{bookingUid}", { key: host.key, params: { bookingUid: booking.uid } });
    expect(got.body.data.uid).toBe(booking.uid);

    const moved = await api("POST /v2/bookings/{bookingUid}/reschedule", { key: booker.key, params: { bookingUid: booking.uid }, body: { start: localIso(MON, "10:15", BERLIN), reschedulingReason: "clash" } });
    expect(moved.status).toBe(409); // not a slot: 30-minute slots start on the hour and half hour
    const rescheduled = await api("POST /v2/bookings/{bookingUid}/reschedule", { key: booker.key, params: { bookingUid: booking.uid }, body: { start: berlin(MON, "10:00"), reschedulingReason: "clash" } });
    expect(rescheduled.status).toBe(201);
    const next = rescheduled.body.data;
    expect(next.uid).not.toBe(booking.uid);
    expect(next).toMatchObject({ status: "accepted", start: berlin(MON, "10:00"), rescheduledFromUid: booking.uid });
    expect(next.attendees).toHaveLength(2);
    const old = await api("GET /v2/bookings/{bookingUid}", { key: booker.key, params: { bookingUid: booking.uid } });
    expect(old.body.data).toMatchObject({ status: "cancelled", rescheduledToUid: next.uid });
    const prisma = await getPrisma();
    const [oldRow, newRow] = await Promise.all([prisma.booking.findUnique({ where: { uid: booking.uid } }), prisma.booking.findUnique({ where: { uid: next.uid } })]);
    expect(newRow!.iCalUID).toBe(oldRow!.iCalUID);
    expect(newRow!.iCalSequence).toBe(oldRow!.iCalSequence + 1);

    const cancelled = await api("POST /v2/bookings/{bookingUid}/cancel", { key: booker.key, params: { bookingUid: next.uid }, body: { cancellationReason: "no longer needed" } });
    expect(cancelled.body.data).toMatchObject({ status: "cancelled", cancellationReason: "no longer needed" });
    // cancelled frees the slot: book it again
    expect((await book(booker, { eventTypeId: eventType.id, start: berlin(MON, "10:00"), attendee })).status).toBe(201);
  });

  it("requiresConfirmation: pending, then confirmed or declined by the host", async () => {
    const { host, eventType } = await createHostWithEventType({ requiresConfirmation: true });
    const booker = await createCaller();
    const first = await book(booker, { eventTypeId: eventType.id, start: berlin(MON, "09:00"), attendee });
    expect(first.body.data.status).toBe("pending");
    expect((await api("POST /v2/bookings/{bookingUid}/confirm", { key: booker.key, params: { bookingUid: first.body.data.uid } })).status).toBe(403);
    const confirmed = await api("POST /v2/bookings/{bookingUid}/confirm", { key: host.key, params: { bookingUid: first.body.data.uid } });
    expect(confirmed.body.data.status).toBe("accepted");
    const second = await book(booker, { eventTypeId: eventType.id, start: berlin(MON, "10:00"), attendee });
    const declined = await api("POST /v2/bookings/{bookingUid}/decline", { key: host.key, params: { bookingUid: second.body.data.uid }, body: { reason: "away" } });
    expect(declined.body.data).toMatchObject({ status: "rejected", rejectionReason: "away" });
  });

  it("lists with filters and pages", async () => {
    const { host, eventType } = await createHostWithEventType();
    const booker = await createCaller();
    for (const [i, start] of [berlin(MON, "09:00"), berlin(MON, "10:00"), berlin(day(1), "09:00")].entries()) {
      await book(booker, { eventTypeId: eventType.id, start, attendee: { ...attendee, email: `p${i}@example.com` } });
    }
    const all = await api("GET /v2/bookings", { key: host.key, query: { status: "upcoming", sortStart: "desc" } });
    expect(all.body.data.map((b: { start: string }) => b.start)).toEqual([berlin(day(1), "09:00"), berlin(MON, "10:00"), berlin(MON, "09:00")]);
    const paged = await api("GET /v2/bookings", { key: host.key, query: { take: "1", skip: "1" } });
    expect(paged.body.data).toHaveLength(1);
    const byDate = await api("GET /v2/bookings", { key: host.key, query: { afterStart: instant(day(1), "00:00", UTC) } });
    expect(byDate.body.data).toHaveLength(1);
    const byEmail = await api("GET /v2/bookings", { key: host.key, query: { attendeeEmail: "p1@example.com" } });
    expect(byEmail.body.data).toHaveLength(1);
    expect((await api("GET /v2/bookings", { key: host.key, query: { status: "cancelled" } })).body.data).toHaveLength(0);
  });

  it("changes location, marks absence after the start, lists references", async () => {
    const { host, eventType } = await createHostWithEventType();
    const created = await book(await createCaller(), { eventTypeId: eventType.id, start: berlin(MON, "09:00"), attendee });
    const uid = created.body.data.uid;
    const moved = await api("PATCH /v2/bookings/{bookingUid}/location", { key: host.key, params: { bookingUid: uid }, body: { location: "https://zoom.us/j/1" } });
    expect(moved.body.data).toMatchObject({ location: "https://zoom.us/j/1", meetingUrl: "https://zoom.us/j/1" });
    const early = await api("POST /v2/bookings/{bookingUid}/mark-absent", { key: host.key, params: { bookingUid: uid }, body: { attendeeEmail: "jordan.lee@example.com", noShow: true } });
    expect(early.status).toBe(400);
    const prisma = await getPrisma();
    await prisma.booking.update({ where: { uid }, data: { startTime: new Date("2026-01-05T08:00:00Z"), endTime: new Date("2026-01-05T08:30:00Z") } });
    const absent = await api("POST /v2/bookings/{bookingUid}/mark-absent", { key: host.key, params: { bookingUid: uid }, body: { attendeeEmail: "jordan.lee@example.com", noShow: true } });
    expect(absent.body.data.attendees[0].absent).toBe(true);
    await prisma.bookingReference.create({ data: { bookingId: absent.body.data.id, type: "google_calendar", uid: "evt-1", meetingUrl: "https://meet.google.com/x" } });
    const refs = await api("GET /v2/bookings/{bookingUid}/references", { key: host.key, params: { bookingUid: uid } });
    expect(refs.body.data).toEqual([{ id: expect.any(Number), type: "google_calendar", eventUid: "evt-1", destinationCalendarId: null, meetingUrl: "https://meet.google.com/x" }]);
  });

  it("round robin: books a free host, reassigns to another free one or to a named host", async () => {
    const owner = await createCaller();
    const mates = [await createCaller(), await createCaller()];
    for (const c of [owner, ...mates]) await createSchedule(c.user.id, "Europe/Berlin");
    const team = await createTeam(owner, mates.map((caller) => ({ caller })));
    const eventType = await createTeamEventType(team.id, [owner, ...mates].map((c) => ({ userId: c.user.id })));
    const created = await book(await createCaller(), { eventTypeId: eventType.id, start: berlin(MON, "09:00"), attendee });
    const first = created.body.data.hosts[0].id;
    const reassigned = await api("POST /v2/bookings/{bookingUid}/reassign", { key: owner.key, params: { bookingUid: created.body.data.uid } });
    expect(reassigned.status).toBe(200);
    expect(reassigned.body.data.bookingUid).toBe(created.body.data.uid);
    expect(reassigned.body.data.reassignedTo).toEqual({ id: expect.any(Number), name: expect.any(String), email: expect.any(String) });
    expect(reassigned.body.data.reassignedTo.id).not.toBe(first);
    const toFirst = await api("POST /v2/bookings/{bookingUid}/reassign/{userId}", { key: owner.key, params: { bookingUid: created.body.data.uid, userId: first } });
    expect(toFirst.body.data.reassignedTo.id).toBe(first);
    const stranger = await createCaller();
    const notHost = await api("POST /v2/bookings/{bookingUid}/reassign/{userId}", { key: owner.key, params: { bookingUid: created.body.data.uid, userId: stranger.user.id } });
    expect(notHost.status).toBe(400);
  });

  it("seats: fills a seated slot one attendee per seat, then 409", async () => {
    const { eventType } = await createHostWithEventType({ seatsPerTimeSlot: 2 });
    const one = await book(await createCaller(), { eventTypeId: eventType.id, start: berlin(MON, "09:00"), attendee });
    const two = await book(await createCaller(), { eventTypeId: eventType.id, start: berlin(MON, "09:00"), attendee: { ...attendee, email: "second@example.com" } });
    expect(two.body.data.uid).toBe(one.body.data.uid);
    // Seats hide their holders from one another (seatsShowAttendees is off): the second booker sees their own seat.
    expect(two.body.data.attendees.map((a: { email: string }) => a.email)).toEqual(["second@example.com"]);
    const three = await book(await createCaller(), { eventTypeId: eventType.id, start: berlin(MON, "09:00"), attendee: { ...attendee, email: "third@example.com" } });
    expect(three.status).toBe(409);
  });

  it("books through the caller's own hold and releases it", async () => {
    const { eventType } = await createHostWithEventType();
    const booker = await createCaller();
    const hold = await api("POST /v2/slots/reservations", { key: booker.key, body: { eventTypeId: eventType.id, slotStart: berlin(MON, "09:00") } });
    const other = await book(await createCaller(), { eventTypeId: eventType.id, start: berlin(MON, "09:00"), attendee });
    expect(other.status).toBe(409);
    const mine = await book(booker, { eventTypeId: eventType.id, start: berlin(MON, "09:00"), attendee, reservationUid: hold.body.data.reservationUid });
    expect(mine.status).toBe(201);
    const prisma = await getPrisma();
    expect(await prisma.slotReservation.count({ where: { uid: hold.body.data.reservationUid } })).toBe(0);
  });

  it("accepts the cal-api-version header without requiring it", async () => {
    const { host } = await createHostWithEventType();
    const result = await api("GET /v2/bookings", { key: host.key, headers: { "cal-api-version": "2024-08-13" } });
    expect(result.status).toBe(200);
  });
});

describe("v2 bookings — seats and cancellation", () => {
  it("an attendee cancelling a seated booking gives up only their seat", async () => {
    const { eventType } = await createHostWithEventType({ seatsPerTimeSlot: 3 });
    const alice = await createCaller({ email: "alice.seat@example.com" });
    const booker = await createCaller();
    const first = await book(booker, { eventTypeId: eventType.id, start: berlin(MON, "09:00"), attendee: { ...attendee, email: "alice.seat@example.com" } });
    await book(booker, { eventTypeId: eventType.id, start: berlin(MON, "09:00"), attendee: { ...attendee, email: "bob.seat@example.com" } });
    const result = await api("POST /v2/bookings/{bookingUid}/cancel", { key: alice.key, params: { bookingUid: first.body.data.uid }, body: {} });
    expect(result.status).toBe(200);
    expect(result.body.data).toMatchObject({ status: "cancelled", attendees: [expect.objectContaining({ email: "alice.seat@example.com" })] });
    expect(JSON.stringify(result.body)).not.toContain("bob.seat");
    const remaining = await api("GET /v2/bookings/{bookingUid}", { key: booker.key, params: { bookingUid: first.body.data.uid } });
    expect(remaining.body.data.status).toBe("accepted");
    expect(remaining.body.data.attendees.map((a: { email: string }) => a.email)).toEqual(["bob.seat@example.com"]);
  });
});

describe("v2 bookings — Idempotency-Key", () => {
  it("a retry with the same key and body returns the first response and books once; another body is a 422", async () => {
    const { host, eventType } = await createHostWithEventType();
    const booker = await createCaller();
    const body = { eventTypeId: eventType.id, start: berlin(MON, "09:00"), attendee };
    const headers = { "idempotency-key": "retry-1" };
    const first = await api("POST /v2/bookings", { key: booker.key, body, headers });
    const again = await api("POST /v2/bookings", { key: booker.key, body, headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    const prisma = await getPrisma();
    expect(await prisma.booking.count({ where: { userId: host.user.id } })).toBe(1);
    const other = await api("POST /v2/bookings", { key: booker.key, body: { ...body, start: berlin(MON, "10:00") }, headers });
    expect(other.status).toBe(422);
    const cancel = { params: { bookingUid: first.body.data.uid }, body: {}, headers: { "idempotency-key": "cancel-1" } };
    expect((await api("POST /v2/bookings/{bookingUid}/cancel", { key: booker.key, ...cancel })).status).toBe(200);
    expect((await api("POST /v2/bookings/{bookingUid}/cancel", { key: booker.key, ...cancel })).status).toBe(200);
  });
});
