import { getPrisma } from "@slotbase/prisma";
import { api } from "../../support/api";
import { useTestDatabase } from "../../support/database";
import { addDays, today } from "../../support/dates";
import { createCaller, type Caller } from "../../support/fixtures";

useTestDatabase();

const fields = (result: { body: { error: { details: { field?: string }[] } } }) => result.body.error.details.map((d) => d.field);
const VALID = { name: "Hours", timeZone: "Europe/Berlin", isDefault: true };
const IN_A_MONTH = addDays(today(), 30);

const create = (caller: Caller, body: unknown) => api("POST /v2/schedules", { key: caller.key, body });
const scheduleCount = async (userId: number) => (await getPrisma()).schedule.count({ where: { userId } });

describe("POST /v2/schedules — bad input", () => {
  it("wants name, timeZone and isDefault, as Cal.com does, and names each in v2's error shape", async () => {
    const caller = await createCaller();
    const result = await create(caller, {});
    expect(result.status).toBe(400);
    expect(result.body.status).toBe("error");
    expect(fields(result)).toEqual(expect.arrayContaining(["body.name", "body.timeZone", "body.isDefault"]));
    expect(await scheduleCount(caller.user.id)).toBe(0);
  });

  it("refuses times that are not HH:mm from 00:00 to 23:59, unknown days and repeated days", async () => {
    const caller = await createCaller();
    const cases: [Record<string, unknown>, string][] = [
      [{ days: ["Monday"], startTime: "9:00", endTime: "17:00" }, "body.availability.0.startTime"],
      [{ days: ["Monday"], startTime: "09:00", endTime: "24:00" }, "body.availability.0.endTime"],
      [{ days: ["Monday"], startTime: "09:00:00", endTime: "17:00" }, "body.availability.0.startTime"],
      [{ days: ["Monday"], startTime: "09:00", endTime: "17:60" }, "body.availability.0.endTime"],
      [{ days: ["Funday"], startTime: "09:00", endTime: "17:00" }, "body.availability.0.days.0"],
      [{ days: [1], startTime: "09:00", endTime: "17:00" }, "body.availability.0.days.0"],
      [{ days: ["Monday", "Monday"], startTime: "09:00", endTime: "17:00" }, "body.availability.0.days"],
      [{ days: [], startTime: "09:00", endTime: "17:00" }, "body.availability.0.days"],
      [{ days: ["Monday"], startTime: "09:00", endTime: "17:00", unavailable: true }, "body.availability.0.unavailable"],
    ];
    for (const [rule, field] of cases) {
      const result = await create(caller, { ...VALID, availability: [rule] });
      expect([result.status, fields(result)]).toEqual([400, [field]]);
    }
    expect(await scheduleCount(caller.user.id)).toBe(0);
  });

  it("refuses an end that is not after the start, and creates nothing", async () => {
    const caller = await createCaller();
    const result = await create(caller, {
      ...VALID,
      availability: [
        { days: ["Monday"], startTime: "09:00", endTime: "17:00" },
        { days: ["Tuesday"], startTime: "17:00", endTime: "09:00" },
      ],
    });
    expect(result.status).toBe(400);
    expect(fields(result)).toEqual(["body.availability.1.endTime"]);
    expect(await scheduleCount(caller.user.id)).toBe(0);
  });

  it("refuses an override on a date that does not exist, or with a day list", async () => {
    const caller = await createCaller();
    const impossible = await create(caller, { ...VALID, overrides: [{ date: `${IN_A_MONTH.slice(0, 4)}-02-30`, startTime: "10:00", endTime: "11:00" }] });
    expect([impossible.status, fields(impossible)]).toEqual([400, ["body.overrides.0.date"]]);
    const withDays = await create(caller, { ...VALID, overrides: [{ date: IN_A_MONTH, days: ["Monday"], startTime: "10:00", endTime: "11:00" }] });
    expect([withDays.status, fields(withDays)]).toEqual([400, ["body.overrides.0.days"]]);
    const unknownZone = await create(caller, { ...VALID, timeZone: "Mars/Olympus" });
    expect([unknownZone.status, fields(unknownZone)]).toEqual([400, ["body.timeZone"]]);
    expect(await scheduleCount(caller.user.id)).toBe(0);
  });
});

