import { getPrisma, type AvailabilityModel, type ScheduleModel } from "@slotbase/prisma";
import type { AuthContext } from "../auth/auth-context";
import { accessOf } from "../access/access";
import { assertMayActFor, assertOwnedBy, ownedRowsWhere } from "../access/owner-rules";
import { conflict, invalidField, notFound } from "../errors/domain-errors";
import { isRecordNotFound } from "../errors/database-errors";
import { toSkipTake, type PageRequest } from "../common/pagination";
import {
  MAX_RULES_PER_SCHEDULE,
  mergeRule,
  ruleData,
  toPublicAvailability,
  type AvailabilityRuleInput,
  type PublicAvailability,
} from "../availability-rules/availability-rule";

/**
 * v1 schedules: named sets of availability rules in one IANA time zone, owned by a user.
 * Calendar-owned schedules (workspace surface) do not exist on v1. A non-admin sees only
 * their own schedules; anyone else's is a 404. A system admin acts on any.
 */

export const MAX_SCHEDULES_PER_USER = 100;

/** Cal.com's default working hours for a new schedule: Monday–Friday, 09:00–17:00. */
export const DEFAULT_AVAILABILITY: readonly AvailabilityRuleInput[] = [{ days: [1, 2, 3, 4, 5], startTime: "09:00", endTime: "17:00" }];

export interface ScheduleCreateInput {
  name: string;
  /** IANA zone; absent = the owner's User.timeZone (stored). */
  timeZone?: string;
  /** Admins only: create the schedule for this user. */
  userId?: number;
  /** Absent = Mon–Fri 09:00–17:00; `[]` = no rules. */
  availability?: AvailabilityRuleInput[];
}

export interface ScheduleUpdateInput {
  name?: string;
  timeZone?: string;
}

export interface ScheduleFilter {
  /** Narrows the visible schedules to one user's. */
  userId?: number;
}

export interface PublicSchedule {
  id: number;
  userId: number;
  name: string;
  timeZone: string | null;
  availability: PublicAvailability[];
}

type ScheduleWithRules = ScheduleModel & { availability: AvailabilityModel[] };

const withRules = { availability: { orderBy: { id: "asc" as const } } };

export function toPublicSchedule(row: ScheduleWithRules): PublicSchedule {
  return {
    id: row.id,
    userId: row.userId as number,
    name: row.name,
    timeZone: row.timeZone,
    availability: row.availability.map(toPublicAvailability),
  };
}

/**
 * The v1 (user-owned) schedule `id` if the caller may see it, else a 404. `field` names the
 * input that referred to it (e.g. scheduleId) in the error.
 */
export async function findVisibleSchedule(auth: AuthContext, id: number, field?: string): Promise<ScheduleModel> {
  const prisma = await getPrisma();
  const [schedule, access] = await Promise.all([prisma.schedule.findUnique({ where: { id } }), accessOf(auth)]);
  try {
    assertOwnedBy(access, schedule?.userId ?? null, "Schedule");
  } catch (error) {
    throw field ? notFound(`Schedule ${id}`, { field, rule: "not_found", message: `No schedule ${id} that this key may use` }) : error;
  }
  return schedule!;
}

export async function listSchedules(auth: AuthContext, page: PageRequest, filter: ScheduleFilter = {}): Promise<PublicSchedule[]> {
  const prisma = await getPrisma();
  const visible = ownedRowsWhere(await accessOf(auth));
  const rows = await prisma.schedule.findMany({
    where: { AND: [visible, filter.userId !== undefined ? { userId: filter.userId } : {}] },
    include: withRules,
    orderBy: { id: "asc" },
    ...toSkipTake(page),
  });
  return rows.map(toPublicSchedule);
}

export async function getSchedule(auth: AuthContext, id: number): Promise<PublicSchedule> {
  await findVisibleSchedule(auth, id);
  const prisma = await getPrisma();
  const row = await prisma.schedule.findUnique({ where: { id }, include: withRules });
  if (!row) throw notFound("Schedule");
  return toPublicSchedule(row);
}

export async function createSchedule(auth: AuthContext, input: ScheduleCreateInput): Promise<PublicSchedule> {
  const ownerId = input.userId ?? auth.userId;
  assertMayActFor(await accessOf(auth), ownerId, "Only admins can create schedules for other users.");
  const rules = (input.availability ?? DEFAULT_AVAILABILITY).map((rule, index) => ruleData(mergeRule(undefined, rule, `availability.${index}`)));
  if (rules.length > MAX_RULES_PER_SCHEDULE) throw invalidField("availability", "too_big", `At most ${MAX_RULES_PER_SCHEDULE} rules per schedule`);
  const prisma = await getPrisma();
  const owner = await prisma.user.findUnique({ where: { id: ownerId }, select: { id: true, timeZone: true, defaultScheduleId: true } });
  if (!owner) throw notFound("User", { field: "userId", rule: "not_found", message: `No user ${ownerId}` });
  if ((await prisma.schedule.count({ where: { userId: ownerId } })) >= MAX_SCHEDULES_PER_USER) {
    throw conflict(`A user can have at most ${MAX_SCHEDULES_PER_USER} schedules; delete one first.`, [
      { field: "userId", rule: "too_many", message: `At most ${MAX_SCHEDULES_PER_USER} schedules per user` },
    ]);
  }
  const row = await prisma.$transaction(async (tx) => {
    const created = await tx.schedule.create({
      data: {
        userId: ownerId,
        name: input.name,
        timeZone: input.timeZone ?? owner.timeZone,
        availability: { create: rules.map((rule) => ({ ...rule, userId: ownerId })) },
      },
      include: withRules,
    });
    // The first schedule (or the first since the default went away) becomes the default.
    const current = await tx.user.findUnique({ where: { id: ownerId }, select: { defaultScheduleId: true } });
    const defaultExists =
      current?.defaultScheduleId != null &&
      (await tx.schedule.count({ where: { id: current.defaultScheduleId, userId: ownerId } })) > 0;
    if (!defaultExists) await tx.user.update({ where: { id: ownerId }, data: { defaultScheduleId: created.id } });
    return created;
  });
  return toPublicSchedule(row);
}

export async function updateSchedule(auth: AuthContext, id: number, input: ScheduleUpdateInput): Promise<PublicSchedule> {
  await findVisibleSchedule(auth, id);
  const prisma = await getPrisma();
  try {
    return toPublicSchedule(await prisma.schedule.update({ where: { id }, data: input, include: withRules }));
  } catch (error) {
    if (isRecordNotFound(error)) throw notFound("Schedule");
    throw error;
  }
}

/** Deletes the schedule and its rules; deleting the owner's default schedule clears User.defaultScheduleId. */
export async function deleteSchedule(auth: AuthContext, id: number): Promise<void> {
  const schedule = await findVisibleSchedule(auth, id);
  const prisma = await getPrisma();
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.schedule.deleteMany({ where: { id } });
    if (count === 0) throw notFound("Schedule");
    await tx.user.updateMany({ where: { id: schedule.userId as number, defaultScheduleId: id }, data: { defaultScheduleId: null } });
  });
}
