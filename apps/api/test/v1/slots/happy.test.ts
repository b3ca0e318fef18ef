import { DateTime } from "luxon";
import { api } from "../../support/api";
import { useTestDatabase } from "../../support/database";
import { createCaller } from "../../support/fixtures";
import { createBooking, createEventType, createSchedule, createTeamEventType, createHostWithEventType } from "../../support/scheduling";
import { createTeam } from "../../support/teams";
import { getPrisma } from "@slotbase/prisma";
import { addDays, berlin, BERLIN, inZone, instant, localIso, nextMonday, today, UTC, weekdaysBetween, weekOfNextDstChange } from "../../support/dates";

useTestDatabase();

// MON is a Monday ahead (computed from today), clear of daylight-saving changes.
const MON = nextMonday();
const day = (n: number) => addDays(MON, n);

const HALF_HOURS = Array.from({ length: 16 }, (_, i) => `${String(9 + Math.floor(i / 2)).padStart(2, "0")}:${i % 2 ? "30" : "00"}`);
const localTimes = (slots: { time: string }[], zone = "Europe/Berlin") =>
  slots.map((s) => DateTime.fromISO(s.time, { zone }).toFormat("HH:mm"));


describe("GET /v1/slots", () => {
  it("gives sixteen 09:00–16:30 Berlin slots on every weekday across the next daylight-saving change", async () => {
    // The week of Berlin's next change (on its Sunday) and the week after it.
    const change = weekOfNextDstChange(BERLIN);
    const weekday = (n: number) => addDays(change.monday, n);
    expect(change.changeDate).toBe(weekday(6));
    expect(change.offsetAfter).not.toBe(change.offsetBefore);
    const { host, eventType } = await createHostWithEventType();
    const result = await api("GET /v1/slots", {
      key: host.key,
      query: { eventTypeId: String(eventType.id), startTime: weekday(0), endTime: weekday(11), timeZone: "Europe/Berlin" },
    });
    expect(result.status).toBe(200);
    const days = Object.keys(result.body.slots);
    expect(days).toEqual(weekdaysBetween(weekday(0), weekday(11)));
    expect(days).toHaveLength(10);
    for (const date of days) expect(localTimes(result.body.slots[date])).toEqual(HALF_HOURS);
    expect(result.body.slots[weekday(4)][0].time).toBe(`${weekday(4)}T09:00:00${change.offsetBefore}`);
    expect(result.body.slots[weekday(7)][0].time).toBe(`${weekday(7)}T09:00:00${change.offsetAfter}`);
  });

  it("shows times and keys days in the requested zone", async () => {
    const { host, eventType } = await createHostWithEventType();
    const result = await api("GET /v1/slots", {
      key: host.key,
      query: { eventTypeId: String(eventType.id), startTime: instant(MON, "00:00", UTC), endTime: instant(day(1), "00:00", UTC), timeZone: "Asia/Kolkata" },
    });
    expect(result.status).toBe(200);
    expect(result.body.slots[MON][0].time).toBe(inZone(berlin(MON, "09:00"), "Asia/Kolkata"));
    expect(result.body.slots[MON][0].time).toMatch(/T1[23]:30:00\+05:30$/);
    expect(result.body.slots[MON]).toHaveLength(16);
  });

  it("finds the type by eventTypeSlug and usernameList", async () => {
    const { host, eventType } = await createHostWithEventType();
    const result = await api("GET /v1/slots", {
      key: host.key,
      query: { eventTypeSlug: eventType.slug, usernameList: host.user.username!, startTime: MON, endTime: MON, timeZone: "Europe/Berlin" },
    });
    expect(result.status).toBe(200);
    expect(result.body.slots[MON]).toHaveLength(16);
  });

  it("leaves out booked and blocked time, and frees the booking being rescheduled", async () => {
    const { host, eventType } = await createHostWithEventType();
    const booking = await createBooking(host.user.id, berlin(MON, "10:00"), berlin(MON, "11:00")); // 10:00–11:00 Berlin
    const prisma = await getPrisma();
    await prisma.blocker.create({ data: { userId: host.user.id, startTime: new Date(berlin(MON, "15:00")), endTime: new Date(berlin(MON, "16:00")) } });
    await createBooking(host.user.id, berlin(MON, "13:00"), berlin(MON, "13:30"), { status: "CANCELLED" });
    const query = { eventTypeId: String(eventType.id), startTime: MON, endTime: MON, timeZone: "Europe/Berlin" };
    const result = await api("GET /v1/slots", { key: host.key, query });
    expect(localTimes(result.body.slots[MON])).toEqual(HALF_HOURS.filter((t) => !["10:00", "10:30", "15:00", "15:30"].includes(t)));
    const rescheduling = await api("GET /v1/slots", { key: host.key, query: { ...query, rescheduleUid: booking.uid } });
    expect(localTimes(rescheduling.body.slots[MON])).toEqual(HALF_HOURS.filter((t) => !["15:00", "15:30"].includes(t)));
  });

  it("counts seats and keeps a seated slot until it is full", async () => {
    const host = await createCaller();
    await createSchedule(host.user.id, "Europe/Berlin");
    const eventType = await createEventType(host.user.id, { seatsPerTimeSlot: 3 });
    const seated = await createBooking(host.user.id, berlin(MON, "09:00"), berlin(MON, "09:30"), { eventTypeId: eventType.id, attendees: 2 });
    const query = { eventTypeId: String(eventType.id), startTime: MON, endTime: MON, timeZone: "Europe/Berlin" };
    const result = await api("GET /v1/slots", { key: host.key, query });
    expect(result.body.slots[MON][0]).toEqual({ time: localIso(MON, "09:00", BERLIN), attendees: 2, bookingUid: seated.uid });
    const prisma = await getPrisma();
    await prisma.attendee.create({ data: { bookingId: seated.id, email: "third@example.com", name: "Third", timeZone: "UTC" } });
    const full = await api("GET /v1/slots", { key: host.key, query });
    expect(localTimes(full.body.slots[MON])[0]).toBe("09:30");
  });

  it("round robin: a slot is offered while any host is free", async () => {
    const owner = await createCaller();
    const other = await createCaller();
    await createSchedule(owner.user.id, "Europe/Berlin");
    await createSchedule(other.user.id, "Europe/Berlin");
    const team = await createTeam(owner, [{ caller: other }]);
    const eventType = await createTeamEventType(team.id, [{ userId: owner.user.id }, { userId: other.user.id }]);
    await createBooking(owner.user.id, berlin(MON, "09:00"), berlin(MON, "09:30"));
    const query = { eventTypeId: String(eventType.id), startTime: MON, endTime: MON, timeZone: "Europe/Berlin" };
    expect((await api("GET /v1/slots", { key: owner.key, query })).body.slots[MON]).toHaveLength(16);
    await createBooking(other.user.id, berlin(MON, "09:00"), berlin(MON, "09:30"));
    expect(localTimes((await api("GET /v1/slots", { key: owner.key, query })).body.slots[MON])[0]).toBe("09:30");
  });

  it("returns an empty object when nothing is free", async () => {
    const { host, eventType } = await createHostWithEventType();
    const result = await api("GET /v1/slots", {
      key: host.key,
      query: { eventTypeId: String(eventType.id), startTime: day(5), endTime: day(6), timeZone: "Europe/Berlin" },
    });
    expect(result.body).toEqual({ slots: {} });
  });
});

