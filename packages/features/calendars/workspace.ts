import { getPrisma } from "@slotbase/prisma";
import type { AuthContext } from "../auth/auth-context";
import { accessOf, type Access } from "../access/access";
import { assertWorkspace, type WorkspaceNeed } from "../access/workspace-rules";
import { notFound } from "../errors/domain-errors";

export interface Workspace {
  id: number;
  uuid: string;
  timeZone: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The workspace (a team) named by its uuid, if the caller may `need` it there; 404 otherwise. */
export async function workspaceFor(auth: AuthContext, uuid: string, need: WorkspaceNeed): Promise<{ access: Access; workspace: Workspace }> {
  const prisma = await getPrisma();
  const [access, team] = await Promise.all([
    accessOf(auth),
    UUID.test(uuid) ? prisma.team.findUnique({ where: { uuid: uuid.toLowerCase() }, select: { id: true, uuid: true, timeZone: true } }) : null,
  ]);
  assertWorkspace(access, team?.id ?? null, need);
  return { access, workspace: team! };
}

/** A calendar of this workspace (another workspace's id is a 404, whoever asks). */
export async function calendarIn<T extends { id: number }>(
  workspace: Workspace,
  calendarId: number,
  load: (where: { id: number; teamId: number }) => Promise<T | null>,
): Promise<T> {
  const calendar = await load({ id: calendarId, teamId: workspace.id });
  if (!calendar) throw notFound("Calendar");
  return calendar;
}
