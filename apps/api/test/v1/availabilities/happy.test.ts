import { getPrisma } from "@slotbase/prisma";
import { useTestDatabase } from "../../support/database";
import { api } from "../../support/api";
import { createAdmin, createCaller } from "../../support/fixtures";
import { createSchedule } from "../schedules/fixtures";
import { expectListPaging } from "../../support/list-paging";

useTestDatabase();

describe("availabilities — happy paths", () => {
  it("adds a weekly rule to the caller's schedule", async () => {
    const caller = await createCaller();
    const schedule = await createSchedule(caller);
    const result = await api("POST /v1/availabilities", {
      key: caller.key,
      body: { scheduleId: schedule.id, days: [0, 6], startTime: "10:00", endTime: "14:30" },
    });
    expect(result.status).toBe(201);
    expect(result.body.availability).toEqual({
      id: expect.any(Number),
      userId: caller.user.id,
      scheduleId: schedule.id,
      days: [0, 6],
      date: null,
      startTime: "10:00:00",
      endTime: "14:30:00",
      unavailable: false,
    });
    const fetched = await api("GET /v1/availabilities/{id}", { params: { id: result.body.availability.id }, key: caller.key });
    expect(fetched.body.availability).toEqual(result.body.availability);
  });

  it("stores a lunch block (unavailable, Mon–Fri 12:00–13:00) that the schedule shows", async () => {
    const caller = await createCaller();
    const schedule = await createSchedule(caller);
    const result = await api("POST /v1/availabilities", {
      key: caller.key,
      body: { scheduleId: schedule.id, days: [1, 2, 3, 4, 5], startTime: "12:00", endTime: "13:00", unavailable: true },
    });
    expect(result.status).toBe(201);
    expect(result.body.availability).toMatchObject({ days: [1, 2, 3, 4, 5], startTime: "12:00:00", endTime: "13:00:00", unavailable: true });
    const shown = await api("GET /v1/schedules/{id}", { params: { id: schedule.id }, key: caller.key });
    expect(shown.body.schedule.availability).toHaveLength(2);
    expect(shown.body.schedule.availability[1]).toEqual(result.body.availability);
  });

  it("stores dated overrides, including 00:00–00:00 (the whole date unavailable)", async () => {
    const caller = await createCaller();
    const schedule = await createSchedule(caller);
    const short = await api("POST /v1/availabilities", {
      key: caller.key,
      body: { scheduleId: schedule.id, date: "2027-12-24", startTime: "09:00", endTime: "12:00" },
    });
    expect(short.status).toBe(201);
    expect(short.body.availability).toMatchObject({ date: "2027-12-24", days: [], startTime: "09:00:00", endTime: "12:00:00" });
    const off = await api("POST /v1/availabilities", {
      key: caller.key,
      body: { scheduleId: schedule.id, date: "2028-02-29", days: [], startTime: "00:00", endTime: "00:00" },
    });
    expect(off.status).toBe(201);
    expect(off.body.availability).toMatchObject({ date: "2028-02-29", startTime: "00:00:00", endTime: "00:00:00" });
  });

  it("reads 24:00 as the end of the day, stored and shown as 23:59:59", async () => {
    const caller = await createCaller();
    const schedule = await createSchedule(caller);
    for (const endTime of ["24:00", "24:00:00", "23:59:59"]) {
      const result = await api("POST /v1/availabilities", {
        key: caller.key,
        body: { scheduleId: schedule.id, days: [5], startTime: "18:00", endTime },
      });
      expect(result.status).toBe(201);
      expect(result.body.availability.endTime).toBe("23:59:59");
    }
    const prisma = await getPrisma();
    const rows = await prisma.availability.findMany({ where: { scheduleId: schedule.id, days: { equals: [5] } } });
    expect(rows.map((row) => row.endTime.toISOString())).toEqual(Array(3).fill("1970-01-01T23:59:59.000Z"));
  });

  it("accepts HH:mm:ss and Cal.com's 1970-01-01THH:mm:ss.sssZ times", async () => {
    const caller = await createCaller();
    const schedule = await createSchedule(caller);
    const result = await api("POST /v1/availabilities", {
      key: caller.key,
      body: { scheduleId: schedule.id, days: [3], startTime: "1970-01-01T08:15:00.000Z", endTime: "16:45:30" },
    });
    expect(result.status).toBe(201);
    expect(result.body.availability).toMatchObject({ startTime: "08:15:00", endTime: "16:45:30" });
  });

  it("lists the caller's rules by id, a page at a time, optionally for one schedule", async () => {
    const other = await createCaller();
    await createSchedule(other);
    const caller = await createCaller();
    const first = await createSchedule(caller);
    const second = await createSchedule(caller);
    const all = await api("GET /v1/availabilities", { key: caller.key });
    expect(all.status).toBe(200);
    expect(all.body.availabilities.map((a: { id: number }) => a.id)).toEqual([first.availability[0]!.id, second.availability[0]!.id]);
    const page2 = await api("GET /v1/availabilities", { key: caller.key, query: { take: "1", page: "2" } });
    expect(page2.body.availabilities.map((a: { id: number }) => a.id)).toEqual([second.availability[0]!.id]);
    const filtered = await api("GET /v1/availabilities", { key: caller.key, query: { scheduleId: String(second.id) } });
    expect(filtered.body.availabilities.map((a: { scheduleId: number }) => a.scheduleId)).toEqual([second.id]);
  });

  it("PATCH changes only what it sends", async () => {
    const caller = await createCaller();
    const rule = (await createSchedule(caller)).availability[0]!;
    const result = await api("PATCH /v1/availabilities/{id}", { params: { id: rule.id }, key: caller.key, body: { endTime: "18:00" } });
    expect(result.status).toBe(200);
    expect(result.body.availability).toMatchObject({ days: [1, 2, 3, 4, 5], date: null, startTime: "09:00:00", endTime: "18:00:00", unavailable: false });
  });

  it("PATCH switches a weekly rule to a dated one and back", async () => {
    const caller = await createCaller();
    const rule = (await createSchedule(caller)).availability[0]!;
    const params = { id: rule.id };
    const dated = await api("PATCH /v1/availabilities/{id}", { params, key: caller.key, body: { date: "2027-06-01" } });
    expect(dated.status).toBe(200);
    expect(dated.body.availability).toMatchObject({ days: [], date: "2027-06-01", startTime: "09:00:00", endTime: "17:00:00" });
    const weekly = await api("PATCH /v1/availabilities/{id}", { params, key: caller.key, body: { days: [2], date: null } });
    expect(weekly.status).toBe(200);
    expect(weekly.body.availability).toMatchObject({ days: [2], date: null });
    const implicit = await api("PATCH /v1/availabilities/{id}", { params, key: caller.key, body: { date: "2027-06-02" } });
    const back = await api("PATCH /v1/availabilities/{id}", { params, key: caller.key, body: { days: [4] } });
    expect(implicit.body.availability.days).toEqual([]);
    expect(back.body.availability).toMatchObject({ days: [4], date: null });
  });

  it("PATCH keeps a 24:00 end valid when only the start changes", async () => {
    const caller = await createCaller();
    const schedule = await createSchedule(caller);
    const created = await api("POST /v1/availabilities", {
      key: caller.key,
      body: { scheduleId: schedule.id, days: [6], startTime: "20:00", endTime: "24:00" },
    });
    const result = await api("PATCH /v1/availabilities/{id}", {
      params: { id: created.body.availability.id },
      key: caller.key,
      body: { startTime: "23:00" },
    });
    expect(result.status).toBe(200);
    expect(result.body.availability).toMatchObject({ startTime: "23:00:00", endTime: "23:59:59" });
  });

  it("PATCH moves a rule to another of the caller's schedules", async () => {
    const caller = await createCaller();
    const rule = (await createSchedule(caller)).availability[0]!;
    const target = await createSchedule(caller);
    const result = await api("PATCH /v1/availabilities/{id}", { params: { id: rule.id }, key: caller.key, body: { scheduleId: target.id } });
    expect(result.status).toBe(200);
    expect(result.body.availability.scheduleId).toBe(target.id);
  });

  it("deletes a rule", async () => {
    const caller = await createCaller();
    const rule = (await createSchedule(caller)).availability[0]!;
    const result = await api("DELETE /v1/availabilities/{id}", { params: { id: rule.id }, key: caller.key });
    expect(result.status).toBe(200);
    expect(result.body.message).toBe(`Availability with id: ${rule.id} deleted successfully`);
    expect((await api("GET /v1/availabilities/{id}", { params: { id: rule.id }, key: caller.key })).status).toBe(404);
  });

  it("an admin adds a rule to anyone's schedule; it belongs to the schedule's owner", async () => {
    const admin = await createAdmin();
    const owner = await createCaller();
    const schedule = await createSchedule(owner);
    const result = await api("POST /v1/availabilities", {
      key: admin.key,
      body: { scheduleId: schedule.id, days: [6], startTime: "10:00", endTime: "12:00" },
    });
    expect(result.status).toBe(201);
    expect(result.body.availability).toMatchObject({ userId: owner.user.id, scheduleId: schedule.id });
    const list = await api("GET /v1/availabilities", { key: admin.key, query: { scheduleId: String(schedule.id) } });
    expect(list.body.availabilities).toHaveLength(2);
  });
});

describe("GET /v1/availabilities list paging", () => {
  it("answers every rule of the caller's schedules, with the scheduleId filter kept in the Link", async () => {
    const caller = await createCaller();
    const schedules = [await createSchedule(caller), await createSchedule(caller), await createSchedule(caller)];
    await createSchedule(await createCaller()); // not the caller's
    const rules = schedules.flatMap((s) => s.availability.map((a) => a.id));
    await expectListPaging("GET /v1/availabilities", { key: caller.key }, "availabilities", rules);
    const one = schedules[1]!;
    await expectListPaging("GET /v1/availabilities", { key: caller.key, query: { scheduleId: String(one.id) } }, "availabilities", one.availability.map((a) => a.id));
  });
});
