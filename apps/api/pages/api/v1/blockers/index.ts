import { createBlocker, listBlockers } from "@slotbase/features";
import { withMiddleware } from "../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../lib/route/endpoint";
import { listed } from "../../../../lib/http/list-headers";
import { BlockerCreateBody, BlockerListResponse, BlockerResponse, ListBlockersQuery } from "../../../../lib/schemas/blockers";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/blockers:
 *   get:
 *     operationId: listBlockers
 *     summary: List blockers
 *     description: >-
 *       Your blockers and those of calendars of workspaces you are a member of (admins see
 *       everyone's), ordered by startTime then id. `dateFrom` and `dateTo` keep those that overlap
 *       that range; `userId` narrows the list to one user's, `calendarId` to one calendar's.
 *     tags: ["v1 · Blockers"]
 *     x-access: blockers-list
 *     x-scope: blockers:read
 *     x-query: ListBlockersQuery
 *     responses:
 *       200:
 *         description: A page of blockers
 *         headers:
 *           X-Total-Count: { $ref: "#/components/headers/TotalCount" }
 *           Link: { $ref: "#/components/headers/NextPageLink" }
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/BlockerListResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *   post:
 *     operationId: createBlocker
 *     summary: Block time
 *     description: >-
 *       The range is busy for slots and bookings, like a booking. Only admins may name another `userId`.
 *       With `calendarId`, a workspace calendar is blocked instead (whatever its capacity); that is for
 *       its workspace's OWNERs and ADMINs (other members get 403, anyone else a 404 naming `calendarId`).
 *     tags: ["v1 · Blockers"]
 *     x-access: blocker-create
 *     x-scope: blockers:write
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/BlockerCreateBody" }
 *     responses:
 *       201:
 *         description: The new blocker
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/BlockerResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "blockers:read",
    response: BlockerListResponse,
    query: ListBlockersQuery,
    handler: async ({ req, res, auth, query: { take, page, ...filter } }) => ({
      blockers: await listed({ req, res, query: { take, page } }, (paging) => listBlockers(auth, paging, filter)),
    }),
  }),
  POST: endpoint({
    scope: "blockers:write",
    response: BlockerResponse,
    body: BlockerCreateBody,
    status: 201,
    handler: async ({ auth, body }) => ({ blocker: await createBlocker(auth, body) }),
  }),
});
