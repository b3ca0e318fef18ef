import { getPrisma } from "@slotbase/prisma";
import { api } from "../../support/api";
import { useTestDatabase } from "../../support/database";
import { addDays, today } from "../../support/dates";
import { createCaller } from "../../support/fixtures";
import { addCalendar, addSchedule, CALENDAR, createWorkspace, ofCalendar, ofSchedule, SCHEDULE, SCHEDULES } from "../../support/workspaces";

useTestDatabase();

// Schedule dates are local dates of the rule, not compared with the clock; they are taken
// from today anyway, so the rules read as current ones.
const START = addDays(today(), 7);
const END = addDays(START, 90);

async function calendarOfOwner() {
  const owner = await createCaller();
  const team = await createWorkspace(owner);
  const calendar = await addCalendar(team, { timeZone: "Europe/Berlin" });
  return { owner, team, calendar };
}

type Setup = Awaited<ReturnType<typeof calendarOfOwner>>;

const create = ({ owner, team, calendar }: Setup, body: Record<string, unknown>) =>
  api(`POST ${SCHEDULES}`, { key: owner.key, params: ofCalendar(team, calendar), body });
const update = ({ owner, team, calendar }: Setup, scheduleId: number, body: Record<string, unknown>) =>
  api(`PUT ${SCHEDULE}`, { key: owner.key, params: ofSchedule(team, calendar, scheduleId), body });
const list = ({ owner, team, calendar }: Setup) => api(`GET ${SCHEDULES}`, { key: owner.key, params: ofCalendar(team, calendar) });

const wire = {
  id: expect.any(Number),
  createdAt: expect.any(String),
  updatedAt: expect.any(String),
};

