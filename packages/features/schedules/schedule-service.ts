import { getPrisma, type AvailabilityModel, type ScheduleModel } from "@slotbase/prisma";
import type { AuthContext } from "../auth/auth-context";
import { accessOf } from "../access/access";
import { assertMayActFor, assertOwnedBy, ownedRowsWhere } from "../access/owner-rules";
import { conflict, invalidField, notFound } from "../errors/domain-errors";
import { isRecordNotFound } from "../errors/database-errors";
import { findPage, mapPage, type Page, type PageRequest } from "../common/pagination";
import {
  MAX_RULES_PER_SCHEDULE,
  mergeRule,
  ruleData,
  toPublicAvailability,
  type AvailabilityRuleInput,
  type PublicAvailability,
  type RuleData,
} from "../availability-rules/availability-rule";

/**
 * User schedules (v1 `schedules`, Cal.com v2 `schedules`): named sets of availability rules in
 * one IANA time zone, owned by a user. Calendar-owned schedules (workspace surface) are not
 * these. A non-admin sees only their own schedules; anyone else's is a 404. A system admin acts
 * on any. A user who has schedules has a default one (User.defaultScheduleId): their first
 * schedule becomes it, `isDefault` moves it.
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
  /** Dated rules added to `availability` (or to the default hours). */
  overrides?: AvailabilityRuleInput[];
  /** true: it becomes the owner's default schedule (the first schedule becomes it anyway). */
  isDefault?: boolean;
}

export interface ScheduleUpdateInput {
  name?: string;
  timeZone?: string;
  /** Replaces every weekly rule (unavailable blocks included); each must be weekly. */
  availability?: AvailabilityRuleInput[];
  /** Replaces every dated rule (unavailable blocks included); each must be dated. */
  overrides?: AvailabilityRuleInput[];
  /** true: it becomes the owner's default schedule. false changes nothing: a default is moved, never unset. */
  isDefault?: boolean;
}

export interface ScheduleDeleteOptions {
  /** Refuse (409) to delete the owner's default schedule instead of leaving the owner without one. */
  keepDefault?: boolean;
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
  /** Whether it is its owner's default schedule. */
  isDefault: boolean;
  /** The zone its times are read in: its own, else its owner's (as the engine reads it). */
  effectiveTimeZone: string;
}

type ScheduleWithRules = ScheduleModel & {
  availability: AvailabilityModel[];
  user: { defaultScheduleId: number | null; timeZone: string } | null;
};

const withRules = {
  availability: { orderBy: { id: "asc" as const } },
  user: { select: { defaultScheduleId: true, timeZone: true } },
};

export function toPublicSchedule(row: ScheduleWithRules): PublicSchedule {
  return {
    id: row.id,
    userId: row.userId as number,
    name: row.name,
    timeZone: row.timeZone,
    availability: row.availability.map(toPublicAvailability),
    isDefault: row.user?.defaultScheduleId === row.id,
    effectiveTimeZone: row.timeZone ?? row.user?.timeZone ?? "UTC",
  };
}

/** Checked rules as stored: every one weekly (`kind` "weekly"), every one dated, or either. */
function rulesData(rules: AvailabilityRuleInput[], field: string, kind?: "weekly" | "dated"): RuleData[] {
  return rules.map((rule, index) => {
    const prefix = `${field}.${index}`;
    const values = mergeRule(undefined, rule, prefix);
    if (kind === "weekly" && values.date !== null) throw invalidField(`${prefix}.date`, "weekly_only", "Only weekly rules (days, no date) belong here");
    if (kind === "dated" && values.date === null) throw invalidField(`${prefix}.date`, "required", "A dated rule needs its date");
    return ruleData(values);
  });
}

function assertRuleCount(count: number, field: string): void {
  if (count > MAX_RULES_PER_SCHEDULE) throw invalidField(field, "too_big", `At most ${MAX_RULES_PER_SCHEDULE} rules per schedule`);
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

export async function listSchedules(auth: AuthContext, page: PageRequest, filter: ScheduleFilter = {}): Promise<Page<PublicSchedule>> {
  const prisma = await getPrisma();
  const visible = ownedRowsWhere(await accessOf(auth));
  const where = { AND: [visible, filter.userId !== undefined ? { userId: filter.userId } : {}] };
  const rows = await findPage(page, (window) => prisma.schedule.findMany({ where, include: withRules, orderBy: { id: "asc" }, ...window }), () => prisma.schedule.count({ where }));
  return mapPage(rows, toPublicSchedule);
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
  const rules = [...rulesData([...(input.availability ?? DEFAULT_AVAILABILITY)], "availability"), ...rulesData(input.overrides ?? [], "overrides", "dated")];
  assertRuleCount(rules.length, input.overrides?.length ? "overrides" : "availability");
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
      select: { id: true },
    });
    // Asked to be the default, or the first schedule (or the first since the default went away).
    const current = await tx.user.findUnique({ where: { id: ownerId }, select: { defaultScheduleId: true } });
    const defaultExists =
      current?.defaultScheduleId != null &&
      (await tx.schedule.count({ where: { id: current.defaultScheduleId, userId: ownerId } })) > 0;
    if (input.isDefault || !defaultExists) await tx.user.update({ where: { id: ownerId }, data: { defaultScheduleId: created.id } });
    return tx.schedule.findUniqueOrThrow({ where: { id: created.id }, include: withRules });
  });
  return toPublicSchedule(row);
}

