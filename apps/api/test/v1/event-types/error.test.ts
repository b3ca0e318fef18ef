import { getPrisma } from "@slotbase/prisma";
import { useTestDatabase } from "../../support/database";
import { api } from "../../support/api";
import { createAdmin, createCaller, type Caller } from "../../support/fixtures";
import { createTeam } from "../../support/teams";
import { createPersonalType, createSchedule, createTeamType, fields, uniqueSlug } from "./helpers";

useTestDatabase();

const create = (caller: Caller, body: object) =>
  api("POST /v1/event-types", { key: caller.key, body: { title: "Call", slug: uniqueSlug(), length: 30, ...body } });

async function expect400(result: Awaited<ReturnType<typeof api>>, field: string) {
  expect(result.status).toBe(400);
  expect(["validation_error", "bad_request"]).toContain(result.body.code);
  expect(fields(result.body)).toContain(field);
}

describe("event types — validation", () => {
  it("rejects ids that are not positive 32-bit integers with 400 naming path.id", async () => {
    const caller = await createCaller();
    for (const id of ["abc", "0", "-1", "1.5", "99999999999"]) {
      await expect400(await api("GET /v1/event-types/{id}", { params: { id }, key: caller.key }), "path.id");
    }
    await expect400(await api("GET /v1/teams/{teamId}/event-types", { params: { teamId: "x" }, key: caller.key }), "path.teamId");
  });

  it("404s an unknown event type, even for an admin", async () => {
    const admin = await createAdmin();
    const result = await api("GET /v1/event-types/{id}", { params: { id: 2_000_000_000 }, key: admin.key });
    expect(result.status).toBe(404);
    expect(result.body).toMatchObject({ code: "not_found", message: "Event type not found." });
    expect((await api("GET /v1/teams/{teamId}/event-types", { params: { teamId: 2_000_000_000 }, key: admin.key })).status).toBe(404);
    expect((await api("GET /v1/event-types", { query: { teamId: "2000000000" }, key: admin.key })).status).toBe(404);
    const inNoTeam = await api("POST /v1/event-types", {
      key: admin.key,
      body: { teamId: 2_000_000_000, title: "x", slug: "x", length: 5, schedulingType: "COLLECTIVE" },
    });
    expect(inNoTeam.status).toBe(404);
  });

  it("requires title, slug and length to create", async () => {
    const caller = await createCaller();
    const result = await api("POST /v1/event-types", { key: caller.key, body: {} });
    expect(result.status).toBe(400);
    expect(fields(result.body)).toEqual(expect.arrayContaining(["body.title", "body.slug", "body.length"]));
  });

  it.each([
    ["length", 0],
    ["length", 1441],
    ["length", 30.5],
    ["length", "30"],
    ["title", ""],
    ["title", "x".repeat(201)],
    ["slug", "Has Caps"],
    ["slug", "under_score"],
    ["slug", "x".repeat(101)],
    ["description", "x".repeat(5001)],
    ["seatsPerTimeSlot", 0],
    ["seatsPerTimeSlot", 1001],
    ["slotInterval", 0],
    ["slotInterval", 1441],
    ["minimumBookingNotice", -1],
    ["minimumBookingNotice", 525_601],
    ["beforeEventBuffer", 1441],
    ["afterEventBuffer", -5],
    ["periodDays", 0],
    ["periodDays", 3651],
    ["periodStartDate", "2027-01-01"],
    ["price", -1],
    ["price", 100_000_001],
    ["currency", "us"],
    ["currency", "€€€"],
    ["successRedirectUrl", "ftp://example.com"],
    ["successRedirectUrl", "javascript:alert(1)"],
    ["scheduleId", 0],
    ["scheduleId", "1"],
    ["position", -1],
    ["periodType", "FOREVER"],
    ["locations", [{ address: "no type" }]],
    ["locations", Array.from({ length: 21 }, () => ({ type: "inPerson" }))],
    ["metadata", "not an object"],
    ["metadata", { big: "x".repeat(17 * 1024) }],
    ["hidden", "yes"],
  ])("rejects %s = %j with 400 naming it", async (field, value) => {
    const caller = await createCaller();
    const result = await create(caller, { [field]: value });
    expect(result.status).toBe(400);
    expect(fields(result.body).some((f) => f === `body.${field}` || f?.startsWith(`body.${field}.`))).toBe(true);
  });

  it("accepts the bounds themselves", async () => {
    const caller = await createCaller();
    const result = await create(caller, {
      length: 1440,
      seatsPerTimeSlot: 1000,
      slotInterval: 1,
      minimumBookingNotice: 525_600,
      beforeEventBuffer: 1440,
      afterEventBuffer: 0,
      price: 100_000_000,
      slug: "a",
    });
    expect(result.status).toBe(201);
    expect((await create(caller, { seatsPerTimeSlot: 1, length: 1 })).status).toBe(201);
  });

  it("names unknown fields, and fields of a location", async () => {
    const caller = await createCaller();
    const result = await create(caller, { colour: "red", locations: [{ type: "link", link: "https://x.test", extra: 1 }] });
    expect(result.status).toBe(400);
    expect(fields(result.body)).toEqual(expect.arrayContaining(["body.colour", "body.locations.0.extra"]));
  });

  it("ROLLING needs periodDays", async () => {
    const caller = await createCaller();
    const result = await create(caller, { periodType: "ROLLING" });
    await expect400(result, "body.periodDays");
    expect((await create(caller, { periodType: "ROLLING", periodDays: 14 })).status).toBe(201);
  });

  it("RANGE needs both dates, the end not before the start", async () => {
    const caller = await createCaller();
    const missing = await create(caller, { periodType: "RANGE" });
    expect(missing.status).toBe(400);
    expect(fields(missing.body)).toEqual(expect.arrayContaining(["body.periodStartDate", "body.periodEndDate"]));
    await expect400(
      await create(caller, { periodType: "RANGE", periodStartDate: "2027-02-01T00:00:00Z", periodEndDate: "2027-01-01T00:00:00Z" }),
      "body.periodEndDate",
    );
    const sameInstant = await create(caller, { periodType: "RANGE", periodStartDate: "2027-02-01T00:00:00Z", periodEndDate: "2027-02-01T01:00:00+01:00" });
    expect(sameInstant.status).toBe(201);
  });

  it("checks period rules after merging on PATCH", async () => {
    const caller = await createCaller();
    const type = await createPersonalType(caller);
    const edit = (body: object) => api("PATCH /v1/event-types/{id}", { params: { id: type.id }, key: caller.key, body });
    await expect400(await edit({ periodType: "ROLLING" }), "body.periodDays");
    expect((await edit({ periodType: "ROLLING", periodDays: 7 })).status).toBe(200);
    await expect400(await edit({ periodDays: null }), "body.periodDays");
    expect((await edit({ periodType: "RANGE", periodStartDate: "2027-01-01T00:00:00Z", periodEndDate: "2027-06-01T00:00:00Z" })).status).toBe(200);
    await expect400(await edit({ periodEndDate: "2026-12-31T00:00:00Z" }), "body.periodEndDate");
    const prisma = await getPrisma();
    const row = await prisma.eventType.findUniqueOrThrow({ where: { id: type.id } });
    expect(row.periodEndDate?.toISOString()).toBe("2027-06-01T00:00:00.000Z");
  });

  it("refuses MANAGED event types", async () => {
    const owner = await createCaller();
    const team = await createTeam(owner);
    await expect400(await create(owner, { teamId: team.id, schedulingType: "MANAGED" }), "body.schedulingType");
    const type = await createTeamType(team.id);
    await expect400(
      await api("PATCH /v1/event-types/{id}", { params: { id: type.id }, key: owner.key, body: { schedulingType: "MANAGED" } }),
      "body.schedulingType",
    );
  });

  it("schedulingType and hosts belong to team types only; team types need a schedulingType and no scheduleId", async () => {
    const owner = await createCaller();
    const team = await createTeam(owner);
    const schedule = await createSchedule(owner);
    await expect400(await create(owner, { schedulingType: "ROUND_ROBIN" }), "body.schedulingType");
    await expect400(await create(owner, { hosts: [{ userId: owner.user.id }] }), "body.hosts");
    await expect400(await create(owner, { teamId: team.id }), "body.schedulingType");
    await expect400(await create(owner, { teamId: team.id, schedulingType: "COLLECTIVE", scheduleId: schedule.id }), "body.scheduleId");

    const personal = await createPersonalType(owner);
    await expect400(
      await api("PATCH /v1/event-types/{id}", { params: { id: personal.id }, key: owner.key, body: { schedulingType: "COLLECTIVE" } }),
      "body.schedulingType",
    );
    const teamType = await createTeamType(team.id);
    await expect400(
      await api("PATCH /v1/event-types/{id}", { params: { id: teamType.id }, key: owner.key, body: { schedulingType: null } }),
      "body.schedulingType",
    );
    await expect400(
      await api("PATCH /v1/event-types/{id}", { params: { id: teamType.id }, key: owner.key, body: { scheduleId: schedule.id } }),
      "body.scheduleId",
    );
    await expect400(
      await api("PATCH /v1/event-types/{id}", { params: { id: personal.id }, key: owner.key, body: { hosts: [{ userId: owner.user.id }] } }),
      "body.hosts",
    );
  });

  it("a type belongs to a user or a team, not both", async () => {
    const owner = await createCaller();
    const team = await createTeam(owner);
    await expect400(await create(owner, { teamId: team.id, userId: owner.user.id, schedulingType: "COLLECTIVE" }), "body.userId");
  });

  it("409s a duplicate slug for the same user or team, naming body.slug", async () => {
    const owner = await createCaller();
    const team = await createTeam(owner);
    expect((await create(owner, { slug: "dup" })).status).toBe(201);
    const again = await create(owner, { slug: "dup" });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("conflict");
    expect(fields(again.body)).toEqual(["body.slug"]);
    expect(again.body.message).toMatch(/dup/);

    expect((await create(owner, { teamId: team.id, slug: "dup", schedulingType: "COLLECTIVE" })).status).toBe(201);
    const teamAgain = await create(owner, { teamId: team.id, slug: "dup", schedulingType: "ROUND_ROBIN" });
    expect(teamAgain.status).toBe(409);
    expect(fields(teamAgain.body)).toEqual(["body.slug"]);
  });

  it("409s renaming to a taken slug and changes nothing", async () => {
    const owner = await createCaller();
    await createPersonalType(owner, { slug: "taken" });
    const type = await createPersonalType(owner, { slug: "mine" });
    const result = await api("PATCH /v1/event-types/{id}", { params: { id: type.id }, key: owner.key, body: { slug: "taken", title: "Changed" } });
    expect(result.status).toBe(409);
    expect(fields(result.body)).toEqual(["body.slug"]);
    const prisma = await getPrisma();
    expect(await prisma.eventType.findUniqueOrThrow({ where: { id: type.id } })).toEqual(type);
  });

  it("refuses a schedule that is not the owner's (400 naming body.scheduleId)", async () => {
    const owner = await createCaller();
    const other = await createCaller();
    const foreign = await createSchedule(other);
    await expect400(await create(owner, { scheduleId: foreign.id }), "body.scheduleId");
    await expect400(await create(owner, { scheduleId: 2_000_000_000 }), "body.scheduleId");
    const type = await createPersonalType(owner);
    await expect400(
      await api("PATCH /v1/event-types/{id}", { params: { id: type.id }, key: owner.key, body: { scheduleId: foreign.id } }),
      "body.scheduleId",
    );
    // An admin creating for someone else: the schedule must be that user's, not the admin's.
    const admin = await createAdmin();
    const adminSchedule = await createSchedule(admin);
    await expect400(
      await api("POST /v1/event-types", { key: admin.key, body: { userId: owner.user.id, title: "x", slug: "x", length: 5, scheduleId: adminSchedule.id } }),
      "body.scheduleId",
    );
  });

  it("hosts must be accepted members of the team (a pending one is 400 naming body.hosts.N.userId)", async () => {
    const owner = await createCaller();
    const member = await createCaller();
    const pending = await createCaller();
    const outsider = await createCaller();
    const team = await createTeam(owner, [{ caller: member }, { caller: pending, accepted: false }]);
    const teamBody = { teamId: team.id, schedulingType: "ROUND_ROBIN" };
    const result = await create(owner, { ...teamBody, hosts: [{ userId: member.user.id }, { userId: pending.user.id }, { userId: outsider.user.id }] });
    expect(result.status).toBe(400);
    expect(fields(result.body)).toEqual(["body.hosts.1.userId", "body.hosts.2.userId"]);
    await expect400(await create(owner, { ...teamBody, hosts: [{ userId: 2_000_000_000 }] }), "body.hosts.0.userId");
    const prisma = await getPrisma();
    expect(await prisma.eventType.count({ where: { teamId: team.id } })).toBe(0);
  });

  it("rejects duplicate hosts, bad host fields and more than 100 hosts", async () => {
    const owner = await createCaller();
    const team = await createTeam(owner);
    const teamBody = { teamId: team.id, schedulingType: "ROUND_ROBIN" };
    await expect400(await create(owner, { ...teamBody, hosts: [{ userId: owner.user.id }, { userId: owner.user.id }] }), "body.hosts.1.userId");
    await expect400(await create(owner, { ...teamBody, hosts: [{ userId: owner.user.id, priority: 5 }] }), "body.hosts.0.priority");
    await expect400(await create(owner, { ...teamBody, hosts: [{ userId: owner.user.id, weight: 1001 }] }), "body.hosts.0.weight");
    await expect400(await create(owner, { ...teamBody, hosts: [{ userId: owner.user.id, role: "x" }] }), "body.hosts.0.role");
    await expect400(await create(owner, { ...teamBody, hosts: Array.from({ length: 101 }, (_, i) => ({ userId: i + 1 })) }), "body.hosts");
  });

  it("a host's schedule must be that host's", async () => {
    const owner = await createCaller();
    const member = await createCaller();
    const team = await createTeam(owner, [{ caller: member }]);
    const ownersSchedule = await createSchedule(owner);
    await expect400(
      await create(owner, { teamId: team.id, schedulingType: "COLLECTIVE", hosts: [{ userId: member.user.id, scheduleId: ownersSchedule.id }] }),
      "body.hosts.0.scheduleId",
    );
  });

  it("a refused host list on PATCH leaves the hosts as they were", async () => {
    const owner = await createCaller();
    const member = await createCaller();
    const pending = await createCaller();
    const team = await createTeam(owner, [{ caller: member }, { caller: pending, accepted: false }]);
    const type = await createTeamType(team.id, [member.user.id]);
    const result = await api("PATCH /v1/event-types/{id}", {
      params: { id: type.id },
      key: owner.key,
      body: { hosts: [{ userId: owner.user.id }, { userId: pending.user.id }] },
    });
    await expect400(result, "body.hosts.1.userId");
    const prisma = await getPrisma();
    expect((await prisma.host.findMany({ where: { eventTypeId: type.id } })).map((h) => h.userId)).toEqual([member.user.id]);
  });

  it("an admin creating for a user that does not exist gets 404 naming body.userId", async () => {
    const admin = await createAdmin();
    const result = await api("POST /v1/event-types", { key: admin.key, body: { userId: 2_000_000_000, title: "x", slug: "x", length: 5 } });
    expect(result.status).toBe(404);
    expect(fields(result.body)).toEqual(["body.userId"]);
  });

  it("creating in a team that does not exist is a 404", async () => {
    const caller = await createCaller();
    const result = await create(caller, { teamId: 2_000_000_000, schedulingType: "COLLECTIVE" });
    expect(result.status).toBe(404);
  });

  it("rejects an empty PATCH and create-only fields on PATCH", async () => {
    const caller = await createCaller();
    const type = await createPersonalType(caller);
    const empty = await api("PATCH /v1/event-types/{id}", { params: { id: type.id }, key: caller.key, body: {} });
    expect(empty.status).toBe(400);
    for (const body of [{ teamId: 1 }, { userId: caller.user.id }, { id: 5 }]) {
      const result = await api("PATCH /v1/event-types/{id}", { params: { id: type.id }, key: caller.key, body });
      await expect400(result, `body.${Object.keys(body)[0]}`);
    }
  });

  it("caps take at the documented maximum and validates list filters", async () => {
    const caller = await createCaller();
    await expect400(await api("GET /v1/event-types", { key: caller.key, query: { take: "1000" } }), "query.take");
    await expect400(await api("GET /v1/event-types", { key: caller.key, query: { teamId: "abc" } }), "query.teamId");
    await expect400(await api("GET /v1/event-types", { key: caller.key, query: { page: "0" } }), "query.page");
  });

  it("answers malformed JSON with 400 and NUL characters with 400, not 500", async () => {
    const caller = await createCaller();
    const malformed = await api("POST /v1/event-types", { key: caller.key, body: '{"title": ', headers: { "content-type": "application/json" } });
    expect(malformed.status).toBe(400);
    const nul = await create(caller, { title: "a\u0000b" });
    expect(nul.status).toBe(400);
  });

  it("405s an unsupported method with an Allow header", async () => {
    const result = await api("PUT /v1/event-types/{id}", { params: { id: 1 }, unchecked: true });
    expect(result.status).toBe(405);
    expect(result.headers.allow).toBe("GET, PATCH, DELETE, HEAD, OPTIONS");
  });
});

describe("GET /v1/event-types slug", () => {
  it("refuses an empty or overlong slug, naming it", async () => {
    const caller = await createCaller();
    for (const slug of ["", "x".repeat(101)]) {
      const bad = await api("GET /v1/event-types", { key: caller.key, query: { slug } });
      expect(bad.status).toBe(400);
      expect(bad.body.details.map((d: { field?: string }) => d.field)).toEqual(["query.slug"]);
    }
  });
});
