import { DateTime } from "luxon";
import { getPrisma } from "@slotbase/prisma";
import { api } from "../../support/api";
import { useTestDatabase } from "../../support/database";
import { createCaller } from "../../support/fixtures";
import { createBooking, createEventType, createSchedule, createTeamEventType } from "../../support/scheduling";
import { createTeam } from "../../support/teams";
import { addDays, berlin, BERLIN, localIso, nextMonday, today, weekdaysBetween, weekOfNextDstChange } from "../../support/dates";

useTestDatabase();

// MON is a Monday ahead (computed from today), clear of daylight-saving changes.
const MON = nextMonday();
const day = (n: number) => addDays(MON, n);

const HALF_HOURS = Array.from({ length: 16 }, (_, i) => `${String(9 + Math.floor(i / 2)).padStart(2, "0")}:${i % 2 ? "30" : "00"}`);

describe("GET /v2/slots", () => {
  it("gives sixteen 09:00–16:30 Berlin slots per weekday across the next daylight-saving change", async () => {
    // The week of Berlin's next change (on its Sunday) and the week after it.
    const change = weekOfNextDstChange(BERLIN);
    const weekday = (n: number) => addDays(change.monday, n);
    expect(change.changeDate).toBe(weekday(6));
    expect(change.offsetAfter).not.toBe(change.offsetBefore);
    const host = await createCaller();
    await createSchedule(host.user.id, "Europe/Berlin");
    const eventType = await createEventType(host.user.id);
    const result = await api("GET /v2/slots", {
      key: host.key,
      query: { eventTypeId: String(eventType.id), start: weekday(0), end: weekday(11), timeZone: "Europe/Berlin" },
    });
    expect(result.status).toBe(200);
    expect(result.body.status).toBe("success");
    const days = Object.keys(result.body.data);
    expect(days).toHaveLength(10);
    expect(days).toEqual(weekdaysBetween(weekday(0), weekday(11)));
    for (const date of days) {
      expect(result.body.data[date].map((s: { start: string }) => DateTime.fromISO(s.start, { zone: "Europe/Berlin" }).toFormat("HH:mm"))).toEqual(HALF_HOURS);
    }
    expect(result.body.data[weekday(4)][0]).toEqual({ start: `${weekday(4)}T09:00:00.000${change.offsetBefore}` });
    expect(result.body.data[weekday(7)][0]).toEqual({ start: `${weekday(7)}T09:00:00.000${change.offsetAfter}` });
  });

  it("adds the end with format=range, and finds types by username or team slug", async () => {
    const host = await createCaller();
    const mate = await createCaller();
    await createSchedule(host.user.id, "Europe/Berlin");
    await createSchedule(mate.user.id, "Europe/Berlin");
    const eventType = await createEventType(host.user.id);
    const team = await createTeam(host, [{ caller: mate }]);
    const teamType = await createTeamEventType(team.id, [{ userId: host.user.id }, { userId: mate.user.id }], { schedulingType: "COLLECTIVE" });
    await createBooking(mate.user.id, berlin(MON, "09:00"), berlin(MON, "10:00"));
    const range = { start: MON, end: MON, timeZone: "Europe/Berlin" };

    const byUser = await api("GET /v2/slots", { key: host.key, query: { ...range, eventTypeSlug: eventType.slug, username: host.user.username!, format: "range" } });
    expect(byUser.body.data[MON][0]).toEqual({ start: localIso(MON, "09:00", BERLIN, { ms: true }), end: localIso(MON, "09:30", BERLIN, { ms: true }) });

    const byTeam = await api("GET /v2/slots", { key: host.key, query: { ...range, eventTypeSlug: teamType.slug, teamSlug: team.slug! } });
    expect(byTeam.status).toBe(200);
    expect(byTeam.body.data[MON][0].start).toBe(localIso(MON, "10:00", BERLIN, { ms: true }));
    expect(byTeam.body.data[MON]).toHaveLength(14);
  });

  it("reports seats on seated types", async () => {
    const host = await createCaller();
    await createSchedule(host.user.id, "Europe/Berlin");
    const eventType = await createEventType(host.user.id, { seatsPerTimeSlot: 5 });
    await createBooking(host.user.id, berlin(MON, "09:00"), berlin(MON, "09:30"), { eventTypeId: eventType.id, attendees: 2 });
    const result = await api("GET /v2/slots", { key: host.key, query: { eventTypeId: String(eventType.id), start: MON, end: MON, timeZone: "Europe/Berlin" } });
    expect(result.body.data[MON][0]).toEqual({ start: localIso(MON, "09:00", BERLIN, { ms: true }), seatsBooked: 2, seatsRemaining: 3, seatsTotal: 5 });
    expect(result.body.data[MON][1]).toEqual({ start: localIso(MON, "09:30", BERLIN, { ms: true }), seatsBooked: 0, seatsRemaining: 5, seatsTotal: 5 });
  });

  it("keeps each booking's own buffers and the event type's, however far they reach", async () => {
    const host = await createCaller();
    await createSchedule(host.user.id, "Europe/Berlin");
    const plain = await createEventType(host.user.id);
    const dayAfter = await createEventType(host.user.id, { afterEventBuffer: 1440 });
    const padded = await createEventType(host.user.id, { beforeEventBuffer: 60, afterEventBuffer: 120 });
    const farSighted = await createEventType(host.user.id, { beforeEventBuffer: 60 });
    // Sunday 09:00 Berlin, with a day of buffer after: busy until Monday 09:30.
    await createBooking(host.user.id, berlin(day(-1), "09:00"), berlin(day(-1), "09:30"), { eventTypeId: dayAfter.id });
    // Tuesday 13:00–13:30 Berlin, busy 12:00–15:30 with its buffers.
    await createBooking(host.user.id, berlin(day(1), "13:00"), berlin(day(1), "13:30"), { eventTypeId: padded.id });
    const times = async (eventTypeId: number, date: string) => {
      const result = await api("GET /v2/slots", { key: host.key, query: { eventTypeId: String(eventTypeId), start: date, end: date, timeZone: "Europe/Berlin" } });
      expect(result.status).toBe(200);
      return result.body.data[date].map((s: { start: string }) => DateTime.fromISO(s.start, { zone: "Europe/Berlin" }).toFormat("HH:mm"));
    };
    expect((await times(plain.id, MON))[0]).toBe("09:30");
    expect(await times(plain.id, day(1))).toEqual([...HALF_HOURS.slice(0, 6), "15:30", "16:00", "16:30"]);
    // Its own hour before each slot must be free too: nothing between 11:30 and 16:30.
    expect(await times(farSighted.id, day(1))).toEqual([...HALF_HOURS.slice(0, 6), "16:30"]);
  });

  it("reads each host's schedule: the chosen one, else the user's default, else their first", async () => {
    const host = await createCaller();
    const mate = await createCaller();
    await createSchedule(host.user.id, "Europe/Berlin"); // host's default: 09–17
    const mornings = await createSchedule(host.user.id, "Europe/Berlin", [{ days: [1, 2, 3, 4, 5], start: "08:00", end: "09:00" }]);
    const mateEvenings = await createSchedule(mate.user.id, "Europe/Berlin", [{ days: [1, 2, 3, 4, 5], start: "18:00", end: "19:00" }]);
    // The mate's default points nowhere: their first schedule is used.
    const prisma = await getPrisma();
    await prisma.user.update({ where: { id: mate.user.id }, data: { defaultScheduleId: null } });
    const team = await createTeam(host, [{ caller: mate }]);
    const byDefault = await createEventType(host.user.id);
    const byChoice = await createEventType(host.user.id, { scheduleId: mornings.id });
    const teamType = await createTeamEventType(team.id, [{ userId: host.user.id }, { userId: mate.user.id }]);
    await prisma.host.update({ where: { userId_eventTypeId: { userId: host.user.id, eventTypeId: teamType.id } }, data: { scheduleId: mornings.id } });
    const times = async (eventTypeId: number) => {
      const result = await api("GET /v2/slots", { key: host.key, query: { eventTypeId: String(eventTypeId), start: MON, end: MON, timeZone: "Europe/Berlin" } });
      expect(result.status).toBe(200);
      return result.body.data[MON].map((s: { start: string }) => DateTime.fromISO(s.start, { zone: "Europe/Berlin" }).toFormat("HH:mm"));
    };
    expect(await times(byDefault.id)).toEqual(HALF_HOURS);
    expect(await times(byChoice.id)).toEqual(["08:00", "08:30"]);
    expect(await times(teamType.id)).toEqual(["08:00", "08:30", "18:00", "18:30"]);
    expect(mateEvenings.userId).toBe(mate.user.id);
  });
});

