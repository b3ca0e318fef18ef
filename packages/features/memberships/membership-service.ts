import { getPrisma, type MembershipModel, type MembershipRole, type Prisma } from "@slotbase/prisma";
import type { AuthContext } from "../auth/auth-context";
import { conflict, HttpError, notFound, type ErrorDetail } from "../errors/http-error";
import { isForeignKeyViolation, isUniqueViolation } from "../errors/database-errors";
import { toSkipTake, type PageRequest } from "../common/pagination";
import { acceptedTeamIds, assertTeamManager, keyAllowsTeam, TEAM_MANAGER_ROLES } from "../teams/team-access";

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
}

type Db = Prisma.TransactionClient;

const forbiddenField = (message: string, field: string) =>
  new HttpError("forbidden", message, { details: [{ field, rule: "forbidden", message }] });

const notFoundField = (what: string, detail: ErrorDetail) => new HttpError("not_found", `${what} not found.`, { details: [detail] });

const lastOwner = () =>
  conflict("A team must keep at least one accepted OWNER: make someone else OWNER first, or delete the team.", [
    { rule: "last_owner", message: "This is the team's last OWNER" },
  ]);

const isManager = (role: MembershipRole | null) => role !== null && TEAM_MANAGER_ROLES.includes(role);

/** The caller's standing in the team: their accepted role (null when none or pending). */
async function callerRoleIn(db: Db, auth: AuthContext, teamId: number): Promise<MembershipRole | null> {
  const own = await db.membership.findUnique({
    where: { userId_teamId: { userId: auth.userId, teamId } },
    select: { role: true, accepted: true },
  });
  return own?.accepted ? own.role : null;
}

/** The membership, if the caller may see it, with the caller's role in its team; otherwise 404. */
async function findVisible(db: Db, auth: AuthContext, key: MembershipKey): Promise<{ membership: MembershipModel; callerRole: MembershipRole | null }> {
  if (!keyAllowsTeam(auth, key.teamId)) throw notFound("Membership");
  const membership = await db.membership.findUnique({ where: { userId_teamId: key } });
  if (!membership) throw notFound("Membership");
  const callerRole = await callerRoleIn(db, auth, key.teamId);
  if (!auth.isAdmin && membership.userId !== auth.userId && callerRole === null) throw notFound("Membership");
  return { membership, callerRole };
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
 */
export async function listMemberships(auth: AuthContext, page: PageRequest, filter: MembershipFilter = {}): Promise<MembershipModel[]> {
  const prisma = await getPrisma();
  const conditions: Prisma.MembershipWhereInput[] = [];
  if (filter.teamId !== undefined) conditions.push({ teamId: filter.teamId });
  if (filter.userId !== undefined) conditions.push({ userId: filter.userId });
  if (auth.teamId !== null) conditions.push({ teamId: auth.teamId });
  if (!auth.isAdmin) {
    conditions.push({ OR: [{ teamId: { in: await acceptedTeamIds(auth.userId) } }, { userId: auth.userId }] });
  }
  return prisma.membership.findMany({ where: { AND: conditions }, orderBy: { id: "asc" }, ...toSkipTake(page) });
}

export async function getMembership(auth: AuthContext, key: MembershipKey): Promise<MembershipModel> {
  const prisma = await getPrisma();
  return (await findVisible(prisma, auth, key)).membership;
}

/**
 * OWNER/ADMIN of the team (or a system admin) invite a user. Only an OWNER invites an OWNER;
 * only a system admin may add an already accepted member (everyone else sends invitations).
 */
export async function createMembership(auth: AuthContext, input: MembershipCreateInput): Promise<MembershipModel> {
  const { userId, teamId, role = "MEMBER", accepted = false } = input;
  const teamMissing = () => notFoundField("Team", { field: "body.teamId", rule: "exists", message: "No such team" });
  const userMissing = () => notFoundField("User", { field: "body.userId", rule: "exists", message: "No user with this id" });
  let access;
  try {
    access = await assertTeamManager(auth, teamId);
  } catch (error) {
    if (error instanceof HttpError && error.code === "not_found") throw teamMissing();
    throw error;
  }
  if (role === "OWNER" && !access.isSystemAdmin && access.role !== "OWNER") {
    throw forbiddenField("Only a team OWNER can add an OWNER.", "body.role");
  }
  if (accepted && !access.isSystemAdmin) {
    throw forbiddenField("Only system admins can add accepted members; invite the user and let them accept.", "body.accepted");
  }
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
        { field: "body.userId", rule: "unique", message: "Already a member or invited" },
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
  return prisma.$transaction(async (db) => {
    await lockTeam(db, key.teamId);
    const { membership, callerRole } = await findVisible(db, auth, key);
    const isSelf = membership.userId === auth.userId;
    const manager = auth.isAdmin || isManager(callerRole);
    const systemOrOwner = auth.isAdmin || callerRole === "OWNER";
    if (!manager && !isSelf) throw new HttpError("forbidden", "Only a team OWNER or ADMIN can change memberships.");

    if (input.role !== undefined) {
      const changes = input.role !== membership.role;
      if (!manager) {
        if (changes) throw forbiddenField("Only a team OWNER or ADMIN can change roles.", "body.role");
      } else if (!systemOrOwner && (membership.role === "OWNER" || input.role === "OWNER")) {
        throw forbiddenField("Only a team OWNER can grant, remove or change the OWNER role.", "body.role");
      }
    }
    if (input.accepted !== undefined && input.accepted !== membership.accepted) {
      if (input.accepted && !isSelf && !auth.isAdmin) {
        throw forbiddenField("Only the invited user can accept an invitation.", "body.accepted");
      }
      if (!input.accepted && !auth.isAdmin) {
        throw forbiddenField("An accepted membership cannot become pending again; delete it to leave the team.", "body.accepted");
      }
    }

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
  await prisma.$transaction(async (db) => {
    await lockTeam(db, key.teamId);
    const { membership, callerRole } = await findVisible(db, auth, key);
    const isSelf = membership.userId === auth.userId;
    if (!isSelf && !auth.isAdmin) {
      if (!isManager(callerRole)) throw new HttpError("forbidden", "Only a team OWNER or ADMIN can remove members.");
      if (membership.role === "OWNER" && callerRole !== "OWNER") {
        throw new HttpError("forbidden", "Only a team OWNER can remove an OWNER.");
      }
    }
    await assertNotLastOwner(db, membership);
    await db.membership.delete({ where: { userId_teamId: key } });
  });
}
