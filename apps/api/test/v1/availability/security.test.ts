import { api } from "../../support/api";
import { describeAuthMatrix } from "../../support/auth-matrix";
import { useTestDatabase } from "../../support/database";
import { addDays, nextMonday } from "../../support/dates";
import { createCaller } from "../../support/fixtures";
import { createTeam } from "../../support/teams";

useTestDatabase();

// MON is a Monday ahead (computed from today).
const MON = nextMonday();
const day = (n: number) => addDays(MON, n);

describeAuthMatrix({
  operation: "GET /v1/availability",
  scope: "availabilities:read",
  request: (owner) => ({ query: { userId: String(owner.user.id), dateFrom: MON, dateTo: day(1) } }),
});

describe("GET /v1/availability — teams", () => {
  it("hides a team from non-members and pending members (404)", async () => {
    const owner = await createCaller();
    const pending = await createCaller();
    const team = await createTeam(owner, [{ caller: pending, accepted: false }]);
    const query = { teamId: String(team.id), dateFrom: MON, dateTo: day(1) };
    expect((await api("GET /v1/availability", { key: (await createCaller()).key, query })).status).toBe(404);
    expect((await api("GET /v1/availability", { key: pending.key, query })).status).toBe(404);
  });

  it("does not list pending members", async () => {
    const owner = await createCaller();
    const pending = await createCaller();
    const team = await createTeam(owner, [{ caller: pending, accepted: false }]);
    const result = await api("GET /v1/availability", { key: owner.key, query: { teamId: String(team.id), dateFrom: MON, dateTo: day(1) } });
    expect(result.body.map((m: { userId: number }) => m.userId)).toEqual([owner.user.id]);
  });

  it("lets a key restricted to another team see nothing of this one", async () => {
    const owner = await createCaller();
    const team = await createTeam(owner);
    const otherTeam = await createTeam(owner);
    const restricted = await createCaller({ teamId: otherTeam.id });
    const result = await api("GET /v1/availability", { key: restricted.key, query: { teamId: String(team.id), dateFrom: MON, dateTo: day(1) } });
    expect(result.status).toBe(404);
  });
});
