import { getPrisma } from "@slotbase/prisma";
import { useTestDatabase } from "../../support/database";
import { api } from "../../support/api";
import { createAdmin, createCaller, type Caller } from "../../support/fixtures";
import { createTeam } from "../../support/teams";

useTestDatabase();

const fields = (body: { details: { field?: string }[] }) => body.details.map((d) => d.field);
const idOf = (user: Caller, team: { id: number }) => `${user.user.id}_${team.id}`;

async function membershipRow(user: Caller, team: { id: number }) {
  const prisma = await getPrisma();
  return prisma.membership.findUnique({ where: { userId_teamId: { userId: user.user.id, teamId: team.id } } });
}

describe("memberships — errors", () => {
  it("rejects malformed membership ids with 400 naming path.id", async () => {
    const admin = await createAdmin();
    for (const id of ["abc", "12", "12_", "_3", "0_3", "12_0", "1_2_3", "12-3", "012_3", "-1_3", "1.5_3", "99999999999_1", "3000000000_1", "1_3000000000"]) {
      for (const method of ["GET", "DELETE"] as const) {
        const result = await api(`${method} /v1/memberships/{id}`, { params: { id }, key: admin.key });
        expect(result.status).toBe(400);
        expect(result.body.code).toBe("validation_error");
        expect(fields(result.body)).toContain("path.id");
      }
    }
  });

  it("404s an unknown membership, even for a system admin", async () => {
    const admin = await createAdmin();
    const result = await api("GET /v1/memberships/{id}", { params: { id: "2000000000_2000000000" }, key: admin.key });
    expect(result.status).toBe(404);
    expect(result.body).toMatchObject({ code: "not_found", message: "Membership not found." });
    expect((await api("PATCH /v1/memberships/{id}", { params: { id: "2000000000_1" }, key: admin.key, body: { role: "ADMIN" } })).status).toBe(404);
    expect((await api("DELETE /v1/memberships/{id}", { params: { id: "2000000000_1" }, key: admin.key })).status).toBe(404);
  });

  it("names each invalid field of a create body", async () => {
    const owner = await createCaller();
    const missing = await api("POST /v1/memberships", { key: owner.key, body: {} });
    expect(missing.status).toBe(400);
    expect(fields(missing.body)).toEqual(expect.arrayContaining(["body.userId", "body.teamId"]));
    const invalid = await api("POST /v1/memberships", {
      key: owner.key,
      body: { userId: "1", teamId: 1.5, role: "KING", accepted: "yes", note: "hi" },
    });
    expect(invalid.status).toBe(400);
    expect(fields(invalid.body)).toEqual(expect.arrayContaining(["body.userId", "body.teamId", "body.role", "body.accepted", "body.note"]));
    const outOfRange = await api("POST /v1/memberships", { key: owner.key, body: { userId: 0, teamId: 2 ** 31 } });
    expect(fields(outOfRange.body)).toEqual(expect.arrayContaining(["body.userId", "body.teamId"]));
  });

  it("404s inviting a user who does not exist, naming body.userId", async () => {
    const owner = await createCaller();
    const team = await createTeam(owner);
    const result = await api("POST /v1/memberships", { key: owner.key, body: { userId: 2_000_000_000, teamId: team.id } });
    expect(result.status).toBe(404);
    expect(result.body.message).toBe("User not found.");
    expect(fields(result.body)).toEqual(["body.userId"]);
  });

  it("404s a team that does not exist, naming body.teamId, even for a system admin", async () => {
    const admin = await createAdmin();
    const user = await createCaller();
    const result = await api("POST /v1/memberships", { key: admin.key, body: { userId: user.user.id, teamId: 2_000_000_000 } });
    expect(result.status).toBe(404);
    expect(fields(result.body)).toEqual(["body.teamId"]);
  });

  it("409s a user who is already a member or invited, and leaves the membership as it was", async () => {
    const owner = await createCaller();
    const member = await createCaller();
    const invitee = await createCaller();
    const team = await createTeam(owner, [{ caller: member }, { caller: invitee, accepted: false }]);
    for (const user of [member, invitee, owner]) {
      const before = await membershipRow(user, team);
      const result = await api("POST /v1/memberships", { key: owner.key, body: { userId: user.user.id, teamId: team.id, role: "ADMIN" } });
      expect(result.status).toBe(409);
      expect(result.body.code).toBe("conflict");
      expect(fields(result.body)).toEqual(["body.userId"]);
      expect(await membershipRow(user, team)).toEqual(before);
    }
  });

  it("rejects an empty PATCH, an unknown role and fields that cannot change", async () => {
    const owner = await createCaller();
    const member = await createCaller();
    const team = await createTeam(owner, [{ caller: member }]);
    const params = { id: idOf(member, team) };
    expect((await api("PATCH /v1/memberships/{id}", { params, key: owner.key, body: {} })).status).toBe(400);
    const role = await api("PATCH /v1/memberships/{id}", { params, key: owner.key, body: { role: "owner" } });
    expect(fields(role.body)).toContain("body.role");
    const moved = await api("PATCH /v1/memberships/{id}", { params, key: owner.key, body: { teamId: 1, userId: 1 } });
    expect(moved.status).toBe(400);
    expect(fields(moved.body)).toEqual(expect.arrayContaining(["body.teamId", "body.userId"]));
  });

  it("the last OWNER can neither leave nor be removed, demoted or made pending (409), and stays OWNER", async () => {
    const owner = await createCaller();
    const admin = await createAdmin();
    const team = await createTeam(owner);
    const params = { id: idOf(owner, team) };
    const before = await membershipRow(owner, team);
    for (const result of [
      await api("DELETE /v1/memberships/{id}", { params, key: owner.key }),
      await api("PATCH /v1/memberships/{id}", { params, key: owner.key, body: { role: "ADMIN" } }),
      await api("DELETE /v1/memberships/{id}", { params, key: admin.key }),
      await api("PATCH /v1/memberships/{id}", { params, key: admin.key, body: { role: "MEMBER" } }),
      await api("PATCH /v1/memberships/{id}", { params, key: admin.key, body: { accepted: false } }),
    ]) {
      expect(result.status).toBe(409);
      expect(result.body.code).toBe("conflict");
      expect(result.body.message).toMatch(/OWNER/);
    }
    expect(await membershipRow(owner, team)).toEqual(before);
  });

  it("a pending OWNER invitation does not count as a second OWNER", async () => {
    const owner = await createCaller();
    const invitee = await createCaller();
    const team = await createTeam(owner, [{ caller: invitee, role: "OWNER", accepted: false }]);
    const leave = await api("DELETE /v1/memberships/{id}", { params: { id: idOf(owner, team) }, key: owner.key });
    expect(leave.status).toBe(409);
    // Once accepted, it does.
    await api("PATCH /v1/memberships/{id}", { params: { id: idOf(invitee, team) }, key: invitee.key, body: { accepted: true } });
    expect((await api("DELETE /v1/memberships/{id}", { params: { id: idOf(owner, team) }, key: owner.key })).status).toBe(200);
  });

  it("validates the list filters and pagination", async () => {
    const caller = await createCaller();
    const result = await api("GET /v1/memberships", { key: caller.key, query: { teamId: "abc", userId: "0", take: "101" } });
    expect(result.status).toBe(400);
    expect(fields(result.body)).toEqual(expect.arrayContaining(["query.teamId", "query.userId", "query.take"]));
  });

  it("405s an unsupported method with an Allow header", async () => {
    const list = await api("DELETE /v1/memberships", { unchecked: true });
    expect(list.status).toBe(405);
    expect(list.headers.allow).toBe("GET, POST, HEAD, OPTIONS");
    const item = await api("PUT /v1/memberships/{id}", { params: { id: "1_1" }, unchecked: true });
    expect(item.status).toBe(405);
    expect(item.headers.allow).toBe("GET, PATCH, DELETE, HEAD, OPTIONS");
  });
});

describe("GET /v1/memberships include", () => {
  it("takes only team, and never widens what is listed", async () => {
    const caller = await createCaller();
    const other = await createTeam(await createCaller());
    for (const include of ["teams", "user", "team,user"]) {
      const bad = await api("GET /v1/memberships", { key: caller.key, query: { include } });
      expect(bad.status).toBe(400);
      expect(fields(bad.body)).toEqual(["query.include"]);
    }
    // Another team's memberships stay hidden, with or without their team.
    const filtered = await api("GET /v1/memberships", { key: caller.key, query: { teamId: String(other.id), include: "team" } });
    expect(filtered.status).toBe(200);
    expect(filtered.body.memberships).toEqual([]);
    expect(filtered.headers["x-total-count"]).toBe("0");
  });
});
