import { deleteWebhook, getWebhook, updateWebhook } from "@slotbase/features";
import { withMiddleware } from "../../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../../lib/route/endpoint";
import { toWireWebhook } from "../../../../../lib/mappers/webhooks";
import { DeletedResponse } from "../../../../../lib/schemas/common";
import { WebhookIdQuery, WebhookResponse, WebhookUpdateBody } from "../../../../../lib/schemas/webhooks";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/webhooks/{id}:
 *   get:
 *     operationId: getWebhookById
 *     summary: Get a webhook
 *     description: Yours, or one on an event type you manage; anyone else's is a 404.
 *     tags: ["v1 · Webhooks"]
 *     x-access: webhook
 *     x-scope: webhooks:read
 *     x-query: WebhookIdQuery
 *     responses:
 *       200:
 *         description: The webhook
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/WebhookResponse" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *   patch:
 *     operationId: editWebhookById
 *     summary: Change a webhook
 *     description: >-
 *       Any field of the create body but `userId`. `secret: null` stops signing; `active: true` turns on a
 *       webhook that delivery turned off. Deliveries already queued keep their body; every attempt is signed
 *       with the secret current when it is sent.
 *     tags: ["v1 · Webhooks"]
 *     x-access: webhook
 *     x-scope: webhooks:write
 *     x-query: WebhookIdQuery
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/WebhookUpdateBody" }
 *     responses:
 *       200:
 *         description: The changed webhook
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/WebhookResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *   delete:
 *     operationId: removeWebhookById
 *     summary: Delete a webhook
 *     description: Its queued deliveries are dropped with it.
 *     tags: ["v1 · Webhooks"]
 *     x-access: webhook
 *     x-scope: webhooks:write
 *     x-query: WebhookIdQuery
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
    scope: "webhooks:read",
    response: WebhookResponse,
    query: WebhookIdQuery,
    handler: async ({ auth, query }) => ({ webhook: toWireWebhook(await getWebhook(auth, query.id)) }),
  }),
  PATCH: endpoint({
    scope: "webhooks:write",
    response: WebhookResponse,
    query: WebhookIdQuery,
    body: WebhookUpdateBody,
    handler: async ({ auth, query, body }) => ({ webhook: toWireWebhook(await updateWebhook(auth, query.id, body)) }),
  }),
  DELETE: endpoint({
    scope: "webhooks:write",
    response: DeletedResponse,
    query: WebhookIdQuery,
    handler: async ({ auth, query }) => {
      await deleteWebhook(auth, query.id);
      return { message: `Webhook with id: ${query.id} deleted successfully` };
    },
  }),
});
