import { getPrisma } from "@slotbase/prisma";
import { api, type ApiResult } from "../../support/api";
import { useTestDatabase } from "../../support/database";
import { addDays, today } from "../../support/dates";
import { createCaller } from "../../support/fixtures";
import {
  addCalendar,
  addSchedule,
  createWorkspace,
  errorFields,
  expectWorkspaceError,
  ofCalendar,
  ofSchedule,
  SCHEDULE,
  SCHEDULES,
  workspaceSnapshot,
} from "../../support/workspaces";

useTestDatabase();

const START = addDays(today(), 7);
const WEEKLY = { name: "Hours", recurrence: "weekly", startTime: "09:00", endTime: "17:00", daysOfWeek: [1, 2, 3, 4, 5], startDate: START };
const DAILY = { name: "Daily", recurrence: "daily", startTime: "09:00", endTime: "17:00", startDate: START };
const MONTHLY = { name: "Monthly", recurrence: "monthly", startTime: "09:00", endTime: "17:00", dayOfMonth: 15, startDate: START };

async function calendarOfOwner() {
  const owner = await createCaller();
  const team = await createWorkspace(owner);
  const calendar = await addCalendar(team);
  return { owner, team, calendar };
}
type Setup = Awaited<ReturnType<typeof calendarOfOwner>>;

const create = ({ owner, team, calendar }: Setup, body: unknown) => api(`POST ${SCHEDULES}`, { key: owner.key, params: ofCalendar(team, calendar), body });
const update = ({ owner, team, calendar }: Setup, scheduleId: number, body: unknown) =>
  api(`PUT ${SCHEDULE}`, { key: owner.key, params: ofSchedule(team, calendar, scheduleId), body });

/** A 400 in this surface's shape whose details name exactly these fields (each with a rule). */
function expectInvalid(result: ApiResult, ...fields: string[]) {
  const error = expectWorkspaceError(result, 400, "validation_error");
  expect([...new Set(errorFields(result))].sort()).toEqual([...fields].sort());
  for (const detail of error.details) expect(detail).toEqual({ field: expect.any(String), rule: expect.any(String), message: expect.any(String) });
  return error;
}

const ruleOf = (result: ApiResult, field: string) => result.body.error.details.find((d: { field: string }) => d.field === field)?.rule;

