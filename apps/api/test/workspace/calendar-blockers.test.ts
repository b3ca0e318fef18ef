import { api } from "../support/api";
import { useTestDatabase } from "../support/database";
import { createCaller } from "../support/fixtures";
import { createTeam } from "../support/teams";
import { addDays, berlin, nextMonday } from "../support/dates";

useTestDatabase();

/** Blockers of a workspace calendar follow the workspace: members see them, OWNER/ADMIN set and remove them. */
const DAY = addDays(nextMonday(), 2);

async function workspaceWithCalendar() {
  const owner = await createCaller();
  const member = await createCaller();
  const team = await createTeam(owner, [{ caller: member }]);
  const calendar = await api("POST /api/v2/w/{workspace_uuid}/calendars", { key: owner.key, params: { workspace_uuid: team.uuid }, body: { name: "Van" } });
  return { owner, member, team, calendarId: calendar.body.id as number };
}

const body = (calendarId: number) => ({ calendarId, startTime: berlin(DAY, "08:00"), endTime: berlin(DAY, "12:00"), title: "Service" });

describe("calendar blockers", () => {
  it("OWNER/ADMIN create them; members read them; a MEMBER may not set or change one (403)", async () => {
    const { owner, member, calendarId } = await workspaceWithCalendar();
    expect((await api("POST /v1/blockers", { key: member.key, body: body(calendarId) })).status).toBe(403);
    const created = await api("POST /v1/blockers", { key: owner.key, body: body(calendarId) });
    expect(created.status).toBe(201);
    const id = created.body.blocker.id;
    expect((await api("GET /v1/blockers/{id}", { key: member.key, params: { id } })).body.blocker).toMatchObject({ calendarId, userId: null, title: "Service" });
    const listed = await api("GET /v1/blockers", { key: member.key, query: { calendarId: String(calendarId) } });
    expect(listed.body.blockers.map((b: { id: number }) => b.id)).toEqual([id]);
    expect((await api("PATCH /v1/blockers/{id}", { key: member.key, params: { id }, body: { title: "Mine now" } })).status).toBe(403);
    expect((await api("DELETE /v1/blockers/{id}", { key: member.key, params: { id } })).status).toBe(403);
    expect((await api("DELETE /v1/blockers/{id}", { key: owner.key, params: { id } })).status).toBe(200);
  });

  it("are a 404 to anyone outside the workspace, naming calendarId on create", async () => {
    const { owner, calendarId } = await workspaceWithCalendar();
    const stranger = await createCaller();
    const refused = await api("POST /v1/blockers", { key: stranger.key, body: body(calendarId) });
    expect(refused.status).toBe(404);
    expect(refused.body.details).toEqual([expect.objectContaining({ field: "body.calendarId" })]);
    const created = await api("POST /v1/blockers", { key: owner.key, body: body(calendarId) });
    const id = created.body.blocker.id;
    expect((await api("GET /v1/blockers/{id}", { key: stranger.key, params: { id } })).status).toBe(404);
    expect((await api("GET /v1/blockers", { key: stranger.key })).body.blockers).toEqual([]);
  });

  it("block a user or a calendar, not both", async () => {
    const { owner, calendarId } = await workspaceWithCalendar();
    const both = await api("POST /v1/blockers", { key: owner.key, body: { ...body(calendarId), userId: owner.user.id } });
    expect(both.status).toBe(400);
    expect(both.body.details).toEqual([expect.objectContaining({ field: "body.calendarId", rule: "exclusive" })]);
  });
});
