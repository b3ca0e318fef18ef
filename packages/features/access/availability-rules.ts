import type { Access } from "./access";
import { canManageTeam } from "./team-rules";

/**
 * When a user is busy is public to every caller (booking pages show as much); what the busy
 * time is (titles) is for the user, an OWNER/ADMIN of a team they are an accepted member of,
 * and system admins (Cal.com leaked titles and notes to anyone).
 */
export function seesBusyDetailsOf(access: Access, user: { id: number; teamIds: readonly number[] }): boolean {
  return access.seesEverything || user.id === access.userId || user.teamIds.some((teamId) => canManageTeam(access, teamId));
}
