import { deleteMembership, getMembership, updateMembership } from "@slotbase/features";
import { withMiddleware } from "../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../lib/route/endpoint";
import { MembershipIdQuery, MembershipResponse, MembershipUpdateBody } from "../../../../lib/schemas/memberships";
import { DeletedResponse } from "../../../../lib/schemas/common";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/memberships/{id}:
 *   get:
 *     operationId: getMembership
 *     summary: Get a membership
 *     description: >-
 *       `id` is `<userId>_<teamId>`, e.g. `12_3`. Visible to the team's accepted members, to the
 *       membership's own user (an invitation addressed to them) and to system admins; anyone else gets 404.
 *     tags: ["v1 · Users"]
 *     x-access: membership-read
 *     x-scope: memberships:read
 *     x-query: MembershipIdQuery
 *     responses:
 *       200:
 *         description: The membership
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/MembershipResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *   patch:
 *     operationId: updateMembership
 *     summary: Change a role, or accept an invitation
 *     description: >-
 *       Team OWNERs and ADMINs change roles; only an OWNER grants or removes OWNER, and an ADMIN cannot
 *       change an OWNER's membership. The invited user accepts their own invitation with
 *       `accepted: true` but cannot change their role. An accepted membership does not go back to
 *       pending (delete it to leave). Demoting the team's last accepted OWNER is a 409.
 *     tags: ["v1 · Users"]
 *     x-access: membership-update
 *     x-scope: memberships:write
 *     x-query: MembershipIdQuery
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/MembershipUpdateBody" }
 *     responses:
 *       200:
 *         description: The updated membership
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/MembershipResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *       409: { $ref: "#/components/responses/Conflict" }
 *   delete:
 *     operationId: deleteMembership
 *     summary: Remove a member, leave a team or decline an invitation
 *     description: >-
 *       Anyone may delete their own membership (leave, or decline an invitation). Team OWNERs and
 *       ADMINs remove members; an ADMIN cannot remove an OWNER. The team's last accepted OWNER cannot
 *       leave or be removed (409): make someone else OWNER first, or delete the team.
 *     tags: ["v1 · Users"]
 *     x-access: membership-delete
 *     x-scope: memberships:write
 *     x-query: MembershipIdQuery
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
 *       409: { $ref: "#/components/responses/Conflict" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "memberships:read",
    response: MembershipResponse,
    query: MembershipIdQuery,
    handler: async ({ auth, query }) => ({ membership: await getMembership(auth, query.id) }),
  }),
  PATCH: endpoint({
    scope: "memberships:write",
    response: MembershipResponse,
    query: MembershipIdQuery,
    body: MembershipUpdateBody,
    handler: async ({ auth, query, body }) => ({ membership: await updateMembership(auth, query.id, body) }),
  }),
  DELETE: endpoint({
    scope: "memberships:write",
    response: DeletedResponse,
    query: MembershipIdQuery,
    handler: async ({ auth, query }) => {
      await deleteMembership(auth, query.id);
      return { message: `Membership with id: ${query.id.userId}_${query.id.teamId} deleted successfully` };
    },
  }),
});
