import { getPrisma, Prisma, type MembershipModel, type TeamModel } from "@slotbase/prisma";
import type { AuthContext } from "../auth/auth-context";
import { accessOf } from "../access/access";
import { assertCanCreateTeam, assertTeam, readableTeamIds } from "../access/team-rules";
import { conflict, notFound } from "../errors/domain-errors";
import { isForeignKeyViolation, isRecordNotFound, isUniqueViolation } from "../errors/database-errors";
import { findPage, type Page, type PageRequest } from "../common/pagination";
import { invalidateKeys } from "../api-keys/key-invalidation";

/** Team fields a client may set. */
export interface TeamFields {
  name?: string;
  slug?: string | null;
  bio?: string | null;
  logoUrl?: string | null;
  isPrivate?: boolean;
  hideBranding?: boolean;
  timeZone?: string;
  weekStart?: string;
  brandColor?: string | null;
  metadata?: Record<string, unknown> | null;
}

export interface TeamCreateInput extends TeamFields {
  name: string;
  /** System admins only: the user who becomes OWNER (default: the caller). */
  ownerId?: number;
}

export type TeamUpdateInput = TeamFields;

export interface CreatedTeam {
  team: TeamModel;
  /** The caller's (or ownerId's) accepted OWNER membership, created with the team. */
  owner: MembershipModel;
}

const slugTaken = (slug: string | null | undefined) =>
  conflict(`A team with the slug ${slug ?? "given"} already exists.`, [
    { field: "slug", rule: "unique", message: "Slug already in use" },
  ]);

/** `metadata: null` clears the column (Prisma needs DbNull for a nullable Json field). */
function toData<T extends TeamFields>(fields: T): Omit<T, "metadata"> & { metadata?: typeof Prisma.DbNull | Prisma.InputJsonObject } {
  const { metadata, ...rest } = fields;
  return {
    ...rest,
    ...(metadata === undefined ? {} : { metadata: metadata === null ? Prisma.DbNull : (metadata as Prisma.InputJsonObject) }),
  };
}

/** Accepted members see their teams; system admins see all; a team-restricted key only its team. */
export async function listTeams(auth: AuthContext, page: PageRequest): Promise<Page<TeamModel>> {
  const teamIds = readableTeamIds(await accessOf(auth));
  const prisma = await getPrisma();
  const where = teamIds === null ? {} : { id: { in: teamIds } };
  return findPage(page, (window) => prisma.team.findMany({ where, orderBy: { id: "asc" }, ...window }), () => prisma.team.count({ where }));
}

export async function getTeam(auth: AuthContext, teamId: number): Promise<TeamModel> {
  assertTeam(await accessOf(auth), teamId, "read");
  const prisma = await getPrisma();
  const team = await prisma.team.findUnique({ where: { id: teamId } });
  if (!team) throw notFound("Team");
  return team;
}

/** Creates the team and its creator's accepted OWNER membership in one (nested, atomic) write. */
export async function createTeam(auth: AuthContext, input: TeamCreateInput): Promise<CreatedTeam> {
  const { ownerId: requestedOwner, ...fields } = input;
  const ownerId = requestedOwner ?? auth.userId;
  assertCanCreateTeam(await accessOf(auth), ownerId);
  const prisma = await getPrisma();
  const unknownOwner = () => notFound("User", { field: "ownerId", rule: "exists", message: "No user with this id" });
  if (ownerId !== auth.userId && !(await prisma.user.findUnique({ where: { id: ownerId }, select: { id: true } }))) {
    throw unknownOwner();
  }
  try {
    const { members, ...team } = await prisma.team.create({
      data: { ...toData(fields), members: { create: { userId: ownerId, role: "OWNER", accepted: true } } },
      include: { members: true },
    });
    return { team, owner: members[0]! };
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken(fields.slug);
    if (isForeignKeyViolation(error)) throw unknownOwner();
    throw error;
  }
}

/** OWNER or ADMIN (or system admin); a plain member gets 403, anyone else 404. */
export async function updateTeam(auth: AuthContext, teamId: number, input: TeamUpdateInput): Promise<TeamModel> {
  assertTeam(await accessOf(auth), teamId, "manage");
  const prisma = await getPrisma();
  try {
    return await prisma.team.update({ where: { id: teamId }, data: toData(input) });
  } catch (error) {
    if (isRecordNotFound(error)) throw notFound("Team");
    if (isUniqueViolation(error)) throw slugTaken(input.slug);
    throw error;
  }
}

/** OWNER only (or system admin). Memberships, team keys and team-owned data go with the team. */
export async function deleteTeam(auth: AuthContext, teamId: number): Promise<void> {
  assertTeam(await accessOf(auth), teamId, "own");
  const prisma = await getPrisma();
  const { count } = await prisma.team.deleteMany({ where: { id: teamId } });
  if (count === 0) throw notFound("Team");
  // The team's restricted keys were deleted with it: stop honouring cached copies at once.
  await invalidateKeys({ teamId });
}
