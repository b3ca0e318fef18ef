import { useTestDatabase } from "../../support/database";
import { api } from "../../support/api";
import { createAdmin, createCaller } from "../../support/fixtures";
import { createSchedule } from "../../support/scheduling";
import { createTeam } from "../../support/teams";
import { berlin, nextMonday } from "../../support/dates";
import { idOf, selectedCalendar, selectedRows } from "./fixtures";
import { expectListPaging, LIST_ALL_CAP, nextLink, totalCount, walkList } from "../../support/list-paging";
import { getPrisma } from "@slotbase/prisma";

useTestDatabase();

const MON = nextMonday();
const MONDAY = { dateFrom: MON, dateTo: MON, timeZone: "Europe/Berlin" };

describe("selected calendars — happy paths", () => {
  it("lives through create, list, get, edit and delete with Cal.com's envelopes and ids", async () => {
    const caller = await createCaller();
    const created = await api("POST /v1/selected-calendars", { key: caller.key, body: { integration: " google_calendar ", externalId: " alex@example.com " } });
    expect(created.status).toBe(201);
    const row = { userId: caller.user.id, integration: "google_calendar", externalId: "alex@example.com" };
    expect(created.body).toEqual({ selected_calendar: row, message: "Selected Calendar created successfully" });

    const list = await api("GET /v1/selected-calendars", { key: caller.key });
    expect(list.status).toBe(200);
    expect(list.body).toEqual({ selected_calendars: [row] });

    const id = idOf(row);
    const fetched = await api("GET /v1/selected-calendars/{id}", { params: { id }, key: caller.key });
    expect(fetched.status).toBe(200);
    expect(fetched.body).toEqual({ selected_calendar: row });

    const edited = await api("PATCH /v1/selected-calendars/{id}", { params: { id }, key: caller.key, body: { externalId: "work@example.com" } });
    expect(edited.status).toBe(200);
    const moved = { ...row, externalId: "work@example.com" };
    expect(edited.body).toEqual({ selected_calendar: moved });
    expect((await api("GET /v1/selected-calendars/{id}", { params: { id }, key: caller.key })).status).toBe(404);
    expect((await api("GET /v1/selected-calendars/{id}", { params: { id: idOf(moved) }, key: caller.key })).body).toEqual({ selected_calendar: moved });

    const deleted = await api("DELETE /v1/selected-calendars/{id}", { params: { id: idOf(moved) }, key: caller.key });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ message: `Selected Calendar with id: ${idOf(moved)} deleted successfully` });
    expect(await selectedRows(caller.user.id)).toEqual([]);
  });

  it("reads ids the way Cal.com does: integration up to the first _calendar_, externalId with underscores and all", async () => {
    const caller = await createCaller();
    const cases = [
      { integration: "google_calendar", externalId: "c_1a2b_group@group.calendar.google.com" },
      // Cal.com cut this one short at its second _calendar_; it reads back whole here.
      { integration: "google_calendar", externalId: "team_calendar_sales" },
      { integration: "hubspot_other_calendar", externalId: "owner_42" },
      // An integration not named <app>_calendar (Cal.com could not address it) ends at the next _.
      { integration: "caldav", externalId: "https://dav.example.com/calendars/alex/work_2/" },
    ];
    for (const body of cases) {
      const created = await api("POST /v1/selected-calendars", { key: caller.key, body });
      expect(created.status).toBe(201);
      const row = { userId: caller.user.id, ...body };
      const fetched = await api("GET /v1/selected-calendars/{id}", { params: { id: idOf(row) }, key: caller.key });
      expect(fetched.status).toBe(200);
      expect(fetched.body.selected_calendar).toEqual(row);
    }
    const list = await api("GET /v1/selected-calendars", { key: caller.key });
    expect(list.body.selected_calendars.map((c: { integration: string }) => c.integration)).toEqual(["caldav", "google_calendar", "google_calendar", "hubspot_other_calendar"]);
  });

  it("pages the list and keeps it in order of user, integration and externalId", async () => {
    const caller = await createCaller();
    await selectedCalendar(caller, { integration: "office365_calendar", externalId: "b" });
    await selectedCalendar(caller, { integration: "google_calendar", externalId: "b" });
    await selectedCalendar(caller, { integration: "google_calendar", externalId: "a" });
    const page1 = await api("GET /v1/selected-calendars", { key: caller.key, query: { take: "2" } });
    expect(page1.body.selected_calendars.map((c: { integration: string; externalId: string }) => `${c.integration}/${c.externalId}`)).toEqual(["google_calendar/a", "google_calendar/b"]);
    const page2 = await api("GET /v1/selected-calendars", { key: caller.key, query: { take: "2", page: "2" } });
    expect(page2.body.selected_calendars).toEqual([{ userId: caller.user.id, integration: "office365_calendar", externalId: "b" }]);
  });

  it("lets an admin select, list, move and remove anyone's", async () => {
    const admin = await createAdmin();
    const owner = await createCaller();
    const other = await createCaller();
    const created = await api("POST /v1/selected-calendars", { key: admin.key, body: { integration: "google_calendar", externalId: "o@example.com", userId: owner.user.id } });
    expect(created.status).toBe(201);
    expect(created.body.selected_calendar.userId).toBe(owner.user.id);
    const listed = await api("GET /v1/selected-calendars", { key: admin.key, query: { userId: String(owner.user.id) } });
    expect(listed.body.selected_calendars).toEqual([created.body.selected_calendar]);
    const moved = await api("PATCH /v1/selected-calendars/{id}", { params: { id: idOf(created.body.selected_calendar) }, key: admin.key, body: { userId: other.user.id } });
    expect(moved.body.selected_calendar).toEqual({ ...created.body.selected_calendar, userId: other.user.id });
    expect(await selectedRows(owner.user.id)).toEqual([]);
    expect((await api("DELETE /v1/selected-calendars/{id}", { params: { id: idOf(moved.body.selected_calendar) }, key: admin.key })).status).toBe(200);
    expect(await selectedRows(other.user.id)).toEqual([]);
  });
});

