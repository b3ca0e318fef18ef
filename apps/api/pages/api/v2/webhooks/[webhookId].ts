import { deleteWebhook, getWebhook, updateWebhook } from "@slotbase/features";
import { successV2 } from "../../../../lib/mappers/bookings";
import { fromWebhookBodyV2, toUserWebhookV2 } from "../../../../lib/mappers/webhooks-v2";
import { withMiddleware } from "../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../lib/route/endpoint";
import { UserWebhookResponseV2, WebhookIdQueryV2, WebhookUpdateBodyV2 } from "../../../../lib/schemas/webhooks-v2";

export const config = { api: { bodyParser: false } };

const USER = { kind: "user" } as const;

/**
 * @swagger
 * /v2/webhooks/{webhookId}:
 *   get:
 *     operationId: getWebhookV2
 *     summary: Get a webhook
 *     description: >-
 *       One of your webhooks on no event type (an admin's key: anyone's). Anyone else's, and one on an
 *       event type (read it under /v2/event-types/{eventTypeId}/webhooks), is a 404. Never returns the secret.
 *     tags: ["v2 · Webhooks"]
 *     x-access: webhook-v2
 *     x-scope: webhooks:read
 *     x-query: WebhookIdQueryV2
 *     responses:
 *       200:
 *         description: The webhook
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/UserWebhookResponseV2" }
 *             example:
 *               status: success
 *               data: { id: 2f1c7b1e-6c55-4b8e-9a43-0b6f1f3c2d10, userId: 7, subscriberUrl: "https://hooks.example.com/slotbase", triggers: [BOOKING_CREATED], active: true, payloadTemplate: null }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *   patch:
 *     operationId: updateWebhookV2
 *     summary: Update a webhook
 *     description: >-
 *       Changes the fields sent, on a webhook GET /v2/webhooks/{webhookId} shows you (others are a 404).
 *       `active: true` turns on a webhook that delivery turned off. The URL is checked as on create.
 *     tags: ["v2 · Webhooks"]
 *     x-access: webhook-v2
 *     x-scope: webhooks:write
 *     x-query: WebhookIdQueryV2
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/WebhookUpdateBodyV2" }
 *           example: { active: false }
 *     responses:
 *       200:
 *         description: The changed webhook
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/UserWebhookResponseV2" }
 *             example:
 *               status: success
 *               data: { id: 2f1c7b1e-6c55-4b8e-9a43-0b6f1f3c2d10, userId: 7, subscriberUrl: "https://hooks.example.com/slotbase", triggers: [BOOKING_CREATED], active: false, payloadTemplate: null }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *   delete:
 *     operationId: deleteWebhookV2
 *     summary: Delete a webhook
 *     description: >-
 *       Deletes a webhook GET /v2/webhooks/{webhookId} shows you (others are a 404), with its queued
 *       deliveries, and answers with it as it was.
 *     tags: ["v2 · Webhooks"]
 *     x-access: webhook-v2
 *     x-scope: webhooks:write
 *     x-query: WebhookIdQueryV2
 *     responses:
 *       200:
 *         description: The deleted webhook
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/UserWebhookResponseV2" }
 *             example:
 *               status: success
 *               data: { id: 2f1c7b1e-6c55-4b8e-9a43-0b6f1f3c2d10, userId: 7, subscriberUrl: "https://hooks.example.com/slotbase", triggers: [BOOKING_CREATED], active: true, payloadTemplate: null }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "webhooks:read",
    response: UserWebhookResponseV2,
    query: WebhookIdQueryV2,
    handler: async ({ auth, query }) => successV2(toUserWebhookV2(await getWebhook(auth, query.webhookId, USER))),
  }),
  PATCH: endpoint({
    scope: "webhooks:write",
    response: UserWebhookResponseV2,
    query: WebhookIdQueryV2,
    body: WebhookUpdateBodyV2,
    fields: { eventTriggers: "body.triggers" },
    handler: async ({ auth, query, body }) => successV2(toUserWebhookV2(await updateWebhook(auth, query.webhookId, fromWebhookBodyV2(body), USER))),
  }),
  DELETE: endpoint({
    scope: "webhooks:write",
    response: UserWebhookResponseV2,
    query: WebhookIdQueryV2,
    handler: async ({ auth, query }) => successV2(toUserWebhookV2(await deleteWebhook(auth, query.webhookId, USER))),
  }),
});
