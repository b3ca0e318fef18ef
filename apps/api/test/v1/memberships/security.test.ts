import { getPrisma } from "@slotbase/prisma";
import { createApiKey } from "@slotbase/features";
import { useTestDatabase } from "../../support/database";
import { describeAuthMatrix } from "../../support/auth-matrix";
import { api, type ApiResult } from "../../support/api";
import { createAdmin, createCaller, type Caller } from "../../support/fixtures";
import { createTeam } from "../../support/teams";

useTestDatabase();

const idOf = (user: Caller, team: { id: number }) => `${user.user.id}_${team.id}`;
const fields = (body: { details: { field?: string }[] }) => body.details.map((d) => d.field);

async function membershipRow(user: Caller, team: { id: number }) {
  const prisma = await getPrisma();
  return prisma.membership.findUnique({ where: { userId_teamId: { userId: user.user.id, teamId: team.id } } });
}

/** A key of `caller` restricted to `teamId`. */
async function restrictedKey(caller: Caller, teamId: number): Promise<string> {
  const prisma = await getPrisma();
  return (await createApiKey(prisma, { userId: caller.user.id, teamId })).key;
}

/** The owner's team with one accepted member; the call targets the member's membership. */
async function memberOf(owner: Caller) {
  const member = await createCaller();
  const team = await createTeam(owner, [{ caller: member }]);
  return { params: { id: idOf(member, team) } };
}

describeAuthMatrix({ operation: "GET /v1/memberships", scope: "memberships:read", request: () => ({}) });
describeAuthMatrix({
  operation: "POST /v1/memberships", team: { need: "manage" },
  scope: "memberships:write",
  ownedObject: true,
  request: async (owner) => {
    const team = await createTeam(owner);
    const invitee = await createCaller();
    return { body: { userId: invitee.user.id, teamId: team.id } };
  },
});
describeAuthMatrix({ operation: "GET /v1/memberships/{id}", team: { need: "read" }, scope: "memberships:read", ownedObject: true, request: memberOf });
describeAuthMatrix({
  operation: "PATCH /v1/memberships/{id}", team: { need: "manage" },
  scope: "memberships:write",
  ownedObject: true,
  request: async (owner) => ({ ...(await memberOf(owner)), body: { role: "ADMIN" } }),
});
describeAuthMatrix({ operation: "DELETE /v1/memberships/{id}", team: { need: "manage" }, scope: "memberships:write", ownedObject: true, request: memberOf });

function expectForbidden(result: ApiResult, field?: string) {
  expect(result.status).toBe(403);
  expect(result.body.code).toBe("forbidden");
  if (field) expect(fields(result.body)).toContain(field);
}

describe("memberships — strangers", () => {
  it("a stranger gets 404 for every membership of a team they are not in, and sees none in the list", async () => {
    const owner = await createCaller();
    const member = await createCaller();
    const stranger = await createCaller();
    const team = await createTeam(owner, [{ caller: member }]);
    for (const target of [owner, member]) {
      const params = { id: idOf(target, team) };
      for (const result of [
        await api("GET /v1/memberships/{id}", { params, key: stranger.key }),
        await api("PATCH /v1/memberships/{id}", { params, key: stranger.key, body: { role: "MEMBER" } }),
        await api("DELETE /v1/memberships/{id}", { params, key: stranger.key }),
      ]) {
        expect(result.status).toBe(404);
        expect(result.body.message).toBe("Membership not found.");
      }
    }
    const list = await api("GET /v1/memberships", { key: stranger.key, query: { teamId: String(team.id) } });
    expect(list.body.memberships).toEqual([]);
    const invite = await api("POST /v1/memberships", { key: stranger.key, body: { userId: stranger.user.id, teamId: team.id } });
    expect(invite.status).toBe(404);
    expect(fields(invite.body)).toEqual(["body.teamId"]);
    expect(await membershipRow(stranger, team)).toBeNull();
  });
});

describe("memberships — plain members", () => {
  it("cannot invite (403), change roles (403), remove others (403) or promote themselves", async () => {
    const owner = await createCaller();
    const member = await createCaller();
    const other = await createCaller();
    const outsider = await createCaller();
    const team = await createTeam(owner, [{ caller: member }, { caller: other }]);
    expectForbidden(await api("POST /v1/memberships", { key: member.key, body: { userId: outsider.user.id, teamId: team.id } }));
    expectForbidden(await api("PATCH /v1/memberships/{id}", { params: { id: idOf(other, team) }, key: member.key, body: { role: "ADMIN" } }));
    expectForbidden(await api("DELETE /v1/memberships/{id}", { params: { id: idOf(other, team) }, key: member.key }));
    expectForbidden(
      await api("PATCH /v1/memberships/{id}", { params: { id: idOf(member, team) }, key: member.key, body: { role: "OWNER" } }),
      "body.role",
    );
    expect((await membershipRow(member, team))?.role).toBe("MEMBER");
    expect(await membershipRow(other, team)).not.toBeNull();
    expect(await membershipRow(outsider, team)).toBeNull();
  });

  it("can read every membership of their team", async () => {
    const owner = await createCaller();
    const member = await createCaller();
    const team = await createTeam(owner, [{ caller: member }]);
    expect((await api("GET /v1/memberships/{id}", { params: { id: idOf(owner, team) }, key: member.key })).status).toBe(200);
  });
});

