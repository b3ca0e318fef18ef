import { getPrisma, type Prisma, type SelectedCalendarModel } from "@slotbase/prisma";
import type { AuthContext } from "../auth/auth-context";
import { accessOf } from "../access/access";
import { assertMayUseSelectedCalendarsOf, assertSelectedCalendarsVisible, visibleSelectedCalendarsWhere } from "../access/calendar-source-rules";
import { conflict, invalidField, notFound, type FieldIssue } from "../errors/domain-errors";
import { isForeignKeyViolation, isRecordNotFound, isUniqueViolation } from "../errors/database-errors";
import { findPage, mapPage, type Page, type PageRequest } from "../common/pagination";
import { formatSelectedCalendarId, unaddressableField, type SelectedCalendarKey } from "./selected-calendar-id";

/**
 * v1 selected calendars (Cal.com's resource): the external calendars a user has chosen to be
 * read for busy time, one row per (user, integration, externalId). There are no calendar
 * integrations yet: a selected calendar is recorded and shown in the user's availability
 * (`selectedCalendars`) but adds no busy time.
 */
export interface SelectedCalendarInput {
  integration: string;
  externalId: string;
  /** Admins only: select it for this user. */
  userId?: number;
}

export type SelectedCalendarUpdate = Partial<SelectedCalendarInput>;

export interface PublicSelectedCalendar {
  userId: number;
  integration: string;
  externalId: string;
}

export const toPublicSelectedCalendar = (row: SelectedCalendarModel): PublicSelectedCalendar => ({
  userId: row.userId,
  integration: row.integration,
  externalId: row.externalId,
});

const ORDER: Prisma.SelectedCalendarOrderByWithRelationInput[] = [{ userId: "asc" }, { integration: "asc" }, { externalId: "asc" }];

const keyWhere = (key: SelectedCalendarKey) => ({ userId_integration_externalId: { userId: key.userId, integration: key.integration, externalId: key.externalId } });

const missing = () => notFound("Selected calendar");

function checkAddressable(key: SelectedCalendarKey): void {
  const problem = unaddressableField(key);
  if (problem) throw invalidField(problem.field, "ambiguous_id", problem.message);
}

/** A user the caller names as the owner (their own id needs no check). */
async function checkUserExists(userId: number): Promise<void> {
  const prisma = await getPrisma();
  if (!(await prisma.user.findUnique({ where: { id: userId }, select: { id: true } }))) {
    throw notFound("User", { field: "userId", rule: "not_found", message: `No user ${userId}` });
  }
}

/** 409: the key is another selected calendar's; the details name the key fields the client sent. */
function taken(key: SelectedCalendarKey, input: SelectedCalendarUpdate): never {
  const message = `User ${key.userId} has already selected the ${key.integration} calendar ${JSON.stringify(key.externalId)} (id ${formatSelectedCalendarId(key)}).`;
  const sent = (["userId", "integration", "externalId"] as const).filter((field) => input[field] !== undefined);
  const issues: FieldIssue[] = sent.map((field) => ({ field, rule: "unique", message }));
  throw conflict(message, issues);
}

export async function listSelectedCalendars(auth: AuthContext, page: PageRequest, filter: { userId?: number } = {}): Promise<Page<PublicSelectedCalendar>> {
  const access = await accessOf(auth);
  if (filter.userId !== undefined) assertMayUseSelectedCalendarsOf(access, filter.userId);
  const prisma = await getPrisma();
  const where = { AND: [visibleSelectedCalendarsWhere(access), filter.userId !== undefined ? { userId: filter.userId } : {}] };
  const rows = await findPage(page, (window) => prisma.selectedCalendar.findMany({ where, orderBy: ORDER, ...window }), () => prisma.selectedCalendar.count({ where }));
  return mapPage(rows, toPublicSelectedCalendar);
}

async function findVisible(auth: AuthContext, key: SelectedCalendarKey): Promise<SelectedCalendarModel> {
  assertSelectedCalendarsVisible(await accessOf(auth), key.userId);
  const prisma = await getPrisma();
  const row = await prisma.selectedCalendar.findUnique({ where: keyWhere(key) });
  if (!row) throw missing();
  return row;
}

export async function getSelectedCalendar(auth: AuthContext, key: SelectedCalendarKey): Promise<PublicSelectedCalendar> {
  return toPublicSelectedCalendar(await findVisible(auth, key));
}

export async function createSelectedCalendar(auth: AuthContext, input: SelectedCalendarInput): Promise<PublicSelectedCalendar> {
  const access = await accessOf(auth);
  const key = { userId: input.userId ?? access.userId, integration: input.integration, externalId: input.externalId };
  assertMayUseSelectedCalendarsOf(access, key.userId);
  checkAddressable(key);
  if (key.userId !== access.userId) await checkUserExists(key.userId);
  const prisma = await getPrisma();
  try {
    return toPublicSelectedCalendar(await prisma.selectedCalendar.create({ data: key }));
  } catch (error) {
    if (isUniqueViolation(error)) taken(key, input);
    if (isForeignKeyViolation(error)) throw notFound("User", { field: "userId", rule: "not_found", message: `No user ${key.userId}` });
    throw error;
  }
}

/**
 * Changes a selected calendar's integration, external id or (admins) user: its id changes with
 * them. Taking the key of another selected calendar is a 409.
 */
export async function updateSelectedCalendar(auth: AuthContext, key: SelectedCalendarKey, input: SelectedCalendarUpdate): Promise<PublicSelectedCalendar> {
  const existing = await findVisible(auth, key);
  const next = { userId: input.userId ?? existing.userId, integration: input.integration ?? existing.integration, externalId: input.externalId ?? existing.externalId };
  if (next.userId !== existing.userId) {
    assertMayUseSelectedCalendarsOf(await accessOf(auth), next.userId, "Only admins can move a selected calendar to another user.");
    await checkUserExists(next.userId);
  }
  checkAddressable(next);
  if (next.userId === existing.userId && next.integration === existing.integration && next.externalId === existing.externalId) {
    return toPublicSelectedCalendar(existing);
  }
  const prisma = await getPrisma();
  try {
    return toPublicSelectedCalendar(await prisma.selectedCalendar.update({ where: keyWhere(key), data: next }));
  } catch (error) {
    if (isUniqueViolation(error)) taken(next, input);
    if (isRecordNotFound(error)) throw missing();
    if (isForeignKeyViolation(error)) throw notFound("User", { field: "userId", rule: "not_found", message: `No user ${next.userId}` });
    throw error;
  }
}

export async function deleteSelectedCalendar(auth: AuthContext, key: SelectedCalendarKey): Promise<void> {
  assertSelectedCalendarsVisible(await accessOf(auth), key.userId);
  const prisma = await getPrisma();
  const { count } = await prisma.selectedCalendar.deleteMany({ where: { userId: key.userId, integration: key.integration, externalId: key.externalId } });
  if (count === 0) throw missing();
}

/** The selected calendars of these users, by user (for availability; the caller decides who may see them). */
export async function selectedCalendarsOfUsers(userIds: readonly number[]): Promise<Map<number, { integration: string; externalId: string }[]>> {
  const byUser = new Map<number, { integration: string; externalId: string }[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return byUser;
  const prisma = await getPrisma();
  const rows = await prisma.selectedCalendar.findMany({ where: { userId: { in: [...userIds] } }, orderBy: ORDER });
  for (const row of rows) byUser.get(row.userId)?.push({ integration: row.integration, externalId: row.externalId });
  return byUser;
}