describe("GET /v2/slots — a range that is over", () => {
  // Cal.com answers it with no slots and a 200 (it moves the start to now); so does Slotbase,
  // with a note in X-Slotbase-Note naming the field that put the range in the past.
  it("is a 200 with no slots and a note naming end; a range still running, or ahead, has no note", async () => {
    const host = await createCaller();
    await createSchedule(host.user.id, "Europe/Berlin");
    const eventType = await createEventType(host.user.id);
    const now = today("UTC");
    const past = await api("GET /v2/slots", { key: host.key, query: { eventTypeId: String(eventType.id), start: addDays(now, -9), end: addDays(now, -2) } });
    expect(past.status).toBe(200);
    expect(past.body).toEqual({ status: "success", data: {} });
    expect(past.headers["x-slotbase-note"]).toMatch(/^The range is in the past \(end is \d{4}-\d{2}-\d{2}T[\d:.]+Z, before now\): no slot can be booked in it/);
    const instants = await api("GET /v2/slots", { key: host.key, query: { eventTypeId: String(eventType.id), start: "2020-01-06T09:00:00Z", end: "2020-01-06T17:00:00Z" } });
    expect(instants.status).toBe(200);
    expect(instants.headers["x-slotbase-note"]).toMatch(/end is 2020-01-06T17:00:00.000Z/);
    const running = await api("GET /v2/slots", { key: host.key, query: { eventTypeId: String(eventType.id), start: addDays(now, -2), end: addDays(now, 9) } });
    expect(running.status).toBe(200);
    expect(Object.keys(running.body.data).length).toBeGreaterThan(0);
    expect(running.headers["x-slotbase-note"]).toBeUndefined();
    const ahead = await api("GET /v2/slots", { key: host.key, query: { eventTypeId: String(eventType.id), start: MON, end: day(1) } });
    expect(ahead.headers["x-slotbase-note"]).toBeUndefined();
  });

  it("is still a 404 for an event type that does not exist", async () => {
    const host = await createCaller();
    const now = today("UTC");
    const result = await api("GET /v2/slots", { key: host.key, query: { eventTypeId: "2000000000", start: addDays(now, -9), end: addDays(now, -2) } });
    expect(result.status).toBe(404);
  });
});
