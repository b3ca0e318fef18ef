import { getPrisma } from "@slotbase/prisma";
import { useTestDatabase } from "../../support/database";
import { api } from "../../support/api";
import { createAdmin, createCaller } from "../../support/fixtures";
import { createTeam } from "../../support/teams";

useTestDatabase();

const fields = (body: { details: { field?: string }[] }) => body.details.map((d) => d.field);

describe("teams — errors", () => {
  it("rejects team ids that are not positive 32-bit integers with 400 naming path.teamId", async () => {
    const admin = await createAdmin();
    for (const teamId of ["abc", "0", "-1", "1.5", "99999999999"]) {
      const result = await api("GET /v1/teams/{teamId}", { params: { teamId }, key: admin.key });
      expect(result.status).toBe(400);
      expect(result.body.code).toBe("validation_error");
      expect(fields(result.body)).toContain("path.teamId");
    }
  });

  it("404s an unknown team, even for a system admin, on every method", async () => {
    const admin = await createAdmin();
    const params = { teamId: 2_000_000_000 };
    const get = await api("GET /v1/teams/{teamId}", { params, key: admin.key });
    expect(get.status).toBe(404);
    expect(get.body).toMatchObject({ code: "not_found", message: "Team not found." });
    expect((await api("PATCH /v1/teams/{teamId}", { params, key: admin.key, body: { name: "x" } })).status).toBe(404);
    expect((await api("DELETE /v1/teams/{teamId}", { params, key: admin.key })).status).toBe(404);
  });

  it("requires a name", async () => {
    const caller = await createCaller();
    for (const body of [{}, { name: "" }, { name: "   " }, { name: null }]) {
      const result = await api("POST /v1/teams", { key: caller.key, body });
      expect(result.status).toBe(400);
      expect(fields(result.body)).toContain("body.name");
    }
  });

  it("names each invalid field of a create body", async () => {
    const caller = await createCaller();
    const result = await api("POST /v1/teams", {
      key: caller.key,
      body: {
        name: "x".repeat(201),
        slug: "not a slug!",
        bio: "b".repeat(2001),
        logoUrl: "javascript:alert(1)",
        isPrivate: "yes",
        timeZone: "Mars/Olympus",
        weekStart: "Someday",
        brandColor: "red",
        colour: "#fff",
      },
    });
    expect(result.status).toBe(400);
    expect(fields(result.body)).toEqual(
      expect.arrayContaining([
        "body.name",
        "body.slug",
        "body.bio",
        "body.logoUrl",
        "body.isPrivate",
        "body.timeZone",
        "body.weekStart",
        "body.brandColor",
        "body.colour",
      ]),
    );
  });

  it("refuses slugs with leading, trailing or doubled hyphens, or longer than 64 characters", async () => {
    const caller = await createCaller();
    for (const slug of ["-team", "team-", "my--team", "a".repeat(65), "ünïcode", ""]) {
      const result = await api("POST /v1/teams", { key: caller.key, body: { name: "Slugged", slug } });
      expect(result.status).toBe(400);
      expect(fields(result.body)).toContain("body.slug");
    }
  });

  it("bounds metadata: a JSON object, not too many keys, not too large, not too deep", async () => {
    const caller = await createCaller();
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i]));
    const large = { blob: "x".repeat(10_001) };
    const deep = { a: { b: { c: { d: { e: { f: 1 } } } } } };
    for (const metadata of [many, large, deep, [1, 2], "text", 42]) {
      const result = await api("POST /v1/teams", { key: caller.key, body: { name: "Meta", metadata } });
      expect(result.status).toBe(400);
      expect(fields(result.body)).toContain("body.metadata");
    }
  });

  it("409s a duplicate slug on create (case-insensitively) and creates nothing", async () => {
    const owner = await createCaller();
    const existing = await createTeam(owner, [], { slug: "taken-slug" });
    const caller = await createCaller();
    const prisma = await getPrisma();
    const teamsBefore = await prisma.team.count();
    const membershipsBefore = await prisma.membership.count();
    const result = await api("POST /v1/teams", { key: caller.key, body: { name: "Impostor", slug: "Taken-Slug" } });
    expect(result.status).toBe(409);
    expect(result.body.code).toBe("conflict");
    expect(fields(result.body)).toEqual(["body.slug"]);
    expect(await prisma.team.count()).toBe(teamsBefore);
    expect(await prisma.membership.count()).toBe(membershipsBefore);
    expect(await prisma.team.findUniqueOrThrow({ where: { id: existing.id } })).toEqual(existing);
  });

  it("409s changing a slug to one in use, and changes nothing", async () => {
    const owner = await createCaller();
    const other = await createTeam(owner, [], { slug: "other-team" });
    const team = await createTeam(owner);
    const result = await api("PATCH /v1/teams/{teamId}", {
      params: { teamId: team.id },
      key: owner.key,
      body: { slug: "other-team", name: "Changed" },
    });
    expect(result.status).toBe(409);
    expect(fields(result.body)).toEqual(["body.slug"]);
    const prisma = await getPrisma();
    expect(await prisma.team.findUniqueOrThrow({ where: { id: team.id } })).toEqual(team);
    expect(await prisma.team.findUniqueOrThrow({ where: { id: other.id } })).toEqual(other);
  });

  it("rejects an empty PATCH and unknown fields", async () => {
    const owner = await createCaller();
    const team = await createTeam(owner);
    const empty = await api("PATCH /v1/teams/{teamId}", { params: { teamId: team.id }, key: owner.key, body: {} });
    expect(empty.status).toBe(400);
    const unknown = await api("PATCH /v1/teams/{teamId}", { params: { teamId: team.id }, key: owner.key, body: { uuid: "x" } });
    expect(unknown.status).toBe(400);
    expect(fields(unknown.body)).toContain("body.uuid");
    const owner2 = await api("PATCH /v1/teams/{teamId}", { params: { teamId: team.id }, key: owner.key, body: { ownerId: 1 } });
    expect(fields(owner2.body)).toContain("body.ownerId");
  });

  it("404s an admin's ownerId that names no user, naming body.ownerId, and creates nothing", async () => {
    const admin = await createAdmin();
    const prisma = await getPrisma();
    const before = await prisma.team.count();
    const result = await api("POST /v1/teams", { key: admin.key, body: { name: "Orphan", ownerId: 2_000_000_000 } });
    expect(result.status).toBe(404);
    expect(fields(result.body)).toEqual(["body.ownerId"]);
    expect(await prisma.team.count()).toBe(before);
  });

  it("caps take at the documented maximum and validates page", async () => {
    const caller = await createCaller();
    const take = await api("GET /v1/teams", { key: caller.key, query: { take: "101" } });
    expect(take.status).toBe(400);
    expect(fields(take.body)).toContain("query.take");
    const page = await api("GET /v1/teams", { key: caller.key, query: { page: "0" } });
    expect(fields(page.body)).toContain("query.page");
  });

  it("answers malformed JSON with 400, not 500", async () => {
    const caller = await createCaller();
    const result = await api("POST /v1/teams", { key: caller.key, body: '{"name": ', headers: { "content-type": "application/json" } });
    expect(result.status).toBe(400);
    expect(result.body.details[0]).toMatchObject({ field: "body", rule: "invalid_json" });
  });

  it("405s an unsupported method with an Allow header", async () => {
    const list = await api("PUT /v1/teams", { unchecked: true });
    expect(list.status).toBe(405);
    expect(list.headers.allow).toBe("GET, POST, HEAD, OPTIONS");
    const item = await api("POST /v1/teams/{teamId}", { params: { teamId: 1 }, unchecked: true });
    expect(item.status).toBe(405);
    expect(item.headers.allow).toBe("GET, PATCH, DELETE, HEAD, OPTIONS");
  });
});
