import { getPrisma } from "@slotbase/prisma";
import { api } from "../../support/api";
import { useTestDatabase } from "../../support/database";
import {
  addCalendar,
  addSchedule,
  CALENDAR,
  CALENDARS,
  inWorkspace,
  ofCalendar,
  ownedWorkspace,
} from "../../support/workspaces";

useTestDatabase();

describe("workspace calendars — update", () => {
  it("changes only the fields sent, one at a time", async () => {
    const { owner, team } = await ownedWorkspace();
    const parent = await addCalendar(team);
    const created = await api(`POST ${CALENDARS}`, {
      key: owner.key,
      params: inWorkspace(team),
      body: { name: "Before", description: "Old", timeZone: "Europe/Berlin", color: "#111111", slug: "before", isPublic: false, capacity: 2 },
    });
    let current = created.body;
    const changes: Record<string, unknown>[] = [
      { name: "After" },
      { description: "New description" },
      { timeZone: "Pacific/Chatham" },
      { color: "#00ff00" },
      { slug: "after" },
      { isPublic: true },
      { capacity: 12 },
      { parentId: parent.id },
      { description: null },
      { color: null },
      { parentId: null },
    ];
    for (const change of changes) {
      const result = await api(`PUT ${CALENDAR}`, { key: owner.key, params: ofCalendar(team, created.body.id), body: change });
      expect(result.status).toBe(200);
      expect(result.body).toEqual({ ...current, ...change, updatedAt: expect.any(String) });
      expect(new Date(result.body.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(current.updatedAt).getTime());
      expect(result.body.createdAt).toBe(created.body.createdAt);
      current = result.body;
    }
    // Renaming does not re-derive the slug.
    expect(current).toMatchObject({ name: "After", slug: "after" });
    const got = await api(`GET ${CALENDAR}`, { key: owner.key, params: ofCalendar(team, created.body.id) });
    expect(got.body).toEqual(current);
  });

  it("changes several fields at once and leaves the calendar's schedules alone", async () => {
    const { owner, team } = await ownedWorkspace();
    const calendar = await addCalendar(team, { name: "Hall", capacity: 1 });
    const schedule = await addSchedule(calendar.id);
    const result = await api(`PUT ${CALENDAR}`, { key: owner.key, params: ofCalendar(team, calendar), body: { name: "Great hall", capacity: 200, isPublic: true } });
    expect(result.body).toMatchObject({ name: "Great hall", capacity: 200, isPublic: true, slug: calendar.slug, timeZone: "UTC" });
    const prisma = await getPrisma();
    expect(await prisma.calendarSchedule.findUniqueOrThrow({ where: { id: schedule.id } })).toEqual(schedule);
  });

  it("keeps its own slug when sent again", async () => {
    const { owner, team } = await ownedWorkspace();
    const calendar = await addCalendar(team, { slug: "mine" });
    const result = await api(`PUT ${CALENDAR}`, { key: owner.key, params: ofCalendar(team, calendar), body: { slug: "mine", name: "Mine" } });
    expect(result.status).toBe(200);
    expect(result.body.slug).toBe("mine");
  });

  it("sets and clears parentId, and nests calendars several levels deep", async () => {
    const { owner, team } = await ownedWorkspace();
    const building = await addCalendar(team, { name: "Building" });
    const floor = await addCalendar(team, { name: "Floor" });
    const room = await addCalendar(team, { name: "Room" });
    const put = (calendar: { id: number }, parentId: number | null) =>
      api(`PUT ${CALENDAR}`, { key: owner.key, params: ofCalendar(team, calendar), body: { parentId } });
    expect((await put(floor, building.id)).body.parentId).toBe(building.id);
    expect((await put(room, floor.id)).body.parentId).toBe(floor.id);
    // Moving a calendar to a sibling's place, and up again.
    expect((await put(room, building.id)).body.parentId).toBe(building.id);
    expect((await put(room, null)).body.parentId).toBeNull();
    const prisma = await getPrisma();
    expect((await prisma.calendar.findUniqueOrThrow({ where: { id: room.id } })).parentId).toBeNull();
    expect((await prisma.calendar.findUniqueOrThrow({ where: { id: floor.id } })).parentId).toBe(building.id);
    // A calendar may become the parent of what used to be its parent once that is no longer above it.
    expect((await put(floor, null)).status).toBe(200);
    expect((await put(building, floor.id)).body.parentId).toBe(floor.id);
  });
});
