import { z } from "zod";
import { Membership } from "./memberships";
import { Team } from "./teams";

// Its own module: teams.ts imports memberships.ts (a new team's OWNER membership), so the list,
// which names both, cannot live in either without an import cycle.

/** A listed membership; with `include=team`, its team as GET /v1/teams/{teamId} shows it. */
export const ListedMembership = Membership.extend({
  team: Team.optional().describe("With include=team, for teams the caller may read (absent on an invitation to a team the caller is not in yet)."),
});

export const MembershipListResponse = z.object({ memberships: z.array(ListedMembership) });