describe("calendar schedules — create, one of each recurrence", () => {
  it("once: on its startDate", async () => {
    const setup = await calendarOfOwner();
    const result = await create(setup, { name: "Open day", recurrence: "once", startTime: "10:00", endTime: "16:00", startDate: START });
    expect(result.status).toBe(201);
    expect(result.body).toEqual({
      ...wire,
      calendarId: setup.calendar.id,
      name: "Open day",
      availabilityType: "available",
      recurrence: "once",
      startTime: "10:00",
      endTime: "16:00",
      daysOfWeek: [],
      dayOfMonth: null,
      startDate: START,
      endDate: null,
    });
    const prisma = await getPrisma();
    const row = await prisma.calendarSchedule.findUniqueOrThrow({ where: { id: result.body.id } });
    expect(row).toMatchObject({ calendarId: setup.calendar.id, startMinute: 600, endMinute: 960, recurrence: "once", dayOfMonth: null, daysOfWeek: [] });
    expect(row.startDate.toISOString().slice(0, 10)).toBe(START);
  });

  it("daily: every day from startDate to endDate", async () => {
    const setup = await calendarOfOwner();
    const result = await create(setup, { name: "Every day", recurrence: "daily", startTime: "07:30", endTime: "19:45", startDate: START, endDate: END });
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({ recurrence: "daily", startTime: "07:30", endTime: "19:45", daysOfWeek: [], dayOfMonth: null, startDate: START, endDate: END });
  });

  it("weekly: on daysOfWeek (0 = Sunday), given in any order and answered sorted", async () => {
    const setup = await calendarOfOwner();
    const result = await create(setup, { name: "Weekends and Wednesdays", recurrence: "weekly", startTime: "09:00", endTime: "12:00", daysOfWeek: [6, 0, 3], startDate: START });
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({ recurrence: "weekly", daysOfWeek: [0, 3, 6], dayOfMonth: null });
    const all = await create(setup, { name: "All week", recurrence: "weekly", startTime: "09:00", endTime: "12:00", daysOfWeek: [0, 1, 2, 3, 4, 5, 6], startDate: START });
    expect(all.body.daysOfWeek).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it("monthly: on dayOfMonth (1–31)", async () => {
    const setup = await calendarOfOwner();
    for (const dayOfMonth of [1, 15, 31]) {
      const result = await create(setup, { name: `Day ${dayOfMonth}`, recurrence: "monthly", startTime: "14:00", endTime: "15:00", dayOfMonth, startDate: START, endDate: END });
      expect(result.status).toBe(201);
      expect(result.body).toMatchObject({ recurrence: "monthly", dayOfMonth, daysOfWeek: [], startDate: START, endDate: END });
    }
  });

  it("unavailable: a closing rule (a lunch break)", async () => {
    const setup = await calendarOfOwner();
    const result = await create(setup, {
      name: "Lunch",
      availabilityType: "unavailable",
      recurrence: "weekly",
      startTime: "12:00",
      endTime: "13:00",
      daysOfWeek: [1, 2, 3, 4, 5],
      startDate: START,
    });
    expect(result.body).toMatchObject({ availabilityType: "unavailable", name: "Lunch" });
  });

  it("accepts the fields that belong to other recurrences as null or empty (they are cleared)", async () => {
    const setup = await calendarOfOwner();
    const result = await create(setup, { name: "Daily", recurrence: "daily", startTime: "09:00", endTime: "10:00", startDate: START, daysOfWeek: null, dayOfMonth: null, endDate: null });
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({ daysOfWeek: [], dayOfMonth: null, endDate: null });
    const empty = await create(setup, { name: "Daily 2", recurrence: "daily", startTime: "09:00", endTime: "10:00", startDate: START, daysOfWeek: [] });
    expect(empty.status).toBe(201);
  });

  it("an endDate equal to startDate is a rule of one day", async () => {
    const setup = await calendarOfOwner();
    const result = await create(setup, { name: "One day", recurrence: "daily", startTime: "09:00", endTime: "10:00", startDate: START, endDate: START });
    expect(result.body).toMatchObject({ startDate: START, endDate: START });
  });

  it("takes real dates only: 29 February of a leap year is one", async () => {
    const setup = await calendarOfOwner();
    const result = await create(setup, { name: "Leap", recurrence: "once", startTime: "09:00", endTime: "10:00", startDate: "2028-02-29" });
    expect(result.status).toBe(201);
    expect(result.body.startDate).toBe("2028-02-29");
  });
});

describe("calendar schedules — times", () => {
  it("an overnight schedule: an endTime before the startTime runs past midnight", async () => {
    const setup = await calendarOfOwner();
    const result = await create(setup, { name: "Night shift", recurrence: "weekly", startTime: "22:00", endTime: "06:00", daysOfWeek: [5, 6], startDate: START });
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({ startTime: "22:00", endTime: "06:00" });
    const prisma = await getPrisma();
    expect(await prisma.calendarSchedule.findUniqueOrThrow({ where: { id: result.body.id } })).toMatchObject({ startMinute: 22 * 60, endMinute: 6 * 60 });
    // And back to a daytime one by changing the end only.
    expect((await update(setup, result.body.id, { endTime: "23:30" })).body).toMatchObject({ startTime: "22:00", endTime: "23:30" });
  });

  it("endTime 24:00 is the end of the day (and 00:00 its start)", async () => {
    const setup = await calendarOfOwner();
    const whole = await create(setup, { name: "All day", recurrence: "daily", startTime: "00:00", endTime: "24:00", startDate: START });
    expect(whole.status).toBe(201);
    expect(whole.body).toMatchObject({ startTime: "00:00", endTime: "24:00" });
    const evening = await create(setup, { name: "Evening", recurrence: "daily", startTime: "18:00", endTime: "24:00", startDate: START });
    expect(evening.body).toMatchObject({ startTime: "18:00", endTime: "24:00" });
    const prisma = await getPrisma();
    expect(await prisma.calendarSchedule.findUniqueOrThrow({ where: { id: whole.body.id } })).toMatchObject({ startMinute: 0, endMinute: 1440 });
    expect((await list(setup)).body.map((s: { endTime: string }) => s.endTime)).toEqual(["24:00", "24:00"]);
    // Ends just before midnight.
    expect((await update(setup, evening.body.id, { endTime: "23:59" })).body.endTime).toBe("23:59");
  });

  it('an endTime of "00:00" ends at midnight, the same moment as "24:00" (and is answered as such)', async () => {
    const setup = await calendarOfOwner();
    const late = await create(setup, { name: "Late", recurrence: "weekly", daysOfWeek: [5], startTime: "22:00", endTime: "00:00", startDate: START });
    expect(late.status).toBe(201);
    expect(late.body).toMatchObject({ startTime: "22:00", endTime: "24:00" });
    const prisma = await getPrisma();
    expect(await prisma.calendarSchedule.findUniqueOrThrow({ where: { id: late.body.id } })).toMatchObject({ startMinute: 22 * 60, endMinute: 1440 });
    const moved = await update(setup, late.body.id, { startTime: "23:59", endTime: "00:00" });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ startTime: "23:59", endTime: "24:00" });
    const daytime = await create(setup, { name: "Day", recurrence: "daily", startTime: "09:00", endTime: "17:00", startDate: START });
    expect((await update(setup, daytime.body.id, { endTime: "00:00" })).body).toMatchObject({ startTime: "09:00", endTime: "24:00" });
  });
});

