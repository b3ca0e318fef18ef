import { deleteBlocker, getBlocker, updateBlocker } from "@slotbase/features";
import { withMiddleware } from "../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../lib/route/endpoint";
import { DeletedResponse, IdQuery } from "../../../../lib/schemas/common";
import { BlockerResponse, BlockerUpdateBody } from "../../../../lib/schemas/blockers";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/blockers/{id}:
 *   get:
 *     operationId: getBlocker
 *     summary: Get a blocker
 *     description: >-
 *       Another user's blocker is a 404 (admins see any); a workspace calendar's blocker is shown to
 *       the workspace's members.
 *     tags: ["v1 · Blockers"]
 *     x-access: blocker
 *     x-scope: blockers:read
 *     x-query: IdQuery
 *     responses:
 *       200:
 *         description: The blocker
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/BlockerResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *   patch:
 *     operationId: updateBlocker
 *     summary: Edit a blocker
 *     description: The changed range is checked as a whole (end after start, at most 366 days).
 *     tags: ["v1 · Blockers"]
 *     x-access: blocker-manage
 *     x-scope: blockers:write
 *     x-query: IdQuery
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/BlockerUpdateBody" }
 *     responses:
 *       200:
 *         description: The updated blocker
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/BlockerResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *   delete:
 *     operationId: deleteBlocker
 *     summary: Delete a blocker
 *     tags: ["v1 · Blockers"]
 *     x-access: blocker-manage
 *     x-scope: blockers:write
 *     x-query: IdQuery
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
    scope: "blockers:read",
    response: BlockerResponse,
    query: IdQuery,
    handler: async ({ auth, query }) => ({ blocker: await getBlocker(auth, query.id) }),
  }),
  PATCH: endpoint({
    scope: "blockers:write",
    response: BlockerResponse,
    query: IdQuery,
    body: BlockerUpdateBody,
    handler: async ({ auth, query, body }) => ({ blocker: await updateBlocker(auth, query.id, body) }),
  }),
  DELETE: endpoint({
    scope: "blockers:write",
    response: DeletedResponse,
    query: IdQuery,
    handler: async ({ auth, query }) => {
      await deleteBlocker(auth, query.id);
      return { message: `Blocker with id: ${query.id} deleted successfully` };
    },
  }),
});
