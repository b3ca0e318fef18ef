import { getPrisma } from "@slotbase/prisma";
import { useTestDatabase } from "../../support/database";
import { api } from "../../support/api";
import { createAdmin, createCaller } from "../../support/fixtures";
import { createSchedule } from "./fixtures";
import { expectListPaging } from "../../support/list-paging";

useTestDatabase();

const WEEKDAYS_9_TO_5 = { days: [1, 2, 3, 4, 5], date: null, startTime: "09:00:00", endTime: "17:00:00", unavailable: false };

describe("schedules — happy paths", () => {
  it("a new schedule gets Mon–Fri 09:00–17:00, the owner's time zone, and becomes the default", async () => {
    const caller = await createCaller();
    const result = await api("POST /v1/schedules", { key: caller.key, body: { name: "Working hours" } });
    expect(result.status).toBe(201);
    expect(Object.keys(result.body).sort()).toEqual(["message", "schedule"]);
    const { schedule } = result.body;
    expect(schedule).toMatchObject({ userId: caller.user.id, name: "Working hours", timeZone: caller.user.timeZone });
    expect(schedule.availability).toEqual([{ id: expect.any(Number), userId: caller.user.id, scheduleId: schedule.id, ...WEEKDAYS_9_TO_5 }]);
    const prisma = await getPrisma();
    const user = await prisma.user.findUniqueOrThrow({ where: { id: caller.user.id } });
    expect(user.defaultScheduleId).toBe(schedule.id);
    expect((await prisma.schedule.findUniqueOrThrow({ where: { id: schedule.id } })).timeZone).toBe(caller.user.timeZone);
  });

  it("a second schedule does not replace the default", async () => {
    const caller = await createCaller();
    const first = await api("POST /v1/schedules", { key: caller.key, body: { name: "First" } });
    const second = await api("POST /v1/schedules", { key: caller.key, body: { name: "Second" } });
    expect(second.status).toBe(201);
    const prisma = await getPrisma();
    expect((await prisma.user.findUniqueOrThrow({ where: { id: caller.user.id } })).defaultScheduleId).toBe(first.body.schedule.id);
  });

  it("round-trips the Berlin example (Europe/Berlin, Mon–Fri 09:00–17:00)", async () => {
    const caller = await createCaller();
    const created = await api("POST /v1/schedules", { key: caller.key, body: { name: "Berlin office", timeZone: "Europe/Berlin" } });
    expect(created.status).toBe(201);
    expect(created.body.schedule).toMatchObject({ timeZone: "Europe/Berlin", availability: [WEEKDAYS_9_TO_5] });
    const fetched = await api("GET /v1/schedules/{id}", { params: { id: created.body.schedule.id }, key: caller.key });
    expect(fetched.status).toBe(200);
    expect(fetched.body.schedule).toEqual(created.body.schedule);
  });

  it("takes its own rules: lunch block, dated override, end of day", async () => {
    const caller = await createCaller();
    const result = await api("POST /v1/schedules", {
      key: caller.key,
      body: {
        name: "With lunch",
        timeZone: "America/New_York",
        availability: [
          { days: [1, 2, 3, 4, 5], startTime: "09:00", endTime: "17:00" },
          { days: [5, 1, 3, 2, 4], startTime: "12:00", endTime: "13:00", unavailable: true },
          { days: [6], startTime: "20:00", endTime: "24:00" },
          { date: "2027-12-24", startTime: "00:00", endTime: "00:00" },
        ],
      },
    });
    expect(result.status).toBe(201);
    expect(result.body.schedule.availability).toMatchObject([
      WEEKDAYS_9_TO_5,
      { days: [1, 2, 3, 4, 5], startTime: "12:00:00", endTime: "13:00:00", unavailable: true },
      { days: [6], startTime: "20:00:00", endTime: "23:59:59", date: null },
      { days: [], date: "2027-12-24", startTime: "00:00:00", endTime: "00:00:00", unavailable: false },
    ]);
  });

  it("availability: [] creates a schedule without rules", async () => {
    const caller = await createCaller();
    const result = await api("POST /v1/schedules", { key: caller.key, body: { name: "Empty", availability: [] } });
    expect(result.status).toBe(201);
    expect(result.body.schedule.availability).toEqual([]);
  });

  it("lists only the caller's schedules, a page at a time, by id", async () => {
    const other = await createCaller();
    await createSchedule(other);
    const caller = await createCaller();
    const mine = [await createSchedule(caller, { name: "A" }), await createSchedule(caller, { name: "B" }), await createSchedule(caller, { name: "C" })];
    const first = await api("GET /v1/schedules", { key: caller.key, query: { take: "2" } });
    const second = await api("GET /v1/schedules", { key: caller.key, query: { take: "2", page: "2" } });
    expect(first.status).toBe(200);
    expect(first.body.schedules.map((s: { id: number }) => s.id)).toEqual([mine[0]!.id, mine[1]!.id]);
    expect(second.body.schedules.map((s: { id: number }) => s.id)).toEqual([mine[2]!.id]);
    expect(first.body.schedules[0].availability).toEqual([expect.objectContaining(WEEKDAYS_9_TO_5)]);
  });

  it("an admin lists everyone's schedules and filters by userId", async () => {
    const admin = await createAdmin();
    const a = await createCaller();
    const b = await createCaller();
    const sa = await createSchedule(a);
    const sb = await createSchedule(b);
    const all = await api("GET /v1/schedules", { key: admin.key, query: { take: "100" } });
    const ids = all.body.schedules.map((s: { id: number }) => s.id);
    expect(ids).toEqual(expect.arrayContaining([sa.id, sb.id]));
    const onlyB = await api("GET /v1/schedules", { key: admin.key, query: { userId: String(b.user.id) } });
    expect(onlyB.body.schedules.map((s: { id: number }) => s.id)).toEqual([sb.id]);
  });

  it("an admin creates a schedule for another user in that user's time zone", async () => {
    const admin = await createAdmin();
    const caller = await createCaller();
    const prisma = await getPrisma();
    await prisma.user.update({ where: { id: caller.user.id }, data: { timeZone: "Asia/Kolkata" } });
    const result = await api("POST /v1/schedules", { key: admin.key, body: { name: "Theirs", userId: caller.user.id } });
    expect(result.status).toBe(201);
    expect(result.body.schedule).toMatchObject({ userId: caller.user.id, timeZone: "Asia/Kolkata" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: caller.user.id } })).defaultScheduleId).toBe(result.body.schedule.id);
  });

  it("renames a schedule and changes its time zone, keeping its rules", async () => {
    const caller = await createCaller();
    const schedule = await createSchedule(caller);
    const result = await api("PATCH /v1/schedules/{id}", {
      params: { id: schedule.id },
      key: caller.key,
      body: { name: "Summer hours", timeZone: "Asia/Calcutta" },
    });
    expect(result.status).toBe(200);
    expect(result.body.schedule).toMatchObject({ id: schedule.id, name: "Summer hours", timeZone: "Asia/Calcutta", availability: [WEEKDAYS_9_TO_5] });
  });

  it("deleting the default schedule clears the default and removes its rules", async () => {
    const caller = await createCaller();
    const created = await api("POST /v1/schedules", { key: caller.key, body: { name: "Default" } });
    const id = created.body.schedule.id;
    const result = await api("DELETE /v1/schedules/{id}", { params: { id }, key: caller.key });
    expect(result.status).toBe(200);
    expect(result.body.message).toBe(`Schedule with id: ${id} deleted successfully`);
    const prisma = await getPrisma();
    expect((await prisma.user.findUniqueOrThrow({ where: { id: caller.user.id } })).defaultScheduleId).toBeNull();
    expect(await prisma.availability.count({ where: { scheduleId: id } })).toBe(0);
    expect((await api("GET /v1/schedules/{id}", { params: { id }, key: caller.key })).status).toBe(404);
    // The next schedule becomes the default again.
    const next = await api("POST /v1/schedules", { key: caller.key, body: { name: "Next" } });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: caller.user.id } })).defaultScheduleId).toBe(next.body.schedule.id);
  });

  it("deleting another schedule leaves the default alone", async () => {
    const caller = await createCaller();
    const first = await api("POST /v1/schedules", { key: caller.key, body: { name: "Default" } });
    const second = await api("POST /v1/schedules", { key: caller.key, body: { name: "Other" } });
    expect((await api("DELETE /v1/schedules/{id}", { params: { id: second.body.schedule.id }, key: caller.key })).status).toBe(200);
    const prisma = await getPrisma();
    expect((await prisma.user.findUniqueOrThrow({ where: { id: caller.user.id } })).defaultScheduleId).toBe(first.body.schedule.id);
  });
});

describe("GET /v1/schedules list paging", () => {
  it("answers every schedule of the caller, with X-Total-Count and Link rel=next", async () => {
    const caller = await createCaller();
    const rows = [await createSchedule(caller), await createSchedule(caller), await createSchedule(caller)];
    await createSchedule(await createCaller());
    await expectListPaging("GET /v1/schedules", { key: caller.key, keyIn: "query" }, "schedules", rows.map((r) => r.id));
  });
});