/**
 * Renames, moves to another zone, makes it the default, and replaces its weekly rules
 * (`availability`) or its dated ones (`overrides`), all in one transaction: a rule that fails
 * its checks changes nothing.
 */
export async function updateSchedule(auth: AuthContext, id: number, input: ScheduleUpdateInput): Promise<PublicSchedule> {
  const schedule = await findVisibleSchedule(auth, id);
  const ownerId = schedule.userId as number;
  const weekly = input.availability && rulesData(input.availability, "availability", "weekly");
  const dated = input.overrides && rulesData(input.overrides, "overrides", "dated");
  const prisma = await getPrisma();
  try {
    const row = await prisma.$transaction(async (tx) => {
      // Written first (updatedAt always changes), so the row stays locked: concurrent
      // replacements of the rules run one after the other, never merge.
      await tx.schedule.update({ where: { id }, data: { name: input.name, timeZone: input.timeZone } });
      for (const [rules, isDated] of [[weekly, false], [dated, true]] as const) {
        if (!rules) continue;
        await tx.availability.deleteMany({ where: { scheduleId: id, date: isDated ? { not: null } : null } });
        await tx.availability.createMany({ data: rules.map((rule) => ({ ...rule, scheduleId: id, userId: ownerId })) });
      }
      if (weekly || dated) assertRuleCount(await tx.availability.count({ where: { scheduleId: id } }), dated ? "overrides" : "availability");
      if (input.isDefault) await tx.user.update({ where: { id: ownerId }, data: { defaultScheduleId: id } });
      return tx.schedule.findUniqueOrThrow({ where: { id }, include: withRules });
    });
    return toPublicSchedule(row);
  } catch (error) {
    if (isRecordNotFound(error)) throw notFound("Schedule");
    throw error;
  }
}

/**
 * Deletes the schedule and its rules. Deleting the owner's default schedule clears
 * User.defaultScheduleId, or, with `keepDefault`, is refused (409) until another schedule is
 * made the default.
 */
export async function deleteSchedule(auth: AuthContext, id: number, options: ScheduleDeleteOptions = {}): Promise<void> {
  const schedule = await findVisibleSchedule(auth, id);
  const ownerId = schedule.userId as number;
  const prisma = await getPrisma();
  await prisma.$transaction(async (tx) => {
    // Deleting first locks the row: an update making it the default (which writes the row
    // first) has committed before the default is read here, or waits and then finds it gone.
    const { count } = await tx.schedule.deleteMany({ where: { id } });
    if (count === 0) throw notFound("Schedule");
    const { count: wasDefault } = await tx.user.updateMany({ where: { id: ownerId, defaultScheduleId: id }, data: { defaultScheduleId: null } });
    if (wasDefault > 0 && options.keepDefault) {
      const message = `Schedule ${id} is its owner's default schedule: make another schedule the default first, then delete this one.`;
      throw conflict(message, [{ field: "scheduleId", rule: "is_default", message: "The default schedule cannot be deleted" }]);
    }
  });
}

/** Every schedule of the caller themself (an admin's too: only their own), ordered by id. */
export async function listOwnSchedules(auth: AuthContext): Promise<PublicSchedule[]> {
  const prisma = await getPrisma();
  const rows = await prisma.schedule.findMany({ where: { userId: auth.userId }, include: withRules, orderBy: { id: "asc" } });
  return rows.map(toPublicSchedule);
}

/** The caller's own default schedule; a 404 when they have none. */
export async function getOwnDefaultSchedule(auth: AuthContext): Promise<PublicSchedule> {
  const prisma = await getPrisma();
  const user = await prisma.user.findUnique({ where: { id: auth.userId }, select: { defaultScheduleId: true } });
  const row =
    user?.defaultScheduleId != null ? await prisma.schedule.findFirst({ where: { id: user.defaultScheduleId, userId: auth.userId }, include: withRules }) : null;
  if (!row) throw notFound("Default schedule", { rule: "no_default", message: "You have no default schedule: create one with isDefault true, or make one the default" });
  return toPublicSchedule(row);
}