describe("selected calendars in GET /v1/availability", () => {
  it("lists the user's selected calendars as sources; they add no busy time", async () => {
    const user = await createCaller();
    await createSchedule(user.user.id, "Europe/Berlin");
    const before = await api("GET /v1/availability", { key: user.key, query: { ...MONDAY, userId: String(user.user.id) } });
    expect(before.status).toBe(200);
    expect(before.body.selectedCalendars).toEqual([]);
    await selectedCalendar(user, { integration: "office365_calendar", externalId: "work@example.com" });
    await selectedCalendar(user, { integration: "google_calendar", externalId: "alex@example.com" });
    const after = await api("GET /v1/availability", { key: user.key, query: { ...MONDAY, userId: String(user.user.id) } });
    expect(after.body.selectedCalendars).toEqual([
      { integration: "google_calendar", externalId: "alex@example.com" },
      { integration: "office365_calendar", externalId: "work@example.com" },
    ]);
    expect(after.body.busy).toEqual([]);
    expect(after.body.dateRanges).toEqual([{ start: berlin(MON, "09:00"), end: berlin(MON, "17:00") }]);
    expect({ ...after.body, selectedCalendars: [] }).toEqual(before.body);
  });

  it("shows them to the user and admins only, for users and for each team member", async () => {
    const owner = await createCaller();
    const member = await createCaller();
    const admin = await createAdmin();
    const team = await createTeam(owner, [{ caller: member }]);
    await selectedCalendar(owner, { externalId: "owner@example.com" });
    await selectedCalendar(member, { externalId: "member@example.com" });

    const bySomeoneElse = await api("GET /v1/availability", { key: member.key, query: { ...MONDAY, userId: String(owner.user.id) } });
    expect(bySomeoneElse.status).toBe(200);
    expect(bySomeoneElse.body).not.toHaveProperty("selectedCalendars");
    const byAdmin = await api("GET /v1/availability", { key: admin.key, query: { ...MONDAY, username: owner.user.username! } });
    expect(byAdmin.body.selectedCalendars).toEqual([{ integration: "google_calendar", externalId: "owner@example.com" }]);

    const teamView = await api("GET /v1/availability", { key: owner.key, query: { ...MONDAY, teamId: String(team.id) } });
    expect(teamView.status).toBe(200);
    const byUser = new Map(teamView.body.map((m: { userId: number; availability: object }) => [m.userId, m.availability]));
    expect(byUser.get(owner.user.id)).toMatchObject({ selectedCalendars: [{ integration: "google_calendar", externalId: "owner@example.com" }] });
    // The team's OWNER sees a member's busy titles, not which calendars they read.
    expect(byUser.get(member.user.id)).not.toHaveProperty("selectedCalendars");
  });
});

describe("GET /v1/selected-calendars list paging", () => {
  it("answers every selected calendar of the caller, with X-Total-Count and Link rel=next", async () => {
    const caller = await createCaller();
    for (let i = 0; i < 3; i += 1) await selectedCalendar(caller);
    await selectedCalendar(await createCaller());
    const expected = (await selectedRows(caller.user.id)).map(idOf);
    await expectListPaging("GET /v1/selected-calendars", { key: caller.key }, "selected_calendars", expected, (row) => idOf(row as never));
  });
});

describe("GET /v1/selected-calendars beyond the list cap", () => {
  it(`answers the first ${LIST_ALL_CAP} rows without take and page, counts them all, and links to the rest`, async () => {
    const caller = await createCaller();
    const prisma = await getPrisma();
    const extra = 5;
    await prisma.selectedCalendar.createMany({
      data: Array.from({ length: LIST_ALL_CAP + extra }, (_, i) => ({ userId: caller.user.id, integration: "google_calendar", externalId: `cal-${String(i).padStart(5, "0")}@example.com` })),
    });
    const expected = (await selectedRows(caller.user.id)).map(idOf);
    const pages = await walkList("GET /v1/selected-calendars", { key: caller.key, keyIn: "query", query: { userId: String(caller.user.id) } });
    const rows = (page: (typeof pages)[number]) => (page.body.selected_calendars as Parameters<typeof idOf>[0][]).map(idOf);
    expect(pages).toHaveLength(2);
    expect(rows(pages[0]!)).toHaveLength(LIST_ALL_CAP);
    expect(totalCount(pages[0]!)).toBe(LIST_ALL_CAP + extra);
    // The rest, in pages of 100 starting right after the cap, the filter kept and the key left out.
    expect(nextLink(pages[0]!)).toBe(`/v1/selected-calendars?userId=${caller.user.id}&take=100&page=${LIST_ALL_CAP / 100 + 1}`);
    expect(rows(pages[1]!)).toHaveLength(extra);
    expect(pages.flatMap(rows)).toEqual(expected);
  });
});

