import { getPrisma } from "@slotbase/prisma";
import { routeTable } from "../../../lib/openapi/route-table";
import { api } from "../../support/api";
import { useTestDatabase } from "../../support/database";
import { addDays, nextMonday, today } from "../../support/dates";
import { createCaller, type Caller } from "../../support/fixtures";
import { createEventType } from "../../support/scheduling";

useTestDatabase();

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
const NINE_TO_FIVE = { days: WEEKDAYS, startTime: "09:00", endTime: "17:00" };
const IN_A_MONTH = addDays(today(), 30);
const V2 = { "cal-api-version": "2024-06-11" };

const create = (caller: Caller, body: Record<string, unknown>) => api("POST /v2/schedules", { key: caller.key, headers: V2, body });
const defaultOf = async (userId: number) => (await (await getPrisma()).user.findUniqueOrThrow({ where: { id: userId } })).defaultScheduleId;

describe("/v2/schedules — what n8n's Cal node calls", () => {
  it("creates, gets, gets the default, lists, updates and deletes with a Bearer key", async () => {
    const caller = await createCaller();
    const body = {
      name: "Catch up hours",
      timeZone: "Europe/Rome",
      isDefault: true,
      availability: [
        { days: ["Monday", "Tuesday"], startTime: "17:00", endTime: "19:00" },
        { days: ["Wednesday", "Thursday"], startTime: "16:00", endTime: "20:00" },
      ],
      overrides: [{ date: IN_A_MONTH, startTime: "18:00", endTime: "21:00" }],
    };
    const created = await create(caller, body);
    expect(created.status).toBe(201);
    const id = created.body.data.id;
    const expected = { id, ownerId: caller.user.id, name: body.name, timeZone: body.timeZone, availability: body.availability, isDefault: true, overrides: body.overrides };
    expect(created.body).toEqual({ status: "success", data: expected });

    const params = { scheduleId: id };
    expect((await api("GET /v2/schedules/{scheduleId}", { params, key: caller.key, headers: V2 })).body).toEqual({ status: "success", data: expected });
    expect((await api("GET /v2/schedules/default", { key: caller.key, headers: V2 })).body).toEqual({ status: "success", data: expected });
    expect((await api("GET /v2/schedules", { key: caller.key, headers: V2 })).body).toEqual({ status: "success", data: [expected] });

    const other = await create(caller, { name: "Other", timeZone: "Europe/Berlin", isDefault: true });
    const updated = await api("PATCH /v2/schedules/{scheduleId}", {
      params,
      key: caller.key,
      headers: V2,
      body: { name: "One-on-one coaching", availability: [{ days: ["Monday", "Tuesday"], startTime: "09:00", endTime: "10:00" }] },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.data).toEqual({
      ...expected,
      name: "One-on-one coaching",
      availability: [{ days: ["Monday", "Tuesday"], startTime: "09:00", endTime: "10:00" }],
      isDefault: false,
    });

    const deleted = await api("DELETE /v2/schedules/{scheduleId}", { params, key: caller.key, headers: V2 });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ status: "success" });
    expect((await api("GET /v2/schedules/{scheduleId}", { params, key: caller.key })).status).toBe(404);
    expect((await api("GET /v2/schedules", { key: caller.key })).body.data.map((s: { id: number }) => s.id)).toEqual([other.body.data.id]);
  });

  it("serves the 2024-06-11 shape whatever the cal-api-version header says, or without it", async () => {
    const caller = await createCaller();
    const { body } = await create(caller, { name: "Hours", timeZone: "Europe/Berlin", isDefault: true });
    const variants: Record<string, string>[] = [{}, { "cal-api-version": "2024-08-13" }, { "cal-api-version": "nonsense" }];
    for (const headers of variants) {
      const result = await api("GET /v2/schedules/default", { key: caller.key, headers });
      expect(result.status).toBe(200);
      expect(result.body).toEqual(body);
    }
  });

  it("routes /v2/schedules/default to its own file, never to the {scheduleId} route", () => {
    const file = (template: string) => routeTable().find((r) => r.template === template)?.file;
    expect(file("/v2/schedules/default")).toMatch(/v2\/schedules\/default\.ts$/);
    expect(file("/v2/schedules/{scheduleId}")).toMatch(/v2\/schedules\/\[scheduleId\]\.ts$/);
  });
});

