import { getPrisma } from "@slotbase/prisma";
import { createApiKey } from "@slotbase/features";
import { useTestDatabase } from "../../support/database";
import { describeAuthMatrix } from "../../support/auth-matrix";
import { api } from "../../support/api";
import { createAdmin, createCaller, type Caller } from "../../support/fixtures";
import { createTeam } from "../../support/teams";
import { createPersonalType, createTeamType, uniqueSlug } from "./helpers";

useTestDatabase();

/** Another key for an existing user, restricted to one team. */
async function teamKey(caller: Caller, teamId: number): Promise<string> {
  const prisma = await getPrisma();
  return (await createApiKey(prisma, { userId: caller.user.id, teamId })).key;
}

const ids = (list: { id: number }[]) => list.map((item) => item.id);

describeAuthMatrix({ operation: "GET /v1/event-types", scope: "event-types:read", request: () => ({}) });
describeAuthMatrix({
  operation: "POST /v1/event-types",
  scope: "event-types:write",
  request: () => ({ body: { title: "Call", slug: uniqueSlug(), length: 30 } }),
});
describeAuthMatrix({
  operation: "GET /v1/event-types/{id}",
  scope: "event-types:read",
  ownedObject: true,
  request: async (owner) => ({ params: { id: (await createPersonalType(owner)).id } }),
});
describeAuthMatrix({
  operation: "PATCH /v1/event-types/{id}",
  scope: "event-types:write",
  ownedObject: true,
  request: async (owner) => ({ params: { id: (await createPersonalType(owner)).id }, body: { title: "Renamed" } }),
});
describeAuthMatrix({
  operation: "DELETE /v1/event-types/{id}",
  scope: "event-types:write",
  ownedObject: true,
  request: async (owner) => ({ params: { id: (await createPersonalType(owner)).id } }),
});
describeAuthMatrix({
  operation: "GET /v1/teams/{teamId}/event-types", team: { need: "read" },
  scope: "event-types:read",
  // The "object" is the team: someone outside it gets a 404.
  ownedObject: true,
  request: async (owner) => ({ params: { teamId: (await createTeam(owner)).id } }),
});

/** A team event type of a team the owner OWNs: team members read it, OWNERs and ADMINs change it. */
const teamTypeOf = async (owner: Caller) => ({ params: { id: (await createTeamType((await createTeam(owner)).id, [owner.user.id])).id } });
describeAuthMatrix({ operation: "GET /v1/event-types/{id}", scope: "event-types:read", ownedObject: true, team: { need: "read" }, request: teamTypeOf });
describeAuthMatrix({
  operation: "PATCH /v1/event-types/{id}",
  scope: "event-types:write",
  ownedObject: true,
  team: { need: "manage" },
  request: async (owner) => ({ ...(await teamTypeOf(owner)), body: { title: "Renamed" } }),
});
describeAuthMatrix({ operation: "DELETE /v1/event-types/{id}", scope: "event-types:write", ownedObject: true, team: { need: "manage" }, request: teamTypeOf });

describe("event types — team permissions", () => {
  async function teamWithRoles() {
    const owner = await createCaller();
    const member = await createCaller();
    const pending = await createCaller();
    const stranger = await createCaller();
    const team = await createTeam(owner, [{ caller: member }, { caller: pending, accepted: false }]);
    const type = await createTeamType(team.id, [owner.user.id, member.user.id]);
    return { owner, member, pending, stranger, team, type };
  }

  it("a plain member can read a team type but not create, edit or delete one (403)", async () => {
    const { member, team, type } = await teamWithRoles();
    expect((await api("GET /v1/event-types/{id}", { params: { id: type.id }, key: member.key })).status).toBe(200);
    const created = await api("POST /v1/event-types", {
      key: member.key,
      body: { teamId: team.id, title: "Mine", slug: uniqueSlug(), length: 30, schedulingType: "COLLECTIVE" },
    });
    expect(created.status).toBe(403);
    expect(created.body.code).toBe("forbidden");
    const edited = await api("PATCH /v1/event-types/{id}", {
      params: { id: type.id },
      key: member.key,
      body: { hosts: [{ userId: member.user.id, isFixed: true }] },
    });
    expect(edited.status).toBe(403);
    expect((await api("DELETE /v1/event-types/{id}", { params: { id: type.id }, key: member.key })).status).toBe(403);
    const prisma = await getPrisma();
    expect(await prisma.host.count({ where: { eventTypeId: type.id } })).toBe(2);
    expect(await prisma.eventType.count({ where: { teamId: team.id } })).toBe(1);
  });

  it("a stranger, and a member whose invitation is pending, get 404 for everything about the team", async () => {
    const { pending, stranger, team, type } = await teamWithRoles();
    for (const outsider of [stranger, pending]) {
      const key = outsider.key;
      expect((await api("GET /v1/event-types/{id}", { params: { id: type.id }, key })).status).toBe(404);
      expect((await api("PATCH /v1/event-types/{id}", { params: { id: type.id }, key, body: { title: "x" } })).status).toBe(404);
      expect((await api("DELETE /v1/event-types/{id}", { params: { id: type.id }, key })).status).toBe(404);
      expect((await api("GET /v1/teams/{teamId}/event-types", { params: { teamId: team.id }, key })).status).toBe(404);
      expect((await api("GET /v1/event-types", { key, query: { teamId: String(team.id) } })).status).toBe(404);
      expect(ids((await api("GET /v1/event-types", { key })).body.event_types)).not.toContain(type.id);
      const created = await api("POST /v1/event-types", {
        key,
        body: { teamId: team.id, title: "x", slug: uniqueSlug(), length: 5, schedulingType: "COLLECTIVE" },
      });
      expect(created.status).toBe(404);
    }
  });

  it("someone who leaves the team loses access at once", async () => {
    const { member, team, type } = await teamWithRoles();
    const prisma = await getPrisma();
    await prisma.membership.delete({ where: { userId_teamId: { userId: member.user.id, teamId: team.id } } });
    expect((await api("GET /v1/event-types/{id}", { params: { id: type.id }, key: member.key })).status).toBe(404);
  });

  it("a system admin manages any team's types without being a member", async () => {
    const { team, type, member } = await teamWithRoles();
    const admin = await createAdmin();
    const edited = await api("PATCH /v1/event-types/{id}", { params: { id: type.id }, key: admin.key, body: { hosts: [{ userId: member.user.id }] } });
    expect(edited.status).toBe(200);
    const created = await api("POST /v1/event-types", {
      key: admin.key,
      body: { teamId: team.id, title: "By admin", slug: uniqueSlug(), length: 30, schedulingType: "ROUND_ROBIN" },
    });
    expect(created.status).toBe(201);
    expect((await api("DELETE /v1/event-types/{id}", { params: { id: type.id }, key: admin.key })).status).toBe(200);
  });
});

