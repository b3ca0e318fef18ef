import { DateTime } from "luxon";
import { getPrisma } from "@slotbase/prisma";
import { api } from "../../support/api";
import { useTestDatabase } from "../../support/database";
import { createCaller } from "../../support/fixtures";
import { createBooking, createEventType, createSchedule, createTeamEventType } from "../../support/scheduling";
import { createTeam } from "../../support/teams";

useTestDatabase();

const HALF_HOURS = Array.from({ length: 16 }, (_, i) => `${String(9 + Math.floor(i / 2)).padStart(2, "0")}:${i % 2 ? "30" : "00"}`);

describe("GET /v2/slots", () => {
  it("gives sixteen 09:00–16:30 Berlin slots per weekday across the 2027-03-28 change", async () => {
    const host = await createCaller();
    await createSchedule(host.user.id, "Europe/Berlin");
    const eventType = await createEventType(host.user.id);
    const result = await api("GET /v2/slots", {
      key: host.key,
      query: { eventTypeId: String(eventType.id), start: "2027-03-22", end: "2027-04-02", timeZone: "Europe/Berlin" },
    });
    expect(result.status).toBe(200);
    expect(result.body.status).toBe("success");
    const days = Object.keys(result.body.data);
    expect(days).toHaveLength(10);
    for (const day of days) {
      expect(result.body.data[day].map((s: { start: string }) => DateTime.fromISO(s.start, { zone: "Europe/Berlin" }).toFormat("HH:mm"))).toEqual(HALF_HOURS);
    }
    expect(result.body.data["2027-03-29"][0]).toEqual({ start: "2027-03-29T09:00:00.000+02:00" });
  });

  it("adds the end with format=range, and finds types by username or team slug", async () => {
    const host = await createCaller();
    const mate = await createCaller();
    await createSchedule(host.user.id, "Europe/Berlin");
    await createSchedule(mate.user.id, "Europe/Berlin");
    const eventType = await createEventType(host.user.id);
    const team = await createTeam(host, [{ caller: mate }]);
    const teamType = await createTeamEventType(team.id, [{ userId: host.user.id }, { userId: mate.user.id }], { schedulingType: "COLLECTIVE" });
    await createBooking(mate.user.id, "2027-03-22T08:00:00Z", "2027-03-22T09:00:00Z");
    const range = { start: "2027-03-22", end: "2027-03-22", timeZone: "Europe/Berlin" };

    const byUser = await api("GET /v2/slots", { key: host.key, query: { ...range, eventTypeSlug: eventType.slug, username: host.user.username!, format: "range" } });
    expect(byUser.body.data["2027-03-22"][0]).toEqual({ start: "2027-03-22T09:00:00.000+01:00", end: "2027-03-22T09:30:00.000+01:00" });

    const byTeam = await api("GET /v2/slots", { key: host.key, query: { ...range, eventTypeSlug: teamType.slug, teamSlug: team.slug! } });
    expect(byTeam.status).toBe(200);
    expect(byTeam.body.data["2027-03-22"][0].start).toBe("2027-03-22T10:00:00.000+01:00");
    expect(byTeam.body.data["2027-03-22"]).toHaveLength(14);
  });

  it("reports seats on seated types", async () => {
    const host = await createCaller();
    await createSchedule(host.user.id, "Europe/Berlin");
    const eventType = await createEventType(host.user.id, { seatsPerTimeSlot: 5 });
    await createBooking(host.user.id, "2027-03-22T08:00:00Z", "2027-03-22T08:30:00Z", { eventTypeId: eventType.id, attendees: 2 });
    const result = await api("GET /v2/slots", { key: host.key, query: { eventTypeId: String(eventType.id), start: "2027-03-22", end: "2027-03-22", timeZone: "Europe/Berlin" } });
    expect(result.body.data["2027-03-22"][0]).toEqual({ start: "2027-03-22T09:00:00.000+01:00", seatsBooked: 2, seatsRemaining: 3, seatsTotal: 5 });
    expect(result.body.data["2027-03-22"][1]).toEqual({ start: "2027-03-22T09:30:00.000+01:00", seatsBooked: 0, seatsRemaining: 5, seatsTotal: 5 });
  });

  it("keeps each booking's own buffers and the event type's, however far they reach", async () => {
    const host = await createCaller();
    await createSchedule(host.user.id, "Europe/Berlin");
    const plain = await createEventType(host.user.id);
    const dayAfter = await createEventType(host.user.id, { afterEventBuffer: 1440 });
    const padded = await createEventType(host.user.id, { beforeEventBuffer: 60, afterEventBuffer: 120 });
    const farSighted = await createEventType(host.user.id, { beforeEventBuffer: 60 });
    // Sunday 09:00 Berlin, with a day of buffer after: busy until Monday 09:30.
    await createBooking(host.user.id, "2027-03-21T08:00:00Z", "2027-03-21T08:30:00Z", { eventTypeId: dayAfter.id });
    // Tuesday 13:00–13:30 Berlin, busy 12:00–15:30 with its buffers.
    await createBooking(host.user.id, "2027-03-23T12:00:00Z", "2027-03-23T12:30:00Z", { eventTypeId: padded.id });
    const times = async (eventTypeId: number, day: string) => {
      const result = await api("GET /v2/slots", { key: host.key, query: { eventTypeId: String(eventTypeId), start: day, end: day, timeZone: "Europe/Berlin" } });
      expect(result.status).toBe(200);
      return result.body.data[day].map((s: { start: string }) => DateTime.fromISO(s.start, { zone: "Europe/Berlin" }).toFormat("HH:mm"));
    };
    expect((await times(plain.id, "2027-03-22"))[0]).toBe("09:30");
    expect(await times(plain.id, "2027-03-23")).toEqual([...HALF_HOURS.slice(0, 6), "15:30", "16:00", "16:30"]);
    // Its own hour before each slot must be free too: nothing between 11:30 and 16:30.
    expect(await times(farSighted.id, "2027-03-23")).toEqual([...HALF_HOURS.slice(0, 6), "16:30"]);
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
      const result = await api("GET /v2/slots", { key: host.key, query: { eventTypeId: String(eventTypeId), start: "2027-03-22", end: "2027-03-22", timeZone: "Europe/Berlin" } });
      expect(result.status).toBe(200);
      return result.body.data["2027-03-22"].map((s: { start: string }) => DateTime.fromISO(s.start, { zone: "Europe/Berlin" }).toFormat("HH:mm"));
    };
    expect(await times(byDefault.id)).toEqual(HALF_HOURS);
    expect(await times(byChoice.id)).toEqual(["08:00", "08:30"]);
    expect(await times(teamType.id)).toEqual(["08:00", "08:30", "18:00", "18:30"]);
    expect(mateEvenings.userId).toBe(mate.user.id);
  });
});