describe("calendar schedules — invalid create bodies (400 naming the field, nothing created)", () => {
  let setup: Setup;
  beforeAll(async () => {
    setup = await calendarOfOwner();
  });
  afterEach(async () => {
    const prisma = await getPrisma();
    expect(await prisma.calendarSchedule.count({ where: { calendarId: setup.calendar.id } })).toBe(0);
  });

  it("requires name, recurrence, startTime, endTime and startDate", async () => {
    for (const field of ["name", "recurrence", "startTime", "endTime", "startDate"] as const) {
      const { [field]: _omitted, ...body } = WEEKLY;
      expectInvalid(await create(setup, body), `body.${field}`);
    }
    expectInvalid(await create(setup, {}), "body.name", "body.recurrence", "body.startTime", "body.endTime", "body.startDate");
    for (const name of ["", "   ", null, 5, "n".repeat(201)]) expectInvalid(await create(setup, { ...WEEKLY, name }), "body.name");
  });

  it("refuses an unknown recurrence, naming body.recurrence", async () => {
    for (const recurrence of ["yearly", "Weekly", "", null, 1]) {
      expectInvalid(await create(setup, { ...DAILY, recurrence }), "body.recurrence");
    }
  });

  it("refuses an unknown availabilityType", async () => {
    for (const availabilityType of ["busy", "AVAILABLE", null]) expectInvalid(await create(setup, { ...DAILY, availabilityType }), "body.availabilityType");
  });

  it("weekly: daysOfWeek is required, each day 0–6, each at most once", async () => {
    const { daysOfWeek: _none, ...withoutDays } = WEEKLY;
    const missing = await create(setup, withoutDays);
    expectInvalid(missing, "body.daysOfWeek");
    expect(ruleOf(missing, "body.daysOfWeek")).toBe("required");
    for (const daysOfWeek of [[], null]) expect(ruleOf(expectAndReturn(await create(setup, { ...WEEKLY, daysOfWeek }), "body.daysOfWeek"), "body.daysOfWeek")).toBe("required");
    for (const daysOfWeek of [[7], [-1], [1, 2, 9], [2 ** 40]]) {
      expect(ruleOf(expectAndReturn(await create(setup, { ...WEEKLY, daysOfWeek }), "body.daysOfWeek"), "body.daysOfWeek")).toBe("out_of_range");
    }
    for (const daysOfWeek of [[1, 1], [0, 6, 0]]) {
      expect(ruleOf(expectAndReturn(await create(setup, { ...WEEKLY, daysOfWeek }), "body.daysOfWeek"), "body.daysOfWeek")).toBe("unique");
    }
    // Not whole numbers, not a list, more than seven entries: refused as they are sent.
    for (const daysOfWeek of [[1.5], ["1"], "1,2", 3, [0, 1, 2, 3, 4, 5, 6, 0]]) {
      const result = await create(setup, { ...WEEKLY, daysOfWeek });
      expectWorkspaceError(result, 400, "validation_error");
      for (const field of errorFields(result)) expect(field).toMatch(/^body\.daysOfWeek(\.\d+)?$/);
    }
  });

  it("daysOfWeek is refused on once, daily and monthly schedules", async () => {
    for (const base of [DAILY, MONTHLY, { ...DAILY, recurrence: "once" }]) {
      const result = await create(setup, { ...base, daysOfWeek: [1] });
      expectInvalid(result, "body.daysOfWeek");
      expect(ruleOf(result, "body.daysOfWeek")).toBe("weekly_only");
    }
  });

  it("monthly: dayOfMonth is required and 1–31; it is refused on other recurrences", async () => {
    const { dayOfMonth: _none, ...withoutDay } = MONTHLY;
    for (const body of [withoutDay, { ...MONTHLY, dayOfMonth: null }]) {
      const result = await create(setup, body);
      expectInvalid(result, "body.dayOfMonth");
      expect(ruleOf(result, "body.dayOfMonth")).toBe("required");
    }
    for (const dayOfMonth of [0, 32, -1, 2 ** 40]) {
      const result = await create(setup, { ...MONTHLY, dayOfMonth });
      expectInvalid(result, "body.dayOfMonth");
      expect(ruleOf(result, "body.dayOfMonth")).toBe("out_of_range");
    }
    for (const dayOfMonth of [1.5, "15"]) expectInvalid(await create(setup, { ...MONTHLY, dayOfMonth }), "body.dayOfMonth");
    for (const base of [WEEKLY, DAILY]) {
      const result = await create(setup, { ...base, dayOfMonth: 3 });
      expectInvalid(result, "body.dayOfMonth");
      expect(ruleOf(result, "body.dayOfMonth")).toBe("monthly_only");
    }
  });

  it("an endDate before the startDate is refused, naming body.endDate", async () => {
    const result = await create(setup, { ...DAILY, endDate: addDays(START, -1) });
    expectInvalid(result, "body.endDate");
    expect(ruleOf(result, "body.endDate")).toBe("after_start");
  });

  it("a startDate that is no real date is named alone, not also as after the endDate", async () => {
    // "2099-02-30" sorts after the endDate as text; it is not a date, so nothing is compared with it.
    expectInvalid(await create(setup, { ...DAILY, startDate: "2099-02-30", endDate: addDays(START, 1) }), "body.startDate");
  });

  it("a startTime equal to the endTime is refused, naming body.endTime", async () => {
    for (const [startTime, endTime] of [["09:00", "09:00"], ["00:00", "00:00"], ["23:59", "23:59"]]) {
      const result = await create(setup, { ...DAILY, startTime, endTime });
      expectInvalid(result, "body.endTime");
      expect(ruleOf(result, "body.endTime")).toBe("not_equal");
    }
  });

  it('refuses times that are not "HH:mm" (24:00 only as an endTime)', async () => {
    for (const startTime of ["9:00", "09:00:00", "0900", "25:00", "12:60", "24:00", "24:01", "", "noon", "T09:00", " 09:00", 900, null]) {
      expectInvalid(await create(setup, { ...DAILY, startTime }), "body.startTime");
    }
    for (const endTime of ["9:00", "17:00:00", "1700", "24:01", "25:00", "12:75", "", "24:30", null]) {
      expectInvalid(await create(setup, { ...DAILY, endTime }), "body.endTime");
    }
  });

  it('refuses dates that are not real "YYYY-MM-DD" dates', async () => {
    for (const startDate of ["2026-02-30", "2027-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026/01/05", "20260105", "2026-1-5", "1969-12-31", "2026-01-05T00:00:00Z", "", null]) {
      expectInvalid(await create(setup, { ...DAILY, startDate }), "body.startDate");
    }
    for (const endDate of ["2099-02-30", "2099-13-01", "2099-1-1", "tomorrow", 20990101]) {
      expectInvalid(await create(setup, { ...DAILY, endDate }), "body.endDate");
    }
  });

  it("names every invalid field of one body at once", async () => {
    const result = await create(setup, { name: "All wrong", recurrence: "weekly", startTime: "10:00", endTime: "10:00", daysOfWeek: [8], dayOfMonth: 4, startDate: START, endDate: addDays(START, -3) });
    expectInvalid(result, "body.endTime", "body.daysOfWeek", "body.dayOfMonth", "body.endDate");
  });

  it("refuses fields the caller may not set, and bodies that are not objects", async () => {
    for (const [field, value] of [["calendarId", 1], ["id", 1], ["startMinute", 10], ["createdAt", "2026-01-01T00:00:00Z"]] as const) {
      expectInvalid(await create(setup, { ...DAILY, [field]: value }), `body.${field}`);
    }
    expectInvalid(await create(setup, JSON.stringify([DAILY])), "body");
  });

  it("answers malformed JSON with 400, not 500", async () => {
    const result = await api(`POST ${SCHEDULES}`, {
      key: setup.owner.key,
      params: ofCalendar(setup.team, setup.calendar),
      body: '{"name": "x", ',
      headers: { "content-type": "application/json" },
    });
    expect(expectWorkspaceError(result, 400, "bad_request").details[0]).toMatchObject({ field: "body", rule: "invalid_json" });
  });
});

