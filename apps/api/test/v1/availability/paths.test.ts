import { api } from "../../support/api";
import { describeAuthMatrix } from "../../support/auth-matrix";
import { useTestDatabase } from "../../support/database";
import { addDays, nextMonday } from "../../support/dates";
import { createCaller } from "../../support/fixtures";
import { createSchedule } from "../../support/scheduling";
import { createTeam } from "../../support/teams";

useTestDatabase();

// MON is a Monday ahead (computed from today).
const MON = nextMonday();
const range = { dateFrom: MON, dateTo: addDays(MON, 1) };

describeAuthMatrix({
  operation: "GET /v1/users/{id}/availability",
  scope: "availabilities:read",
  request: (owner) => ({ params: { id: owner.user.id }, query: range }),
});
describeAuthMatrix({
  operation: "GET /v1/teams/{teamId}/availability",
  scope: "availabilities:read",
  team: { need: "read" },
  request: async (owner) => ({ params: { teamId: (await createTeam(owner)).id }, query: range }),
});

describe("per-user and per-team availability paths (Cal.com v1)", () => {
  it("answer exactly as /v1/availability with userId or teamId", async () => {
    const owner = await createCaller();
    const member = await createCaller();
    await createSchedule(owner.user.id, "Europe/Berlin");
    const team = await createTeam(owner, [{ caller: member }]);
    const byPath = await api("GET /v1/users/{id}/availability", { key: owner.key, params: { id: owner.user.id }, query: range });
    const byQuery = await api("GET /v1/availability", { key: owner.key, query: { userId: String(owner.user.id), ...range } });
    expect(byPath.status).toBe(200);
    expect(byPath.body).toEqual(byQuery.body);
    const teamByPath = await api("GET /v1/teams/{teamId}/availability", { key: member.key, params: { teamId: team.id }, query: range });
    const teamByQuery = await api("GET /v1/availability", { key: member.key, query: { teamId: String(team.id), ...range } });
    expect(teamByPath.body).toEqual(teamByQuery.body);
    expect(teamByPath.body.map((m: { userId: number }) => m.userId).sort()).toEqual([owner.user.id, member.user.id].sort());
  });

  it("hides a team from outsiders (404) and names bad input (400)", async () => {
    const owner = await createCaller();
    const outsider = await createCaller();
    const team = await createTeam(owner);
    expect((await api("GET /v1/teams/{teamId}/availability", { key: outsider.key, params: { teamId: team.id }, query: range })).status).toBe(404);
    const bad = await api("GET /v1/users/{id}/availability", { key: owner.key, params: { id: owner.user.id }, query: { dateFrom: MON, dateTo: "yesterday" } });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toContain("query.dateTo");
  });
});
