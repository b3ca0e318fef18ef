import { getPrisma } from "@slotbase/prisma";
import { api } from "../../support/api";
import { useTestDatabase } from "../../support/database";
import { createAdmin, createCaller } from "../../support/fixtures";
import { createBooking, createEventType, createSchedule, createTeamEventType } from "../../support/scheduling";
import { createTeam } from "../../support/teams";
import { addDays, berlin, nextMonday } from "../../support/dates";

useTestDatabase();

// MON is a Monday ahead (computed from today).
const MON = nextMonday();
const day = (n: number) => addDays(MON, n);

const MONDAY = { dateFrom: MON, dateTo: MON, timeZone: "Europe/Berlin" };

async function busyUser() {
  const user = await createCaller();
  await createSchedule(user.user.id, "Europe/Berlin", [
    { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" },
    { date: day(2), start: "10:00", end: "12:00" },
  ]);
  await createBooking(user.user.id, berlin(MON, "10:00"), berlin(MON, "11:00"), { title: "Salary talk with Bob" });
  const prisma = await getPrisma();
  await prisma.blocker.create({ data: { userId: user.user.id, title: "Dentist", startTime: new Date(berlin(MON, "15:00")), endTime: new Date(berlin(MON, "16:00")) } });
  return user;
}

describe("GET /v1/availability", () => {
  it("shows a user their own busy time with titles, working hours, overrides and free ranges", async () => {
    const user = await busyUser();
    const result = await api("GET /v1/availability", { key: user.key, query: { ...MONDAY, userId: String(user.user.id) } });
    expect(result.status).toBe(200);
    expect(result.body.timeZone).toBe("Europe/Berlin");
    expect(result.body.busy).toEqual([
      { start: berlin(MON, "10:00"), end: berlin(MON, "11:00"), source: "booking", title: "Salary talk with Bob" },
      { start: berlin(MON, "15:00"), end: berlin(MON, "16:00"), source: "blocker", title: "Dentist" },
    ]);
    expect(result.body.dateRanges).toEqual([
      { start: berlin(MON, "09:00"), end: berlin(MON, "10:00") },
      { start: berlin(MON, "11:00"), end: berlin(MON, "15:00") },
      { start: berlin(MON, "16:00"), end: berlin(MON, "17:00") },
    ]);
    expect(result.body.workingHours).toEqual([{ days: [1, 2, 3, 4, 5], startTime: 540, endTime: 1020, userId: user.user.id }]);
    expect(result.body.dateOverrides).toEqual([{ date: day(2), startTime: 600, endTime: 720, userId: user.user.id }]);
  });

  it("finds the user by username", async () => {
    const user = await busyUser();
    const result = await api("GET /v1/availability", { key: user.key, query: { ...MONDAY, username: user.user.username! } });
    expect(result.body.userId).toBe(user.user.id);
  });

  it("shows anyone else start and end only: no titles", async () => {
    const user = await busyUser();
    const stranger = await createCaller();
    const result = await api("GET /v1/availability", { key: stranger.key, query: { ...MONDAY, userId: String(user.user.id) } });
    expect(result.status).toBe(200);
    expect(result.body.busy).toEqual([
      { start: berlin(MON, "10:00"), end: berlin(MON, "11:00"), source: "booking" },
      { start: berlin(MON, "15:00"), end: berlin(MON, "16:00"), source: "blocker" },
    ]);
    expect(JSON.stringify(result.body)).not.toMatch(/Salary|Dentist/);
  });

  it("shows titles to a system admin and to an OWNER/ADMIN of the user's team, not to a plain teammate", async () => {
    const user = await busyUser();
    const owner = await createCaller();
    const teammate = await createCaller();
    await createTeam(owner, [{ caller: user }, { caller: teammate }]);
    const query = { ...MONDAY, userId: String(user.user.id) };
    expect((await api("GET /v1/availability", { key: owner.key, query })).body.busy[0].title).toBe("Salary talk with Bob");
    expect((await api("GET /v1/availability", { key: (await createAdmin()).key, query })).body.busy[0].title).toBe("Salary talk with Bob");
    expect((await api("GET /v1/availability", { key: teammate.key, query })).body.busy[0].title).toBeUndefined();
  });

  it("gives a team's members' availability to its members, titles to its OWNER only", async () => {
    const user = await busyUser();
    const owner = await createCaller();
    const team = await createTeam(owner, [{ caller: user }]);
    const query = { ...MONDAY, teamId: String(team.id) };
    const asOwner = await api("GET /v1/availability", { key: owner.key, query });
    expect(asOwner.status).toBe(200);
    expect(asOwner.body.map((m: { userId: number }) => m.userId).sort()).toEqual([user.user.id, owner.user.id].sort());
    const member = asOwner.body.find((m: { userId: number }) => m.userId === user.user.id);
    expect(member.availability.busy[0].title).toBe("Salary talk with Bob");
    const asMember = await api("GET /v1/availability", { key: user.key, query });
    expect(asMember.status).toBe(200);
    expect(asMember.body.find((m: { userId: number }) => m.userId === user.user.id).availability.busy[0].title).toBe("Salary talk with Bob");
  });
});

describe("GET /v1/availability eventTypeId (Cal.com's filter)", () => {
  it("shows the host on the schedule the event type books them on, and the default without it", async () => {
    const host = await createCaller();
    await createSchedule(host.user.id, "Europe/Berlin"); // the default: 09:00–17:00
    const mornings = await createSchedule(host.user.id, "Europe/Berlin", [{ days: [1, 2, 3, 4, 5], start: "08:00", end: "12:00" }]);
    const eventType = await createEventType(host.user.id, { scheduleId: mornings.id });
    const query = { ...MONDAY, userId: String(host.user.id) };

    const plain = await api("GET /v1/availability", { key: host.key, query });
    expect(plain.body.dateRanges).toEqual([{ start: berlin(MON, "09:00"), end: berlin(MON, "17:00") }]);
    expect(plain.body).toMatchObject({ currentSeats: null, datesOutOfOffice: {} });

    const forType = await api("GET /v1/availability", { key: host.key, query: { ...query, eventTypeId: String(eventType.id) } });
    expect(forType.status).toBe(200);
    expect(forType.body.dateRanges).toEqual([{ start: berlin(MON, "08:00"), end: berlin(MON, "12:00") }]);
    expect(forType.body.workingHours).toEqual([{ days: [1, 2, 3, 4, 5], startTime: 480, endTime: 720, userId: host.user.id }]);
    const byPath = await api("GET /v1/users/{id}/availability", { key: host.key, params: { id: host.user.id }, query: { dateFrom: MON, dateTo: MON, timeZone: "Europe/Berlin", eventTypeId: String(eventType.id) } });
    expect(byPath.body.dateRanges).toEqual(forType.body.dateRanges);
  });

  it("gives a seated type's bookings as currentSeats, not busy time", async () => {
    const host = await createCaller();
    await createSchedule(host.user.id, "Europe/Berlin");
    const seated = await createEventType(host.user.id, { seatsPerTimeSlot: 5 });
    const booking = await createBooking(host.user.id, berlin(MON, "10:00"), berlin(MON, "10:30"), { eventTypeId: seated.id, attendees: 2 });
    const result = await api("GET /v1/availability", { key: host.key, query: { ...MONDAY, userId: String(host.user.id), eventTypeId: String(seated.id) } });
    expect(result.body.currentSeats).toEqual([{ uid: booking.uid, startTime: berlin(MON, "10:00"), _count: { attendees: 2 } }]);
    expect(result.body.dateRanges).toEqual([{ start: berlin(MON, "09:00"), end: berlin(MON, "17:00") }]);
    const plain = await api("GET /v1/availability", { key: host.key, query: { ...MONDAY, userId: String(host.user.id) } });
    expect(plain.body.currentSeats).toBeNull();
    expect(plain.body.dateRanges).toHaveLength(2);
  });

  it("a team type applies to its hosts only, and must be the team's", async () => {
    const owner = await createCaller();
    const member = await createCaller();
    const team = await createTeam(owner, [{ caller: member }]);
    await createSchedule(owner.user.id, "Europe/Berlin");
    await createSchedule(member.user.id, "Europe/Berlin");
    const afternoons = await createSchedule(member.user.id, "Europe/Berlin", [{ days: [1, 2, 3, 4, 5], start: "13:00", end: "17:00" }]);
    const teamType = await createTeamEventType(team.id, [{ userId: member.user.id }]);
    const prisma = await getPrisma();
    await prisma.host.updateMany({ where: { eventTypeId: teamType.id, userId: member.user.id }, data: { scheduleId: afternoons.id } });
    const path = (teamId: number, eventTypeId: number) =>
      api("GET /v1/teams/{teamId}/availability", { key: owner.key, params: { teamId }, query: { ...MONDAY, eventTypeId: String(eventTypeId) } });
    const result = await path(team.id, teamType.id);
    expect(result.status).toBe(200);
    const of = (userId: number) => result.body.find((m: { userId: number }) => m.userId === userId).availability.dateRanges;
    expect(of(member.user.id)).toEqual([{ start: berlin(MON, "13:00"), end: berlin(MON, "17:00") }]);
    expect(of(owner.user.id)).toEqual([{ start: berlin(MON, "09:00"), end: berlin(MON, "17:00") }]);

    const otherTeam = await createTeam(owner);
    const elsewhere = await createTeamEventType(otherTeam.id, [{ userId: owner.user.id }]);
    const wrongTeam = await path(team.id, elsewhere.id);
    expect(wrongTeam.status).toBe(404);
    expect(wrongTeam.body.details).toEqual([expect.objectContaining({ field: "query.eventTypeId" })]);
  });

  it("never reveals an event type the caller may not read (404, as for a missing one)", async () => {
    const host = await createCaller();
    await createSchedule(host.user.id, "Europe/Berlin");
    const hidden = await createEventType(host.user.id);
    const stranger = await createCaller();
    const query = { ...MONDAY, userId: String(host.user.id) };
    const foreign = await api("GET /v1/availability", { key: stranger.key, query: { ...query, eventTypeId: String(hidden.id) } });
    const missing = await api("GET /v1/availability", { key: stranger.key, query: { ...query, eventTypeId: "2147483647" } });
    expect(foreign.status).toBe(404);
    expect(missing.status).toBe(404);
    const same = (body: { requestId: string }) => JSON.stringify({ ...body, requestId: "" });
    expect(same(foreign.body)).toBe(same(missing.body).replaceAll("2147483647", String(hidden.id)));
    expect(foreign.body.details).toEqual([expect.objectContaining({ field: "query.eventTypeId", rule: "not_found" })]);
    // Without it the stranger sees what anyone sees.
    expect((await api("GET /v1/availability", { key: stranger.key, query })).status).toBe(200);
  });
});

