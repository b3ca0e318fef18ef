import { getPrisma, type BlockerModel, type Prisma } from "@slotbase/prisma";
import type { AuthContext } from "../auth/auth-context";
import { invalidField, notFound } from "../errors/domain-errors";
import { accessOf } from "../access/access";
import { assertMayActFor, assertOwnedBy, ownedRowsWhere } from "../access/owner-rules";
import { isForeignKeyViolation, isRecordNotFound } from "../errors/database-errors";
import { toSkipTake, type PageRequest } from "../common/pagination";

/**
 * v1 blockers: time a user blocked by hand; busy for slots like a booking. Calendar
 * blockers (workspace surface) do not exist on v1. A non-admin sees only their own; anyone
 * else's is a 404. A system admin acts on any.
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
}

export type BlockerUpdateInput = Partial<Omit<BlockerCreateInput, "userId">>;

export interface BlockerFilter {
  userId?: number;
  /** Blockers that end after this instant. */
  dateFrom?: Date;
  /** Blockers that start before this instant. */
  dateTo?: Date;
}

export interface PublicBlocker {
  id: number;
  uid: string;
  userId: number;
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
    userId: row.userId as number,
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

async function findVisibleBlocker(auth: AuthContext, id: number): Promise<BlockerModel> {
  const prisma = await getPrisma();
  const [row, access] = await Promise.all([prisma.blocker.findUnique({ where: { id } }), accessOf(auth)]);
  assertOwnedBy(access, row?.userId ?? null, "Blocker");
  return row!;
}

export async function listBlockers(auth: AuthContext, page: PageRequest, filter: BlockerFilter = {}): Promise<PublicBlocker[]> {
  const prisma = await getPrisma();
  const rows = await prisma.blocker.findMany({
    where: {
      AND: [
        ownedRowsWhere(await accessOf(auth)) satisfies Prisma.BlockerWhereInput,
        filter.userId !== undefined ? { userId: filter.userId } : {},
        filter.dateFrom ? { endTime: { gt: filter.dateFrom } } : {},
        filter.dateTo ? { startTime: { lt: filter.dateTo } } : {},
      ],
    },
    orderBy: [{ startTime: "asc" }, { id: "asc" }],
    ...toSkipTake(page),
  });
  return rows.map(toPublicBlocker);
}

export async function getBlocker(auth: AuthContext, id: number): Promise<PublicBlocker> {
  return toPublicBlocker(await findVisibleBlocker(auth, id));
}

export async function createBlocker(auth: AuthContext, input: BlockerCreateInput): Promise<PublicBlocker> {
  const { userId, ...data } = input;
  const ownerId = userId ?? auth.userId;
  assertMayActFor(await accessOf(auth), ownerId, "Only admins can create blockers for other users.");
  checkRange(data.startTime, data.endTime);
  const prisma = await getPrisma();
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
  const existing = await findVisibleBlocker(auth, id);
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
  await findVisibleBlocker(auth, id);
  const prisma = await getPrisma();
  const { count } = await prisma.blocker.deleteMany({ where: { id } });
  if (count === 0) throw notFound("Blocker");
}
