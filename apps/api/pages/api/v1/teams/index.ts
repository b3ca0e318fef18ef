import { createTeam, listTeams } from "@slotbase/features";
import { withMiddleware } from "../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../lib/route/endpoint";
import { listed } from "../../../../lib/http/list-headers";
import { ListTeamsQuery, TeamCreateBody, TeamCreatedResponse, TeamListResponse } from "../../../../lib/schemas/teams";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/teams:
 *   get:
 *     operationId: listTeams
 *     summary: List teams
 *     description: >-
 *       The teams the key's user is an accepted member of (system admins: every team). A pending
 *       invitation does not count. A key restricted to one team sees only that team.
 *     tags: ["v1 · Teams & memberships"]
 *     x-access: teams-list
 *     x-scope: teams:read
 *     x-query: ListTeamsQuery
 *     responses:
 *       200:
 *         description: A page of teams, by id
 *         headers:
 *           X-Total-Count: { $ref: "#/components/headers/TotalCount" }
 *           Link: { $ref: "#/components/headers/NextPageLink" }
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/TeamListResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *   post:
 *     operationId: createTeam
 *     summary: Create a team
 *     description: >-
 *       Creates the team and makes the caller its OWNER (an accepted membership), in one
 *       transaction. System admins may name another user as `ownerId`. A slug already used by
 *       another team is a 409 naming `body.slug`. A key restricted to one team cannot create teams (403).
 *     tags: ["v1 · Teams & memberships"]
 *     x-access: team-create
 *     x-scope: teams:write
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/TeamCreateBody" }
 *     responses:
 *       201:
 *         description: The new team and its OWNER membership
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/TeamCreatedResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *       409: { $ref: "#/components/responses/Conflict" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "teams:read",
    response: TeamListResponse,
    query: ListTeamsQuery,
    handler: async ({ req, res, auth, query }) => ({ teams: await listed({ req, res, query }, (paging) => listTeams(auth, paging)) }),
  }),
  POST: endpoint({
    scope: "teams:write",
    response: TeamCreatedResponse,
    body: TeamCreateBody,
    status: 201,
    handler: async ({ auth, body }) => ({ ...(await createTeam(auth, body)), message: "Team created successfully" }),
  }),
});
