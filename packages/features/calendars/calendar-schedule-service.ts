import { getPrisma, type Prisma } from "@slotbase/prisma";
import type { AuthContext } from "../auth/auth-context";
import { conflict, notFound } from "../errors/domain-errors";
import { isRecordNotFound } from "../errors/database-errors";
import {
  mergeScheduleRule,
  scheduleColumns,
  toScheduleRecord,
  valuesOf,
  type CalendarScheduleInput,
  type CalendarScheduleRecord,
} from "./calendar-schedule-rule";
import { calendarIn, workspaceFor } from "./workspace";

/** A calendar has at most this many schedules (each is expanded on every availability question). */
export const MAX_SCHEDULES_PER_CALENDAR = 100;

const calendarLoader = async (where: { id: number; teamId: number }) =>
  (await getPrisma()).calendar.findFirst({ where, select: { id: true } });

export async function listCalendarSchedules(auth: AuthContext, workspaceUuid: string, calendarId: number): Promise<CalendarScheduleRecord[]> {
  const { workspace } = await workspaceFor(auth, workspaceUuid, "read");
  await calendarIn(workspace, calendarId, calendarLoader);
  const prisma = await getPrisma();
  const rows = await prisma.calendarSchedule.findMany({ where: { calendarId }, orderBy: { id: "asc" } });
  return rows.map(toScheduleRecord);
}

export async function createCalendarSchedule(auth: AuthContext, workspaceUuid: string, calendarId: number, input: CalendarScheduleInput): Promise<CalendarScheduleRecord> {
  const { workspace } = await workspaceFor(auth, workspaceUuid, "write");
  await calendarIn(workspace, calendarId, calendarLoader);
  const values = mergeScheduleRule(undefined, input);
  const prisma = await getPrisma();
  if ((await prisma.calendarSchedule.count({ where: { calendarId } })) >= MAX_SCHEDULES_PER_CALENDAR) {
    throw conflict(`A calendar can have at most ${MAX_SCHEDULES_PER_CALENDAR} schedules; delete one first.`, [
      { rule: "too_many", message: `At most ${MAX_SCHEDULES_PER_CALENDAR} schedules per calendar` },
    ]);
  }
  return toScheduleRecord(await prisma.calendarSchedule.create({ data: { calendarId, ...scheduleColumns(values) } }));
}

/** The schedule, of that calendar of that workspace (another calendar's schedule id is a 404). */
async function scheduleOf(db: Prisma.TransactionClient, calendarId: number, scheduleId: number): Promise<CalendarScheduleRecord> {
  const row = await db.calendarSchedule.findFirst({ where: { id: scheduleId, calendarId } });
  if (!row) throw notFound("Schedule");
  return toScheduleRecord(row);
}

export async function updateCalendarSchedule(
  auth: AuthContext,
  workspaceUuid: string,
  calendarId: number,
  scheduleId: number,
  input: CalendarScheduleInput,
): Promise<CalendarScheduleRecord> {
  const { workspace } = await workspaceFor(auth, workspaceUuid, "write");
  await calendarIn(workspace, calendarId, calendarLoader);
  const prisma = await getPrisma();
  const existing = await scheduleOf(prisma, calendarId, scheduleId);
  const values = mergeScheduleRule(valuesOf(existing), input);
  try {
    return toScheduleRecord(await prisma.calendarSchedule.update({ where: { id: scheduleId }, data: scheduleColumns(values) }));
  } catch (error) {
    if (isRecordNotFound(error)) throw notFound("Schedule");
    throw error;
  }
}

export async function deleteCalendarSchedule(auth: AuthContext, workspaceUuid: string, calendarId: number, scheduleId: number): Promise<void> {
  const { workspace } = await workspaceFor(auth, workspaceUuid, "write");
  await calendarIn(workspace, calendarId, calendarLoader);
  const prisma = await getPrisma();
  const { count } = await prisma.calendarSchedule.deleteMany({ where: { id: scheduleId, calendarId } });
  if (count === 0) throw notFound("Schedule");
}