describe("PATCH /v2/schedules/{scheduleId} — bad input", () => {
  it("changes nothing at all when one entry is invalid", async () => {
    const caller = await createCaller();
    const created = await create(caller, VALID);
    const params = { scheduleId: created.body.data.id };
    const result = await api("PATCH /v2/schedules/{scheduleId}", {
      params,
      key: caller.key,
      body: {
        name: "Renamed",
        availability: [{ days: ["Saturday"], startTime: "08:00", endTime: "12:00" }],
        overrides: [
          { date: IN_A_MONTH, startTime: "10:00", endTime: "11:00" },
          { date: addDays(IN_A_MONTH, 1), startTime: "11:00", endTime: "10:00" },
        ],
      },
    });
    expect(result.status).toBe(400);
    expect(fields(result)).toEqual(["body.overrides.1.endTime"]);
    expect((await api("GET /v2/schedules/{scheduleId}", { params, key: caller.key })).body).toEqual(created.body);
  });

  it("refuses more than 100 rules in all, and rolls the replacement back", async () => {
    const caller = await createCaller();
    const created = await create(caller, VALID);
    const params = { scheduleId: created.body.data.id };
    const rules = (n: number) => Array.from({ length: n }, (_, i) => ({ date: addDays(IN_A_MONTH, i), startTime: "10:00", endTime: "11:00" }));
    const weekly = Array.from({ length: 60 }, () => ({ days: ["Monday"], startTime: "09:00", endTime: "10:00" }));
    const result = await api("PATCH /v2/schedules/{scheduleId}", { params, key: caller.key, body: { availability: weekly, overrides: rules(60) } });
    expect(result.status).toBe(400);
    expect(fields(result)).toEqual(["body.overrides"]);
    expect((await api("GET /v2/schedules/{scheduleId}", { params, key: caller.key })).body).toEqual(created.body);
  });

  it("refuses unknown fields, naming them", async () => {
    const caller = await createCaller();
    const created = await create(caller, VALID);
    const result = await api("PATCH /v2/schedules/{scheduleId}", { params: { scheduleId: created.body.data.id }, key: caller.key, body: { ownerId: 1, name: "x" } });
    expect([result.status, fields(result)]).toEqual([400, ["body.ownerId"]]);
  });
});

describe("/v2/schedules — ids, defaults, methods", () => {
  it("answers a malformed id 400 and an unknown one 404", async () => {
    const caller = await createCaller();
    const bad = await api("GET /v2/schedules/{scheduleId}", { params: { scheduleId: "abc" }, key: caller.key });
    expect([bad.status, fields(bad)]).toEqual([400, ["path.scheduleId"]]);
    const missing = await api("GET /v2/schedules/{scheduleId}", { params: { scheduleId: 2_000_000_000 }, key: caller.key });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("not_found");
  });

  it("answers 404 for the default schedule of a user who has none", async () => {
    const caller = await createCaller();
    const result = await api("GET /v2/schedules/default", { key: caller.key });
    expect(result.status).toBe(404);
    expect(result.body.status).toBe("error");
    expect(result.body.error.message).toMatch(/Default schedule not found/);
  });

  it("refuses to delete the default schedule (409) and keeps it", async () => {
    const caller = await createCaller();
    const created = await create(caller, VALID);
    const params = { scheduleId: created.body.data.id };
    const result = await api("DELETE /v2/schedules/{scheduleId}", { params, key: caller.key });
    expect(result.status).toBe(409);
    expect(result.body.error.code).toBe("conflict");
    expect(result.body.error.message).toMatch(/default schedule: make another schedule the default first/);
    expect(fields(result)).toEqual(["path.scheduleId"]);
    expect((await api("GET /v2/schedules/default", { key: caller.key })).body.data.id).toBe(params.scheduleId);
  });

  it("refuses a body that is not JSON, and answers other methods 405 in v2's error shape", async () => {
    const caller = await createCaller();
    const malformed = await api("POST /v2/schedules", { key: caller.key, body: "{not json", headers: { "content-type": "application/json" } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.status).toBe("error");
    const put = await api("PUT /v2/schedules/{scheduleId}", { params: { scheduleId: 1 }, key: caller.key, unchecked: true });
    expect(put.status).toBe(405);
    expect(put.body.status).toBe("error");
    const postDefault = await api("POST /v2/schedules/default", { key: caller.key, unchecked: true });
    expect(postDefault.status).toBe(405);
  });
});