describe("POST /v2/schedules", () => {
  it("gives Monday–Friday 09:00–17:00 without availability, and no overrides", async () => {
    const caller = await createCaller();
    const result = await create(caller, { name: "Working hours", timeZone: "America/New_York", isDefault: true });
    expect(result.body.data).toMatchObject({ timeZone: "America/New_York", availability: [NINE_TO_FIVE], overrides: [] });
    const prisma = await getPrisma();
    const rules = await prisma.availability.findMany({ where: { scheduleId: result.body.data.id } });
    expect(rules.map((r) => r.days)).toEqual([[1, 2, 3, 4, 5]]);
  });

  it("takes availability: [] (no weekly hours) and a whole-day-off override", async () => {
    const caller = await createCaller();
    const off = { date: IN_A_MONTH, startTime: "00:00", endTime: "00:00" };
    const result = await create(caller, { name: "Only overrides", timeZone: "UTC", isDefault: false, availability: [], overrides: [off] });
    expect(result.status).toBe(201);
    expect(result.body.data).toMatchObject({ availability: [], overrides: [off] });
  });

  it("lists days Monday first, whatever order they were sent in", async () => {
    const caller = await createCaller();
    const result = await create(caller, { name: "Weekend too", timeZone: "UTC", isDefault: false, availability: [{ days: ["Sunday", "Friday", "Monday"], startTime: "10:00", endTime: "12:00" }] });
    expect(result.body.data.availability).toEqual([{ days: ["Monday", "Friday", "Sunday"], startTime: "10:00", endTime: "12:00" }]);
  });

  it("shows weekly rules with the same hours as one entry with all their days", async () => {
    const caller = await createCaller();
    const result = await create(caller, {
      name: "Split",
      timeZone: "UTC",
      isDefault: false,
      availability: [
        { days: ["Wednesday"], startTime: "09:00", endTime: "17:00" },
        { days: ["Saturday"], startTime: "10:00", endTime: "14:00" },
        { days: ["Monday", "Wednesday"], startTime: "09:00", endTime: "17:00" },
      ],
    });
    expect(result.body.data.availability).toEqual([
      { days: ["Monday", "Wednesday"], startTime: "09:00", endTime: "17:00" },
      { days: ["Saturday"], startTime: "10:00", endTime: "14:00" },
    ]);
  });

  it("isDefault: true moves the default; a user's first schedule is the default even with isDefault: false", async () => {
    const caller = await createCaller();
    const first = await create(caller, { name: "First", timeZone: "UTC", isDefault: false });
    expect(first.body.data.isDefault).toBe(true);
    expect(await defaultOf(caller.user.id)).toBe(first.body.data.id);
    const second = await create(caller, { name: "Second", timeZone: "UTC", isDefault: false });
    expect(second.body.data.isDefault).toBe(false);
    expect(await defaultOf(caller.user.id)).toBe(first.body.data.id);
    const third = await create(caller, { name: "Third", timeZone: "UTC", isDefault: true });
    expect(third.body.data.isDefault).toBe(true);
    expect(await defaultOf(caller.user.id)).toBe(third.body.data.id);
    const list = await api("GET /v2/schedules", { key: caller.key });
    expect(list.body.data.map((s: { name: string; isDefault: boolean }) => [s.name, s.isDefault])).toEqual([["First", false], ["Second", false], ["Third", true]]);
  });
});

