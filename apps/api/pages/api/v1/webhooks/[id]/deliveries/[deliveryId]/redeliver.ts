import { redeliver } from "@slotbase/features";
import { withMiddleware } from "../../../../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../../../../lib/route/endpoint";
import { toWireDelivery } from "../../../../../../../lib/mappers/webhooks";
import { WebhookDeliveryQuery, WebhookDeliveryResponse } from "../../../../../../../lib/schemas/webhooks";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/webhooks/{id}/deliveries/{deliveryId}/redeliver:
 *   post:
 *     operationId: redeliverWebhookDelivery
 *     summary: Send a delivery again
 *     description: >-
 *       Queues the delivery for an attempt now, whatever its status, with the same body and the same
 *       `X-Slotbase-Delivery-Id` (a receiver that already has it can ignore it). Answers 202 at once.
 *     tags: ["v1 · Webhooks"]
 *     x-access: webhook
 *     x-scope: webhooks:write
 *     x-query: WebhookDeliveryQuery
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
    query: WebhookDeliveryQuery,
    status: 202,
    handler: async ({ auth, query }) => ({ delivery: toWireDelivery(await redeliver(auth, query.id, query.deliveryId)) }),
  }),
});
