import { pingWebhook } from "@slotbase/features";
import { withMiddleware } from "../../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../../lib/route/endpoint";
import { toWireDelivery } from "../../../../../lib/mappers/webhooks";
import { WebhookDeliveryResponse, WebhookIdQuery } from "../../../../../lib/schemas/webhooks";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/webhooks/{id}/ping:
 *   post:
 *     operationId: pingWebhook
 *     summary: Send a test event
 *     description: >-
 *       Queues a `PING` event (Cal.com's test payload, or your template filled with it) to the webhook's URL,
 *       signed as any delivery, even while the webhook is inactive. Answers 202 at once; the delivery log shows
 *       how the receiver answered.
 *     tags: ["v1 · Webhooks"]
 *     x-access: webhook
 *     x-scope: webhooks:write
 *     x-query: WebhookIdQuery
 *     responses:
 *       202:
 *         description: Queued
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/WebhookDeliveryResponse" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 */
export default withMiddleware({
  POST: endpoint({
    scope: "webhooks:write",
    response: WebhookDeliveryResponse,
    query: WebhookIdQuery,
    status: 202,
    handler: async ({ auth, query }) => ({ delivery: toWireDelivery(await pingWebhook(auth, query.id)) }),
  }),
});
