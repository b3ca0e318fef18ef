import { getPrisma, type Prisma } from "@slotbase/prisma";
import type { AuthContext } from "../auth/auth-context";
import { accessOf } from "../access/access";
import { ownedRowsWhere } from "../access/owner-rules";
import { conflict, notFound } from "../errors/domain-errors";
import { isForeignKeyViolation, isRecordNotFound } from "../errors/database-errors";
import { findPage, mapPage, type Page, type PageRequest } from "../common/pagination";
import { findVisibleSchedule } from "../schedules/schedule-service";
import {
  MAX_RULES_PER_SCHEDULE,
  mergeRule,
  ruleData,
  ruleValuesOf,
  toPublicAvailability,
  type AvailabilityRuleInput,
  type AvailabilityRulePatch,
  type PublicAvailability,
} from "./availability-rule";

/**
 * v1 availabilities: the rules of v1 (user-owned) schedules. A rule is visible to whoever
 * may see its schedule; anyone else gets a 404. Rules that belong to no user schedule
 * (calendar schedules, legacy event-type rules) do not exist on v1.
 */

export interface AvailabilityCreateInput extends AvailabilityRuleInput {
  scheduleId: number;
}

export interface AvailabilityUpdateInput extends AvailabilityRulePatch {
  scheduleId?: number;
}

export interface AvailabilityFilter {
  scheduleId?: number;
}

async function visibleRules(auth: AuthContext): Promise<Prisma.AvailabilityWhereInput> {
  return { schedule: ownedRowsWhere(await accessOf(auth)) };
}

async function findVisibleRule(auth: AuthContext, id: number) {
  const prisma = await getPrisma();
  const row = await prisma.availability.findFirst({ where: { AND: [{ id }, await visibleRules(auth)] } });
  if (!row) throw notFound("Availability");
  return row;
}

async function assertRoomFor(scheduleId: number): Promise<void> {
  const prisma = await getPrisma();
  if ((await prisma.availability.count({ where: { scheduleId } })) >= MAX_RULES_PER_SCHEDULE) {
    throw conflict(`Schedule ${scheduleId} already has ${MAX_RULES_PER_SCHEDULE} availability rules, the most a schedule may have.`, [
      { field: "scheduleId", rule: "too_many", message: `At most ${MAX_RULES_PER_SCHEDULE} rules per schedule` },
    ]);
  }
}

/** The schedule vanished between the check and the write: as if it never existed. */
const scheduleGone = (scheduleId: number) => notFound(`Schedule ${scheduleId}`);

export async function listAvailabilities(auth: AuthContext, page: PageRequest, filter: AvailabilityFilter = {}): Promise<Page<PublicAvailability>> {
  const prisma = await getPrisma();
  const where = { AND: [await visibleRules(auth), filter.scheduleId !== undefined ? { scheduleId: filter.scheduleId } : {}] };
  const rows = await findPage(page, (window) => prisma.availability.findMany({ where, orderBy: { id: "asc" }, ...window }), () => prisma.availability.count({ where }));
  return mapPage(rows, toPublicAvailability);
}

export async function getAvailability(auth: AuthContext, id: number): Promise<PublicAvailability> {
  return toPublicAvailability(await findVisibleRule(auth, id));
}

export async function createAvailability(auth: AuthContext, input: AvailabilityCreateInput): Promise<PublicAvailability> {
  const { scheduleId, ...rule } = input;
  const schedule = await findVisibleSchedule(auth, scheduleId, "scheduleId");
  const data = ruleData(mergeRule(undefined, rule));
  await assertRoomFor(scheduleId);
  const prisma = await getPrisma();
  try {
    const row = await prisma.availability.create({ data: { ...data, scheduleId, userId: schedule.userId } });
    return toPublicAvailability(row);
  } catch (error) {
    if (isForeignKeyViolation(error)) throw scheduleGone(scheduleId);
    throw error;
  }
}

/**
 * Merges the change into the rule and checks the result as a whole (switching a weekly rule
 * to a dated one, say). The rule stays in its schedule unless `scheduleId` names another
 * schedule the caller may use.
 */
export async function updateAvailability(auth: AuthContext, id: number, input: AvailabilityUpdateInput): Promise<PublicAvailability> {
  const existing = await findVisibleRule(auth, id);
  const { scheduleId, ...patch } = input;
  const data = ruleData(mergeRule(ruleValuesOf(existing), patch));
  let move: { scheduleId: number; userId: number | null } | undefined;
  if (scheduleId !== undefined && scheduleId !== existing.scheduleId) {
    const target = await findVisibleSchedule(auth, scheduleId, "scheduleId");
    await assertRoomFor(scheduleId);
    move = { scheduleId, userId: target.userId };
  }
  const prisma = await getPrisma();
  try {
    const row = await prisma.availability.update({ where: { id }, data: { ...data, ...move } });
    return toPublicAvailability(row);
  } catch (error) {
    if (isRecordNotFound(error)) throw notFound("Availability");
    if (isForeignKeyViolation(error) && move) throw scheduleGone(move.scheduleId);
    throw error;
  }
}

export async function deleteAvailability(auth: AuthContext, id: number): Promise<void> {
  await findVisibleRule(auth, id);
  const prisma = await getPrisma();
  const { count } = await prisma.availability.deleteMany({ where: { id } });
  if (count === 0) throw notFound("Availability");
}
