import { getPrisma } from "@slotbase/prisma";
import { createApiKey } from "@slotbase/features";
import { useTestDatabase } from "../../support/database";
import { describeAuthMatrix } from "../../support/auth-matrix";
import { api } from "../../support/api";
import { createAdmin, createCaller, type Caller } from "../../support/fixtures";
import { createTeam } from "../../support/teams";

useTestDatabase();

const teamOf = async (owner: Caller) => ({ params: { teamId: (await createTeam(owner)).id } });

describeAuthMatrix({ operation: "GET /v1/teams", scope: "teams:read", request: () => ({}) });
describeAuthMatrix({ operation: "POST /v1/teams", scope: "teams:write", request: () => ({ body: { name: "Matrix team" } }) });
describeAuthMatrix({ operation: "GET /v1/teams/{teamId}", team: { need: "read" }, scope: "teams:read", ownedObject: true, request: teamOf });
describeAuthMatrix({
  operation: "PATCH /v1/teams/{teamId}", team: { need: "manage" },
  scope: "teams:write",
  ownedObject: true,
  request: async (owner) => ({ ...(await teamOf(owner)), body: { name: "Renamed" } }),
});
describeAuthMatrix({ operation: "DELETE /v1/teams/{teamId}", team: { need: "own" }, scope: "teams:write", ownedObject: true, request: teamOf });

/** A key of `caller` restricted to `teamId`. */
async function restrictedKey(caller: Caller, teamId: number): Promise<string> {
  const prisma = await getPrisma();
  return (await createApiKey(prisma, { userId: caller.user.id, teamId })).key;
}

describe("teams — roles", () => {
  it("a plain member reads but cannot edit (403) or delete (403) the team", async () => {
    const owner = await createCaller();
    const member = await createCaller();
    const team = await createTeam(owner, [{ caller: member }]);
    const params = { teamId: team.id };
    expect((await api("GET /v1/teams/{teamId}", { params, key: member.key })).status).toBe(200);
    const edit = await api("PATCH /v1/teams/{teamId}", { params, key: member.key, body: { name: "Hijacked" } });
    expect(edit.status).toBe(403);
    expect(edit.body.code).toBe("forbidden");
    expect((await api("DELETE /v1/teams/{teamId}", { params, key: member.key })).status).toBe(403);
    const prisma = await getPrisma();
    expect(await prisma.team.findUniqueOrThrow({ where: { id: team.id } })).toEqual(team);
  });

  it("an ADMIN edits but cannot delete the team (403)", async () => {
    const owner = await createCaller();
    const admin = await createCaller();
    const team = await createTeam(owner, [{ caller: admin, role: "ADMIN" }]);
    const params = { teamId: team.id };
    expect((await api("PATCH /v1/teams/{teamId}", { params, key: admin.key, body: { bio: "ok" } })).status).toBe(200);
    const remove = await api("DELETE /v1/teams/{teamId}", { params, key: admin.key });
    expect(remove.status).toBe(403);
    const prisma = await getPrisma();
    expect(await prisma.team.findUnique({ where: { id: team.id } })).not.toBeNull();
  });

  it("a pending member (even a pending OWNER) does not see the team: 404 everywhere", async () => {
    const owner = await createCaller();
    const invitee = await createCaller();
    const team = await createTeam(owner, [{ caller: invitee, role: "OWNER", accepted: false }]);
    const params = { teamId: team.id };
    for (const result of [
      await api("GET /v1/teams/{teamId}", { params, key: invitee.key }),
      await api("PATCH /v1/teams/{teamId}", { params, key: invitee.key, body: { name: "Mine now" } }),
      await api("DELETE /v1/teams/{teamId}", { params, key: invitee.key }),
    ]) {
      expect(result.status).toBe(404);
      expect(result.body.message).toBe("Team not found.");
    }
    expect((await api("GET /v1/teams", { key: invitee.key })).body.teams).toEqual([]);
  });

  it("a stranger gets the same 404 for an existing team as for a missing one", async () => {
    const owner = await createCaller();
    const stranger = await createCaller();
    const team = await createTeam(owner);
    const existing = await api("PATCH /v1/teams/{teamId}", { params: { teamId: team.id }, key: stranger.key, body: { name: "x" } });
    const missing = await api("PATCH /v1/teams/{teamId}", { params: { teamId: 2_000_000_000 }, key: stranger.key, body: { name: "x" } });
    expect(existing.status).toBe(404);
    expect({ ...existing.body, requestId: undefined }).toEqual({ ...missing.body, requestId: undefined });
  });

  it("a plain user cannot create a team owned by someone else (403)", async () => {
    const caller = await createCaller();
    const victim = await createCaller();
    const result = await api("POST /v1/teams", { key: caller.key, body: { name: "Gift", ownerId: victim.user.id } });
    expect(result.status).toBe(403);
    const prisma = await getPrisma();
    expect(await prisma.membership.count({ where: { userId: victim.user.id } })).toBe(0);
  });

  it("ownerId naming the caller themself is allowed", async () => {
    const caller = await createCaller();
    const result = await api("POST /v1/teams", { key: caller.key, body: { name: "Self", ownerId: caller.user.id } });
    expect(result.status).toBe(201);
  });
});