describe("GET /v1/slots teamMemberEmail (Cal.com's contact owner)", () => {
  async function roundRobin() {
    const owner = await createCaller();
    const early = await createCaller();
    const late = await createCaller();
    await createSchedule(early.user.id, "Europe/Berlin", [{ days: [1, 2, 3, 4, 5], start: "09:00", end: "10:00" }]);
    await createSchedule(late.user.id, "Europe/Berlin", [{ days: [1, 2, 3, 4, 5], start: "15:00", end: "16:00" }]);
    const team = await createTeam(owner, [{ caller: early }, { caller: late }]);
    const eventType = await createTeamEventType(team.id, [{ userId: early.user.id }, { userId: late.user.id }]);
    const query = { eventTypeId: String(eventType.id), startTime: MON, endTime: MON, timeZone: "Europe/Berlin" };
    return { owner, early, late, team, eventType, query };
  }

  it("keeps the slots of that round-robin host only (any case), every host's without it", async () => {
    const { owner, early, late, query } = await roundRobin();
    const all = await api("GET /v1/slots", { key: owner.key, query });
    expect(localTimes(all.body.slots[MON])).toEqual(["09:00", "09:30", "15:00", "15:30"]);
    const onlyLate = await api("GET /v1/slots", { key: owner.key, query: { ...query, teamMemberEmail: late.user.email.toUpperCase() } });
    expect(onlyLate.status).toBe(200);
    expect(localTimes(onlyLate.body.slots[MON])).toEqual(["15:00", "15:30"]);
    const onlyEarly = await api("GET /v1/slots", { key: owner.key, query: { ...query, teamMemberEmail: early.user.email } });
    expect(localTimes(onlyEarly.body.slots[MON])).toEqual(["09:00", "09:30"]);
  });

  it("falls back to every host when that host has no slot, and ignores an email of no host", async () => {
    const { owner, early, late, query, eventType } = await roundRobin();
    const prisma = await getPrisma();
    // The late host is busy all afternoon.
    await createBooking(late.user.id, berlin(MON, "15:00"), berlin(MON, "16:00"), { eventTypeId: eventType.id });
    const fallback = await api("GET /v1/slots", { key: owner.key, query: { ...query, teamMemberEmail: late.user.email } });
    expect(localTimes(fallback.body.slots[MON])).toEqual(["09:00", "09:30"]);
    const stranger = await api("GET /v1/slots", { key: owner.key, query: { ...query, teamMemberEmail: "nobody@example.com" } });
    expect(localTimes(stranger.body.slots[MON])).toEqual(["09:00", "09:30"]);
    // The team's owner is no host: naming them changes nothing either.
    const notHost = await api("GET /v1/slots", { key: owner.key, query: { ...query, teamMemberEmail: owner.user.email } });
    expect(localTimes(notHost.body.slots[MON])).toEqual(["09:00", "09:30"]);
    // A fixed host is never dropped: preferring one keeps every host.
    await prisma.host.updateMany({ where: { eventTypeId: eventType.id, userId: early.user.id }, data: { isFixed: true } });
    const withFixed = await api("GET /v1/slots", { key: owner.key, query: { ...query, teamMemberEmail: early.user.email } });
    expect(withFixed.body).toEqual((await api("GET /v1/slots", { key: owner.key, query })).body);
  });

  it("is ignored for a collective type and a personal one", async () => {
    const { owner, early, late, team, query } = await roundRobin();
    const collective = await createTeamEventType(team.id, [{ userId: early.user.id }, { userId: late.user.id }], { schedulingType: "COLLECTIVE" });
    const collectiveQuery = { ...query, eventTypeId: String(collective.id) };
    const plain = await api("GET /v1/slots", { key: owner.key, query: collectiveQuery });
    const preferring = await api("GET /v1/slots", { key: owner.key, query: { ...collectiveQuery, teamMemberEmail: late.user.email } });
    expect(preferring.body).toEqual(plain.body);
    const { host, eventType } = await createHostWithEventType();
    const personal = { eventTypeId: String(eventType.id), startTime: MON, endTime: MON, timeZone: "Europe/Berlin" };
    const alone = await api("GET /v1/slots", { key: host.key, query: personal });
    expect((await api("GET /v1/slots", { key: host.key, query: { ...personal, teamMemberEmail: "x@example.com" } })).body).toEqual(alone.body);
  });
});

