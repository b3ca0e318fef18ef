import type { Prisma } from "@slotbase/prisma";
import { notFound } from "../errors/domain-errors";
import type { Access } from "./access";
import { assertOwnedBy } from "./owner-rules";
import { assertTeam, readableTeamIds } from "./team-rules";

/**
 * Workspaces (seed 003) are teams, named by their uuid. Their calendars and calendar schedules
 * follow the team's rules: accepted members read; OWNER/ADMIN (and system admins, within what
 * their key reaches) create, change and delete. Anyone else does not learn that the workspace
 * exists: a 404 for it and everything under it.
 */
export type WorkspaceNeed = "read" | "write";

/** `teamId` null: no workspace has that uuid (404, as for one the caller may not see). */
export function assertWorkspace(access: Access, teamId: number | null, need: WorkspaceNeed): asserts teamId is number {
  if (teamId === null) throw notFound("Workspace");
  assertTeam(access, teamId, need === "read" ? "read" : "manage", "Workspace");
}

/**
 * Blockers: a user's belong to that user (owner-rules); a calendar's follow its workspace
 * (members see them, OWNER/ADMIN set and remove them). 404 when the caller may not see it.
 */
export function assertBlocker(
  access: Access,
  blocker: { userId: number | null; calendarTeamId: number | null } | null,
  need: "read" | "write",
): void {
  if (blocker?.calendarTeamId != null) assertWorkspace(access, blocker.calendarTeamId, need);
  else assertOwnedBy(access, blocker?.userId ?? null, "Blocker");
}

/** Prisma `where` for the blockers the caller may see: their own, and those of calendars of workspaces they read. */
export function visibleBlockersWhere(access: Access): Prisma.BlockerWhereInput {
  if (access.seesEverything) return {};
  const workspaces = readableTeamIds(access) ?? [];
  return { OR: [{ userId: access.userId }, ...(workspaces.length > 0 ? [{ calendar: { teamId: { in: workspaces } } }] : [])] };
}