describe("calendar schedules — list", () => {
  it("lists the calendar's schedules oldest first, and nothing of other calendars", async () => {
    const setup = await calendarOfOwner();
    expect((await list(setup)).body).toEqual([]);
    const a = await create(setup, { name: "A", recurrence: "daily", startTime: "09:00", endTime: "10:00", startDate: START });
    const b = await create(setup, { name: "B", recurrence: "monthly", dayOfMonth: 2, startTime: "09:00", endTime: "10:00", startDate: START });
    const c = await create(setup, { name: "C", recurrence: "weekly", daysOfWeek: [2], startTime: "09:00", endTime: "10:00", startDate: START });
    const other = await addCalendar(setup.team);
    await addSchedule(other.id);
    const result = await list(setup);
    expect(result.status).toBe(200);
    expect(result.body).toEqual([a.body, b.body, c.body]);
    // The calendar shows the same with includeSchedules.
    const calendar = await api(`GET ${CALENDAR}`, { key: setup.owner.key, params: ofCalendar(setup.team, setup.calendar), query: { includeSchedules: "true" } });
    expect(calendar.body.schedules).toEqual(result.body);
  });

  it("members of the workspace list too", async () => {
    const setup = await calendarOfOwner();
    const member = await createCaller();
    const prisma = await getPrisma();
    await prisma.membership.create({ data: { userId: member.user.id, teamId: setup.team.id, role: "MEMBER", accepted: true } });
    const made = await create(setup, { name: "Visible", recurrence: "daily", startTime: "09:00", endTime: "10:00", startDate: START });
    const result = await api(`GET ${SCHEDULES}`, { key: member.key, params: ofCalendar(setup.team, setup.calendar) });
    expect(result.body).toEqual([made.body]);
  });
});

