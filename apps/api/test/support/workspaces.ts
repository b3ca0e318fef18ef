import { randomBytes } from "node:crypto";
import { getPrisma, type CalendarModel, type CalendarScheduleModel, type Prisma, type TeamModel } from "@slotbase/prisma";
import type { ApiResult } from "./api";
import { createCaller, type Caller } from "./fixtures";
import { createTeam, type TeamMemberSpec } from "./teams";

/**
 * Workspace calendars (/api/v2/w/{workspace_uuid}/calendars): a workspace is a team, named by
 * its uuid. Calendars and their schedules are written directly to the database here, so a test
 * sets up only what it is about and calls the API for the rest.
 */

export const CALENDARS = "/api/v2/w/{workspace_uuid}/calendars";
export const CALENDAR = "/api/v2/w/{workspace_uuid}/calendars/{calendar_id}";
export const SCHEDULES = "/api/v2/w/{workspace_uuid}/calendars/{calendar_id}/schedules";
export const SCHEDULE = "/api/v2/w/{workspace_uuid}/calendars/{calendar_id}/schedules/{schedule_id}";

const unique = () => randomBytes(4).toString("hex");

/** A workspace (team) with `owner` as accepted OWNER and the given members; `timeZone` sets the workspace's zone. */
export async function createWorkspace(owner: Caller, members: TeamMemberSpec[] = [], data: { timeZone?: string } = {}): Promise<TeamModel> {
  const team = await createTeam(owner, members);
  if (data.timeZone === undefined) return team;
  const prisma = await getPrisma();
  return prisma.team.update({ where: { id: team.id }, data: { timeZone: data.timeZone } });
}

/** A new caller and a workspace they OWN. */
export async function ownedWorkspace(data: { timeZone?: string } = {}) {
  const owner = await createCaller();
  const team = await createWorkspace(owner, [], data);
  return { owner, team };
}

/** A calendar of the workspace, written directly (defaults: a unique name and slug, UTC, capacity 1). */
export async function addCalendar(team: { id: number }, data: Partial<Prisma.CalendarUncheckedCreateInput> = {}): Promise<CalendarModel> {
  const prisma = await getPrisma();
  const id = unique();
  return prisma.calendar.create({ data: { name: `Room ${id}`, slug: `room-${id}`, timeZone: "UTC", ...data, teamId: team.id } });
}

/** A schedule of the calendar, written directly (default: weekly Monday–Friday 09:00–17:00 from 2026-01-05). */
export async function addSchedule(calendarId: number, data: Partial<Prisma.CalendarScheduleUncheckedCreateInput> = {}): Promise<CalendarScheduleModel> {
  const prisma = await getPrisma();
  return prisma.calendarSchedule.create({
    data: {
      name: `Hours ${unique()}`,
      recurrence: "weekly",
      startMinute: 9 * 60,
      endMinute: 17 * 60,
      daysOfWeek: [1, 2, 3, 4, 5],
      startDate: new Date("2026-01-05T00:00:00Z"),
      ...data,
      calendarId,
    },
  });
}

/** Path parameters of a workspace, a calendar of it, a schedule of that calendar. */
export const inWorkspace = (team: { uuid: string }) => ({ workspace_uuid: team.uuid });
export const ofCalendar = (team: { uuid: string }, calendar: { id: number } | number) => ({
  workspace_uuid: team.uuid,
  calendar_id: typeof calendar === "number" ? calendar : calendar.id,
});
export const ofSchedule = (team: { uuid: string }, calendar: { id: number } | number, schedule: { id: number } | number) => ({
  ...ofCalendar(team, calendar),
  schedule_id: typeof schedule === "number" ? schedule : schedule.id,
});

/** Everything the workspace holds: its calendars and their schedules, as stored, in id order. */
export async function workspaceSnapshot(team: { id: number }) {
  const prisma = await getPrisma();
  return prisma.calendar.findMany({ where: { teamId: team.id }, orderBy: { id: "asc" }, include: { calendarSchedules: { orderBy: { id: "asc" } } } });
}

/**
 * Asserts this surface's error shape, `{ error: { code, message, details, requestId } }` and
 * nothing else, with the given status and code; returns the error object.
 */
export function expectWorkspaceError(result: ApiResult, status: number, code: string) {
  expect(result.status).toBe(status);
  expect(Object.keys(result.body ?? {})).toEqual(["error"]);
  expect(Object.keys(result.body.error).sort()).toEqual(["code", "details", "message", "requestId"]);
  expect(result.body.error).toMatchObject({ code, message: expect.any(String), details: expect.any(Array), requestId: expect.any(String) });
  expect(result.body.error.requestId).toBe(result.headers["x-request-id"]);
  return result.body.error as { code: string; message: string; details: { field?: string; rule?: string; message: string }[]; requestId: string };
}

/** The fields a workspace error names. */
export const errorFields = (result: ApiResult): (string | undefined)[] => (result.body?.error?.details ?? []).map((d: { field?: string }) => d.field);

/** An error body without its request id, to compare two answers. */
export const withoutRequestId = (result: ApiResult) => ({ ...result.body, error: { ...result.body.error, requestId: undefined } });
