import { getPrisma } from "@slotbase/prisma";
import { useTestDatabase } from "../../support/database";
import { api } from "../../support/api";
import { createAdmin, createCaller } from "../../support/fixtures";
import { createTeam } from "../../support/teams";
import { createPersonalType, createSchedule, createTeamType, uniqueSlug } from "./helpers";
import { expectListPaging } from "../../support/list-paging";

useTestDatabase();

const ids = (list: { id: number }[]) => list.map((item) => item.id);

describe("event types — happy paths", () => {
  it("a user creates, reads, lists, edits and deletes a personal event type", async () => {
    const caller = await createCaller();
    const slug = uniqueSlug();
    const created = await api("POST /v1/event-types", { key: caller.key, body: { title: "Intro call", slug, length: 30 } });
    expect(created.status).toBe(201);
    expect(created.body.message).toBe("Event type created successfully");
    const type = created.body.event_type;
    expect(type).toMatchObject({
      title: "Intro call",
      slug,
      length: 30,
      userId: caller.user.id,
      teamId: null,
      schedulingType: null,
      periodType: "UNLIMITED",
      minimumBookingNotice: 120,
      currency: "usd",
      hosts: [],
    });
    expect(new Date(type.createdAt).toISOString()).toBe(type.createdAt);

    const read = await api("GET /v1/event-types/{id}", { params: { id: type.id }, key: caller.key });
    expect(read.status).toBe(200);
    expect(read.body.event_type).toEqual(type);

    const list = await api("GET /v1/event-types", { key: caller.key });
    expect(ids(list.body.event_types)).toEqual([type.id]);

    const edited = await api("PATCH /v1/event-types/{id}", {
      params: { id: type.id },
      key: caller.key,
      body: { title: "Intro call (long)", length: 60, hidden: true },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.event_type).toMatchObject({ title: "Intro call (long)", length: 60, hidden: true, slug });

    const removed = await api("DELETE /v1/event-types/{id}", { params: { id: type.id }, key: caller.key });
    expect(removed.status).toBe(200);
    expect(removed.body.message).toMatch(/deleted/);
    expect((await api("GET /v1/event-types/{id}", { params: { id: type.id }, key: caller.key })).status).toBe(404);
  });

  it("stores every writable field and shows it back (dates as ISO strings)", async () => {
    const caller = await createCaller();
    const schedule = await createSchedule(caller);
    const body = {
      title: "Consultation",
      slug: uniqueSlug("consult"),
      description: "Bring your questions.",
      length: 45,
      hidden: false,
      position: 3,
      locations: [
        { type: "inPerson", address: "1 Main St", displayLocationPublicly: true },
        { type: "link", link: "https://meet.example.com/abc" },
        { type: "phone", phone: "+4930123456" },
      ],
      eventName: "Consultation with {ATTENDEE}",
      periodType: "RANGE",
      periodStartDate: "2027-01-01T00:00:00Z",
      periodEndDate: "2027-03-31T23:59:59+02:00",
      periodCountCalendarDays: true,
      requiresConfirmation: true,
      disableGuests: true,
      hideCalendarNotes: true,
      minimumBookingNotice: 1440,
      beforeEventBuffer: 10,
      afterEventBuffer: 15,
      seatsPerTimeSlot: 12,
      seatsShowAttendees: true,
      price: 5000,
      currency: "EUR",
      slotInterval: 15,
      successRedirectUrl: "https://example.com/thanks",
      metadata: { source: "api", tags: ["a", "b"], nested: { deep: 1 } },
      scheduleId: schedule.id,
    };
    const result = await api("POST /v1/event-types", { key: caller.key, body });
    expect(result.status).toBe(201);
    expect(result.body.event_type).toMatchObject({
      ...body,
      currency: "eur",
      periodStartDate: "2027-01-01T00:00:00.000Z",
      periodEndDate: "2027-03-31T21:59:59.000Z",
      userId: caller.user.id,
      hosts: [],
    });
  });

  it("a PATCH changes only the fields it sends, and checks period rules on the result", async () => {
    const caller = await createCaller();
    const type = await createPersonalType(caller);
    const edit = (body: object) => api("PATCH /v1/event-types/{id}", { params: { id: type.id }, key: caller.key, body });
    expect((await edit({ periodType: "ROLLING", periodDays: 30, seatsPerTimeSlot: 5 })).status).toBe(200);
    const renamed = await edit({ title: "Only the title" });
    expect(renamed.status).toBe(200);
    expect(renamed.body.event_type).toMatchObject({ title: "Only the title", periodType: "ROLLING", periodDays: 30, seatsPerTimeSlot: 5 });
    // periodDays stays set, so switching back to ROLLING later needs nothing more.
    expect((await edit({ periodType: "UNLIMITED" })).body.event_type.periodDays).toBe(30);
    expect((await edit({ periodType: "ROLLING" })).status).toBe(200);
    const cleared = await edit({ seatsPerTimeSlot: null, metadata: { a: 1 } });
    expect(cleared.body.event_type).toMatchObject({ seatsPerTimeSlot: null, metadata: { a: 1 } });
    expect((await edit({ metadata: null })).body.event_type.metadata).toBeNull();
  });

  it("a team OWNER creates a round-robin team type with accepted members as hosts", async () => {
    const owner = await createCaller();
    const member = await createCaller();
    const admin = await createCaller();
    const team = await createTeam(owner, [{ caller: member }, { caller: admin, role: "ADMIN" }]);
    const memberSchedule = await createSchedule(member);
    const result = await api("POST /v1/event-types", {
      key: owner.key,
      body: {
        teamId: team.id,
        title: "Sales demo",
        slug: "demo",
        length: 30,
        schedulingType: "ROUND_ROBIN",
        hosts: [
          { userId: member.user.id, priority: 4, weight: 200, scheduleId: memberSchedule.id },
          { userId: admin.user.id, isFixed: true },
          { userId: owner.user.id },
        ],
      },
    });
    expect(result.status).toBe(201);
    expect(result.body.event_type).toMatchObject({ teamId: team.id, userId: null, schedulingType: "ROUND_ROBIN", scheduleId: null });
    const hosts = [...result.body.event_type.hosts].sort((a, b) => a.userId - b.userId);
    expect(hosts).toEqual(
      [
        { userId: member.user.id, isFixed: false, priority: 4, weight: 200, scheduleId: memberSchedule.id },
        { userId: admin.user.id, isFixed: true, priority: null, weight: null, scheduleId: null },
        { userId: owner.user.id, isFixed: false, priority: null, weight: null, scheduleId: null },
      ].sort((a, b) => a.userId - b.userId),
    );
  });

  it("a team ADMIN creates a collective type, and a plain member can read it", async () => {
    const owner = await createCaller();
    const teamAdmin = await createCaller();
    const member = await createCaller();
    const team = await createTeam(owner, [{ caller: teamAdmin, role: "ADMIN" }, { caller: member }]);
    const created = await api("POST /v1/event-types", {
      key: teamAdmin.key,
      body: { teamId: team.id, title: "Panel", slug: "panel", length: 60, schedulingType: "COLLECTIVE", hosts: [{ userId: member.user.id }] },
    });
    expect(created.status).toBe(201);
    const read = await api("GET /v1/event-types/{id}", { params: { id: created.body.event_type.id }, key: member.key });
    expect(read.status).toBe(200);
    expect(read.body.event_type.hosts).toEqual([{ userId: member.user.id, isFixed: false, priority: null, weight: null, scheduleId: null }]);
  });

  it("a PATCH with hosts replaces the whole list; one without keeps it", async () => {
    const owner = await createCaller();
    const a = await createCaller();
    const b = await createCaller();
    const team = await createTeam(owner, [{ caller: a }, { caller: b }]);
    const type = await createTeamType(team.id, [a.user.id, owner.user.id]);
    const edit = (body: object) => api("PATCH /v1/event-types/{id}", { params: { id: type.id }, key: owner.key, body });

    const replaced = await edit({ hosts: [{ userId: b.user.id, isFixed: true }] });
    expect(replaced.status).toBe(200);
    expect(replaced.body.event_type.hosts).toEqual([{ userId: b.user.id, isFixed: true, priority: null, weight: null, scheduleId: null }]);

    const renamed = await edit({ title: "Renamed", schedulingType: "COLLECTIVE" });
    expect(renamed.body.event_type).toMatchObject({ title: "Renamed", schedulingType: "COLLECTIVE" });
    expect(renamed.body.event_type.hosts.map((h: { userId: number }) => h.userId)).toEqual([b.user.id]);

    const emptied = await edit({ hosts: [] });
    expect(emptied.body.event_type.hosts).toEqual([]);
    const prisma = await getPrisma();
    expect(await prisma.host.count({ where: { eventTypeId: type.id } })).toBe(0);
  });

  it("lists the caller's personal types and their teams' types, a page at a time, by id", async () => {
    const caller = await createCaller();
    const teammate = await createCaller();
    const stranger = await createCaller();
    const team = await createTeam(teammate, [{ caller }]);
    const otherTeam = await createTeam(stranger);
    const mine1 = await createPersonalType(caller);
    const teamType = await createTeamType(team.id, [teammate.user.id]);
    const mine2 = await createPersonalType(caller);
    await createPersonalType(teammate);
    await createPersonalType(stranger);
    await createTeamType(otherTeam.id);

    const all = await api("GET /v1/event-types", { key: caller.key });
    expect(ids(all.body.event_types)).toEqual([mine1.id, teamType.id, mine2.id]);

    const first = await api("GET /v1/event-types", { key: caller.key, query: { take: "2", page: "1" } });
    const second = await api("GET /v1/event-types", { key: caller.key, query: { take: "2", page: "2" } });
    expect(ids(first.body.event_types)).toEqual([mine1.id, teamType.id]);
    expect(ids(second.body.event_types)).toEqual([mine2.id]);

    const onlyTeam = await api("GET /v1/event-types", { key: caller.key, query: { teamId: String(team.id) } });
    expect(ids(onlyTeam.body.event_types)).toEqual([teamType.id]);
    const onlyMine = await api("GET /v1/event-types", { key: caller.key, query: { userId: String(caller.user.id) } });
    expect(ids(onlyMine.body.event_types)).toEqual([mine1.id, mine2.id]);
  });

  it("an admin lists everything and can filter by user or team", async () => {
    const admin = await createAdmin();
    const someone = await createCaller();
    const team = await createTeam(someone);
    const personal = await createPersonalType(someone);
    const teamType = await createTeamType(team.id);
    const everything = await api("GET /v1/event-types", { key: admin.key, query: { take: "100" } });
    expect(ids(everything.body.event_types)).toEqual(expect.arrayContaining([personal.id, teamType.id]));
    const byUser = await api("GET /v1/event-types", { key: admin.key, query: { userId: String(someone.user.id) } });
    expect(ids(byUser.body.event_types)).toEqual([personal.id]);
    const byTeam = await api("GET /v1/event-types", { key: admin.key, query: { teamId: String(team.id) } });
    expect(ids(byTeam.body.event_types)).toEqual([teamType.id]);
  });

  it("GET /v1/teams/{teamId}/event-types lists the team's types for any accepted member", async () => {
    const owner = await createCaller();
    const member = await createCaller();
    const team = await createTeam(owner, [{ caller: member }]);
    const t1 = await createTeamType(team.id, [owner.user.id]);
    const t2 = await createTeamType(team.id);
    const t3 = await createTeamType(team.id);
    await createPersonalType(owner);
    const all = await api("GET /v1/teams/{teamId}/event-types", { params: { teamId: team.id }, key: member.key });
    expect(all.status).toBe(200);
    expect(ids(all.body.event_types)).toEqual([t1.id, t2.id, t3.id]);
    expect(all.body.event_types[0].hosts).toEqual([{ userId: owner.user.id, isFixed: false, priority: null, weight: null, scheduleId: null }]);
    const page2 = await api("GET /v1/teams/{teamId}/event-types", { params: { teamId: team.id }, key: member.key, query: { take: "2", page: "2" } });
    expect(ids(page2.body.event_types)).toEqual([t3.id]);
  });

  it("the same slug may be used by another user and by a team", async () => {
    const a = await createCaller();
    const b = await createCaller();
    const team = await createTeam(a);
    const create = (key: string, body: object) => api("POST /v1/event-types", { key, body: { title: "Chat", slug: "chat", length: 15, ...body } });
    expect((await create(a.key, {})).status).toBe(201);
    expect((await create(b.key, {})).status).toBe(201);
    expect((await create(a.key, { teamId: team.id, schedulingType: "COLLECTIVE" })).status).toBe(201);
  });

  it("an admin creates a personal type for another user", async () => {
    const admin = await createAdmin();
    const user = await createCaller();
    const schedule = await createSchedule(user);
    const result = await api("POST /v1/event-types", {
      key: admin.key,
      body: { userId: user.user.id, title: "Office hours", slug: "office-hours", length: 30, scheduleId: schedule.id },
    });
    expect(result.status).toBe(201);
    expect(result.body.event_type).toMatchObject({ userId: user.user.id, scheduleId: schedule.id });
    const seen = await api("GET /v1/event-types/{id}", { params: { id: result.body.event_type.id }, key: user.key });
    expect(seen.status).toBe(200);
  });

  it("a user may name themself as userId", async () => {
    const caller = await createCaller();
    const result = await api("POST /v1/event-types", { key: caller.key, body: { userId: caller.user.id, title: "Me", slug: uniqueSlug(), length: 5 } });
    expect(result.status).toBe(201);
    expect(result.body.event_type.userId).toBe(caller.user.id);
  });

  it("answers a CORS preflight without a key", async () => {
    const result = await api("OPTIONS /v1/event-types");
    expect(result.status).toBe(204);
    expect(result.headers["access-control-allow-methods"]).toBe("GET, POST, HEAD, OPTIONS");
  });
});

describe("GET /v1/event-types list paging and slug", () => {
  it("answers every type the caller may see, with X-Total-Count and Link rel=next (filters kept in the Link)", async () => {
    const caller = await createCaller();
    const stranger = await createCaller();
    const team = await createTeam(caller);
    const personal = [await createPersonalType(caller), await createPersonalType(caller)];
    const teamTypes = [await createTeamType(team.id), await createTeamType(team.id), await createTeamType(team.id)];
    await createPersonalType(stranger);
    await expectListPaging("GET /v1/event-types", { key: caller.key }, "event_types", [...personal, ...teamTypes].map((t) => t.id));
    await expectListPaging("GET /v1/event-types", { key: caller.key, query: { teamId: String(team.id) } }, "event_types", teamTypes.map((t) => t.id));
    await expectListPaging("GET /v1/teams/{teamId}/event-types", { key: caller.key, params: { teamId: team.id } }, "event_types", teamTypes.map((t) => t.id));
  });

  it("slug keeps the types with exactly that slug among those the caller may see (never another user's)", async () => {
    const caller = await createCaller();
    const stranger = await createCaller();
    const team = await createTeam(caller);
    const slug = uniqueSlug("standup");
    const mine = await createPersonalType(caller, { slug });
    const teams = await createTeamType(team.id, [], { slug });
    await createPersonalType(stranger, { slug });
    await createPersonalType(caller, { slug: `${slug}-long` });
    await expectListPaging("GET /v1/event-types", { key: caller.key, query: { slug } }, "event_types", [mine.id, teams.id]);
    const none = await api("GET /v1/event-types", { key: caller.key, query: { slug: "no-such-slug" } });
    expect(none.body.event_types).toEqual([]);
    expect(none.headers["x-total-count"]).toBe("0");
    // A stranger finds only their own type of that slug.
    const theirs = await api("GET /v1/event-types", { key: stranger.key, query: { slug } });
    expect(theirs.body.event_types.map((t: { userId: number }) => t.userId)).toEqual([stranger.user.id]);
    // With teamId, the team's type of that slug only.
    const teamOnly = await api("GET /v1/event-types", { key: caller.key, query: { slug, teamId: String(team.id) } });
    expect(teamOnly.body.event_types.map((t: { id: number }) => t.id)).toEqual([teams.id]);
  });
});
