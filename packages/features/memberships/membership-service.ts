import { getPrisma, type MembershipModel, type MembershipRole, type Prisma, type TeamModel } from "@slotbase/prisma";
import type { AuthContext } from "../auth/auth-context";
import { accessOf, withCurrentTeamRole, type Access } from "../access/access";
import {
  assertMayChangeMembership,
  assertMayInvite,
  assertMayRemoveMembership,
  assertMembershipVisible,
  visibleMembershipsWhere,
} from "../access/membership-rules";
import { canReadTeam } from "../access/team-rules";
import { conflict, notFound } from "../errors/domain-errors";
import { isForeignKeyViolation, isUniqueViolation } from "../errors/database-errors";
import { findPage, type Page, type PageRequest } from "../common/pagination";

/**
 * Memberships: a user in a team with a role (OWNER / ADMIN / MEMBER) and `accepted`.
 *
 * - Visible to: system admins, accepted members of the team, and the membership's own user
 *   (so an invitee sees, accepts or declines their invitation). Anyone else: 404.
 * - OWNERs and ADMINs add and change members; only an OWNER makes or unmakes an OWNER, and an
 *   ADMIN cannot touch an OWNER's membership. A pending invitation grants nothing.
 * - Only the invited user accepts an invitation; anyone may leave (delete their own).
 * - A team always keeps at least one accepted OWNER (409 otherwise); membership changes of a
 *   team are serialised on the team row, so two owners cannot demote each other at once.
 */
export interface MembershipKey {
  userId: number;
  teamId: number;
}

export interface MembershipCreateInput extends MembershipKey {
  role?: MembershipRole;
  accepted?: boolean;
}

export interface MembershipUpdateInput {
  role?: MembershipRole;
  accepted?: boolean;
}

export interface MembershipFilter {
  teamId?: number;
  userId?: number;
  /** Cal.com v1's `include=team`: each membership with its team, where the caller may read the team. */
  includeTeam?: boolean;
}

/** A listed membership; `team` only when asked for and the caller may read that team. */
export type ListedMembership = MembershipModel & { team?: TeamModel };

type Db = Prisma.TransactionClient;

const lastOwner = () =>
  conflict("A team must keep at least one accepted OWNER: make someone else OWNER first, or delete the team.", [
    { rule: "last_owner", message: "This is the team's last OWNER" },
  ]);

/** The membership, if the caller may see it (404 otherwise). */
async function findVisible(db: Db, access: Access, key: MembershipKey): Promise<MembershipModel> {
  const membership = await db.membership.findUnique({ where: { userId_teamId: key } });
  assertMembershipVisible(access, membership, key);
  return membership!;
}

/** Serialises membership changes of one team (PostgreSQL row lock, held until commit). */
async function lockTeam(db: Db, teamId: number): Promise<void> {
  await db.$queryRaw`SELECT id FROM "Team" WHERE id = ${teamId} FOR UPDATE`;
}

async function assertNotLastOwner(db: Db, membership: MembershipModel): Promise<void> {
  if (membership.role !== "OWNER" || !membership.accepted) return;
  const owners = await db.membership.count({ where: { teamId: membership.teamId, role: "OWNER", accepted: true } });
  if (owners <= 1) throw lastOwner();
}

/**
 * Memberships of the teams the caller is an accepted member of, plus the caller's own
 * (pending invitations included); system admins: all. A team-restricted key: that team only.
 * With `includeTeam`, each with its team, except teams the caller may not read (an invitee's
 * pending invitation shows no more of the team than GET /v1/teams/{id} would).
 */
