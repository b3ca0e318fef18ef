import type { MembershipRole } from "@slotbase/prisma";
import { forbidden, notFound } from "../errors/domain-errors";
import { keyAllowsTeam, systemAdminIn, type Access } from "./access";

/**
 * Teams: accepted members read, OWNER/ADMIN manage, OWNER owns (deletes the team, grants
 * OWNER). A system admin may do all of it in any team their key reaches. Someone who may not
 * read a team does not learn that it exists (404); a member who may read but not manage
 * gets 403.
 */
export type TeamNeed = "read" | "manage" | "own";

export const TEAM_MANAGER_ROLES: readonly MembershipRole[] = ["OWNER", "ADMIN"];
export const isManagerRole = (role: MembershipRole | null | undefined) => role != null && TEAM_MANAGER_ROLES.includes(role);

/** The caller's accepted role in the team (null when none, pending, or outside the key's team). */
export const teamRoleOf = (access: Access, teamId: number): MembershipRole | null => access.teamRoles.get(teamId) ?? null;

export function canReadTeam(access: Access, teamId: number): boolean {
  return keyAllowsTeam(access, teamId) && (access.isSystemAdmin || access.teamRoles.has(teamId));
}

export function canManageTeam(access: Access, teamId: number): boolean {
  return systemAdminIn(access, teamId) || isManagerRole(teamRoleOf(access, teamId));
}

export function canOwnTeam(access: Access, teamId: number): boolean {
  return systemAdminIn(access, teamId) || teamRoleOf(access, teamId) === "OWNER";
}

const TEAM_DENIED: Record<Exclude<TeamNeed, "read">, string> = {
  manage: "Only a team OWNER or ADMIN can do this.",
  own: "Only a team OWNER can do this.",
};

/** 404 (as `what`) unless the caller may read the team; 403 when they may read but `need` more. */
export function assertTeam(access: Access, teamId: number, need: TeamNeed, what = "Team"): void {
  if (!canReadTeam(access, teamId)) throw notFound(what);
  if (need === "manage" && !canManageTeam(access, teamId)) throw forbidden(TEAM_DENIED.manage);
  if (need === "own" && !canOwnTeam(access, teamId)) throw forbidden(TEAM_DENIED.own);
}

/** Ids of the teams the caller reads (null = every team: an unrestricted system admin). */
export function readableTeamIds(access: Access): number[] | null {
  if (access.seesEverything) return null;
  const ids = new Set(access.teamRoles.keys());
  if (access.isSystemAdmin && access.keyTeamId !== null) ids.add(access.keyTeamId);
  return [...ids];
}

/** Ids of the teams the caller manages (null = every team). */
export function managedTeamIds(access: Access): number[] | null {
  if (access.seesEverything) return null;
  const ids = new Set([...access.teamRoles].filter(([, role]) => isManagerRole(role)).map(([teamId]) => teamId));
  if (access.isSystemAdmin && access.keyTeamId !== null) ids.add(access.keyTeamId);
  return [...ids];
}

/** Creating a team: any user with an unrestricted key; for another owner, an unrestricted system admin. */
export function assertCanCreateTeam(access: Access, ownerId: number): void {
  if (access.keyTeamId !== null) throw forbidden("A key restricted to one team cannot create teams.");
  if (ownerId !== access.userId && !access.seesEverything) {
    throw forbidden("Only admins can create a team owned by another user.", { field: "ownerId", rule: "forbidden", message: "Only admins can choose another owner" });
  }
}
