import { createApiKeyFor, listApiKeys } from "@slotbase/features";
import { withMiddleware } from "../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../lib/route/endpoint";
import { listed } from "../../../../lib/http/list-headers";
import { ApiKeyCreateBody, ApiKeyCreatedResponse, ApiKeyListResponse, ListApiKeysQuery } from "../../../../lib/schemas/api-keys";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/api-keys:
 *   get:
 *     operationId: listApiKeys
 *     summary: List your API keys
 *     description: Never returns a key's secret or its hash. Admins may pass userId.
 *     tags: ["v1 · API keys"]
 *     x-access: api-keys-list
 *     x-scope: api-keys:read
 *     x-query: ListApiKeysQuery
 *     responses:
 *       200:
 *         description: A page of API keys
 *         headers:
 *           X-Total-Count: { $ref: "#/components/headers/TotalCount" }
 *           Link: { $ref: "#/components/headers/NextPageLink" }
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/ApiKeyListResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *   post:
 *     operationId: createApiKey
 *     summary: Create an API key
 *     description: >
 *       The response holds the key itself, once; store it. A key with scopes can only
 *       create keys with scopes it holds; admins may create a key for another user.
 *     tags: ["v1 · API keys"]
 *     x-access: api-key-create
 *     x-scope: api-keys:write
 *     requestBody:
 *       required: false
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/ApiKeyCreateBody" }
 *     responses:
 *       201:
 *         description: The new key, with its secret
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/ApiKeyCreatedResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "api-keys:read",
    response: ApiKeyListResponse,
    query: ListApiKeysQuery,
    handler: async ({ req, res, auth, query: { take, page, userId } }) => ({
      api_keys: await listed({ req, res, query: { take, page } }, (paging) => listApiKeys(auth, paging, { userId })),
    }),
  }),
  POST: endpoint({
    scope: "api-keys:write",
    response: ApiKeyCreatedResponse,
    body: ApiKeyCreateBody,
    status: 201,
    handler: async ({ auth, body }) => {
      const { apiKey, key } = await createApiKeyFor(auth, body);
      return { api_key: { ...apiKey, key }, message: "API key created successfully" };
    },
  }),
});
