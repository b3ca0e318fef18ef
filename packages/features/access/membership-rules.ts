import type { MembershipRole, Prisma } from "@slotbase/prisma";
import { forbidden, notFound } from "../errors/domain-errors";
import { keyAllowsTeam, systemAdminIn, type Access } from "./access";
import { canManageTeam, canOwnTeam, isManagerRole, readableTeamIds } from "./team-rules";

/**
 * Memberships (a user in a team with a role and `accepted`):
 * - visible to accepted members of the team, to the membership's own user (so an invitee
 *   sees, accepts or declines their invitation) and to system admins; anyone else: 404;
 * - OWNERs and ADMINs invite and change members; only an OWNER makes, changes or removes an
 *   OWNER; only a system admin adds an already accepted member or sets one back to pending;
 * - only the invited user accepts an invitation; anyone may leave.
 */
interface MembershipRow {
  userId: number;
  teamId: number;
  role: MembershipRole;
  accepted: boolean;
}

const refuse = (message: string, field?: string) => forbidden(message, field ? { field, rule: "forbidden", message } : undefined);

export function assertMembershipVisible(access: Access, membership: MembershipRow | null, key: { teamId: number }): MembershipRow {
  const visible =
    membership !== null &&
    keyAllowsTeam(access, key.teamId) &&
    (systemAdminIn(access, key.teamId) || membership.userId === access.userId || access.teamRoles.has(key.teamId));
  if (!visible) throw notFound("Membership");
  return membership!;
}

/** Prisma `where` for the memberships the caller may see. */
export function visibleMembershipsWhere(access: Access): Prisma.MembershipWhereInput {
  if (access.seesEverything) return {};
  const teams = readableTeamIds(access) ?? [];
  const own: Prisma.MembershipWhereInput = { userId: access.userId, ...(access.keyTeamId !== null ? { teamId: access.keyTeamId } : {}) };
  return { OR: [{ teamId: { in: teams } }, own] };
}

export function assertMayInvite(access: Access, teamId: number, input: { role: MembershipRole; accepted: boolean }): void {
  if (!canManageTeam(access, teamId)) {
    if (access.teamRoles.has(teamId)) throw refuse("Only a team OWNER or ADMIN can do this.");
    throw notFound("Team", { field: "teamId", rule: "exists", message: "No such team" });
  }
  if (input.role === "OWNER" && !canOwnTeam(access, teamId)) throw refuse("Only a team OWNER can add an OWNER.", "role");
  if (input.accepted && !systemAdminIn(access, teamId)) {
    throw refuse("Only system admins can add accepted members; invite the user and let them accept.", "accepted");
  }
}

export function assertMayChangeMembership(access: Access, membership: MembershipRow, change: { role?: MembershipRole; accepted?: boolean }): void {
  const isSelf = membership.userId === access.userId;
  const manager = canManageTeam(access, membership.teamId);
  const owner = canOwnTeam(access, membership.teamId);
  const systemAdmin = systemAdminIn(access, membership.teamId);
  if (!manager && !isSelf) throw refuse("Only a team OWNER or ADMIN can change memberships.");
  if (change.role !== undefined && change.role !== membership.role) {
    if (!manager) throw refuse("Only a team OWNER or ADMIN can change roles.", "role");
    if (!owner && (membership.role === "OWNER" || change.role === "OWNER")) {
      throw refuse("Only a team OWNER can grant, remove or change the OWNER role.", "role");
    }
  }
  if (change.accepted !== undefined && change.accepted !== membership.accepted) {
    if (change.accepted && !isSelf && !systemAdmin) throw refuse("Only the invited user can accept an invitation.", "accepted");
    if (!change.accepted && !systemAdmin) {
      throw refuse("An accepted membership cannot become pending again; delete it to leave the team.", "accepted");
    }
  }
}

export function assertMayRemoveMembership(access: Access, membership: MembershipRow): void {
  if (membership.userId === access.userId || systemAdminIn(access, membership.teamId)) return;
  if (!isManagerRole(access.teamRoles.get(membership.teamId))) throw refuse("Only a team OWNER or ADMIN can remove members.");
  if (membership.role === "OWNER" && !canOwnTeam(access, membership.teamId)) throw refuse("Only a team OWNER can remove an OWNER.");
}
