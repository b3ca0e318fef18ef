import { getPrisma } from "@slotbase/prisma";
import { createApiKey } from "@slotbase/features";
import { api } from "../../support/api";
import { describeAuthMatrix } from "../../support/auth-matrix";
import { useTestDatabase } from "../../support/database";
import { createAdmin, createCaller, type Caller } from "../../support/fixtures";
import { createTeam } from "../../support/teams";
import { createPersonalType, createTeamType, uniqueSlug } from "../../v1/event-types/helpers";

useTestDatabase();

const ids = (list: { id: number }[]) => list.map((item) => item.id);
const personalTypeOf = async (owner: Caller) => ({ params: { eventTypeId: (await createPersonalType(owner)).id } });
/** A team event type of a team the owner OWNs: team members read it, OWNERs and ADMINs change it. */
const teamTypeOf = async (owner: Caller) => ({ params: { eventTypeId: (await createTeamType((await createTeam(owner)).id, [owner.user.id])).id } });

describeAuthMatrix({ operation: "GET /v2/event-types", scope: "event-types:read", request: () => ({}) });
describeAuthMatrix({
  operation: "POST /v2/event-types",
  scope: "event-types:write",
  request: () => ({ body: { title: "Call", slug: uniqueSlug(), lengthInMinutes: 30 } }),
});
describeAuthMatrix({ operation: "GET /v2/event-types/{eventTypeId}", scope: "event-types:read", ownedObject: true, request: personalTypeOf });
describeAuthMatrix({
  operation: "PATCH /v2/event-types/{eventTypeId}",
  scope: "event-types:write",
  ownedObject: true,
  request: async (owner) => ({ ...(await personalTypeOf(owner)), body: { title: "Renamed" } }),
});
describeAuthMatrix({ operation: "DELETE /v2/event-types/{eventTypeId}", scope: "event-types:write", ownedObject: true, request: personalTypeOf });

describeAuthMatrix({ operation: "GET /v2/event-types/{eventTypeId}", scope: "event-types:read", ownedObject: true, team: { need: "read" }, request: teamTypeOf });
describeAuthMatrix({
  operation: "PATCH /v2/event-types/{eventTypeId}",
  scope: "event-types:write",
  ownedObject: true,
  team: { need: "manage" },
  request: async (owner) => ({ ...(await teamTypeOf(owner)), body: { title: "Renamed" } }),
});
describeAuthMatrix({ operation: "DELETE /v2/event-types/{eventTypeId}", scope: "event-types:write", ownedObject: true, team: { need: "manage" }, request: teamTypeOf });

describe("/v2/event-types — whose types", () => {
  it("another user's username is a 403 and an unknown one too, so nobody learns who exists", async () => {
    const caller = await createCaller();
    const other = await createCaller();
    await createPersonalType(other);
    for (const username of [other.user.username!, "no-such-user-here"]) {
      const result = await api("GET /v2/event-types", { key: caller.key, query: { username } });
      expect(result.status).toBe(403);
      expect(result.body.error.code).toBe("forbidden");
      expect(result.body.error.details[0].field).toBe("query.username");
    }
  });

  it("an admin lists anyone's types by username, and an unknown name as an empty list", async () => {
    const admin = await createAdmin();
    const other = await createCaller();
    const theirs = await createPersonalType(other);
    expect(ids((await api("GET /v2/event-types", { key: admin.key, query: { username: other.user.username! } })).body.data)).toEqual([theirs.id]);
    expect((await api("GET /v2/event-types", { key: admin.key, query: { username: "no-such-user-here" } })).body.data).toEqual([]);
  });

  it("another user's type is a 404 and stays unchanged; creating always makes the key's own type", async () => {
    const owner = await createCaller();
    const intruder = await createCaller();
    const type = await createPersonalType(owner);
    const result = await api("PATCH /v2/event-types/{eventTypeId}", { params: { eventTypeId: type.id }, key: intruder.key, body: { title: "Hijacked" } });
    expect(result.status).toBe(404);
    expect((await api("DELETE /v2/event-types/{eventTypeId}", { params: { eventTypeId: type.id }, key: intruder.key })).status).toBe(404);
    const prisma = await getPrisma();
    expect(await prisma.eventType.findUniqueOrThrow({ where: { id: type.id } })).toEqual(type);
    const created = await api("POST /v2/event-types", { key: intruder.key, body: { title: "Mine", slug: uniqueSlug(), lengthInMinutes: 15 } });
    expect(created.body.data.ownerId).toBe(intruder.user.id);
  });

  it("a plain team member reads a team type but cannot change or delete it (403)", async () => {
    const owner = await createCaller();
    const member = await createCaller();
    const team = await createTeam(owner, [{ caller: member }]);
    const type = await createTeamType(team.id, [owner.user.id, member.user.id]);
    const key = member.key;
    expect((await api("GET /v2/event-types/{eventTypeId}", { params: { eventTypeId: type.id }, key })).status).toBe(200);
    expect((await api("PATCH /v2/event-types/{eventTypeId}", { params: { eventTypeId: type.id }, key, body: { title: "x" } })).status).toBe(403);
    expect((await api("DELETE /v2/event-types/{eventTypeId}", { params: { eventTypeId: type.id }, key })).status).toBe(403);
    const prisma = await getPrisma();
    expect(await prisma.eventType.count({ where: { id: type.id } })).toBe(1);
  });

  it("a team-restricted key still lists only its user's personal types and cannot read another team's type", async () => {
    const caller = await createCaller();
    const teammate = await createCaller();
    const teamA = await createTeam(teammate, [{ caller }]);
    const teamB = await createTeam(teammate, [{ caller }]);
    const typeB = await createTeamType(teamB.id);
    const personal = await createPersonalType(caller);
    const prisma = await getPrisma();
    const { key } = await createApiKey(prisma, { userId: caller.user.id, teamId: teamA.id });
    expect(ids((await api("GET /v2/event-types", { key })).body.data)).toEqual([personal.id]);
    expect((await api("GET /v2/event-types/{eventTypeId}", { params: { eventTypeId: typeB.id }, key })).status).toBe(404);
  });

  it("a read-only key cannot write", async () => {
    const caller = await createCaller({ scopes: ["event-types:read"] });
    const type = await createPersonalType(caller);
    const result = await api("PATCH /v2/event-types/{eventTypeId}", { params: { eventTypeId: type.id }, key: caller.key, body: { title: "x" } });
    expect(result.status).toBe(403);
    expect(result.body.error.code).toBe("insufficient_scope");
  });
});
