import { getPrisma } from "@slotbase/prisma";
import { useTestDatabase } from "../../support/database";
import { api } from "../../support/api";
import { createAdmin, createCaller } from "../../support/fixtures";
import { createSchedule } from "../schedules/fixtures";

useTestDatabase();

const fields = (body: { details: { field?: string }[] }) => body.details.map((d) => d.field);

async function setup() {
  const caller = await createCaller();
  const schedule = await createSchedule(caller);
  const post = (body: object) => api("POST /v1/availabilities", { key: caller.key, body: { scheduleId: schedule.id, ...body } });
  return { caller, schedule, post };
}

describe("availabilities — errors", () => {
  it("refuses an end at or before the start with 400 naming body.endTime", async () => {
    const { post } = await setup();
    for (const [startTime, endTime] of [["17:00", "09:00"], ["09:00", "09:00"], ["00:00", "00:00"]]) {
      const result = await post({ days: [1], startTime, endTime });
      expect(result.status).toBe(400);
      expect(fields(result.body)).toContain("body.endTime");
    }
  });

  it("allows 00:00–00:00 only on a dated override that is not an unavailable block", async () => {
    const { post } = await setup();
    const result = await post({ date: "2027-05-01", startTime: "00:00", endTime: "00:00", unavailable: true });
    expect(result.status).toBe(400);
    expect(fields(result.body)).toContain("body.endTime");
  });

  it("refuses days outside 0..6, duplicates and non-integers", async () => {
    const { post } = await setup();
    const cases: [unknown, string][] = [
      [[7], "body.days.0"],
      [[1, -1], "body.days.1"],
      [[1.5], "body.days.0"],
      [[1, 1], "body.days"],
      [["1"], "body.days.0"],
      [[0, 1, 2, 3, 4, 5, 6, 0], "body.days"],
    ];
    for (const [days, field] of cases) {
      const result = await post({ days, startTime: "09:00", endTime: "17:00" });
      expect(result.status).toBe(400);
      expect(fields(result.body)).toContain(field);
    }
  });

  it("needs exactly one of days and date", async () => {
    const { post } = await setup();
    const both = await post({ days: [1], date: "2027-01-04", startTime: "09:00", endTime: "17:00" });
    expect(both.status).toBe(400);
    expect(fields(both.body)).toContain("body.date");
    const neither = await post({ startTime: "09:00", endTime: "17:00" });
    expect(neither.status).toBe(400);
    expect(fields(neither.body)).toContain("body.days");
    const empty = await post({ days: [], startTime: "09:00", endTime: "17:00" });
    expect(empty.status).toBe(400);
    expect(fields(empty.body)).toContain("body.days");
  });

  it("refuses dates that are not real dates", async () => {
    const { post } = await setup();
    for (const date of ["2027-02-30", "2027-13-01", "2027-1-5", "05/01/2027", "2027-05-01T00:00:00Z", "1969-12-31"]) {
      const result = await post({ date, startTime: "09:00", endTime: "17:00" });
      expect(result.status).toBe(400);
      expect(fields(result.body)).toContain("body.date");
    }
  });

  it("refuses times that are not times of day", async () => {
    const { post } = await setup();
    const cases: [string, string, string][] = [
      ["25:00", "26:00", "body.startTime"],
      ["9:00", "17:00", "body.startTime"],
      ["24:00", "24:00", "body.startTime"],
      ["09:00", "24:30", "body.endTime"],
      ["09:60", "17:00", "body.startTime"],
      ["09:00", "1970-01-02T17:00:00Z", "body.endTime"],
      ["09:00", "17:00:00.5", "body.endTime"],
    ];
    for (const [startTime, endTime, field] of cases) {
      const result = await post({ days: [1], startTime, endTime });
      expect(result.status).toBe(400);
      expect(fields(result.body)).toContain(field);
    }
  });

  it("requires scheduleId, startTime and endTime, and refuses unknown fields", async () => {
    const { caller } = await setup();
    const result = await api("POST /v1/availabilities", { key: caller.key, body: { days: [1], eventTypeId: 1 } });
    expect(result.status).toBe(400);
    expect(fields(result.body)).toEqual(expect.arrayContaining(["body.scheduleId", "body.startTime", "body.endTime", "body.eventTypeId"]));
  });

  it("404s a schedule that does not exist, naming body.scheduleId", async () => {
    const { post } = await setup();
    const result = await post({ scheduleId: 2_000_000_000, days: [1], startTime: "09:00", endTime: "17:00" });
    expect(result.status).toBe(404);
    expect(fields(result.body)).toContain("body.scheduleId");
    expect(result.body.message).toMatch(/2000000000/);
  });

  it("refuses a 101st rule in a schedule with 409", async () => {
    const { caller, schedule, post } = await setup();
    const prisma = await getPrisma();
    await prisma.availability.createMany({
      data: Array.from({ length: 99 }, () => ({
        scheduleId: schedule.id,
        userId: caller.user.id,
        days: [2],
        startTime: new Date("1970-01-01T09:00:00Z"),
        endTime: new Date("1970-01-01T10:00:00Z"),
      })),
    });
    const result = await post({ days: [1], startTime: "09:00", endTime: "17:00" });
    expect(result.status).toBe(409);
    expect(result.body.message).toMatch(/100/);
    expect(await prisma.availability.count({ where: { scheduleId: schedule.id } })).toBe(100);
  });

  it("PATCH checks the merged rule and changes nothing when it is invalid", async () => {
    const { caller, schedule } = await setup();
    const rule = schedule.availability[0]!;
    const patch = (body: object) => api("PATCH /v1/availabilities/{id}", { params: { id: rule.id }, key: caller.key, body });
    const cases: [object, string][] = [
      [{ endTime: "08:00" }, "body.endTime"],
      [{ startTime: "17:00" }, "body.endTime"],
      [{ days: null }, "body.days"],
      [{ days: [1], date: "2027-01-01" }, "body.date"],
      [{ date: "2027-02-29" }, "body.date"],
    ];
    for (const [body, field] of cases) {
      const result = await patch(body);
      expect(result.status).toBe(400);
      expect(fields(result.body)).toContain(field);
    }
    const empty = await patch({});
    expect(empty.status).toBe(400);
    const after = await api("GET /v1/availabilities/{id}", { params: { id: rule.id }, key: caller.key });
    expect(after.body.availability).toMatchObject({ days: [1, 2, 3, 4, 5], date: null, startTime: "09:00:00", endTime: "17:00:00" });
  });

  it("PATCH into a full schedule is a 409", async () => {
    const { caller, schedule } = await setup();
    const target = await createSchedule(caller);
    const prisma = await getPrisma();
    await prisma.availability.createMany({
      data: Array.from({ length: 99 }, () => ({
        scheduleId: target.id,
        userId: caller.user.id,
        days: [2],
        startTime: new Date("1970-01-01T09:00:00Z"),
        endTime: new Date("1970-01-01T10:00:00Z"),
      })),
    });
    const rule = schedule.availability[0]!;
    const result = await api("PATCH /v1/availabilities/{id}", { params: { id: rule.id }, key: caller.key, body: { scheduleId: target.id } });
    expect(result.status).toBe(409);
  });

  it("rejects bad ids with 400 and unknown ones with 404", async () => {
    const admin = await createAdmin();
    const bad = await api("GET /v1/availabilities/{id}", { params: { id: "x" }, key: admin.key });
    expect(bad.status).toBe(400);
    expect(fields(bad.body)).toContain("path.id");
    for (const op of ["GET", "PATCH", "DELETE"]) {
      const result = await api(`${op} /v1/availabilities/{id}`, {
        params: { id: 2_000_000_000 },
        key: admin.key,
        ...(op === "PATCH" ? { body: { endTime: "18:00" } } : {}),
      });
      expect(result.status).toBe(404);
      expect(result.body.message).toBe("Availability not found.");
    }
    const list = await api("GET /v1/availabilities", { key: admin.key, query: { scheduleId: "-1" } });
    expect(fields(list.body)).toContain("query.scheduleId");
  });
});
