import { getPrisma } from "@slotbase/prisma";
import { useTestDatabase } from "../../support/database";
import { api } from "../../support/api";
import { createAdmin, createCaller, type Caller } from "../../support/fixtures";
import { createTeam } from "../../support/teams";
import { expectListPaging } from "../../support/list-paging";

useTestDatabase();

const idOf = (user: Caller, team: { id: number }) => `${user.user.id}_${team.id}`;
const keysOf = (list: { userId: number; teamId: number }[]) => list.map((m) => `${m.userId}_${m.teamId}`);

describe("memberships — happy paths", () => {
  it("an OWNER invites a user, who sees, accepts and then reads the team", async () => {
    const owner = await createCaller();
    const invitee = await createCaller();
    const team = await createTeam(owner);

    const invited = await api("POST /v1/memberships", { key: owner.key, body: { userId: invitee.user.id, teamId: team.id } });
    expect(invited.status).toBe(201);
    expect(invited.body.membership).toMatchObject({ userId: invitee.user.id, teamId: team.id, role: "MEMBER", accepted: false });

    // Pending: the invitation is visible to the invitee, the team is not.
    const mine = await api("GET /v1/memberships", { key: invitee.key });
    expect(keysOf(mine.body.memberships)).toEqual([idOf(invitee, team)]);
    expect((await api("GET /v1/memberships/{id}", { params: { id: idOf(invitee, team) }, key: invitee.key })).status).toBe(200);
    expect((await api("GET /v1/teams/{teamId}", { params: { teamId: team.id }, key: invitee.key })).status).toBe(404);

    const accepted = await api("PATCH /v1/memberships/{id}", {
      params: { id: idOf(invitee, team) },
      key: invitee.key,
      body: { accepted: true },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.membership).toMatchObject({ accepted: true, role: "MEMBER" });
    expect((await api("GET /v1/teams/{teamId}", { params: { teamId: team.id }, key: invitee.key })).status).toBe(200);
    const teammates = await api("GET /v1/memberships", { key: invitee.key });
    expect(keysOf(teammates.body.memberships).sort()).toEqual([idOf(owner, team), idOf(invitee, team)].sort());
  });

  it("an invitee may repeat their current role while accepting", async () => {
    const owner = await createCaller();
    const invitee = await createCaller();
    const team = await createTeam(owner, [{ caller: invitee, role: "ADMIN", accepted: false }]);
    const result = await api("PATCH /v1/memberships/{id}", {
      params: { id: idOf(invitee, team) },
      key: invitee.key,
      body: { role: "ADMIN", accepted: true },
    });
    expect(result.status).toBe(200);
    expect(result.body.membership).toMatchObject({ role: "ADMIN", accepted: true });
  });

  it("an invitee declines an invitation by deleting it", async () => {
    const owner = await createCaller();
    const invitee = await createCaller();
    const team = await createTeam(owner, [{ caller: invitee, accepted: false }]);
    const result = await api("DELETE /v1/memberships/{id}", { params: { id: idOf(invitee, team) }, key: invitee.key });
    expect(result.status).toBe(200);
    expect(result.body.message).toBe(`Membership with id: ${idOf(invitee, team)} deleted successfully`);
    const prisma = await getPrisma();
    expect(await prisma.membership.count({ where: { teamId: team.id } })).toBe(1);
  });

  it("an OWNER promotes a member to ADMIN, and that ADMIN invites and promotes others", async () => {
    const owner = await createCaller();
    const member = await createCaller();
    const newcomer = await createCaller();
    const team = await createTeam(owner, [{ caller: member }]);
    const promoted = await api("PATCH /v1/memberships/{id}", { params: { id: idOf(member, team) }, key: owner.key, body: { role: "ADMIN" } });
    expect(promoted.status).toBe(200);
    expect(promoted.body.membership).toMatchObject({ role: "ADMIN", accepted: true });

    const invited = await api("POST /v1/memberships", {
      key: member.key,
      body: { userId: newcomer.user.id, teamId: team.id, role: "ADMIN" },
    });
    expect(invited.status).toBe(201);
    expect(invited.body.membership).toMatchObject({ role: "ADMIN", accepted: false });
    const demoted = await api("PATCH /v1/memberships/{id}", { params: { id: idOf(newcomer, team) }, key: member.key, body: { role: "MEMBER" } });
    expect(demoted.body.membership.role).toBe("MEMBER");
  });

  it("an OWNER hands ownership over and then leaves", async () => {
    const owner = await createCaller();
    const successor = await createCaller();
    const team = await createTeam(owner, [{ caller: successor }]);
    const handover = await api("PATCH /v1/memberships/{id}", { params: { id: idOf(successor, team) }, key: owner.key, body: { role: "OWNER" } });
    expect(handover.status).toBe(200);
    const leave = await api("DELETE /v1/memberships/{id}", { params: { id: idOf(owner, team) }, key: owner.key });
    expect(leave.status).toBe(200);
    expect((await api("GET /v1/teams/{teamId}", { params: { teamId: team.id }, key: owner.key })).status).toBe(404);
    expect((await api("GET /v1/teams/{teamId}", { params: { teamId: team.id }, key: successor.key })).status).toBe(200);
  });

  it("with two OWNERs, one may demote themself", async () => {
    const owner = await createCaller();
    const coOwner = await createCaller();
    const team = await createTeam(owner, [{ caller: coOwner, role: "OWNER" }]);
    const result = await api("PATCH /v1/memberships/{id}", { params: { id: idOf(owner, team) }, key: owner.key, body: { role: "MEMBER" } });
    expect(result.status).toBe(200);
    expect(result.body.membership.role).toBe("MEMBER");
  });

  it("a member leaves a team, and an ADMIN removes a member", async () => {
    const owner = await createCaller();
    const admin = await createCaller();
    const leaver = await createCaller();
    const removed = await createCaller();
    const team = await createTeam(owner, [{ caller: admin, role: "ADMIN" }, { caller: leaver }, { caller: removed }]);
    expect((await api("DELETE /v1/memberships/{id}", { params: { id: idOf(leaver, team) }, key: leaver.key })).status).toBe(200);
    expect((await api("DELETE /v1/memberships/{id}", { params: { id: idOf(removed, team) }, key: admin.key })).status).toBe(200);
    const prisma = await getPrisma();
    const left = await prisma.membership.findMany({ where: { teamId: team.id }, orderBy: { id: "asc" } });
    expect(left.map((m) => m.userId)).toEqual([owner.user.id, admin.user.id]);
  });

  it("lists teammates' memberships and the caller's own invitations, filtered and a page at a time", async () => {
    const caller = await createCaller();
    const owner = await createCaller();
    const mate = await createCaller();
    const pendingMate = await createCaller();
    const joined = await createTeam(owner, [{ caller }, { caller: mate }, { caller: pendingMate, accepted: false }]);
    const invitedTo = await createTeam(owner, [{ caller, accepted: false }, { caller: mate }]);
    await createTeam(owner, [{ caller: mate }]); // caller not in it

    const all = await api("GET /v1/memberships", { key: caller.key });
    expect(all.status).toBe(200);
    expect(keysOf(all.body.memberships)).toEqual([
      idOf(owner, joined),
      idOf(caller, joined),
      idOf(mate, joined),
      idOf(pendingMate, joined),
      idOf(caller, invitedTo),
    ]);
    const byTeam = await api("GET /v1/memberships", { key: caller.key, query: { teamId: String(invitedTo.id) } });
    expect(keysOf(byTeam.body.memberships)).toEqual([idOf(caller, invitedTo)]);
    const byUser = await api("GET /v1/memberships", { key: caller.key, query: { userId: String(mate.user.id) } });
    expect(keysOf(byUser.body.memberships)).toEqual([idOf(mate, joined)]);
    const page2 = await api("GET /v1/memberships", { key: caller.key, query: { take: "2", page: "2" } });
    expect(keysOf(page2.body.memberships)).toEqual([idOf(mate, joined), idOf(pendingMate, joined)]);
    const page3 = await api("GET /v1/memberships", { key: caller.key, query: { take: "2", page: "3" } });
    expect(keysOf(page3.body.memberships)).toEqual([idOf(caller, invitedTo)]);
  });

  it("a system admin lists all memberships, filters them, and adds an accepted member", async () => {
    const admin = await createAdmin();
    const owner = await createCaller();
    const user = await createCaller();
    const team = await createTeam(owner);
    const prisma = await getPrisma();
    const all = await api("GET /v1/memberships", { key: admin.key, query: { take: "100" } });
    expect(all.body.memberships).toHaveLength(Math.min(100, await prisma.membership.count()));

    const added = await api("POST /v1/memberships", {
      key: admin.key,
      body: { userId: user.user.id, teamId: team.id, role: "OWNER", accepted: true },
    });
    expect(added.status).toBe(201);
    expect(added.body.membership).toMatchObject({ role: "OWNER", accepted: true });
    const byTeam = await api("GET /v1/memberships", { key: admin.key, query: { teamId: String(team.id) } });
    expect(keysOf(byTeam.body.memberships)).toEqual([idOf(owner, team), idOf(user, team)]);
    expect((await api("GET /v1/memberships/{id}", { params: { id: idOf(user, team) }, key: admin.key })).status).toBe(200);
  });

  it("an unchanged PATCH answers 200 with the membership as it is", async () => {
    const owner = await createCaller();
    const member = await createCaller();
    const team = await createTeam(owner, [{ caller: member }]);
    const prisma = await getPrisma();
    const before = await prisma.membership.findUniqueOrThrow({ where: { userId_teamId: { userId: member.user.id, teamId: team.id } } });
    const result = await api("PATCH /v1/memberships/{id}", {
      params: { id: idOf(member, team) },
      key: owner.key,
      body: { role: "MEMBER", accepted: true },
    });
    expect(result.status).toBe(200);
    expect(result.body.membership).toMatchObject({ id: before.id, updatedAt: before.updatedAt.toISOString() });
  });
});

describe("GET /v1/memberships list paging and include=team", () => {
  it("answers every membership the caller may see, with X-Total-Count and Link rel=next", async () => {
    const caller = await createCaller();
    const member = await createCaller();
    const team = await createTeam(caller, [{ caller: member }]);
    const other = await createTeam(await createCaller(), [{ caller }]);
    await createTeam(await createCaller()); // not the caller's team: its memberships are never listed
    const prisma = await getPrisma();
    const visible = await prisma.membership.findMany({ where: { teamId: { in: [team.id, other.id] } }, orderBy: { id: "asc" } });
    await expectListPaging("GET /v1/memberships", { key: caller.key }, "memberships", visible.map((m) => m.id));
  });

  it("include=team adds each membership's team, only for teams the caller reads", async () => {
    const owner = await createCaller();
    const invitee = await createCaller();
    const team = await createTeam(owner, [], { name: "Platform" });
    const pending = await createTeam(await createCaller(), [{ caller: invitee, accepted: false }], { name: "Secret" });
    await createTeam(invitee, [{ caller: owner }]);

    const plain = await api("GET /v1/memberships", { key: owner.key, query: { teamId: String(team.id) } });
    expect(plain.body.memberships[0]).not.toHaveProperty("team");

    const withTeam = await api("GET /v1/memberships", { key: owner.key, query: { teamId: String(team.id), include: "team" } });
    expect(withTeam.status).toBe(200);
    expect(withTeam.body.memberships).toHaveLength(1);
    expect(withTeam.body.memberships[0].team).toMatchObject({ id: team.id, name: "Platform", slug: team.slug });
    // The team as GET /v1/teams/{teamId} shows it: the same allow-list, nothing more.
    const shown = await api("GET /v1/teams/{teamId}", { key: owner.key, params: { teamId: team.id } });
    expect(withTeam.body.memberships[0].team).toEqual(shown.body.team);

    // An invitee sees their pending invitation, but not the team they have not joined.
    const invitations = await api("GET /v1/memberships", { key: invitee.key, query: { include: "team" } });
    const invitation = invitations.body.memberships.find((m: { teamId: number }) => m.teamId === pending.id);
    expect(invitation).toMatchObject({ accepted: false });
    expect(invitation).not.toHaveProperty("team");
    expect(invitations.body.memberships.filter((m: { team?: unknown }) => m.team).length).toBeGreaterThan(0);
  });
});