describe("PATCH /v2/schedules/{scheduleId}", () => {
  const weekly = { days: ["Saturday"], startTime: "08:00", endTime: "12:00" };
  const override = { date: IN_A_MONTH, startTime: "12:00", endTime: "14:00" };

  it("replaces the weekly hours or the overrides, each only when sent", async () => {
    const caller = await createCaller();
    const { body } = await create(caller, { name: "Hours", timeZone: "UTC", isDefault: true, overrides: [override] });
    const params = { scheduleId: body.data.id };
    const patch = (patchBody: Record<string, unknown>) => api("PATCH /v2/schedules/{scheduleId}", { params, key: caller.key, body: patchBody });

    expect((await patch({ availability: [weekly] })).body.data).toMatchObject({ availability: [weekly], overrides: [override] });
    const later = { date: addDays(IN_A_MONTH, 1), startTime: "07:00", endTime: "08:30" };
    expect((await patch({ overrides: [later] })).body.data).toMatchObject({ availability: [weekly], overrides: [later] });
    expect((await patch({ name: "Renamed", timeZone: "Asia/Tokyo" })).body.data).toMatchObject({ name: "Renamed", timeZone: "Asia/Tokyo", availability: [weekly], overrides: [later] });
    expect((await patch({ overrides: [] })).body.data).toMatchObject({ availability: [weekly], overrides: [] });
    const prisma = await getPrisma();
    expect(await prisma.availability.count({ where: { scheduleId: params.scheduleId } })).toBe(1);
  });

  it("answers an empty body with the schedule unchanged, and isDefault: false leaves the default where it is", async () => {
    const caller = await createCaller();
    const { body } = await create(caller, { name: "Hours", timeZone: "UTC", isDefault: true });
    const params = { scheduleId: body.data.id };
    expect((await api("PATCH /v2/schedules/{scheduleId}", { params, key: caller.key, body: {} })).body).toEqual(body);
    const kept = await api("PATCH /v2/schedules/{scheduleId}", { params, key: caller.key, body: { isDefault: false } });
    expect(kept.body.data.isDefault).toBe(true);
    expect(await defaultOf(caller.user.id)).toBe(body.data.id);
  });

  it("replacing the weekly hours also replaces v1's unavailable blocks, which v2 never shows", async () => {
    const caller = await createCaller();
    const v1 = await api("POST /v1/schedules", {
      key: caller.key,
      body: {
        name: "With lunch",
        timeZone: "Europe/Berlin",
        availability: [
          { days: [1, 2, 3, 4, 5], startTime: "09:00", endTime: "24:00" },
          { days: [1, 2, 3, 4, 5], startTime: "12:00", endTime: "13:00", unavailable: true },
          { date: IN_A_MONTH, startTime: "10:00:30", endTime: "11:00" },
        ],
      },
    });
    const params = { scheduleId: v1.body.schedule.id };
    const shown = await api("GET /v2/schedules/{scheduleId}", { params, key: caller.key });
    // Hours and minutes only, as Cal.com shows them; the stored end of day (23:59:59) is 23:59.
    expect(shown.body.data).toMatchObject({
      availability: [{ days: WEEKDAYS, startTime: "09:00", endTime: "23:59" }],
      overrides: [{ date: IN_A_MONTH, startTime: "10:00", endTime: "11:00" }],
    });
    await api("PATCH /v2/schedules/{scheduleId}", { params, key: caller.key, body: { availability: [NINE_TO_FIVE] } });
    const prisma = await getPrisma();
    const rules = await prisma.availability.findMany({ where: { scheduleId: params.scheduleId }, orderBy: { id: "asc" } });
    expect(rules.map((r) => ({ days: r.days, dated: r.date !== null, unavailable: r.unavailable }))).toEqual([
      { days: [], dated: true, unavailable: false },
      { days: [1, 2, 3, 4, 5], dated: false, unavailable: false },
    ]);
  });

  it("shows the owner's time zone for a schedule without one of its own", async () => {
    const caller = await createCaller();
    const prisma = await getPrisma();
    const schedule = await prisma.schedule.create({ data: { userId: caller.user.id, name: "Zoneless", timeZone: null } });
    const result = await api("GET /v2/schedules/{scheduleId}", { params: { scheduleId: schedule.id }, key: caller.key });
    expect(result.body.data).toMatchObject({ timeZone: caller.user.timeZone, availability: [], overrides: [], isDefault: false });
  });
});

describe("DELETE /v2/schedules/{scheduleId}", () => {
  it("deletes the old default once another schedule is made the default", async () => {
    const caller = await createCaller();
    const first = await create(caller, { name: "First", timeZone: "UTC", isDefault: true });
    const second = await create(caller, { name: "Second", timeZone: "UTC", isDefault: false });
    await api("PATCH /v2/schedules/{scheduleId}", { params: { scheduleId: second.body.data.id }, key: caller.key, body: { isDefault: true } });
    const deleted = await api("DELETE /v2/schedules/{scheduleId}", { params: { scheduleId: first.body.data.id }, key: caller.key });
    expect(deleted.status).toBe(200);
    expect((await api("GET /v2/schedules/default", { key: caller.key })).body.data.id).toBe(second.body.data.id);
  });
});

describe("v2 schedules drive availability", () => {
  it("an event type without a schedule of its own is booked on the default's hours and overrides", async () => {
    const monday = nextMonday();
    const tuesday = addDays(monday, 1);
    const host = await createCaller();
    await create(host, {
      name: "Mornings",
      timeZone: "Europe/Berlin",
      isDefault: true,
      availability: [{ days: ["Monday", "Tuesday"], startTime: "10:00", endTime: "12:00" }],
      overrides: [{ date: tuesday, startTime: "00:00", endTime: "00:00" }],
    });
    const eventType = await createEventType(host.user.id);
    const slots = await api("GET /v2/slots", { key: host.key, query: { eventTypeId: String(eventType.id), start: monday, end: tuesday, timeZone: "Europe/Berlin" } });
    expect(slots.status).toBe(200);
    expect(Object.keys(slots.body.data)).toEqual([monday]);
    expect(slots.body.data[monday].map((s: { start: string }) => s.start.slice(11, 16))).toEqual(["10:00", "10:30", "11:00", "11:30"]);
  });
});
