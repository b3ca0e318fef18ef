import { createMembership, listMemberships } from "@slotbase/features";
import { withMiddleware } from "../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../lib/route/endpoint";
import { listed } from "../../../../lib/http/list-headers";
import { ListMembershipsQuery, MembershipCreateBody, MembershipCreatedResponse } from "../../../../lib/schemas/memberships";
import { MembershipListResponse } from "../../../../lib/schemas/membership-list";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/memberships:
 *   get:
 *     operationId: listMemberships
 *     summary: List memberships
 *     description: >-
 *       The memberships of every team the key's user is an accepted member of, plus the user's own
 *       memberships (pending invitations included); system admins see all. A key restricted to one
 *       team sees only that team's. `teamId` and `userId` narrow the list further.
 *     tags: ["v1 · Users"]
 *     x-access: memberships-list
 *     x-scope: memberships:read
 *     x-query: ListMembershipsQuery
 *     responses:
 *       200:
 *         description: A page of memberships, by id
 *         headers:
 *           X-Total-Count: { $ref: "#/components/headers/TotalCount" }
 *           Link: { $ref: "#/components/headers/NextPageLink" }
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/MembershipListResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *   post:
 *     operationId: createMembership
 *     summary: Add a user to a team (invite)
 *     description: >-
 *       Team OWNERs and ADMINs (and system admins) add members. The membership is a pending
 *       invitation (`accepted: false`) until the user accepts it with PATCH; only system admins may add
 *       an accepted member. Only an OWNER may add an OWNER. A team the caller is not a member of is a 404
 *       naming `body.teamId`, a plain member gets 403, an unknown user is a 404 naming `body.userId`,
 *       and a user already in the team (or invited) is a 409.
 *     tags: ["v1 · Users"]
 *     x-access: membership-create
 *     x-scope: memberships:write
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/MembershipCreateBody" }
 *     responses:
 *       201:
 *         description: The new membership
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/MembershipCreatedResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *       409: { $ref: "#/components/responses/Conflict" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "memberships:read",
    response: MembershipListResponse,
    query: ListMembershipsQuery,
    handler: async ({ req, res, auth, query: { take, page, teamId, userId, include } }) => ({
      memberships: await listed({ req, res, query: { take, page } }, (paging) => listMemberships(auth, paging, { teamId, userId, includeTeam: include === "team" })),
    }),
  }),
  POST: endpoint({
    scope: "memberships:write",
    response: MembershipCreatedResponse,
    body: MembershipCreateBody,
    status: 201,
    handler: async ({ auth, body }) => ({ membership: await createMembership(auth, body), message: "Membership created successfully" }),
  }),
});
