import { randomBytes } from "node:crypto";
import { getPrisma, type MembershipRole, type TeamModel } from "@slotbase/prisma";
import type { Caller } from "./fixtures";

export interface TeamMemberSpec {
  caller: Caller;
  role?: MembershipRole;
  /** Defaults to true; false = a pending invitation. */
  accepted?: boolean;
}

/** A team with `owner` as accepted OWNER and the given members, written directly to the database. */
export async function createTeam(owner: Caller, members: TeamMemberSpec[] = [], data: { name?: string; slug?: string } = {}): Promise<TeamModel> {
  const prisma = await getPrisma();
  const id = randomBytes(4).toString("hex");
  return prisma.team.create({
    data: {
      name: data.name ?? `Team ${id}`,
      slug: data.slug ?? `team-${id}`,
      members: {
        create: [
          { userId: owner.user.id, role: "OWNER", accepted: true },
          ...members.map((member) => ({
            userId: member.caller.user.id,
            role: member.role ?? "MEMBER",
            accepted: member.accepted ?? true,
          })),
        ],
      },
    },
  });
}