describe("memberships — pending invitations grant nothing", () => {
  it("an invitee sees only their own membership, not their future teammates'", async () => {
    const owner = await createCaller();
    const member = await createCaller();
    const invitee = await createCaller();
    const team = await createTeam(owner, [{ caller: member }, { caller: invitee, accepted: false }]);
    const list = await api("GET /v1/memberships", { key: invitee.key });
    expect(list.body.memberships.map((m: { userId: number }) => m.userId)).toEqual([invitee.user.id]);
    expect((await api("GET /v1/memberships/{id}", { params: { id: idOf(member, team) }, key: invitee.key })).status).toBe(404);
  });

  it("a pending OWNER or ADMIN invitation cannot manage the team (404)", async () => {
    const owner = await createCaller();
    const member = await createCaller();
    const pendingOwner = await createCaller();
    const outsider = await createCaller();
    const team = await createTeam(owner, [{ caller: member }, { caller: pendingOwner, role: "OWNER", accepted: false }]);
    const invite = await api("POST /v1/memberships", { key: pendingOwner.key, body: { userId: outsider.user.id, teamId: team.id } });
    expect(invite.status).toBe(404);
    const patch = await api("PATCH /v1/memberships/{id}", { params: { id: idOf(member, team) }, key: pendingOwner.key, body: { role: "ADMIN" } });
    expect(patch.status).toBe(404);
    const remove = await api("DELETE /v1/memberships/{id}", { params: { id: idOf(owner, team) }, key: pendingOwner.key });
    expect(remove.status).toBe(404);
    expect((await membershipRow(owner, team))?.role).toBe("OWNER");
  });

  it("an invitee cannot change their own role, whether accepting or not", async () => {
    const owner = await createCaller();
    const invitee = await createCaller();
    const team = await createTeam(owner, [{ caller: invitee, accepted: false }]);
    const params = { id: idOf(invitee, team) };
    const before = await membershipRow(invitee, team);
    expectForbidden(await api("PATCH /v1/memberships/{id}", { params, key: invitee.key, body: { role: "OWNER", accepted: true } }), "body.role");
    expectForbidden(await api("PATCH /v1/memberships/{id}", { params, key: invitee.key, body: { role: "ADMIN" } }), "body.role");
    expect(await membershipRow(invitee, team)).toEqual(before);
  });
});

describe("memberships — acceptance belongs to the invitee", () => {
  it("neither the OWNER nor an ADMIN can accept an invitation on the invitee's behalf", async () => {
    const owner = await createCaller();
    const admin = await createCaller();
    const invitee = await createCaller();
    const team = await createTeam(owner, [{ caller: admin, role: "ADMIN" }, { caller: invitee, accepted: false }]);
    for (const manager of [owner, admin]) {
      expectForbidden(
        await api("PATCH /v1/memberships/{id}", { params: { id: idOf(invitee, team) }, key: manager.key, body: { accepted: true } }),
        "body.accepted",
      );
    }
    expect((await membershipRow(invitee, team))?.accepted).toBe(false);
  });

  it("a team OWNER cannot add an already accepted member; a system admin can", async () => {
    const owner = await createCaller();
    const user = await createCaller();
    const team = await createTeam(owner);
    expectForbidden(
      await api("POST /v1/memberships", { key: owner.key, body: { userId: user.user.id, teamId: team.id, accepted: true } }),
      "body.accepted",
    );
    expect(await membershipRow(user, team)).toBeNull();
    const admin = await createAdmin();
    const added = await api("POST /v1/memberships", { key: admin.key, body: { userId: user.user.id, teamId: team.id, accepted: true } });
    expect(added.status).toBe(201);
  });

  it("an accepted member cannot be put back to pending, by themself or by an OWNER", async () => {
    const owner = await createCaller();
    const member = await createCaller();
    const team = await createTeam(owner, [{ caller: member }]);
    for (const caller of [member, owner]) {
      expectForbidden(
        await api("PATCH /v1/memberships/{id}", { params: { id: idOf(member, team) }, key: caller.key, body: { accepted: false } }),
        "body.accepted",
      );
    }
    expect((await membershipRow(member, team))?.accepted).toBe(true);
  });
});