describe("calendar schedules — update (only the fields sent; the result checked as a whole)", () => {
  it("changes each field alone and leaves the rest", async () => {
    const setup = await calendarOfOwner();
    const created = await create(setup, { name: "Hours", recurrence: "weekly", startTime: "09:00", endTime: "17:00", daysOfWeek: [1, 2, 3], startDate: START });
    let current = created.body;
    for (const change of [
      { name: "Opening hours" },
      { availabilityType: "unavailable" },
      { startTime: "08:15" },
      { endTime: "18:45" },
      { daysOfWeek: [5, 4] },
      { startDate: addDays(START, 1) },
      { endDate: END },
      { endDate: null },
      { availabilityType: "available" },
    ] as Record<string, unknown>[]) {
      const result = await update(setup, created.body.id, change);
      expect(result.status).toBe(200);
      const expected = "daysOfWeek" in change ? { daysOfWeek: [...(change.daysOfWeek as number[])].sort() } : change;
      expect(result.body).toEqual({ ...current, ...expected, updatedAt: expect.any(String) });
      expect(result.body.createdAt).toBe(created.body.createdAt);
      current = result.body;
    }
    expect((await list(setup)).body).toEqual([current]);
  });

  it("weekly → monthly with dayOfMonth: daysOfWeek is cleared", async () => {
    const setup = await calendarOfOwner();
    const created = await create(setup, { name: "W", recurrence: "weekly", startTime: "09:00", endTime: "17:00", daysOfWeek: [1, 3], startDate: START });
    const result = await update(setup, created.body.id, { recurrence: "monthly", dayOfMonth: 10 });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ recurrence: "monthly", dayOfMonth: 10, daysOfWeek: [], startTime: "09:00", endTime: "17:00", name: "W" });
  });

  it("monthly → daily: dayOfMonth is cleared; daily → weekly with daysOfWeek; weekly → once", async () => {
    const setup = await calendarOfOwner();
    const created = await create(setup, { name: "M", recurrence: "monthly", dayOfMonth: 28, startTime: "09:00", endTime: "10:00", startDate: START, endDate: END });
    const daily = await update(setup, created.body.id, { recurrence: "daily" });
    expect(daily.body).toMatchObject({ recurrence: "daily", dayOfMonth: null, daysOfWeek: [], endDate: END });
    const weekly = await update(setup, created.body.id, { recurrence: "weekly", daysOfWeek: [2] });
    expect(weekly.body).toMatchObject({ recurrence: "weekly", daysOfWeek: [2], dayOfMonth: null });
    // Staying weekly keeps the stored days when only other fields change.
    expect((await update(setup, created.body.id, { recurrence: "weekly", name: "Still weekly" })).body).toMatchObject({ daysOfWeek: [2], name: "Still weekly" });
    const once = await update(setup, created.body.id, { recurrence: "once", endDate: null });
    expect(once.body).toMatchObject({ recurrence: "once", daysOfWeek: [], dayOfMonth: null, endDate: null });
  });

  it("a monthly schedule keeps its day when other fields change, and takes a new one", async () => {
    const setup = await calendarOfOwner();
    const created = await create(setup, { name: "M", recurrence: "monthly", dayOfMonth: 5, startTime: "09:00", endTime: "10:00", startDate: START });
    expect((await update(setup, created.body.id, { endTime: "11:00" })).body).toMatchObject({ dayOfMonth: 5, endTime: "11:00" });
    expect((await update(setup, created.body.id, { dayOfMonth: 31 })).body).toMatchObject({ dayOfMonth: 31, recurrence: "monthly" });
  });

  it("moves startDate and endDate together when both are sent", async () => {
    const setup = await calendarOfOwner();
    const created = await create(setup, { name: "Season", recurrence: "daily", startTime: "09:00", endTime: "10:00", startDate: START, endDate: addDays(START, 10) });
    const later = { startDate: addDays(START, 100), endDate: addDays(START, 120) };
    expect((await update(setup, created.body.id, later)).body).toMatchObject(later);
  });

  it("an update that changes nothing in value still answers the schedule", async () => {
    const setup = await calendarOfOwner();
    const created = await create(setup, { name: "Same", recurrence: "daily", startTime: "09:00", endTime: "10:00", startDate: START });
    const result = await update(setup, created.body.id, { name: "Same", startTime: "09:00" });
    expect(result.body).toEqual({ ...created.body, updatedAt: expect.any(String) });
  });
});

describe("calendar schedules — delete", () => {
  it("deletes one schedule of each recurrence, leaving the others and the calendar", async () => {
    const setup = await calendarOfOwner();
    const made = [
      await create(setup, { name: "once", recurrence: "once", startTime: "09:00", endTime: "10:00", startDate: START }),
      await create(setup, { name: "daily", recurrence: "daily", startTime: "09:00", endTime: "10:00", startDate: START }),
      await create(setup, { name: "weekly", recurrence: "weekly", daysOfWeek: [1], startTime: "09:00", endTime: "10:00", startDate: START }),
      await create(setup, { name: "monthly", recurrence: "monthly", dayOfMonth: 1, startTime: "09:00", endTime: "10:00", startDate: START }),
    ].map((r) => r.body);
    const remaining = [...made];
    for (const schedule of made) {
      const result = await api(`DELETE ${SCHEDULE}`, { key: setup.owner.key, params: ofSchedule(setup.team, setup.calendar, schedule.id) });
      expect(result.status).toBe(200);
      expect(result.body).toEqual({ deleted: true, id: schedule.id });
      remaining.shift();
      expect((await list(setup)).body).toEqual(remaining);
    }
    const prisma = await getPrisma();
    expect(await prisma.calendar.findUnique({ where: { id: setup.calendar.id } })).not.toBeNull();
    // Deleting it again: it is gone.
    const again = await api(`DELETE ${SCHEDULE}`, { key: setup.owner.key, params: ofSchedule(setup.team, setup.calendar, made[0].id) });
    expect(again.status).toBe(404);
  });
});
