import { useTestDatabase } from "../../support/database";
import { describeAuthMatrix } from "../../support/auth-matrix";
import { api } from "../../support/api";
import { createAdmin, createCaller, type Caller } from "../../support/fixtures";
import { memberOf, teamRestrictedAdmin } from "../../support/roles";
import { createTeam } from "../../support/teams";
import { idOf, selectedCalendar, selectedRows } from "./fixtures";

useTestDatabase();

const fields = (body: { details: { field?: string }[] }) => body.details.map((d) => d.field);
const calendar = { integration: "google_calendar", externalId: "alex@example.com" };
const ofOwner = async (owner: Caller) => ({ params: { id: idOf(await selectedCalendar(owner)) } });

describeAuthMatrix({ operation: "GET /v1/selected-calendars", scope: "selected-calendars:read", request: () => ({}) });
describeAuthMatrix({ operation: "POST /v1/selected-calendars", scope: "selected-calendars:write", request: () => ({ body: calendar }) });
describeAuthMatrix({ operation: "GET /v1/selected-calendars/{id}", scope: "selected-calendars:read", ownedObject: true, request: ofOwner });
describeAuthMatrix({
  operation: "PATCH /v1/selected-calendars/{id}",
  scope: "selected-calendars:write",
  ownedObject: true,
  request: async (owner) => ({ ...(await ofOwner(owner)), body: { externalId: "renamed@example.com" } }),
});
describeAuthMatrix({ operation: "DELETE /v1/selected-calendars/{id}", scope: "selected-calendars:write", ownedObject: true, request: ofOwner });

/** Every operation on `row` by `caller` is a 404 ("Selected calendar not found.") and the owner's calendars stay as they were. */
async function expectStranger(caller: { key: string }, row: { userId: number; integration: string; externalId: string }) {
  const before = await selectedRows(row.userId);
  const params = { id: idOf(row) };
  for (const result of [
    await api("GET /v1/selected-calendars/{id}", { params, key: caller.key }),
    await api("PATCH /v1/selected-calendars/{id}", { params, key: caller.key, body: { externalId: "evil@example.com" } }),
    await api("DELETE /v1/selected-calendars/{id}", { params, key: caller.key }),
  ]) {
    expect(result.status).toBe(404);
    expect(result.body).toMatchObject({ code: "not_found", message: "Selected calendar not found." });
  }
  expect(await selectedRows(row.userId)).toEqual(before);
}

describe("selected calendars — cross-user boundaries", () => {
  it("another user's selected calendar is a 404 (selected or not: nothing tells) and stays unchanged", async () => {
    const owner = await createCaller();
    const intruder = await createCaller();
    await expectStranger(intruder, await selectedCalendar(owner));
    const never = await api("GET /v1/selected-calendars/{id}", { params: { id: `${owner.user.id}_google_calendar_never@example.com` }, key: intruder.key });
    expect(never.status).toBe(404);
    expect(never.body.message).toBe("Selected calendar not found.");
  });

  it("a plain user cannot select a calendar for someone else (403), nor move theirs onto someone else, and nothing is written", async () => {
    const victim = await createCaller();
    const caller = await createCaller();
    const refused = await api("POST /v1/selected-calendars", { key: caller.key, body: { ...calendar, userId: victim.user.id } });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe("forbidden");
    expect(fields(refused.body)).toEqual(["body.userId"]);
    expect(await selectedRows(victim.user.id)).toEqual([]);
    const own = await api("POST /v1/selected-calendars", { key: caller.key, body: { ...calendar, userId: caller.user.id } });
    expect(own.status).toBe(201);
    const move = await api("PATCH /v1/selected-calendars/{id}", { params: { id: idOf(own.body.selected_calendar) }, key: caller.key, body: { userId: victim.user.id } });
    expect(move.status).toBe(403);
    expect(fields(move.body)).toEqual(["body.userId"]);
    expect(await selectedRows(victim.user.id)).toEqual([]);
    expect(await selectedRows(caller.user.id)).toHaveLength(1);
  });

  it("a plain user's list is their own; filtering by another user is a 403", async () => {
    const owner = await createCaller();
    const intruder = await createCaller();
    await selectedCalendar(owner);
    const mine = await selectedCalendar(intruder);
    const list = await api("GET /v1/selected-calendars", { key: intruder.key, query: { take: "100" } });
    expect(list.body.selected_calendars).toEqual([mine]);
    const filtered = await api("GET /v1/selected-calendars", { key: intruder.key, query: { userId: String(owner.user.id) } });
    expect(filtered.status).toBe(403);
    expect(fields(filtered.body)).toEqual(["query.userId"]);
  });

  it("team roles grant nothing over a member's selected calendars: OWNERs and team-restricted admins get 404", async () => {
    const owner = await createCaller();
    const member = await createCaller();
    const team = await createTeam(owner, [{ caller: member }]);
    const row = await selectedCalendar(member);
    await expectStranger(owner, row);
    await expectStranger(await memberOf(team.id, "ADMIN"), row);
    await expectStranger(await teamRestrictedAdmin(team.id), row);
    const restricted = await teamRestrictedAdmin(team.id);
    const refused = await api("POST /v1/selected-calendars", { key: restricted.key, body: { ...calendar, userId: member.user.id } });
    expect(refused.status).toBe(403);
  });

  it("an unrestricted admin reads, edits and removes anyone's", async () => {
    const admin = await createAdmin();
    const owner = await createCaller();
    const row = await selectedCalendar(owner);
    const params = { id: idOf(row) };
    expect((await api("GET /v1/selected-calendars/{id}", { params, key: admin.key })).body.selected_calendar).toEqual(row);
    const edited = await api("PATCH /v1/selected-calendars/{id}", { params, key: admin.key, body: { integration: "office365_calendar" } });
    expect(edited.body.selected_calendar).toEqual({ ...row, integration: "office365_calendar" });
    expect((await api("DELETE /v1/selected-calendars/{id}", { params: { id: idOf(edited.body.selected_calendar) }, key: admin.key })).status).toBe(200);
    expect(await selectedRows(owner.user.id)).toEqual([]);
  });
});