describe("memberships — ADMINs and OWNERs", () => {
  it("an ADMIN cannot create an OWNER, promote to OWNER, demote an OWNER or remove an OWNER", async () => {
    const owner = await createCaller();
    const admin = await createCaller();
    const member = await createCaller();
    const outsider = await createCaller();
    const team = await createTeam(owner, [{ caller: admin, role: "ADMIN" }, { caller: member }]);
    expectForbidden(
      await api("POST /v1/memberships", { key: admin.key, body: { userId: outsider.user.id, teamId: team.id, role: "OWNER" } }),
      "body.role",
    );
    expectForbidden(
      await api("PATCH /v1/memberships/{id}", { params: { id: idOf(member, team) }, key: admin.key, body: { role: "OWNER" } }),
      "body.role",
    );
    expectForbidden(
      await api("PATCH /v1/memberships/{id}", { params: { id: idOf(admin, team) }, key: admin.key, body: { role: "OWNER" } }),
      "body.role",
    );
    expectForbidden(
      await api("PATCH /v1/memberships/{id}", { params: { id: idOf(owner, team) }, key: admin.key, body: { role: "MEMBER" } }),
      "body.role",
    );
    expectForbidden(await api("DELETE /v1/memberships/{id}", { params: { id: idOf(owner, team) }, key: admin.key }));
    expect(await membershipRow(outsider, team)).toBeNull();
    expect((await membershipRow(member, team))?.role).toBe("MEMBER");
    expect((await membershipRow(admin, team))?.role).toBe("ADMIN");
    expect((await membershipRow(owner, team))?.role).toBe("OWNER");
  });

  it("an ADMIN cannot remove a pending OWNER invitation either", async () => {
    const owner = await createCaller();
    const admin = await createCaller();
    const invitee = await createCaller();
    const team = await createTeam(owner, [{ caller: admin, role: "ADMIN" }, { caller: invitee, role: "OWNER", accepted: false }]);
    expectForbidden(await api("DELETE /v1/memberships/{id}", { params: { id: idOf(invitee, team) }, key: admin.key }));
    expect((await api("DELETE /v1/memberships/{id}", { params: { id: idOf(invitee, team) }, key: owner.key })).status).toBe(200);
  });

  it("an OWNER invites an OWNER and demotes another OWNER", async () => {
    const owner = await createCaller();
    const coOwner = await createCaller();
    const outsider = await createCaller();
    const team = await createTeam(owner, [{ caller: coOwner, role: "OWNER" }]);
    const invite = await api("POST /v1/memberships", { key: owner.key, body: { userId: outsider.user.id, teamId: team.id, role: "OWNER" } });
    expect(invite.status).toBe(201);
    const demote = await api("PATCH /v1/memberships/{id}", { params: { id: idOf(coOwner, team) }, key: owner.key, body: { role: "ADMIN" } });
    expect(demote.status).toBe(200);
  });

  it("two OWNERs leaving, or demoting themselves, at once leave one OWNER behind", async () => {
    const a = await createCaller();
    const b = await createCaller();
    const team = await createTeam(a, [{ caller: b, role: "OWNER" }]);
    const results = await Promise.all([
      api("DELETE /v1/memberships/{id}", { params: { id: idOf(a, team) }, key: a.key }),
      api("PATCH /v1/memberships/{id}", { params: { id: idOf(b, team) }, key: b.key, body: { role: "MEMBER" } }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const prisma = await getPrisma();
    expect(await prisma.membership.count({ where: { teamId: team.id, role: "OWNER", accepted: true } })).toBe(1);
  });
});

describe("memberships — team-restricted keys", () => {
  it("see only their team's memberships, and 404 the user's memberships elsewhere", async () => {
    const user = await createCaller();
    const other = await createCaller();
    const allowed = await createTeam(user);
    const elsewhere = await createTeam(other, [{ caller: user, role: "ADMIN" }]);
    const invitedElsewhere = await createTeam(other, [{ caller: user, accepted: false }]);
    const key = await restrictedKey(user, allowed.id);

    const list = await api("GET /v1/memberships", { key });
    expect(list.body.memberships.map((m: { teamId: number }) => m.teamId)).toEqual([allowed.id]);
    const filtered = await api("GET /v1/memberships", { key, query: { teamId: String(elsewhere.id) } });
    expect(filtered.body.memberships).toEqual([]);
    for (const team of [elsewhere, invitedElsewhere]) {
      expect((await api("GET /v1/memberships/{id}", { params: { id: idOf(user, team) }, key })).status).toBe(404);
      expect((await api("DELETE /v1/memberships/{id}", { params: { id: idOf(user, team) }, key })).status).toBe(404);
    }
    expect((await api("PATCH /v1/memberships/{id}", { params: { id: idOf(user, invitedElsewhere) }, key, body: { accepted: true } })).status).toBe(404);
    const invite = await api("POST /v1/memberships", { key, body: { userId: other.user.id, teamId: elsewhere.id } });
    expect(invite.status).toBe(404);
    expect(await membershipRow(other, elsewhere)).not.toBeNull(); // untouched
    expect((await membershipRow(user, invitedElsewhere))?.accepted).toBe(false);
  });

  it("a system admin's restricted key is confined to its team too", async () => {
    const admin = await createAdmin();
    const owner = await createCaller();
    const team = await createTeam(admin);
    const foreign = await createTeam(owner);
    const key = await restrictedKey(admin, team.id);
    const list = await api("GET /v1/memberships", { key, query: { take: "100" } });
    expect(new Set(list.body.memberships.map((m: { teamId: number }) => m.teamId))).toEqual(new Set([team.id]));
    expect((await api("GET /v1/memberships/{id}", { params: { id: idOf(owner, foreign) }, key })).status).toBe(404);
  });
});
