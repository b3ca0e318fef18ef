import { listDeliveries } from "@slotbase/features";
import { withMiddleware } from "../../../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../../../lib/route/endpoint";
import { listed } from "../../../../../../lib/http/list-headers";
import { toWireDelivery } from "../../../../../../lib/mappers/webhooks";
import { WebhookDeliveriesQuery, WebhookDeliveryListResponse } from "../../../../../../lib/schemas/webhooks";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/webhooks/{id}/deliveries:
 *   get:
 *     operationId: listWebhookDeliveries
 *     summary: A webhook's delivery log
 *     description: >-
 *       Every event queued for the webhook, newest first: PENDING (waiting for its first or next attempt,
 *       `nextAttemptAt`), DELIVERED (a 2xx answer) or FAILED (no attempt left), with the last attempt's
 *       status, answer (truncated), duration and error.
 *     tags: ["v1 · Webhooks"]
 *     x-access: webhook
 *     x-scope: webhooks:read
 *     x-query: WebhookDeliveriesQuery
 *     responses:
 *       200:
 *         description: A page of deliveries
 *         headers:
 *           X-Total-Count: { $ref: "#/components/headers/TotalCount" }
 *           X-Total-Count-Exact: { $ref: "#/components/headers/TotalCountExact" }
 *           Link: { $ref: "#/components/headers/NextPageLink" }
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/WebhookDeliveryListResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "webhooks:read",
    response: WebhookDeliveryListResponse,
    query: WebhookDeliveriesQuery,
    handler: async ({ req, res, auth, query: { id, take, page } }) => ({
      deliveries: (await listed({ req, res, query: { take, page } }, (paging) => listDeliveries(auth, id, paging))).map(toWireDelivery),
    }),
  }),
});
