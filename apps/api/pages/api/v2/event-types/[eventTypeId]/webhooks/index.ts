import { createWebhook, deleteEventTypeWebhooks, listWebhooks } from "@slotbase/features";
import { successV2 } from "../../../../../../lib/mappers/bookings";
import { fromWebhookBodyV2, toEventTypeWebhookV2 } from "../../../../../../lib/mappers/webhooks-v2";
import { withMiddleware } from "../../../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../../../lib/route/endpoint";
import {
  EventTypeWebhookListQueryV2,
  EventTypeWebhookListResponseV2,
  EventTypeWebhookResponseV2,
  EventTypeWebhooksQueryV2,
  WebhookCreateBodyV2,
  WebhooksDeletedResponseV2,
} from "../../../../../../lib/schemas/webhooks-v2";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v2/event-types/{eventTypeId}/webhooks:
 *   get:
 *     operationId: listEventTypeWebhooksV2
 *     summary: Get all webhooks of an event type
 *     description: >-
 *       Every webhook on the event type, whoever created it, oldest first, `skip` then at most `take`. For
 *       whoever manages the event type (its owner; a team's OWNERs and ADMINs; admins): one you cannot see is a
 *       404, a team event type you only read is a 403. Secrets are never returned.
 *     tags: ["v2 · Webhooks"]
 *     x-access: event-type-webhooks
 *     x-scope: webhooks:read
 *     x-query: EventTypeWebhookListQueryV2
 *     responses:
 *       200:
 *         description: A page of the event type's webhooks
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/EventTypeWebhookListResponseV2" }
 *             example:
 *               status: success
 *               data:
 *                 - { id: 6a0d2f4c-1b3e-4c5d-8e7f-9a0b1c2d3e4f, eventTypeId: 12, subscriberUrl: "https://hooks.example.com/slotbase", triggers: [BOOKING_CREATED], active: true, payloadTemplate: null }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *   post:
 *     operationId: createEventTypeWebhookV2
 *     summary: Create a webhook for an event type
 *     description: >-
 *       Subscribes to the events (`triggers`) of the event type's bookings only; delivery, signing and the
 *       subscriber URL rules are those of POST /v2/webhooks. For whoever manages the event type (404 if you
 *       cannot see it, 403 if you only read it).
 *     tags: ["v2 · Webhooks"]
 *     x-access: event-type-webhooks
 *     x-scope: webhooks:write
 *     x-query: EventTypeWebhooksQueryV2
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/WebhookCreateBodyV2" }
 *           example: { subscriberUrl: "https://hooks.example.com/slotbase", triggers: [BOOKING_CREATED], active: true, secret: 3f8a0c2d9b7e41d6 }
 *     responses:
 *       201:
 *         description: The new webhook (without its secret)
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/EventTypeWebhookResponseV2" }
 *             example:
 *               status: success
 *               data: { id: 6a0d2f4c-1b3e-4c5d-8e7f-9a0b1c2d3e4f, eventTypeId: 12, subscriberUrl: "https://hooks.example.com/slotbase", triggers: [BOOKING_CREATED], active: true, payloadTemplate: null }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *   delete:
 *     operationId: deleteEventTypeWebhooksV2
 *     summary: Delete all webhooks of an event type
 *     description: >-
 *       Deletes every webhook on the event type (with their queued deliveries) and says how many. For whoever
 *       manages the event type (404 if you cannot see it, 403 if you only read it).
 *     tags: ["v2 · Webhooks"]
 *     x-access: event-type-webhooks
 *     x-scope: webhooks:write
 *     x-query: EventTypeWebhooksQueryV2
 *     responses:
 *       200:
 *         description: How many were deleted
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/WebhooksDeletedResponseV2" }
 *             example: { status: success, data: 2 webhooks deleted }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "webhooks:read",
    response: EventTypeWebhookListResponseV2,
    query: EventTypeWebhookListQueryV2,
    handler: async ({ auth, query: { eventTypeId, take, skip } }) => successV2((await listWebhooks(auth, { take, skip }, { eventTypeId })).map(toEventTypeWebhookV2)),
  }),
  POST: endpoint({
    scope: "webhooks:write",
    response: EventTypeWebhookResponseV2,
    query: EventTypeWebhooksQueryV2,
    body: WebhookCreateBodyV2,
    status: 201,
    fields: { eventTriggers: "body.triggers", eventTypeId: "path.eventTypeId" },
    handler: async ({ auth, query, body }) => successV2(toEventTypeWebhookV2(await createWebhook(auth, { ...fromWebhookBodyV2(body), eventTypeId: query.eventTypeId }))),
  }),
  DELETE: endpoint({
    scope: "webhooks:write",
    response: WebhooksDeletedResponseV2,
    query: EventTypeWebhooksQueryV2,
    handler: async ({ auth, query }) => successV2(`${await deleteEventTypeWebhooks(auth, query.eventTypeId)} webhooks deleted`),
  }),
});
