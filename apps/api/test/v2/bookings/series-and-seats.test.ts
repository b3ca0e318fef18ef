import { getPrisma } from "@slotbase/prisma";
import { api } from "../../support/api";
import { bookV2 as book, listV2 as list } from "../../support/bookings-v2";
import { useTestDatabase } from "../../support/database";
import { createCaller } from "../../support/fixtures";
import { createBooking, createHostWithEventType } from "../../support/scheduling";
import { addDays, berlin, nextMonday } from "../../support/dates";

/*
 * Cal.com's recurring event types (a booking is its whole series) and seats moved one at a time
 * (reschedule with seatUid); every response is also checked against Cal.com's contract by api().
 */

useTestDatabase();

// MON is a Monday ahead (computed from today); hosts work 09:00–17:00 Berlin.
const MON = nextMonday();
const attendee = { name: "Jordan Lee", email: "jordan@example.com", timeZone: "Europe/London" };

describe("recurring event types", () => {
  const berliner = { ...attendee, timeZone: "Europe/Berlin" };
  const weekly = { freq: 2, interval: 1, count: 3 };

  it("books the whole series at the same wall-clock time, answers it as an array, and reads it back by its uid", async () => {
    const { host, eventType } = await createHostWithEventType({ recurringEvent: weekly });
    const created = await book(await createCaller(), { eventTypeId: eventType.id, start: berlin(MON, "09:00"), attendee: berliner });
    expect(created.status).toBe(201);
    const series = created.body.data;
    expect(series.map((b: { start: string }) => b.start)).toEqual([0, 7, 14].map((days) => berlin(addDays(MON, days), "09:00")));
    const seriesUid = series[0].recurringBookingUid;
    expect(series.every((b: { recurringBookingUid: string }) => b.recurringBookingUid === seriesUid)).toBe(true);

    const read = await api("GET /v2/bookings/{bookingUid}", { key: host.key, params: { bookingUid: seriesUid } });
    expect(read.body.data.map((b: { uid: string }) => b.uid)).toEqual(series.map((b: { uid: string }) => b.uid));
    const one = await api("GET /v2/bookings/{bookingUid}", { key: host.key, params: { bookingUid: series[1].uid } });
    expect(one.body.data.uid).toBe(series[1].uid);
    const listed = await list(host, { status: "recurring" });
    expect(listed.body.data.map((b: { uid: string }) => b.uid)).toEqual(series.map((b: { uid: string }) => b.uid));
    // Someone else does not learn that the series exists.
    expect((await api("GET /v2/bookings/{bookingUid}", { key: (await createCaller()).key, params: { bookingUid: seriesUid } })).status).toBe(404);

    const cancelled = await api("POST /v2/bookings/{bookingUid}/cancel", { key: host.key, params: { bookingUid: series[0].uid }, body: { cancelSubsequentBookings: true } });
    expect(cancelled.status).toBe(200);
    const after = await api("GET /v2/bookings/{bookingUid}", { key: host.key, params: { bookingUid: seriesUid } });
    expect(after.body.data.map((b: { status: string }) => b.status)).toEqual(["cancelled", "cancelled", "cancelled"]);
  });

  it("is all or nothing: a taken occurrence is a 409 naming it, and nothing is booked", async () => {
    const { host, eventType } = await createHostWithEventType({ recurringEvent: weekly });
    const secondWeek = addDays(MON, 7);
    await createBooking(host.user.id, berlin(secondWeek, "10:00"), berlin(secondWeek, "10:30"));
    const refused = await book(await createCaller(), { eventTypeId: eventType.id, start: berlin(MON, "10:00"), attendee: berliner });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain("Occurrence 2 of 3");
    const prisma = await getPrisma();
    expect(await prisma.booking.count({ where: { eventTypeId: eventType.id } })).toBe(0);
  });

  it("recurrenceCount books fewer occurrences, never more than the event type's count", async () => {
    const { eventType } = await createHostWithEventType({ recurringEvent: weekly });
    const two = await book(await createCaller(), { eventTypeId: eventType.id, start: berlin(MON, "11:00"), attendee: berliner, recurrenceCount: 2 });
    expect(two.status).toBe(201);
    expect(two.body.data).toHaveLength(2);
    const tooMany = await book(await createCaller(), { eventTypeId: eventType.id, start: berlin(MON, "12:00"), attendee: berliner, recurrenceCount: 5 });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.details[0]).toMatchObject({ field: "body.recurrenceCount" });
    const { eventType: single } = await createHostWithEventType();
    const notRecurring = await book(await createCaller(), { eventTypeId: single.id, start: berlin(MON, "12:00"), attendee: berliner, recurrenceCount: 2 });
    expect(notRecurring.status).toBe(400);
  });

  it("v2 event types set and show Cal.com's recurrence; v1 shows recurringEvent", async () => {
    const host = await createCaller();
    const created = await api("POST /v2/event-types", {
      key: host.key,
      body: { title: "Coaching", slug: `coaching-${host.user.id}`, lengthInMinutes: 30, recurrence: { frequency: "weekly", interval: 2, occurrences: 4 } },
    });
    expect(created.status).toBe(201);
    expect(created.body.data.recurrence).toEqual({ frequency: "weekly", interval: 2, occurrences: 4 });
    const v1 = await api("GET /v1/event-types/{id}", { key: host.key, params: { id: created.body.data.id } });
    expect(v1.body.event_type.recurringEvent).toEqual({ freq: 2, interval: 2, count: 4 });
    const off = await api("PATCH /v2/event-types/{eventTypeId}", { key: host.key, params: { eventTypeId: created.body.data.id }, body: { recurrence: { disabled: true } } });
    expect(off.body.data.recurrence).toBeNull();
  });
});

