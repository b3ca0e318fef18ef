import { listTeamEventTypes } from "@slotbase/features";
import { withMiddleware } from "../../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../../lib/route/endpoint";
import { listed } from "../../../../../lib/http/list-headers";
import { EventTypeListResponse, TeamEventTypesQuery } from "../../../../../lib/schemas/event-types";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/teams/{teamId}/event-types:
 *   get:
 *     operationId: listTeamEventTypes
 *     summary: List a team's event types
 *     description: >-
 *       For accepted members of the team (admins: any team); anyone else, and a key
 *       restricted to another team, gets a 404.
 *     tags: ["v1 · Event types"]
 *     x-access: team-read
 *     x-scope: event-types:read
 *     x-query: TeamEventTypesQuery
 *     responses:
 *       200:
 *         description: A page of the team's event types, ordered by id
 *         headers:
 *           X-Total-Count: { $ref: "#/components/headers/TotalCount" }
 *           Link: { $ref: "#/components/headers/NextPageLink" }
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/EventTypeListResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "event-types:read",
    response: EventTypeListResponse,
    query: TeamEventTypesQuery,
    handler: async ({ req, res, auth, query: { take, page, teamId } }) => ({
      event_types: await listed({ req, res, query: { take, page } }, (paging) => listTeamEventTypes(auth, teamId, paging)),
    }),
  }),
});
