import { getPrisma, type BlockerModel } from "@slotbase/prisma";
import type { AuthContext } from "../auth/auth-context";
import { invalidField, notFound, NotFoundError } from "../errors/domain-errors";
import { accessOf } from "../access/access";
import { assertMayActFor } from "../access/owner-rules";
import { assertBlocker, assertWorkspace, visibleBlockersWhere } from "../access/workspace-rules";
import { isForeignKeyViolation, isRecordNotFound } from "../errors/database-errors";
import { findPage, mapPage, type Page, type PageRequest } from "../common/pagination";

/**
 * v1 blockers: time blocked by hand, busy for slots like a booking: a user's (theirs to see and
 * change; admins act on anyone's) or a workspace calendar's (`calendarId`: it fills the
 * calendar whatever its capacity; the workspace's members see it, its OWNER/ADMIN set it).
 */

export const MAX_BLOCKER_DAYS = 366;
const MAX_BLOCKER_MS = MAX_BLOCKER_DAYS * 24 * 60 * 60 * 1000;

export interface BlockerCreateInput {
  startTime: Date;
  endTime: Date;
  title?: string | null;
  notes?: string | null;
  /** Admins only: block this user's time. */
  userId?: number;
  /** Block a workspace calendar instead of a user (the workspace's OWNER/ADMIN). */
  calendarId?: number;
}

export type BlockerUpdateInput = Partial<Omit<BlockerCreateInput, "userId" | "calendarId">>;

export interface BlockerFilter {
  userId?: number;
  calendarId?: number;
  /** Blockers that end after this instant. */
  dateFrom?: Date;
  /** Blockers that start before this instant. */
  dateTo?: Date;
}

export interface PublicBlocker {
  id: number;
  uid: string;
  userId: number | null;
  calendarId: number | null;
  title: string | null;
  notes: string | null;
  startTime: Date;
  endTime: Date;
  createdAt: Date;
}

export function toPublicBlocker(row: BlockerModel): PublicBlocker {
  return {
    id: row.id,
    uid: row.uid,
    userId: row.userId,
    calendarId: row.calendarId,
    title: row.title,
    notes: row.notes,
    startTime: row.startTime,
    endTime: row.endTime,
    createdAt: row.createdAt,
  };
}

function checkRange(startTime: Date, endTime: Date): void {
  const length = endTime.getTime() - startTime.getTime();
  const problem =
    length <= 0 ? "Must be after startTime" : length > MAX_BLOCKER_MS ? `A blocker lasts at most ${MAX_BLOCKER_DAYS} days` : undefined;
  if (problem) throw invalidField("endTime", length <= 0 ? "after_start" : "too_big", problem);
}

async function findVisibleBlocker(auth: AuthContext, id: number, need: "read" | "write"): Promise<BlockerModel> {
  const prisma = await getPrisma();
  const [row, access] = await Promise.all([
    prisma.blocker.findUnique({ where: { id }, include: { calendar: { select: { teamId: true } } } }),
    accessOf(auth),
  ]);
  assertBlocker(access, row && { userId: row.userId, calendarTeamId: row.calendar?.teamId ?? null }, need);
  const { calendar: _calendar, ...blocker } = row!;
  return blocker;
}

export async function listBlockers(auth: AuthContext, page: PageRequest, filter: BlockerFilter = {}): Promise<Page<PublicBlocker>> {
  const prisma = await getPrisma();
  const where = {
    AND: [
      visibleBlockersWhere(await accessOf(auth)),
      filter.userId !== undefined ? { userId: filter.userId } : {},
      filter.calendarId !== undefined ? { calendarId: filter.calendarId } : {},
      filter.dateFrom ? { endTime: { gt: filter.dateFrom } } : {},
      filter.dateTo ? { startTime: { lt: filter.dateTo } } : {},
    ],
  };
  const rows = await findPage(
    page,
    (window) => prisma.blocker.findMany({ where, orderBy: [{ startTime: "asc" }, { id: "asc" }], ...window }),
    () => prisma.blocker.count({ where }),
  );
  return mapPage(rows, toPublicBlocker);
}

export async function getBlocker(auth: AuthContext, id: number): Promise<PublicBlocker> {
  return toPublicBlocker(await findVisibleBlocker(auth, id, "read"));
}

export async function createBlocker(auth: AuthContext, input: BlockerCreateInput): Promise<PublicBlocker> {
  const { userId, calendarId, ...data } = input;
  checkRange(data.startTime, data.endTime);
  const prisma = await getPrisma();
  const access = await accessOf(auth);
  if (calendarId !== undefined) {
    if (userId !== undefined) throw invalidField("calendarId", "exclusive", "A blocker blocks a user or a calendar, not both: leave out userId");
    const calendar = await prisma.calendar.findUnique({ where: { id: calendarId }, select: { teamId: true } });
    try {
      assertWorkspace(access, calendar?.teamId ?? null, "write");
    } catch (error) {
      if (error instanceof NotFoundError) throw notFound("Calendar", { field: "calendarId", rule: "exists", message: "No such calendar in a workspace you may see" });
      throw error;
    }
    return toPublicBlocker(await prisma.blocker.create({ data: { ...data, calendarId } }));
  }
  const ownerId = userId ?? auth.userId;
  assertMayActFor(access, ownerId, "Only admins can create blockers for other users.");
  const userMissing = () => notFound("User", { field: "userId", rule: "not_found", message: `No user ${ownerId}` });
  if (!(await prisma.user.findUnique({ where: { id: ownerId }, select: { id: true } }))) throw userMissing();
  try {
    return toPublicBlocker(await prisma.blocker.create({ data: { ...data, userId: ownerId } }));
  } catch (error) {
    if (isForeignKeyViolation(error)) throw userMissing();
    throw error;
  }
}

export async function updateBlocker(auth: AuthContext, id: number, input: BlockerUpdateInput): Promise<PublicBlocker> {
  const existing = await findVisibleBlocker(auth, id, "write");
  checkRange(input.startTime ?? existing.startTime, input.endTime ?? existing.endTime);
  const prisma = await getPrisma();
  try {
    return toPublicBlocker(await prisma.blocker.update({ where: { id }, data: input }));
  } catch (error) {
    if (isRecordNotFound(error)) throw notFound("Blocker");
    throw error;
  }
}

export async function deleteBlocker(auth: AuthContext, id: number): Promise<void> {
  await findVisibleBlocker(auth, id, "write");
  const prisma = await getPrisma();
  const { count } = await prisma.blocker.deleteMany({ where: { id } });
  if (count === 0) throw notFound("Blocker");
}
