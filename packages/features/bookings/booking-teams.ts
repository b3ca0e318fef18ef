import { getPrisma } from "@slotbase/prisma";

export interface TeamSummary {
  id: number;
  name: string;
  slug: string | null;
}

/** The public face (id, name, slug) of the teams whose event types the listed bookings are of (v1's expand=team). */
export async function teamSummaries(teamIds: readonly number[]): Promise<Map<number, TeamSummary>> {
  const ids = [...new Set(teamIds)];
  if (ids.length === 0) return new Map();
  const prisma = await getPrisma();
  const teams = await prisma.team.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, slug: true } });
  return new Map(teams.map((team) => [team.id, team]));
}