describe("event types — users and keys", () => {
  it("a non-admin naming another user is refused (403) and nothing is created", async () => {
    const caller = await createCaller();
    const victim = await createCaller();
    const result = await api("POST /v1/event-types", { key: caller.key, body: { userId: victim.user.id, title: "x", slug: "planted", length: 5 } });
    expect(result.status).toBe(403);
    expect(result.body.code).toBe("forbidden");
    const prisma = await getPrisma();
    expect(await prisma.eventType.count({ where: { userId: victim.user.id } })).toBe(0);
  });

  it("a non-admin cannot list another user's types by filter (403)", async () => {
    const caller = await createCaller();
    const other = await createCaller();
    await createPersonalType(other);
    const result = await api("GET /v1/event-types", { key: caller.key, query: { userId: String(other.user.id) } });
    expect(result.status).toBe(403);
  });

  it("another user's personal type is a 404 and stays unchanged", async () => {
    const owner = await createCaller();
    const intruder = await createCaller();
    const type = await createPersonalType(owner);
    const result = await api("PATCH /v1/event-types/{id}", { params: { id: type.id }, key: intruder.key, body: { title: "Hijacked" } });
    expect(result.status).toBe(404);
    const prisma = await getPrisma();
    expect(await prisma.eventType.findUniqueOrThrow({ where: { id: type.id } })).toEqual(type);
  });

  it("a team-restricted key sees only its team's types and its own user's personal types", async () => {
    const caller = await createCaller();
    const teammate = await createCaller();
    const teamA = await createTeam(teammate, [{ caller }]);
    const teamB = await createTeam(teammate, [{ caller, role: "ADMIN" }]);
    const typeA = await createTeamType(teamA.id);
    const typeB = await createTeamType(teamB.id);
    const personal = await createPersonalType(caller);
    const key = await teamKey(caller, teamA.id);

    const list = await api("GET /v1/event-types", { key });
    expect(ids(list.body.event_types)).toEqual([typeA.id, personal.id].sort((a, b) => a - b));
    expect((await api("GET /v1/event-types/{id}", { params: { id: typeB.id }, key })).status).toBe(404);
    expect((await api("PATCH /v1/event-types/{id}", { params: { id: typeB.id }, key, body: { title: "x" } })).status).toBe(404);
    expect((await api("GET /v1/teams/{teamId}/event-types", { params: { teamId: teamB.id }, key })).status).toBe(404);
    const inB = await api("POST /v1/event-types", {
      key,
      body: { teamId: teamB.id, title: "x", slug: uniqueSlug(), length: 5, schedulingType: "COLLECTIVE" },
    });
    expect(inB.status).toBe(404);
    expect((await api("GET /v1/event-types/{id}", { params: { id: personal.id }, key })).status).toBe(200);
  });

  it("an admin's team-restricted key cannot touch other users' personal types", async () => {
    const admin = await createAdmin();
    const team = await createTeam(admin);
    const other = await createCaller();
    const theirs = await createPersonalType(other);
    const key = await teamKey(admin, team.id);
    expect((await api("GET /v1/event-types/{id}", { params: { id: theirs.id }, key })).status).toBe(404);
    expect((await api("DELETE /v1/event-types/{id}", { params: { id: theirs.id }, key })).status).toBe(404);
    expect(ids((await api("GET /v1/event-types", { key, query: { take: "100" } })).body.event_types)).not.toContain(theirs.id);
    const forOther = await api("POST /v1/event-types", { key, body: { userId: other.user.id, title: "x", slug: uniqueSlug(), length: 5 } });
    expect(forOther.status).toBe(403);
  });

  it("a read-only key cannot write", async () => {
    const caller = await createCaller({ scopes: ["event-types:read"] });
    const type = await createPersonalType(caller);
    expect((await api("GET /v1/event-types/{id}", { params: { id: type.id }, key: caller.key })).status).toBe(200);
    const result = await api("PATCH /v1/event-types/{id}", { params: { id: type.id }, key: caller.key, body: { title: "x" } });
    expect(result.status).toBe(403);
    expect(result.body.code).toBe("insufficient_scope");
  });
});