describe("teams — team-restricted keys", () => {
  it("list only their team, and 404 every other team the user belongs to", async () => {
    const user = await createCaller();
    const other = await createCaller();
    const allowed = await createTeam(user);
    const elsewhere = await createTeam(other, [{ caller: user, role: "ADMIN" }]);
    const key = await restrictedKey(user, allowed.id);

    const list = await api("GET /v1/teams", { key });
    expect(list.body.teams.map((t: { id: number }) => t.id)).toEqual([allowed.id]);
    expect((await api("GET /v1/teams/{teamId}", { params: { teamId: allowed.id }, key })).status).toBe(200);
    expect((await api("GET /v1/teams/{teamId}", { params: { teamId: elsewhere.id }, key })).status).toBe(404);
    expect((await api("PATCH /v1/teams/{teamId}", { params: { teamId: elsewhere.id }, key, body: { name: "x" } })).status).toBe(404);
    expect((await api("DELETE /v1/teams/{teamId}", { params: { teamId: elsewhere.id }, key })).status).toBe(404);
  });

  it("cannot create teams (403), not even a system admin's", async () => {
    const user = await createCaller();
    const team = await createTeam(user);
    const admin = await createAdmin();
    const adminTeam = await createTeam(admin);
    const prisma = await getPrisma();
    const before = await prisma.team.count();
    const result = await api("POST /v1/teams", { key: await restrictedKey(user, team.id), body: { name: "Escape" } });
    expect(result.status).toBe(403);
    expect(result.body.code).toBe("forbidden");

    const adminResult = await api("POST /v1/teams", { key: await restrictedKey(admin, adminTeam.id), body: { name: "Escape" } });
    expect(adminResult.status).toBe(403);
    expect(await prisma.team.count()).toBe(before);
  });

  it("a system admin's restricted key lists only that team", async () => {
    const admin = await createAdmin();
    const team = await createTeam(admin);
    await createTeam(await createCaller());
    const list = await api("GET /v1/teams", { key: await restrictedKey(admin, team.id) });
    expect(list.body.teams.map((t: { id: number }) => t.id)).toEqual([team.id]);
  });

  it("a restricted key whose user is no longer an accepted member sees nothing of the team", async () => {
    const owner = await createCaller();
    const member = await createCaller();
    const team = await createTeam(owner, [{ caller: member }]);
    const key = await restrictedKey(member, team.id);
    const prisma = await getPrisma();
    await prisma.membership.delete({ where: { userId_teamId: { userId: member.user.id, teamId: team.id } } });
    expect((await api("GET /v1/teams", { key })).body.teams).toEqual([]);
    expect((await api("GET /v1/teams/{teamId}", { params: { teamId: team.id }, key })).status).toBe(404);
  });
});
