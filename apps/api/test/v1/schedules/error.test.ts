import { getPrisma } from "@slotbase/prisma";
import { useTestDatabase } from "../../support/database";
import { api } from "../../support/api";
import { createAdmin, createCaller } from "../../support/fixtures";
import { createTeam } from "../../support/teams";
import { createSchedule } from "./fixtures";

useTestDatabase();

const fields = (body: { details: { field?: string }[] }) => body.details.map((d) => d.field);

describe("schedules — errors", () => {
  it("rejects an unknown time zone with 400 naming body.timeZone", async () => {
    const caller = await createCaller();
    for (const timeZone of ["Mars/Olympus", "", "Europe/Berlin; DROP TABLE", "GMT+25"]) {
      const result = await api("POST /v1/schedules", { key: caller.key, body: { name: "x", timeZone } });
      expect(result.status).toBe(400);
      expect(fields(result.body)).toContain("body.timeZone");
    }
    const schedule = await createSchedule(caller);
    const patch = await api("PATCH /v1/schedules/{id}", { params: { id: schedule.id }, key: caller.key, body: { timeZone: "Nowhere/Land" } });
    expect(patch.status).toBe(400);
    expect(fields(patch.body)).toContain("body.timeZone");
  });

  it("requires a name of 1 to 200 characters", async () => {
    const caller = await createCaller();
    for (const body of [{}, { name: "   " }, { name: "x".repeat(201) }, { name: 42 }]) {
      const result = await api("POST /v1/schedules", { key: caller.key, body });
      expect(result.status).toBe(400);
      expect(fields(result.body)).toContain("body.name");
    }
  });

  it("refuses unknown fields (calendarId is not a v1 field)", async () => {
    const caller = await createCaller();
    const result = await api("POST /v1/schedules", { key: caller.key, body: { name: "x", calendarId: 1 } });
    expect(result.status).toBe(400);
    expect(fields(result.body)).toContain("body.calendarId");
  });

  it("names the offending rule field of a schedule body, and creates nothing", async () => {
    const caller = await createCaller();
    const cases: [object, string][] = [
      [{ days: [1], startTime: "17:00", endTime: "09:00" }, "body.availability.0.endTime"],
      [{ days: [7], startTime: "09:00", endTime: "17:00" }, "body.availability.0.days.0"],
      [{ days: [1], date: "2027-01-04", startTime: "09:00", endTime: "17:00" }, "body.availability.0.date"],
      [{ startTime: "09:00", endTime: "17:00" }, "body.availability.0.days"],
      [{ days: [1], startTime: "9am", endTime: "17:00" }, "body.availability.0.startTime"],
    ];
    for (const [rule, field] of cases) {
      const result = await api("POST /v1/schedules", { key: caller.key, body: { name: "Bad", availability: [rule] } });
      expect(result.status).toBe(400);
      expect(fields(result.body)).toContain(field);
    }
    const prisma = await getPrisma();
    expect(await prisma.schedule.count({ where: { userId: caller.user.id } })).toBe(0);
  });

  it("refuses more than 100 rules in one schedule", async () => {
    const caller = await createCaller();
    const availability = Array.from({ length: 101 }, () => ({ days: [1], startTime: "09:00", endTime: "10:00" }));
    const result = await api("POST /v1/schedules", { key: caller.key, body: { name: "Too many", availability } });
    expect(result.status).toBe(400);
    expect(fields(result.body)).toContain("body.availability");
  });

  it("refuses a 101st schedule with 409", async () => {
    const caller = await createCaller();
    const prisma = await getPrisma();
    await prisma.schedule.createMany({ data: Array.from({ length: 100 }, (_, i) => ({ userId: caller.user.id, name: `S${i}`, timeZone: "UTC" })) });
    const result = await api("POST /v1/schedules", { key: caller.key, body: { name: "One too many" } });
    expect(result.status).toBe(409);
    expect(result.body.message).toMatch(/at most 100 schedules/);
    expect(await prisma.schedule.count({ where: { userId: caller.user.id } })).toBe(100);
  });

  it("404s an admin naming a user who does not exist, naming body.userId", async () => {
    const admin = await createAdmin();
    const result = await api("POST /v1/schedules", { key: admin.key, body: { name: "Ghost", userId: 2_000_000_000 } });
    expect(result.status).toBe(404);
    expect(fields(result.body)).toContain("body.userId");
  });

  it("rejects bad ids with 400 and unknown ones with 404", async () => {
    const admin = await createAdmin();
    for (const id of ["abc", "0", "-3", "1.5", "99999999999"]) {
      const result = await api("GET /v1/schedules/{id}", { params: { id }, key: admin.key });
      expect(result.status).toBe(400);
      expect(fields(result.body)).toContain("path.id");
    }
    for (const op of ["GET", "PATCH", "DELETE"]) {
      const result = await api(`${op} /v1/schedules/{id}`, {
        params: { id: 2_000_000_000 },
        key: admin.key,
        ...(op === "PATCH" ? { body: { name: "x" } } : {}),
      });
      expect(result.status).toBe(404);
      expect(result.body.message).toBe("Schedule not found.");
    }
  });

  it("rejects an empty PATCH and bad list parameters", async () => {
    const caller = await createCaller();
    const schedule = await createSchedule(caller);
    const empty = await api("PATCH /v1/schedules/{id}", { params: { id: schedule.id }, key: caller.key, body: {} });
    expect(empty.status).toBe(400);
    const take = await api("GET /v1/schedules", { key: caller.key, query: { take: "101" } });
    expect(fields(take.body)).toContain("query.take");
    const userId = await api("GET /v1/schedules", { key: caller.key, query: { userId: "me" } });
    expect(fields(userId.body)).toContain("query.userId");
  });

  it("does not show calendar-owned schedules on v1, even to an admin", async () => {
    const admin = await createAdmin();
    const owner = await createCaller();
    const team = await createTeam(owner);
    const prisma = await getPrisma();
    const calendar = await prisma.calendar.create({ data: { teamId: team.id, name: "Room 1" } });
    const schedule = await prisma.schedule.create({ data: { calendarId: calendar.id, name: "Room hours", timeZone: "UTC" } });
    expect((await api("GET /v1/schedules/{id}", { params: { id: schedule.id }, key: admin.key })).status).toBe(404);
    const list = await api("GET /v1/schedules", { key: admin.key, query: { take: "100" } });
    expect(list.body.schedules.map((s: { id: number }) => s.id)).not.toContain(schedule.id);
  });
});