/** expectInvalid for one field, returning the result to read its rule. */
function expectAndReturn(result: ApiResult, field: string): ApiResult {
  expectInvalid(result, field);
  return result;
}

describe("calendar schedules — invalid updates (merged with the stored rule, checked whole; nothing changes)", () => {
  async function stored(body: Record<string, unknown>) {
    const setup = await calendarOfOwner();
    const created = await create(setup, body);
    expect(created.status).toBe(201);
    const prisma = await getPrisma();
    const before = await prisma.calendarSchedule.findUniqueOrThrow({ where: { id: created.body.id } });
    const unchanged = async () => expect(await prisma.calendarSchedule.findUniqueOrThrow({ where: { id: created.body.id } })).toEqual(before);
    return { setup, id: created.body.id as number, unchanged };
  }

  it("switching to weekly without daysOfWeek is refused, naming body.daysOfWeek", async () => {
    for (const base of [DAILY, MONTHLY]) {
      const { setup, id, unchanged } = await stored(base);
      const result = await update(setup, id, { recurrence: "weekly" });
      expectInvalid(result, "body.daysOfWeek");
      expect(ruleOf(result, "body.daysOfWeek")).toBe("required");
      await unchanged();
    }
  });

  it("switching to monthly without dayOfMonth is refused, naming body.dayOfMonth", async () => {
    for (const base of [DAILY, WEEKLY]) {
      const { setup, id, unchanged } = await stored(base);
      expectInvalid(await update(setup, id, { recurrence: "monthly" }), "body.dayOfMonth");
      await unchanged();
    }
  });

  it("clearing a weekly schedule's days, or a monthly one's day, is refused", async () => {
    const weekly = await stored(WEEKLY);
    for (const daysOfWeek of [[], null]) expectInvalid(await update(weekly.setup, weekly.id, { daysOfWeek }), "body.daysOfWeek");
    expectInvalid(await update(weekly.setup, weekly.id, { daysOfWeek: [1, 1] }), "body.daysOfWeek");
    expectInvalid(await update(weekly.setup, weekly.id, { daysOfWeek: [7] }), "body.daysOfWeek");
    await weekly.unchanged();
    const monthly = await stored(MONTHLY);
    expectInvalid(await update(monthly.setup, monthly.id, { dayOfMonth: null }), "body.dayOfMonth");
    expectInvalid(await update(monthly.setup, monthly.id, { dayOfMonth: 32 }), "body.dayOfMonth");
    await monthly.unchanged();
  });

  it("fields of another recurrence are refused (daysOfWeek on daily, dayOfMonth on weekly, daysOfWeek when leaving weekly)", async () => {
    const daily = await stored(DAILY);
    expect(ruleOf(expectAndReturn(await update(daily.setup, daily.id, { daysOfWeek: [1] }), "body.daysOfWeek"), "body.daysOfWeek")).toBe("weekly_only");
    await daily.unchanged();
    const weekly = await stored(WEEKLY);
    expect(ruleOf(expectAndReturn(await update(weekly.setup, weekly.id, { dayOfMonth: 3 }), "body.dayOfMonth"), "body.dayOfMonth")).toBe("monthly_only");
    expectInvalid(await update(weekly.setup, weekly.id, { recurrence: "daily", daysOfWeek: [1, 2] }), "body.daysOfWeek");
    await weekly.unchanged();
  });

  it("a startTime or endTime that would equal the stored other one is refused, naming body.endTime", async () => {
    const { setup, id, unchanged } = await stored(DAILY);
    expectInvalid(await update(setup, id, { startTime: "17:00" }), "body.endTime");
    expectInvalid(await update(setup, id, { endTime: "09:00" }), "body.endTime");
    expectInvalid(await update(setup, id, { startTime: "12:00", endTime: "12:00" }), "body.endTime");
    await unchanged();
  });

  it("dates that would cross the stored ones are refused, naming body.endDate", async () => {
    const { setup, id, unchanged } = await stored({ ...DAILY, endDate: addDays(START, 30) });
    expectInvalid(await update(setup, id, { endDate: addDays(START, -1) }), "body.endDate");
    expectInvalid(await update(setup, id, { startDate: addDays(START, 31) }), "body.endDate");
    // Not a date at all: named as such, and alone.
    expectInvalid(await update(setup, id, { startDate: "2099-02-30" }), "body.startDate");
    await unchanged();
  });

  it("bad formats on update are named too", async () => {
    const { setup, id, unchanged } = await stored(WEEKLY);
    expectInvalid(await update(setup, id, { startTime: "24:00" }), "body.startTime");
    expectInvalid(await update(setup, id, { endTime: "7pm" }), "body.endTime");
    expectInvalid(await update(setup, id, { recurrence: "hourly" }), "body.recurrence");
    expectInvalid(await update(setup, id, { startDate: "2026-02-30" }), "body.startDate");
    expectInvalid(await update(setup, id, { endDate: "2026-02-30" }), "body.endDate");
    expectInvalid(await update(setup, id, { name: "" }), "body.name");
    const moved = await update(setup, id, { calendarId: 99 });
    expectWorkspaceError(moved, 400, "validation_error");
    expect(errorFields(moved)).toContain("body.calendarId");
    await unchanged();
  });

  it("an empty PUT body is a 400", async () => {
    const { setup, id, unchanged } = await stored(DAILY);
    const empty = await update(setup, id, {});
    expect(expectWorkspaceError(empty, 400, "validation_error").details).toEqual([expect.objectContaining({ field: "body" })]);
    const none = await api(`PUT ${SCHEDULE}`, { key: setup.owner.key, params: ofSchedule(setup.team, setup.calendar, id) });
    expectWorkspaceError(none, 400, "validation_error");
    const malformed = await api(`PUT ${SCHEDULE}`, {
      key: setup.owner.key,
      params: ofSchedule(setup.team, setup.calendar, id),
      body: "{",
      headers: { "content-type": "application/json" },
    });
    expectWorkspaceError(malformed, 400, "bad_request");
    await unchanged();
  });
});

