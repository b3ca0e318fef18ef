import { getTeamAvailability } from "@slotbase/features";
import { withMiddleware } from "../../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../../lib/route/endpoint";
import { TeamAvailability } from "../../../../../lib/schemas/availability";
import { TeamAvailabilityPathQuery } from "../../../../../lib/schemas/availability-paths";
import { rangeOf } from "../../../../../lib/validation/time-range";
import { toAvailabilityV1 } from "../../../../../lib/mappers/availability";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/teams/{teamId}/availability:
 *   get:
 *     operationId: team-availability
 *     summary: Every member's availability
 *     description: >
 *       The same as `GET /v1/availability?teamId=…`: an array with each accepted member's availability between
 *       dateFrom and dateTo (at most 62 days), for the team's members only (anyone else gets 404).
 *       `eventTypeId` names one of the team's event types (else 404), as on /v1/availability.
 *     tags: ["v1 · Slots & availability"]
 *     x-access: team-availability
 *     x-scope: availabilities:read
 *     x-query: TeamAvailabilityPathQuery
 *     responses:
 *       200:
 *         description: One entry per accepted member
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/TeamAvailability" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "availabilities:read",
    response: TeamAvailability,
    query: TeamAvailabilityPathQuery,
    handler: async ({ auth, query }) => {
      const members = await getTeamAvailability(auth, query.teamId, rangeOf(query.dateFrom, query.dateTo, query.timeZone), { eventTypeId: query.eventTypeId });
      return members.map((member) => ({ userId: member.userId, availability: toAvailabilityV1(member.availability) }));
    },
  }),
});
