import { deleteApiKey, getApiKey, updateApiKey } from "@slotbase/features";
import { withMiddleware } from "../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../lib/route/endpoint";
import { ApiKeyIdQuery, ApiKeyResponse, ApiKeyUpdateBody } from "../../../../lib/schemas/api-keys";
import { DeletedResponse } from "../../../../lib/schemas/common";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/api-keys/{id}:
 *   get:
 *     operationId: getApiKey
 *     summary: Get one of your API keys
 *     tags: ["v1 · API keys"]
 *     x-access: api-key
 *     x-scope: api-keys:read
 *     x-query: ApiKeyIdQuery
 *     responses:
 *       200:
 *         description: The key, without its secret
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/ApiKeyResponse" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *   patch:
 *     operationId: updateApiKey
 *     summary: Change a key's note, expiry, scopes or rate limit
 *     description: >-
 *       The key's owner (or an admin) changes its note, expiry and scopes; only a system admin
 *       sets rateLimitPerMinute (another caller sending it gets 403 naming it). Changes apply
 *       at once on every server process (on PostgreSQL; the embedded database serves one process).
 *     tags: ["v1 · API keys"]
 *     x-access: api-key-update
 *     x-scope: api-keys:write
 *     x-query: ApiKeyIdQuery
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/ApiKeyUpdateBody" }
 *     responses:
 *       200:
 *         description: The updated key
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/ApiKeyResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *   delete:
 *     operationId: deleteApiKey
 *     summary: Delete (revoke) an API key
 *     description: The key stops working at once, on every server process (on PostgreSQL; the embedded database serves one process).
 *     tags: ["v1 · API keys"]
 *     x-access: api-key
 *     x-scope: api-keys:write
 *     x-query: ApiKeyIdQuery
 *     responses:
 *       200:
 *         description: Deleted
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/DeletedResponse" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "api-keys:read",
    response: ApiKeyResponse,
    query: ApiKeyIdQuery,
    handler: async ({ auth, query }) => ({ api_key: await getApiKey(auth, query.id) }),
  }),
  PATCH: endpoint({
    scope: "api-keys:write",
    response: ApiKeyResponse,
    query: ApiKeyIdQuery,
    body: ApiKeyUpdateBody,
    handler: async ({ auth, query, body }) => ({ api_key: await updateApiKey(auth, query.id, body) }),
  }),
  DELETE: endpoint({
    scope: "api-keys:write",
    response: DeletedResponse,
    query: ApiKeyIdQuery,
    handler: async ({ auth, query }) => {
      await deleteApiKey(auth, query.id);
      return { message: `API key with id: ${query.id} deleted successfully` };
    },
  }),
});
