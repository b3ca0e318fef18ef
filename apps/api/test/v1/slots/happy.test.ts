import { DateTime } from "luxon";
import { api } from "../../support/api";
import { useTestDatabase } from "../../support/database";
import { createCaller } from "../../support/fixtures";
import { createBooking, createEventType, createSchedule, createTeamEventType, createHostWithEventType } from "../../support/scheduling";
import { createTeam } from "../../support/teams";
import { getPrisma } from "@slotbase/prisma";

useTestDatabase();

const HALF_HOURS = Array.from({ length: 16 }, (_, i) => `${String(9 + Math.floor(i / 2)).padStart(2, "0")}:${i % 2 ? "30" : "00"}`);
const localTimes = (slots: { time: string }[], zone = "Europe/Berlin") =>
  slots.map((s) => DateTime.fromISO(s.time, { zone }).toFormat("HH:mm"));


describe("GET /v1/slots", () => {
  it("gives sixteen 09:00–16:30 Berlin slots on every weekday across the 2027-03-28 change", async () => {
    const { host, eventType } = await createHostWithEventType();
    const result = await api("GET /v1/slots", {
      key: host.key,
      query: { eventTypeId: String(eventType.id), startTime: "2027-03-22", endTime: "2027-04-02", timeZone: "Europe/Berlin" },
    });
    expect(result.status).toBe(200);
    const days = Object.keys(result.body.slots);
    expect(days).toEqual(["2027-03-22", "2027-03-23", "2027-03-24", "2027-03-25", "2027-03-26", "2027-03-29", "2027-03-30", "2027-03-31", "2027-04-01", "2027-04-02"]);
    for (const day of days) expect(localTimes(result.body.slots[day])).toEqual(HALF_HOURS);
    expect(result.body.slots["2027-03-26"][0].time).toBe("2027-03-26T09:00:00+01:00");
    expect(result.body.slots["2027-03-29"][0].time).toBe("2027-03-29T09:00:00+02:00");
  });

  it("shows times and keys days in the requested zone", async () => {
    const { host, eventType } = await createHostWithEventType();
    const result = await api("GET /v1/slots", {
      key: host.key,
      query: { eventTypeId: String(eventType.id), startTime: "2027-03-22T00:00:00Z", endTime: "2027-03-23T00:00:00Z", timeZone: "Asia/Kolkata" },
    });
    expect(result.status).toBe(200);
    expect(result.body.slots["2027-03-22"][0].time).toBe("2027-03-22T13:30:00+05:30");
    expect(result.body.slots["2027-03-22"]).toHaveLength(16);
  });

  it("finds the type by eventTypeSlug and usernameList", async () => {
    const { host, eventType } = await createHostWithEventType();
    const result = await api("GET /v1/slots", {
      key: host.key,
      query: { eventTypeSlug: eventType.slug, usernameList: host.user.username!, startTime: "2027-03-22", endTime: "2027-03-22", timeZone: "Europe/Berlin" },
    });
    expect(result.status).toBe(200);
    expect(result.body.slots["2027-03-22"]).toHaveLength(16);
  });

  it("leaves out booked and blocked time, and frees the booking being rescheduled", async () => {
    const { host, eventType } = await createHostWithEventType();
    const booking = await createBooking(host.user.id, "2027-03-22T09:00:00Z", "2027-03-22T10:00:00Z"); // 10:00–11:00 Berlin
    const prisma = await getPrisma();
    await prisma.blocker.create({ data: { userId: host.user.id, startTime: new Date("2027-03-22T14:00:00Z"), endTime: new Date("2027-03-22T15:00:00Z") } });
    await createBooking(host.user.id, "2027-03-22T12:00:00Z", "2027-03-22T12:30:00Z", { status: "CANCELLED" });
    const query = { eventTypeId: String(eventType.id), startTime: "2027-03-22", endTime: "2027-03-22", timeZone: "Europe/Berlin" };
    const result = await api("GET /v1/slots", { key: host.key, query });
    expect(localTimes(result.body.slots["2027-03-22"])).toEqual(HALF_HOURS.filter((t) => !["10:00", "10:30", "15:00", "15:30"].includes(t)));
    const rescheduling = await api("GET /v1/slots", { key: host.key, query: { ...query, rescheduleUid: booking.uid } });
    expect(localTimes(rescheduling.body.slots["2027-03-22"])).toEqual(HALF_HOURS.filter((t) => !["15:00", "15:30"].includes(t)));
  });

  it("counts seats and keeps a seated slot until it is full", async () => {
    const host = await createCaller();
    await createSchedule(host.user.id, "Europe/Berlin");
    const eventType = await createEventType(host.user.id, { seatsPerTimeSlot: 3 });
    const seated = await createBooking(host.user.id, "2027-03-22T08:00:00Z", "2027-03-22T08:30:00Z", { eventTypeId: eventType.id, attendees: 2 });
    const query = { eventTypeId: String(eventType.id), startTime: "2027-03-22", endTime: "2027-03-22", timeZone: "Europe/Berlin" };
    const result = await api("GET /v1/slots", { key: host.key, query });
    expect(result.body.slots["2027-03-22"][0]).toEqual({ time: "2027-03-22T09:00:00+01:00", attendees: 2, bookingUid: seated.uid });
    const prisma = await getPrisma();
    await prisma.attendee.create({ data: { bookingId: seated.id, email: "third@example.com", name: "Third", timeZone: "UTC" } });
    const full = await api("GET /v1/slots", { key: host.key, query });
    expect(localTimes(full.body.slots["2027-03-22"])[0]).toBe("09:30");
  });

  it("round robin: a slot is offered while any host is free", async () => {
    const owner = await createCaller();
    const other = await createCaller();
    await createSchedule(owner.user.id, "Europe/Berlin");
    await createSchedule(other.user.id, "Europe/Berlin");
    const team = await createTeam(owner, [{ caller: other }]);
    const eventType = await createTeamEventType(team.id, [{ userId: owner.user.id }, { userId: other.user.id }]);
    await createBooking(owner.user.id, "2027-03-22T08:00:00Z", "2027-03-22T08:30:00Z");
    const query = { eventTypeId: String(eventType.id), startTime: "2027-03-22", endTime: "2027-03-22", timeZone: "Europe/Berlin" };
    expect((await api("GET /v1/slots", { key: owner.key, query })).body.slots["2027-03-22"]).toHaveLength(16);
    await createBooking(other.user.id, "2027-03-22T08:00:00Z", "2027-03-22T08:30:00Z");
    expect(localTimes((await api("GET /v1/slots", { key: owner.key, query })).body.slots["2027-03-22"])[0]).toBe("09:30");
  });

  it("returns an empty object when nothing is free", async () => {
    const { host, eventType } = await createHostWithEventType();
    const result = await api("GET /v1/slots", {
      key: host.key,
      query: { eventTypeId: String(eventType.id), startTime: "2027-03-27", endTime: "2027-03-28", timeZone: "Europe/Berlin" },
    });
    expect(result.body).toEqual({ slots: {} });
  });
});
