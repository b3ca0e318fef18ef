import { deleteTeam, getTeam, updateTeam } from "@slotbase/features";
import { withMiddleware } from "../../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../../lib/route/endpoint";
import { TeamIdQuery, TeamResponse, TeamUpdateBody } from "../../../../../lib/schemas/teams";
import { DeletedResponse } from "../../../../../lib/schemas/common";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/teams/{teamId}:
 *   get:
 *     operationId: getTeam
 *     summary: Get a team
 *     description: Accepted members (and system admins) read a team; for anyone else, pending invitees included, it is a 404.
 *     tags: ["v1 · Teams & memberships"]
 *     x-access: team-read
 *     x-scope: teams:read
 *     x-query: TeamIdQuery
 *     responses:
 *       200:
 *         description: The team
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/TeamResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *   patch:
 *     operationId: updateTeam
 *     summary: Edit a team
 *     description: >-
 *       Team OWNERs and ADMINs (and system admins) edit a team; a plain member gets 403, anyone
 *       else 404. A slug already used by another team is a 409 naming `body.slug`, and nothing changes.
 *     tags: ["v1 · Teams & memberships"]
 *     x-access: team-manage
 *     x-scope: teams:write
 *     x-query: TeamIdQuery
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/TeamUpdateBody" }
 *     responses:
 *       200:
 *         description: The updated team
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/TeamResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *       409: { $ref: "#/components/responses/Conflict" }
 *   delete:
 *     operationId: deleteTeam
 *     summary: Delete a team
 *     description: >-
 *       Team OWNERs (and system admins) delete a team, with its memberships, team-restricted API keys
 *       and team-owned data. ADMINs and members get 403, anyone else 404.
 *     tags: ["v1 · Teams & memberships"]
 *     x-access: team-own
 *     x-scope: teams:write
 *     x-query: TeamIdQuery
 *     responses:
 *       200:
 *         description: Deleted
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/DeletedResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "teams:read",
    response: TeamResponse,
    query: TeamIdQuery,
    handler: async ({ auth, query }) => ({ team: await getTeam(auth, query.teamId) }),
  }),
  PATCH: endpoint({
    scope: "teams:write",
    response: TeamResponse,
    query: TeamIdQuery,
    body: TeamUpdateBody,
    handler: async ({ auth, query, body }) => ({ team: await updateTeam(auth, query.teamId, body) }),
  }),
  DELETE: endpoint({
    scope: "teams:write",
    response: DeletedResponse,
    query: TeamIdQuery,
    handler: async ({ auth, query }) => {
      await deleteTeam(auth, query.teamId);
      return { message: `Team with id: ${query.teamId} deleted successfully` };
    },
  }),
});
