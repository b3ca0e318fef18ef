import { getPrisma } from "@slotbase/prisma";
import { api } from "../../support/api";
import { useTestDatabase } from "../../support/database";
import { createCaller, type Caller } from "../../support/fixtures";
import {
  addCalendar,
  addSchedule,
  CALENDAR,
  CALENDARS,
  createWorkspace,
  inWorkspace,
  ofCalendar,
  ownedWorkspace,
} from "../../support/workspaces";

useTestDatabase();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("workspace calendars — create", () => {
  it("creates an open calendar with the defaults: the workspace's zone, a slug from the name, capacity 1", async () => {
    const { owner, team } = await ownedWorkspace({ timeZone: "America/New_York" });
    const result = await api(`POST ${CALENDARS}`, { key: owner.key, params: inWorkspace(team), body: { name: "Meeting Room Orion" } });
    expect(result.status).toBe(201);
    expect(result.body).toEqual({
      id: expect.any(Number),
      uuid: expect.stringMatching(UUID),
      workspaceUuid: team.uuid,
      name: "Meeting Room Orion",
      description: null,
      timeZone: "America/New_York",
      color: null,
      slug: "meeting-room-orion",
      isPublic: false,
      capacity: 1,
      parentId: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(result.body).not.toHaveProperty("schedules");
    const prisma = await getPrisma();
    const row = await prisma.calendar.findUniqueOrThrow({ where: { id: result.body.id } });
    expect(row).toMatchObject({ teamId: team.id, ownerId: null, name: "Meeting Room Orion", timeZone: "America/New_York", capacity: 1 });
    expect(row.createdAt.toISOString()).toBe(result.body.createdAt);

    // Open: no schedules at all.
    const got = await api(`GET ${CALENDAR}`, { key: owner.key, params: ofCalendar(team, result.body.id), query: { includeSchedules: "true" } });
    expect(got.body.schedules).toEqual([]);
    expect(await prisma.calendarSchedule.count({ where: { calendarId: result.body.id } })).toBe(0);
  });

  it("follows the workspace's zone as it is when the calendar is created (a workspace left at the default: Europe/London)", async () => {
    const { owner, team } = await ownedWorkspace();
    const first = await api(`POST ${CALENDARS}`, { key: owner.key, params: inWorkspace(team), body: { name: "First" } });
    expect(first.body.timeZone).toBe(team.timeZone);
    const prisma = await getPrisma();
    await prisma.team.update({ where: { id: team.id }, data: { timeZone: "Asia/Kolkata" } });
    const second = await api(`POST ${CALENDARS}`, { key: owner.key, params: inWorkspace(team), body: { name: "Second" } });
    expect(second.body.timeZone).toBe("Asia/Kolkata");
    expect((await api(`GET ${CALENDAR}`, { key: owner.key, params: ofCalendar(team, first.body.id) })).body.timeZone).toBe(team.timeZone);
  });

  it("derives unique slugs: -2, -3 … when the name's own slug is taken in the workspace, not across workspaces", async () => {
    const { owner, team } = await ownedWorkspace();
    const create = async (name: string, workspace = team) =>
      (await api(`POST ${CALENDARS}`, { key: owner.key, params: inWorkspace(workspace), body: { name } })).body.slug;
    expect(await create("Desk")).toBe("desk");
    expect(await create("Desk")).toBe("desk-2");
    expect(await create("desk")).toBe("desk-3");
    expect(await create("  DESK!! ")).toBe("desk-4");
    // A freed suffix is used again; an unrelated slug that merely starts alike does not count.
    await api(`POST ${CALENDARS}`, { key: owner.key, params: inWorkspace(team), body: { name: "Desk pool" } });
    const prisma = await getPrisma();
    await prisma.calendar.deleteMany({ where: { teamId: team.id, slug: "desk-2" } });
    expect(await create("Desk")).toBe("desk-2");
    expect(await create("Desk")).toBe("desk-5");
    // Punctuation, accents and names with no letters at all.
    expect(await create("Salle Réunion #1 (Zürich)")).toBe("salle-reunion-1-zurich");
    expect(await create("!!!")).toBe("calendar");
    expect(await create("???")).toBe("calendar-2");
    // Another workspace has its own slugs.
    const other = await createWorkspace(owner);
    expect(await create("Desk", other)).toBe("desk");
  });

  it("a derived slug does not take an explicit slug's place: an explicit slug equal to a future derived one pushes the derived one on", async () => {
    const { owner, team } = await ownedWorkspace();
    await api(`POST ${CALENDARS}`, { key: owner.key, params: inWorkspace(team), body: { name: "Anything", slug: "studio" } });
    await api(`POST ${CALENDARS}`, { key: owner.key, params: inWorkspace(team), body: { name: "Else", slug: "studio-2" } });
    const derived = await api(`POST ${CALENDARS}`, { key: owner.key, params: inWorkspace(team), body: { name: "Studio" } });
    expect(derived.status).toBe(201);
    expect(derived.body.slug).toBe("studio-3");
  });

  it("keeps derived slugs, suffix included, within the 60 characters a slug may have, so they can be sent back", async () => {
    const { owner, team } = await ownedWorkspace();
    const name = "Very long name ".repeat(6);
    const slugs: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const created = await api(`POST ${CALENDARS}`, { key: owner.key, params: inWorkspace(team), body: { name } });
      expect(created.status).toBe(201);
      slugs.push(created.body.slug);
      expect(created.body.slug.length).toBeLessThanOrEqual(60);
      expect(created.body.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      const resent = await api(`PUT ${CALENDAR}`, { key: owner.key, params: ofCalendar(team, created.body.id), body: { slug: created.body.slug } });
      expect(resent.status).toBe(200);
    }
    expect(new Set(slugs).size).toBe(3);
    expect(slugs[1]).toMatch(/-2$/);
    expect(slugs[2]).toMatch(/-3$/);
  });

  it("concurrent creates with the same name all succeed, each with its own derived slug", async () => {
    const { owner, team } = await ownedWorkspace();
    const results = await Promise.all(
      Array.from({ length: 4 }, () => api(`POST ${CALENDARS}`, { key: owner.key, params: inWorkspace(team), body: { name: "Hot desk" } })),
    );
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(results.map((r) => r.body.slug).sort()).toEqual(["hot-desk", "hot-desk-2", "hot-desk-3", "hot-desk-4"]);
  });

  it("creates a calendar with every field", async () => {
    const { owner, team } = await ownedWorkspace();
    const parent = await addCalendar(team, { name: "Building" });
    const body = {
      name: "Room 101",
      description: "Six seats, a screen",
      timeZone: "Asia/Tokyo",
      color: "#3B82F6",
      slug: "room-101",
      isPublic: true,
      capacity: 6,
      parentId: parent.id,
    };
    const result = await api(`POST ${CALENDARS}`, { key: owner.key, params: inWorkspace(team), body });
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({ ...body, workspaceUuid: team.uuid });
    const got = await api(`GET ${CALENDAR}`, { key: owner.key, params: ofCalendar(team, result.body.id) });
    expect(got.body).toEqual(result.body);
  });

  it("accepts the short colour form, nulls for the optional fields, and an explicit slug another workspace uses", async () => {
    const { owner, team } = await ownedWorkspace();
    const other = await createWorkspace(owner);
    await addCalendar(other, { slug: "shared-name" });
    const result = await api(`POST ${CALENDARS}`, {
      key: owner.key,
      params: inWorkspace(team),
      body: { name: "Short", color: "#abc", description: null, parentId: null, slug: "shared-name" },
    });
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({ color: "#abc", description: null, parentId: null, slug: "shared-name" });
  });

  it("trims the name", async () => {
    const { owner, team } = await ownedWorkspace();
    const result = await api(`POST ${CALENDARS}`, { key: owner.key, params: inWorkspace(team), body: { name: "  Focus booth  " } });
    expect(result.body).toMatchObject({ name: "Focus booth", slug: "focus-booth" });
  });
});

describe("workspace calendars — get", () => {
  it("answers the calendar bare, without schedules unless includeSchedules=true (then oldest first, on the wire)", async () => {
    const { owner, team } = await ownedWorkspace();
    const calendar = await addCalendar(team, { name: "Lab", timeZone: "Europe/Berlin", capacity: 3 });
    const weekly = await addSchedule(calendar.id, { name: "Hours" });
    const lunch = await addSchedule(calendar.id, {
      name: "Lunch",
      availabilityType: "unavailable",
      recurrence: "daily",
      startMinute: 12 * 60,
      endMinute: 13 * 60,
      daysOfWeek: [],
      endDate: new Date("2026-12-31T00:00:00Z"),
    });
    const plain = await api(`GET ${CALENDAR}`, { key: owner.key, params: ofCalendar(team, calendar) });
    expect(plain.status).toBe(200);
    expect(plain.body).toEqual({
      id: calendar.id,
      uuid: calendar.uuid,
      workspaceUuid: team.uuid,
      name: "Lab",
      description: null,
      timeZone: "Europe/Berlin",
      color: null,
      slug: calendar.slug,
      isPublic: false,
      capacity: 3,
      parentId: null,
      createdAt: calendar.createdAt.toISOString(),
      updatedAt: calendar.updatedAt.toISOString(),
    });
    for (const includeSchedules of ["false", "0"]) {
      expect((await api(`GET ${CALENDAR}`, { key: owner.key, params: ofCalendar(team, calendar), query: { includeSchedules } })).body).toEqual(plain.body);
    }
    for (const includeSchedules of ["true", "1"]) {
      const full = await api(`GET ${CALENDAR}`, { key: owner.key, params: ofCalendar(team, calendar), query: { includeSchedules } });
      expect(full.body).toEqual({
        ...plain.body,
        schedules: [
          {
            id: weekly.id,
            calendarId: calendar.id,
            name: "Hours",
            availabilityType: "available",
            recurrence: "weekly",
            startTime: "09:00",
            endTime: "17:00",
            daysOfWeek: [1, 2, 3, 4, 5],
            dayOfMonth: null,
            startDate: "2026-01-05",
            endDate: null,
            createdAt: weekly.createdAt.toISOString(),
            updatedAt: weekly.updatedAt.toISOString(),
          },
          {
            id: lunch.id,
            calendarId: calendar.id,
            name: "Lunch",
            availabilityType: "unavailable",
            recurrence: "daily",
            startTime: "12:00",
            endTime: "13:00",
            daysOfWeek: [],
            dayOfMonth: null,
            startDate: "2026-01-05",
            endDate: "2026-12-31",
            createdAt: lunch.createdAt.toISOString(),
            updatedAt: lunch.updatedAt.toISOString(),
          },
        ],
      });
    }
  });

  it("shows only the calendar's own schedules, not its children's", async () => {
    const { owner, team } = await ownedWorkspace();
    const parent = await addCalendar(team);
    const child = await addCalendar(team, { parentId: parent.id });
    await addSchedule(child.id);
    const result = await api(`GET ${CALENDAR}`, { key: owner.key, params: ofCalendar(team, parent), query: { includeSchedules: "true" } });
    expect(result.body.schedules).toEqual([]);
    const ofChild = await api(`GET ${CALENDAR}`, { key: owner.key, params: ofCalendar(team, child), query: { includeSchedules: "true" } });
    expect(ofChild.body).toMatchObject({ parentId: parent.id, schedules: [expect.objectContaining({ calendarId: child.id })] });
  });
});

describe("workspace calendars — list", () => {
  let owner: Caller;
  let team: Awaited<ReturnType<typeof createWorkspace>>;
  let ids: number[];
  let scheduled: { calendarId: number; scheduleIds: number[] };

  beforeAll(async () => {
    ({ owner, team } = await ownedWorkspace());
    ids = [];
    for (let i = 1; i <= 25; i += 1) ids.push((await addCalendar(team, { name: `Desk ${i}`, slug: `desk-${i}` })).id);
    const first = await addSchedule(ids[3]!);
    const second = await addSchedule(ids[3]!, { recurrence: "once", daysOfWeek: [], startDate: new Date("2026-03-01T00:00:00Z") });
    scheduled = { calendarId: ids[3]!, scheduleIds: [first.id, second.id] };
    // Another workspace's calendars are never listed here.
    const other = await createWorkspace(owner);
    await addCalendar(other);
  });

  const list = (query: Record<string, string> = {}) => api(`GET ${CALENDARS}`, { key: owner.key, params: inWorkspace(team), query });
  const idsOf = (body: { items: { id: number }[] }) => body.items.map((c) => c.id);

  it("defaults to the first page of 20, oldest first, with the total and the number of pages", async () => {
    const result = await list();
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ total: 25, page: 1, pageSize: 20, totalPages: 2 });
    expect(idsOf(result.body)).toEqual(ids.slice(0, 20));
    expect(result.body.items[0]).toMatchObject({ name: "Desk 1", slug: "desk-1", workspaceUuid: team.uuid });
    for (const item of result.body.items) expect(item).not.toHaveProperty("schedules");
  });

  it("pages with page and pageSize: every calendar exactly once, then empty pages", async () => {
    const second = await list({ page: "2" });
    expect(second.body).toMatchObject({ total: 25, page: 2, pageSize: 20, totalPages: 2 });
    expect(idsOf(second.body)).toEqual(ids.slice(20));

    const seen: number[] = [];
    for (let page = 1; page <= 3; page += 1) {
      const result = await list({ page: String(page), pageSize: "10" });
      expect(result.body).toMatchObject({ total: 25, page, pageSize: 10, totalPages: 3 });
      expect(result.body.items).toHaveLength(page < 3 ? 10 : 5);
      seen.push(...idsOf(result.body));
    }
    expect(seen).toEqual(ids);

    const beyond = await list({ page: "4", pageSize: "10" });
    expect(beyond.body).toEqual({ items: [], total: 25, page: 4, pageSize: 10, totalPages: 3 });
  });

  it("takes pageSize from 1 to 100", async () => {
    const one = await list({ pageSize: "1", page: "25" });
    expect(one.body).toMatchObject({ total: 25, page: 25, pageSize: 1, totalPages: 25 });
    expect(idsOf(one.body)).toEqual([ids[24]]);
    const all = await list({ pageSize: "100" });
    expect(all.body).toMatchObject({ total: 25, page: 1, pageSize: 100, totalPages: 1 });
    expect(idsOf(all.body)).toEqual(ids);
  });

  it("includes each calendar's schedules with includeSchedules=true (empty for those without)", async () => {
    const result = await list({ includeSchedules: "true", pageSize: "100" });
    for (const item of result.body.items) {
      const expected = item.id === scheduled.calendarId ? scheduled.scheduleIds : [];
      expect(item.schedules.map((s: { id: number }) => s.id)).toEqual(expected);
    }
    const withOne = result.body.items.find((c: { id: number }) => c.id === scheduled.calendarId);
    expect(withOne.schedules[1]).toMatchObject({ recurrence: "once", startDate: "2026-03-01", daysOfWeek: [], startTime: "09:00", endTime: "17:00" });
    const without = await list({ includeSchedules: "false" });
    for (const item of without.body.items) expect(item).not.toHaveProperty("schedules");
  });

  it("an empty workspace lists nothing", async () => {
    const empty = await ownedWorkspace();
    const result = await api(`GET ${CALENDARS}`, { key: empty.owner.key, params: inWorkspace(empty.team) });
    expect(result.body).toEqual({ items: [], total: 0, page: 1, pageSize: 20, totalPages: 0 });
  });

  it("members of every standing see the same list", async () => {
    const prisma = await getPrisma();
    const member = await createCaller();
    await prisma.membership.create({ data: { userId: member.user.id, teamId: team.id, role: "MEMBER", accepted: true } });
    const byMember = await api(`GET ${CALENDARS}`, { key: member.key, params: inWorkspace(team), query: { pageSize: "100" } });
    expect(idsOf(byMember.body)).toEqual(ids);
  });
});