describe("rescheduling one seat (seatUid)", () => {
  it("moves only that seat: the attendee joins the slot at the new time, the others stay", async () => {
    const { host, eventType } = await createHostWithEventType({ seatsPerTimeSlot: 3 });
    const alice = await createCaller();
    const bob = await createCaller();
    const day = addDays(MON, 3);
    const first = await book(alice, { eventTypeId: eventType.id, start: berlin(day, "09:00"), attendee: { ...attendee, email: "alice@example.com" } });
    const second = await book(bob, { eventTypeId: eventType.id, start: berlin(day, "09:00"), attendee: { ...attendee, email: "bob@example.com" } });
    // Bob moves his own seat to 10:00 (nobody booked there yet: a new seated booking).
    const moved = await api("POST /v2/bookings/{bookingUid}/reschedule", {
      key: bob.key,
      params: { bookingUid: first.body.data.uid },
      body: { start: berlin(day, "10:00"), seatUid: second.body.data.seatUid },
    });
    expect(moved.status).toBe(201);
    expect(moved.body.data.start).toBe(berlin(day, "10:00"));
    expect(moved.body.data.seatUid).toEqual(expect.any(String));
    expect(moved.body.data.attendees.map((a: { email: string }) => a.email)).toEqual(["bob@example.com"]);
    const old = await api("GET /v2/bookings/{bookingUid}", { key: host.key, params: { bookingUid: first.body.data.uid } });
    expect(old.body.data).toMatchObject({ status: "accepted" });
    expect(old.body.data.attendees.map((a: { email: string }) => a.email)).toEqual(["alice@example.com"]);
    // Alice may not move Bob's seat (it is not hers to see): 404 naming the seat.
    const notHers = await api("POST /v2/bookings/{bookingUid}/reschedule", {
      key: alice.key,
      params: { bookingUid: moved.body.data.uid },
      body: { start: berlin(day, "11:00"), seatUid: moved.body.data.seatUid },
    });
    expect(notHers.status).toBe(404);
    // The host moves Alice's seat into Bob's new slot: she joins his booking.
    const aliceSeat = old.body.data.attendees[0].seatUid;
    const joined = await api("POST /v2/bookings/{bookingUid}/reschedule", {
      key: host.key,
      params: { bookingUid: first.body.data.uid },
      body: { start: berlin(day, "10:00"), seatUid: aliceSeat },
    });
    expect(joined.status).toBe(201);
    expect(joined.body.data.uid).toBe(moved.body.data.uid);
    expect(joined.body.data.attendees.map((a: { email: string }) => a.email).sort()).toEqual(["alice@example.com", "bob@example.com"]);
    // Alice's was the last seat of the 09:00 booking: moving it moved that booking, which is now cancelled as rescheduled.
    const gone = await api("GET /v2/bookings/{bookingUid}", { key: host.key, params: { bookingUid: first.body.data.uid } });
    expect(gone.body.data.status).toBe("cancelled");
  });
});