export async function listMemberships(auth: AuthContext, page: PageRequest, filter: MembershipFilter = {}): Promise<Page<ListedMembership>> {
  const access = await accessOf(auth);
  const prisma = await getPrisma();
  const conditions: Prisma.MembershipWhereInput[] = [visibleMembershipsWhere(access)];
  if (filter.teamId !== undefined) conditions.push({ teamId: filter.teamId });
  if (filter.userId !== undefined) conditions.push({ userId: filter.userId });
  const where = { AND: conditions };
  const count = () => prisma.membership.count({ where });
  if (!filter.includeTeam) return findPage(page, (window) => prisma.membership.findMany({ where, orderBy: { id: "asc" }, ...window }), count);
  const rows = await findPage(page, (window) => prisma.membership.findMany({ where, orderBy: { id: "asc" }, include: { team: true }, ...window }), count);
  return { items: rows.items.map(({ team, ...membership }) => (canReadTeam(access, membership.teamId) ? { ...membership, team } : membership)), total: rows.total };
}

export async function getMembership(auth: AuthContext, key: MembershipKey): Promise<MembershipModel> {
  const prisma = await getPrisma();
  return findVisible(prisma, await accessOf(auth), key);
}

/**
 * OWNER/ADMIN of the team (or a system admin) invite a user. Only an OWNER invites an OWNER;
 * only a system admin may add an already accepted member (everyone else sends invitations).
 */
export async function createMembership(auth: AuthContext, input: MembershipCreateInput): Promise<MembershipModel> {
  const { userId, teamId, role = "MEMBER", accepted = false } = input;
  const teamMissing = () => notFound("Team", { field: "teamId", rule: "exists", message: "No such team" });
  const userMissing = () => notFound("User", { field: "userId", rule: "exists", message: "No user with this id" });
  assertMayInvite(await accessOf(auth), teamId, { role, accepted });
  const prisma = await getPrisma();
  const [team, user] = await Promise.all([
    prisma.team.findUnique({ where: { id: teamId }, select: { id: true } }),
    prisma.user.findUnique({ where: { id: userId }, select: { id: true } }),
  ]);
  if (!team) throw teamMissing();
  if (!user) throw userMissing();
  try {
    return await prisma.membership.create({ data: { userId, teamId, role, accepted } });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(`User ${userId} is already a member of team ${teamId} (or has a pending invitation).`, [
        { field: "userId", rule: "unique", message: "Already a member or invited" },
      ]);
    }
    if (isForeignKeyViolation(error)) throw userMissing();
    throw error;
  }
}

/**
 * Role changes: OWNER/ADMIN (ADMINs neither grant OWNER nor change an OWNER). `accepted: true`:
 * only the invited user (or a system admin). An accepted membership does not go back to
 * pending (delete it to leave), except by a system admin. The last accepted OWNER stays.
 */
export async function updateMembership(auth: AuthContext, key: MembershipKey, input: MembershipUpdateInput): Promise<MembershipModel> {
  const prisma = await getPrisma();
  const access = await accessOf(auth);
  return prisma.$transaction(async (db) => {
    await lockTeam(db, key.teamId);
    const current = await withCurrentTeamRole(db, access, key.teamId);
    const membership = await findVisible(db, current, key);
    assertMayChangeMembership(current, membership, input);

    const role = input.role ?? membership.role;
    const accepted = input.accepted ?? membership.accepted;
    if (role === membership.role && accepted === membership.accepted) return membership;
    if (role !== "OWNER" || !accepted) await assertNotLastOwner(db, membership);
    return db.membership.update({ where: { userId_teamId: key }, data: { role, accepted } });
  });
}

/**
 * Anyone may leave (or decline an invitation); OWNER/ADMIN remove members, but an ADMIN
 * cannot remove an OWNER. The last accepted OWNER cannot leave or be removed.
 */
export async function deleteMembership(auth: AuthContext, key: MembershipKey): Promise<void> {
  const prisma = await getPrisma();
  const access = await accessOf(auth);
  await prisma.$transaction(async (db) => {
    await lockTeam(db, key.teamId);
    const current = await withCurrentTeamRole(db, access, key.teamId);
    const membership = await findVisible(db, current, key);
    assertMayRemoveMembership(current, membership);
    await assertNotLastOwner(db, membership);
    await db.membership.delete({ where: { userId_teamId: key } });
  });
}
