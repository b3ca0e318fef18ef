import { getPrisma, type MembershipRole } from "@slotbase/prisma";
import type { AuthContext } from "../auth/auth-context";
import { forbidden, notFound } from "../errors/http-error";

/**
 * Team permissions, in one place for every team-owned resource (teams, memberships,
 * team event types, hosts). Only an ACCEPTED membership counts: a pending invitation
 * grants nothing. Someone who is not a member does not learn that the team exists (404).
 * A key restricted to one team (ApiKey.teamId) sees no other team.
 */
export type TeamAccess = { role: MembershipRole | null; isSystemAdmin: boolean };

export const TEAM_MANAGER_ROLES: readonly MembershipRole[] = ["OWNER", "ADMIN"];

/** The caller's accepted role in a team, or null. */
export async function acceptedRoleIn(userId: number, teamId: number): Promise<MembershipRole | null> {
  const prisma = await getPrisma();
  const membership = await prisma.membership.findUnique({
    where: { userId_teamId: { userId, teamId } },
    select: { role: true, accepted: true },
  });
  return membership?.accepted ? membership.role : null;
}

/** Ids of the teams the user is an accepted member of (optionally with one of `roles`). */
export async function acceptedTeamIds(userId: number, roles?: readonly MembershipRole[]): Promise<number[]> {
  const prisma = await getPrisma();
  const rows = await prisma.membership.findMany({
    where: { userId, accepted: true, ...(roles ? { role: { in: [...roles] } } : {}) },
    select: { teamId: true },
  });
  return rows.map((row) => row.teamId);
}

/** Whether a team-restricted key may act on this team at all. */
export function keyAllowsTeam(auth: AuthContext, teamId: number): boolean {
  return auth.teamId === null || auth.teamId === teamId;
}

/** Read access: accepted member or system admin; otherwise the team is a 404. */
export async function assertTeamReader(auth: AuthContext, teamId: number, what = "Team"): Promise<TeamAccess> {
  if (!keyAllowsTeam(auth, teamId)) throw notFound(what);
  const role = await acceptedRoleIn(auth.userId, teamId);
  if (!role && !auth.isAdmin) throw notFound(what);
  return { role, isSystemAdmin: auth.isAdmin };
}

/** Manage access (OWNER/ADMIN, or system admin); a plain member gets 403, a stranger 404. */
export async function assertTeamManager(auth: AuthContext, teamId: number, what = "Team"): Promise<TeamAccess> {
  const access = await assertTeamReader(auth, teamId, what);
  if (!access.isSystemAdmin && !(access.role && TEAM_MANAGER_ROLES.includes(access.role))) {
    throw forbidden("Only a team OWNER or ADMIN can do this.");
  }
  return access;
}

/** OWNER only (or system admin). */
export async function assertTeamOwner(auth: AuthContext, teamId: number, what = "Team"): Promise<TeamAccess> {
  const access = await assertTeamReader(auth, teamId, what);
  if (!access.isSystemAdmin && access.role !== "OWNER") throw forbidden("Only a team OWNER can do this.");
  return access;
}
