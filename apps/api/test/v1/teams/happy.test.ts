import { getPrisma } from "@slotbase/prisma";
import { useTestDatabase } from "../../support/database";
import { api } from "../../support/api";
import { createAdmin, createCaller } from "../../support/fixtures";
import { createTeam } from "../../support/teams";
import { expectListPaging } from "../../support/list-paging";

useTestDatabase();

const ids = (list: { id: number }[]) => list.map((item) => item.id);

describe("teams — happy paths", () => {
  it("creates a team and makes the caller its accepted OWNER", async () => {
    const caller = await createCaller();
    const result = await api("POST /v1/teams", {
      key: caller.key,
      body: {
        name: "  Platform Team ",
        slug: "Platform-Team",
        bio: "We keep the lights on",
        logoUrl: "https://example.com/logo.png",
        isPrivate: true,
        hideBranding: true,
        timeZone: "America/New_York",
        weekStart: "Sunday",
        brandColor: "#112233",
        metadata: { costCentre: "cc-42", tags: ["infra"] },
      },
    });
    expect(result.status).toBe(201);
    expect(result.body.team).toMatchObject({
      name: "Platform Team",
      slug: "platform-team",
      bio: "We keep the lights on",
      logoUrl: "https://example.com/logo.png",
      isPrivate: true,
      hideBranding: true,
      timeZone: "America/New_York",
      weekStart: "Sunday",
      brandColor: "#112233",
      metadata: { costCentre: "cc-42", tags: ["infra"] },
    });
    expect(result.body.team.uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.body.owner).toMatchObject({ userId: caller.user.id, teamId: result.body.team.id, role: "OWNER", accepted: true });

    const prisma = await getPrisma();
    const members = await prisma.membership.findMany({ where: { teamId: result.body.team.id } });
    expect(members).toEqual([expect.objectContaining({ userId: caller.user.id, role: "OWNER", accepted: true })]);
  });

  it("creates a team with only a name, with the documented defaults", async () => {
    const caller = await createCaller();
    const result = await api("POST /v1/teams", { key: caller.key, body: { name: "Minimal" } });
    expect(result.status).toBe(201);
    expect(result.body.message).toBe("Team created successfully");
    expect(result.body.team).toMatchObject({
      name: "Minimal",
      slug: null,
      isPrivate: false,
      hideBranding: false,
      timeZone: "Europe/London",
      weekStart: "Monday",
      metadata: null,
    });
  });

  it("a system admin creates a team owned by another user", async () => {
    const admin = await createAdmin();
    const owner = await createCaller();
    const result = await api("POST /v1/teams", { key: admin.key, body: { name: "Delegated", ownerId: owner.user.id } });
    expect(result.status).toBe(201);
    expect(result.body.owner).toMatchObject({ userId: owner.user.id, role: "OWNER", accepted: true });
    const mine = await api("GET /v1/teams", { key: owner.key });
    expect(ids(mine.body.teams)).toEqual([result.body.team.id]);
  });

  it("lists the teams the caller has accepted, a page at a time, by id", async () => {
    const caller = await createCaller();
    const someoneElse = await createCaller();
    const owned = await createTeam(caller);
    const joined = await createTeam(someoneElse, [{ caller, role: "MEMBER" }]);
    const administered = await createTeam(someoneElse, [{ caller, role: "ADMIN" }]);
    await createTeam(someoneElse, [{ caller, accepted: false }]); // pending: not listed
    await createTeam(someoneElse); // not a member

    const all = await api("GET /v1/teams", { key: caller.key });
    expect(all.status).toBe(200);
    expect(ids(all.body.teams)).toEqual([owned.id, joined.id, administered.id]);

    const first = await api("GET /v1/teams", { key: caller.key, query: { take: "2", page: "1" } });
    const second = await api("GET /v1/teams", { key: caller.key, query: { take: "2", page: "2" } });
    expect(ids(first.body.teams)).toEqual([owned.id, joined.id]);
    expect(ids(second.body.teams)).toEqual([administered.id]);
  });

  it("a system admin lists every team", async () => {
    const owner = await createCaller();
    const [a, b] = [await createTeam(owner), await createTeam(owner)];
    const admin = await createAdmin();
    const prisma = await getPrisma();
    const result = await api("GET /v1/teams", { key: admin.key, query: { take: "100" } });
    expect(result.body.teams).toHaveLength(await prisma.team.count());
    expect(ids(result.body.teams)).toEqual(expect.arrayContaining([a.id, b.id]));
  });

  it("any accepted member reads the team", async () => {
    const owner = await createCaller();
    const member = await createCaller();
    const team = await createTeam(owner, [{ caller: member }]);
    const result = await api("GET /v1/teams/{teamId}", { params: { teamId: team.id }, key: member.key });
    expect(result.status).toBe(200);
    expect(result.body.team).toMatchObject({ id: team.id, uuid: team.uuid, name: team.name, slug: team.slug });
  });

  it("an ADMIN edits the team; a PATCH changes only the fields it sends", async () => {
    const owner = await createCaller();
    const admin = await createCaller();
    const team = await createTeam(owner, [{ caller: admin, role: "ADMIN" }]);
    const edit = (body: object) => api("PATCH /v1/teams/{teamId}", { params: { teamId: team.id }, key: admin.key, body });
    const first = await edit({ name: "Renamed", metadata: { a: 1 }, timeZone: "Asia/Kolkata" });
    expect(first.status).toBe(200);
    const second = await edit({ bio: "Now with a bio", slug: "New-Slug" });
    expect(second.body.team).toMatchObject({ name: "Renamed", bio: "Now with a bio", slug: "new-slug", metadata: { a: 1 }, timeZone: "Asia/Kolkata" });
    const cleared = await edit({ metadata: null, slug: null, brandColor: null });
    expect(cleared.body.team).toMatchObject({ metadata: null, slug: null, brandColor: null, name: "Renamed" });
  });

  it("the OWNER deletes the team, with its memberships and team-restricted keys", async () => {
    const owner = await createCaller();
    const member = await createCaller();
    const team = await createTeam(owner, [{ caller: member }]);
    const restricted = await createCaller({ teamId: team.id });
    expect((await api("GET /v1/teams", { key: restricted.key })).status).toBe(200); // now cached

    const result = await api("DELETE /v1/teams/{teamId}", { params: { teamId: team.id }, key: owner.key });
    expect(result.status).toBe(200);
    expect(result.body.message).toBe(`Team with id: ${team.id} deleted successfully`);
    const prisma = await getPrisma();
    expect(await prisma.team.findUnique({ where: { id: team.id } })).toBeNull();
    expect(await prisma.membership.count({ where: { teamId: team.id } })).toBe(0);
    expect((await api("GET /v1/teams", { key: restricted.key })).status).toBe(401);
    expect((await api("GET /v1/teams/{teamId}", { params: { teamId: team.id }, key: member.key })).status).toBe(404);
  });

  it("a team created over the API is immediately usable by its creator", async () => {
    const caller = await createCaller();
    const created = await api("POST /v1/teams", { key: caller.key, body: { name: "Fresh" } });
    const teamId = created.body.team.id;
    expect((await api("GET /v1/teams/{teamId}", { params: { teamId }, key: caller.key })).status).toBe(200);
    expect((await api("PATCH /v1/teams/{teamId}", { params: { teamId }, key: caller.key, body: { isPrivate: true } })).status).toBe(200);
    expect((await api("DELETE /v1/teams/{teamId}", { params: { teamId }, key: caller.key })).status).toBe(200);
  });
});

describe("GET /v1/teams list paging", () => {
  it("answers every team the caller reads, X-Total-Count and Link rel=next along the way", async () => {
    const caller = await createCaller();
    const other = await createCaller();
    const teams = [await createTeam(caller), await createTeam(other, [{ caller }]), await createTeam(caller)];
    await createTeam(other, [{ caller, accepted: false }]); // pending: not listed, not counted
    await createTeam(other);
    await expectListPaging("GET /v1/teams", { key: caller.key, keyIn: "query" }, "teams", ids(teams));
  });
});
