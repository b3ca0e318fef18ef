import { deleteWebhook, getWebhook, updateWebhook } from "@slotbase/features";
import { successV2 } from "../../../../../../lib/mappers/bookings";
import { fromWebhookBodyV2, toEventTypeWebhookV2 } from "../../../../../../lib/mappers/webhooks-v2";
import { withMiddleware } from "../../../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../../../lib/route/endpoint";
import { EventTypeWebhookIdQueryV2, EventTypeWebhookResponseV2, WebhookUpdateBodyV2 } from "../../../../../../lib/schemas/webhooks-v2";

export const config = { api: { bodyParser: false } };

const at = (eventTypeId: number) => ({ kind: "eventType", eventTypeId }) as const;

/**
 * @swagger
 * /v2/event-types/{eventTypeId}/webhooks/{webhookId}:
 *   get:
 *     operationId: getEventTypeWebhookV2
 *     summary: Get a webhook of an event type
 *     description: >-
 *       For whoever manages the event type (404 if you cannot see it, 403 if you only read it). A webhook of
 *       another event type, or on none, is a 404 here. Never returns the secret.
 *     tags: ["v2 · Webhooks"]
 *     x-access: event-type-webhooks
 *     x-scope: webhooks:read
 *     x-query: EventTypeWebhookIdQueryV2
 *     responses:
 *       200:
 *         description: The webhook
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/EventTypeWebhookResponseV2" }
 *             example:
 *               status: success
 *               data: { id: 6a0d2f4c-1b3e-4c5d-8e7f-9a0b1c2d3e4f, eventTypeId: 12, subscriberUrl: "https://hooks.example.com/slotbase", triggers: [BOOKING_CREATED], active: true, payloadTemplate: null }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *   patch:
 *     operationId: updateEventTypeWebhookV2
 *     summary: Update a webhook of an event type
 *     description: >-
 *       Changes the fields sent, for whoever manages the event type (404 if you cannot see it, 403 if you only
 *       read it); a webhook of another event type is a 404 here. `active: true` turns on a webhook that
 *       delivery turned off. The URL is checked as on create.
 *     tags: ["v2 · Webhooks"]
 *     x-access: event-type-webhooks
 *     x-scope: webhooks:write
 *     x-query: EventTypeWebhookIdQueryV2
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/WebhookUpdateBodyV2" }
 *           example: { triggers: [BOOKING_CREATED, BOOKING_CANCELLED] }
 *     responses:
 *       200:
 *         description: The changed webhook
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/EventTypeWebhookResponseV2" }
 *             example:
 *               status: success
 *               data: { id: 6a0d2f4c-1b3e-4c5d-8e7f-9a0b1c2d3e4f, eventTypeId: 12, subscriberUrl: "https://hooks.example.com/slotbase", triggers: [BOOKING_CREATED, BOOKING_CANCELLED], active: true, payloadTemplate: null }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *   delete:
 *     operationId: deleteEventTypeWebhookV2
 *     summary: Delete a webhook of an event type
 *     description: >-
 *       Deletes it with its queued deliveries and answers with it as it was, for whoever manages the event type
 *       (404 if you cannot see it, 403 if you only read it); a webhook of another event type is a 404 here.
 *     tags: ["v2 · Webhooks"]
 *     x-access: event-type-webhooks
 *     x-scope: webhooks:write
 *     x-query: EventTypeWebhookIdQueryV2
 *     responses:
 *       200:
 *         description: The deleted webhook
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/EventTypeWebhookResponseV2" }
 *             example:
 *               status: success
 *               data: { id: 6a0d2f4c-1b3e-4c5d-8e7f-9a0b1c2d3e4f, eventTypeId: 12, subscriberUrl: "https://hooks.example.com/slotbase", triggers: [BOOKING_CREATED], active: true, payloadTemplate: null }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "webhooks:read",
    response: EventTypeWebhookResponseV2,
    query: EventTypeWebhookIdQueryV2,
    handler: async ({ auth, query }) => successV2(toEventTypeWebhookV2(await getWebhook(auth, query.webhookId, at(query.eventTypeId)))),
  }),
  PATCH: endpoint({
    scope: "webhooks:write",
    response: EventTypeWebhookResponseV2,
    query: EventTypeWebhookIdQueryV2,
    body: WebhookUpdateBodyV2,
    fields: { eventTriggers: "body.triggers" },
    handler: async ({ auth, query, body }) => successV2(toEventTypeWebhookV2(await updateWebhook(auth, query.webhookId, fromWebhookBodyV2(body), at(query.eventTypeId)))),
  }),
  DELETE: endpoint({
    scope: "webhooks:write",
    response: EventTypeWebhookResponseV2,
    query: EventTypeWebhookIdQueryV2,
    handler: async ({ auth, query }) => successV2(toEventTypeWebhookV2(await deleteWebhook(auth, query.webhookId, at(query.eventTypeId)))),
  }),
});