describe("GET /v1/slots orgSlug", () => {
  it("is a 404 naming it: Slotbase has no organizations (an empty one is ignored)", async () => {
    const { host, eventType } = await createHostWithEventType();
    const query = { eventTypeId: String(eventType.id), startTime: MON, endTime: MON, timeZone: "Europe/Berlin" };
    const org = await api("GET /v1/slots", { key: host.key, query: { ...query, orgSlug: "acme" } });
    expect(org.status).toBe(404);
    expect(org.body.details).toEqual([expect.objectContaining({ field: "query.orgSlug", rule: "not_found" })]);
    const empty = await api("GET /v1/slots", { key: host.key, query: { ...query, orgSlug: "" } });
    expect(empty.status).toBe(200);
    expect(empty.body.slots[MON]).toHaveLength(16);
  });
});

describe("GET /v1/slots — a range that is over", () => {
  // As Cal.com: a 200 with no slots; the X-Slotbase-Note header says why, naming endTime.
  it("is a 200 with no slots and a note naming endTime; a range ahead has none", async () => {
    const { host, eventType } = await createHostWithEventType();
    const now = today("UTC");
    const past = await api("GET /v1/slots", { key: host.key, query: { eventTypeId: String(eventType.id), startTime: addDays(now, -9), endTime: addDays(now, -2) } });
    expect(past.status).toBe(200);
    expect(past.body).toEqual({ slots: {} });
    expect(past.headers["x-slotbase-note"]).toMatch(/^The range is in the past \(endTime is .*, before now\)/);
    const ahead = await api("GET /v1/slots", { key: host.key, query: { eventTypeId: String(eventType.id), startTime: MON, endTime: day(1) } });
    expect(ahead.status).toBe(200);
    expect(ahead.headers["x-slotbase-note"]).toBeUndefined();
  });
});
