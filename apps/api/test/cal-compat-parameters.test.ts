import { getPrisma } from "@slotbase/prisma";
import { api } from "./support/api";
import { useTestDatabase } from "./support/database";
import { createCaller } from "./support/fixtures";
import { createBooking, createEventType, createSchedule, createTeamEventType, nextWeekdaySlot, WEEKDAY_SLOTS_FROM } from "./support/scheduling";
import { createTeam } from "./support/teams";

/*
 * Query parameters real Cal.com clients send, which strict input would otherwise refuse:
 * declared in the operations' query schemas (so documented), and honoured.
 */

useTestDatabase();

const MON = WEEKDAY_SLOTS_FROM;
const fields = (body: { details?: { field: string }[]; error?: { details: { field: string }[] } }) =>
  (body.details ?? body.error?.details ?? []).map((d) => d.field);

describe("GET /v1/slots isTeamEvent (Cal.com: the team's slug in usernameList)", () => {
  it("finds a team event type by its slug and the team's", async () => {
    const owner = await createCaller();
    await createSchedule(owner.user.id, "Europe/Berlin");
    const team = await createTeam(owner);
    const teamType = await createTeamEventType(team.id, [{ userId: owner.user.id }]);
    const query = { eventTypeSlug: teamType.slug, usernameList: team.slug!, startTime: MON, endTime: MON, timeZone: "Europe/Berlin" };

    const found = await api("GET /v1/slots", { key: owner.key, query: { ...query, isTeamEvent: "true" } });
    expect(found.status).toBe(200);
    expect(found.body.slots[MON]).toHaveLength(16);

    // Without the flag the entry is a username: there is no such user.
    expect((await api("GET /v1/slots", { key: owner.key, query })).status).toBe(404);
    // false is Cal.com's default, accepted as such.
    expect((await api("GET /v1/slots", { key: owner.key, query: { ...query, isTeamEvent: "false" } })).status).toBe(404);
  });

  it("wants exactly one team slug, and true or false", async () => {
    const caller = await createCaller();
    const query = { eventTypeSlug: "x", startTime: MON, endTime: MON };
    const two = await api("GET /v1/slots", { key: caller.key, query: { ...query, usernameList: "a,b", isTeamEvent: "true" } });
    expect(two.status).toBe(400);
    expect(fields(two.body)).toContain("query.usernameList");
    const yes = await api("GET /v1/slots", { key: caller.key, query: { ...query, usernameList: "a", isTeamEvent: "yes" } });
    expect(yes.status).toBe(400);
    expect(fields(yes.body)).toContain("query.isTeamEvent");
  });
});

describe("GET /v2/bookings/{bookingUid}/references type (Cal.com's filter)", () => {
  it("keeps only the references of that type", async () => {
    const host = await createCaller();
    const eventType = await createEventType(host.user.id);
    const { start, end } = nextWeekdaySlot();
    const booking = await createBooking(host.user.id, start, end, { eventTypeId: eventType.id });
    const prisma = await getPrisma();
    await prisma.bookingReference.createMany({
      data: [
        { bookingId: booking.id, type: "google_calendar", uid: "evt-1" },
        { bookingId: booking.id, type: "daily_video", uid: "room-1", meetingUrl: "https://example.daily.co/room-1" },
      ],
    });
    const all = await api("GET /v2/bookings/{bookingUid}/references", { key: host.key, params: { bookingUid: booking.uid } });
    expect(all.body.data.map((r: { type: string }) => r.type).sort()).toEqual(["daily_video", "google_calendar"]);
    const video = await api("GET /v2/bookings/{bookingUid}/references", { key: host.key, params: { bookingUid: booking.uid }, query: { type: "daily_video" } });
    expect(video.status).toBe(200);
    expect(video.body.data).toEqual([expect.objectContaining({ type: "daily_video", eventUid: "room-1" })]);
    const none = await api("GET /v2/bookings/{bookingUid}/references", { key: host.key, params: { bookingUid: booking.uid }, query: { type: "zoom" } });
    expect(none.body.data).toEqual([]);
  });
});

describe("GET /v2/bookings teamId (Cal.com's single form of teamsIds)", () => {
  it("lists the bookings of that team's event types, combined with teamsIds", async () => {
    const owner = await createCaller();
    const teamA = await createTeam(owner);
    const teamB = await createTeam(owner);
    const typeA = await createTeamEventType(teamA.id, [{ userId: owner.user.id }]);
    const typeB = await createTeamEventType(teamB.id, [{ userId: owner.user.id }]);
    const personal = await createEventType(owner.user.id);
    const ids: number[] = [];
    for (const eventTypeId of [typeA.id, typeB.id, personal.id]) {
      const { start, end } = nextWeekdaySlot();
      ids.push((await createBooking(owner.user.id, start, end, { eventTypeId })).id);
    }
    const listed = async (query: Record<string, string>) =>
      ((await api("GET /v2/bookings", { key: owner.key, query })).body.data as { id: number }[]).map((b) => b.id).sort((a, b) => a - b);
    expect(await listed({ teamId: String(teamA.id) })).toEqual([ids[0]]);
    expect(await listed({ teamId: String(teamA.id), teamsIds: String(teamB.id) })).toEqual([ids[0], ids[1]]);
    const bad = await api("GET /v2/bookings", { key: owner.key, query: { teamId: "abc" } });
    expect(bad.status).toBe(400);
    expect(fields(bad.body)).toContain("query.teamId");
  });
});