describe("calendar schedules — ids, query parameters, methods", () => {
  it("rejects calendar and schedule ids that are not positive 32-bit integers (400 naming them)", async () => {
    const setup = await calendarOfOwner();
    const schedule = await addSchedule(setup.calendar.id);
    for (const bad of ["abc", "0", "-1", "1.5", "99999999999"]) {
      const calendarParams = { workspace_uuid: setup.team.uuid, calendar_id: bad };
      for (const result of [
        await api(`GET ${SCHEDULES}`, { key: setup.owner.key, params: calendarParams }),
        await api(`POST ${SCHEDULES}`, { key: setup.owner.key, params: calendarParams, body: DAILY }),
        await api(`PUT ${SCHEDULE}`, { key: setup.owner.key, params: { ...calendarParams, schedule_id: schedule.id }, body: { name: "x" } }),
        await api(`DELETE ${SCHEDULE}`, { key: setup.owner.key, params: { ...calendarParams, schedule_id: schedule.id } }),
      ]) {
        expectWorkspaceError(result, 400, "validation_error");
        expect(errorFields(result)).toContain("path.calendar_id");
      }
      const scheduleParams = { ...ofCalendar(setup.team, setup.calendar), schedule_id: bad };
      for (const result of [
        await api(`PUT ${SCHEDULE}`, { key: setup.owner.key, params: scheduleParams, body: { name: "x" } }),
        await api(`DELETE ${SCHEDULE}`, { key: setup.owner.key, params: scheduleParams }),
      ]) {
        expectWorkspaceError(result, 400, "validation_error");
        expect(errorFields(result)).toEqual(["path.schedule_id"]);
      }
    }
    expect((await workspaceSnapshot(setup.team))[0]!.calendarSchedules).toEqual([schedule]);
  });

  it("404s an unknown calendar or schedule", async () => {
    const setup = await calendarOfOwner();
    const ghostCalendar = ofCalendar(setup.team, 2_000_000_000);
    for (const result of [
      await api(`GET ${SCHEDULES}`, { key: setup.owner.key, params: ghostCalendar }),
      await api(`POST ${SCHEDULES}`, { key: setup.owner.key, params: ghostCalendar, body: DAILY }),
      await api(`PUT ${SCHEDULE}`, { key: setup.owner.key, params: { ...ghostCalendar, schedule_id: 1 }, body: { name: "x" } }),
      await api(`DELETE ${SCHEDULE}`, { key: setup.owner.key, params: { ...ghostCalendar, schedule_id: 1 } }),
    ]) {
      expect(expectWorkspaceError(result, 404, "not_found").message).toBe("Calendar not found.");
    }
    const ghostSchedule = ofSchedule(setup.team, setup.calendar, 2_000_000_000);
    for (const result of [
      await api(`PUT ${SCHEDULE}`, { key: setup.owner.key, params: ghostSchedule, body: { name: "x" } }),
      await api(`DELETE ${SCHEDULE}`, { key: setup.owner.key, params: ghostSchedule }),
    ]) {
      expect(expectWorkspaceError(result, 404, "not_found").message).toBe("Schedule not found.");
    }
  });

  it("checks the calendar before the body: a bad body for an unknown calendar is a 404", async () => {
    const setup = await calendarOfOwner();
    // The body is valid JSON but an invalid rule; the calendar does not exist.
    const result = await api(`POST ${SCHEDULES}`, { key: setup.owner.key, params: ofCalendar(setup.team, 2_000_000_000), body: { ...DAILY, endTime: "09:00" } });
    expectWorkspaceError(result, 404, "not_found");
  });

  it("400s unknown query parameters on every operation", async () => {
    const setup = await calendarOfOwner();
    const schedule = await addSchedule(setup.calendar.id);
    for (const [result, name] of [
      [await api(`GET ${SCHEDULES}`, { key: setup.owner.key, params: ofCalendar(setup.team, setup.calendar), query: { page: "1" } }), "page"],
      [await api(`POST ${SCHEDULES}`, { key: setup.owner.key, params: ofCalendar(setup.team, setup.calendar), query: { dryRun: "true" }, body: DAILY }), "dryRun"],
      [await api(`PUT ${SCHEDULE}`, { key: setup.owner.key, params: ofSchedule(setup.team, setup.calendar, schedule), query: { force: "true" }, body: { name: "x" } }), "force"],
      [await api(`DELETE ${SCHEDULE}`, { key: setup.owner.key, params: ofSchedule(setup.team, setup.calendar, schedule), query: { force: "true" } }), "force"],
    ] as const) {
      const error = expectWorkspaceError(result, 400, "validation_error");
      expect(error.details).toEqual([expect.objectContaining({ field: `query.${name}`, rule: "unrecognized_key" })]);
    }
    expect((await workspaceSnapshot(setup.team))[0]!.calendarSchedules).toEqual([schedule]);
  });

  it("405s unsupported methods with an Allow header, in this surface's shape", async () => {
    const setup = await calendarOfOwner();
    const schedule = await addSchedule(setup.calendar.id);
    for (const [operation, params, allow] of [
      [`PUT ${SCHEDULES}`, ofCalendar(setup.team, setup.calendar), "GET, POST, HEAD, OPTIONS"],
      [`DELETE ${SCHEDULES}`, ofCalendar(setup.team, setup.calendar), "GET, POST, HEAD, OPTIONS"],
      [`GET ${SCHEDULE}`, ofSchedule(setup.team, setup.calendar, schedule), "PUT, DELETE, OPTIONS"],
      [`POST ${SCHEDULE}`, ofSchedule(setup.team, setup.calendar, schedule), "PUT, DELETE, OPTIONS"],
      [`PATCH ${SCHEDULE}`, ofSchedule(setup.team, setup.calendar, schedule), "PUT, DELETE, OPTIONS"],
    ] as const) {
      const result = await api(operation, { key: setup.owner.key, params, unchecked: true });
      expect(result.headers.allow).toBe(allow);
      expectWorkspaceError(result, 405, "method_not_allowed");
    }
  });

  it("409s a 101st schedule on one calendar, and creates nothing", async () => {
    const setup = await calendarOfOwner();
    const prisma = await getPrisma();
    await prisma.calendarSchedule.createMany({
      data: Array.from({ length: 100 }, (_, i) => ({
        calendarId: setup.calendar.id,
        name: `Rule ${i}`,
        recurrence: "daily" as const,
        startMinute: 9 * 60,
        endMinute: 10 * 60,
        startDate: new Date(`${START}T00:00:00Z`),
      })),
    });
    const result = await create(setup, DAILY);
    expect(expectWorkspaceError(result, 409, "conflict").message).toMatch(/at most 100 schedules/);
    expect(await prisma.calendarSchedule.count({ where: { calendarId: setup.calendar.id } })).toBe(100);
    // Another calendar is not affected.
    const other = await addCalendar(setup.team);
    expect((await api(`POST ${SCHEDULES}`, { key: setup.owner.key, params: ofCalendar(setup.team, other), body: DAILY })).status).toBe(201);
  });
});
