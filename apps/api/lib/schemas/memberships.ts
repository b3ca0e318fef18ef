import { z } from "zod";
import { MembershipRoleSchema, MembershipSchema } from "@slotbase/prisma/zod";
import { INT32_MAX, idParam, int32 } from "../validation/common";
import { listQuery } from "../validation/list-query";

/** A membership as the API shows it (an explicit allow-list): a user in a team, with a role and whether they accepted. */
export const Membership = MembershipSchema.pick({
  id: true,
  userId: true,
  teamId: true,
  role: true,
  accepted: true,
  createdAt: true,
  updatedAt: true,
});

const MEMBERSHIP_ID = /^[1-9][0-9]{0,9}_[1-9][0-9]{0,9}$/;

/**
 * The Cal.com v1 membership id: `<userId>_<teamId>` (`"12_3"` → `{ userId: 12, teamId: 3 }`).
 * Anything else is a 400 naming `query.id`, never a 500.
 */
export const membershipIdParam = z
  .string({ error: "Must be <userId>_<teamId>, e.g. 12_3" })
  .regex(MEMBERSHIP_ID, "Must be <userId>_<teamId>: two positive integer ids joined by '_', e.g. 12_3")
  .refine((value) => value.split("_").every((part) => Number(part) <= INT32_MAX), "Each id must be at most 2147483647")
  .transform((value) => {
    const [userId, teamId] = value.split("_").map(Number) as [number, number];
    return { userId, teamId };
  })
  .meta({
    description: "The membership's `<userId>_<teamId>`: the member's user id and the team id joined by `_`, e.g. `12_3`.",
    example: "12_3",
  });

export const MembershipIdQuery = z.object({ id: membershipIdParam });

export const ListMembershipsQuery = listQuery.extend({
  teamId: idParam.optional().describe("Only memberships of this team."),
  userId: idParam.optional().describe("Only memberships of this user."),
  include: z
    .enum(["team"], { error: "The only value is team" })
    .optional()
    .describe("`team`: each membership with its `team` (as GET /v1/teams/{teamId} shows it), for the teams the caller may read (an invitation's team stays hidden until it is accepted)."),
});

const writableMembershipFields = MembershipSchema.pick({ userId: true, teamId: true, role: true, accepted: true }).extend({
  userId: int32().positive(),
  teamId: int32().positive(),
  role: MembershipRoleSchema,
  accepted: z.boolean(),
});

export const MembershipCreateBody = writableMembershipFields
  .extend({
    role: MembershipRoleSchema.default("MEMBER").describe("Only a team OWNER (or a system admin) may add an OWNER."),
    accepted: z
      .boolean()
      .default(false)
      .describe("false: an invitation the user accepts themself (PATCH accepted: true). Only system admins may add accepted members."),
  })
  .strict();

export const MembershipUpdateBody = writableMembershipFields
  .pick({ role: true, accepted: true })
  .extend({
    role: MembershipRoleSchema.describe("Team OWNERs and ADMINs change roles; only an OWNER grants or removes OWNER."),
    accepted: z.boolean().describe("Only the invited user (or a system admin) may accept an invitation."),
  })
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { error: "Send at least one field to change" });

export const MembershipResponse = z.object({ membership: Membership });
export const MembershipCreatedResponse = z.object({ membership: Membership, message: z.string() });
