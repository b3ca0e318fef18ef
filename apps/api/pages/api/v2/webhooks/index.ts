import { createWebhook, listWebhooks } from "@slotbase/features";
import { successV2 } from "../../../../lib/mappers/bookings";
import { fromWebhookBodyV2, toUserWebhookV2 } from "../../../../lib/mappers/webhooks-v2";
import { withMiddleware } from "../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../lib/route/endpoint";
import { UserWebhookListResponseV2, UserWebhookResponseV2, WebhookCreateBodyV2, WebhookListQueryV2 } from "../../../../lib/schemas/webhooks-v2";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v2/webhooks:
 *   get:
 *     operationId: listWebhooksV2
 *     summary: Get all webhooks
 *     description: >-
 *       Your own webhooks, those on no event type (Cal.com v2's user webhooks; an event type's are
 *       listed under /v2/event-types/{eventTypeId}/webhooks), oldest first, `skip` then at most `take`.
 *       Any key with `webhooks:read` may call it and sees only its user's. The secret is never returned.
 *     tags: ["v2 · Webhooks"]
 *     x-access: webhooks-list-v2
 *     x-scope: webhooks:read
 *     x-query: WebhookListQueryV2
 *     responses:
 *       200:
 *         description: A page of your webhooks
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/UserWebhookListResponseV2" }
 *             example:
 *               status: success
 *               data:
 *                 - { id: 2f1c7b1e-6c55-4b8e-9a43-0b6f1f3c2d10, userId: 7, subscriberUrl: "https://hooks.example.com/slotbase", triggers: [BOOKING_CREATED, BOOKING_CANCELLED], active: true, payloadTemplate: null }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *   post:
 *     operationId: createWebhookV2
 *     summary: Create a webhook
 *     description: >-
 *       Any key with `webhooks:write` may subscribe its user to the events (`triggers`) of every booking
 *       they organize. Each is POSTed to `subscriberUrl` as `{ triggerEvent, createdAt, payload }` (or your
 *       `payloadTemplate`), signed with `secret` in `X-Cal-Signature-256`, retried for a day, exactly as on
 *       v1. The URL must be https and must not point at a private, loopback or link-local address (checked
 *       again at every delivery). Cal.com triggers Slotbase never fires are accepted and stored (README).
 *     tags: ["v2 · Webhooks"]
 *     x-access: webhook-create-v2
 *     x-scope: webhooks:write
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/WebhookCreateBodyV2" }
 *           example: { subscriberUrl: "https://hooks.example.com/slotbase", triggers: [BOOKING_CREATED, BOOKING_CANCELLED, BOOKING_RESCHEDULED, MEETING_ENDED], active: true, secret: 3f8a0c2d9b7e41d6 }
 *     responses:
 *       201:
 *         description: The new webhook (without its secret)
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/UserWebhookResponseV2" }
 *             example:
 *               status: success
 *               data: { id: 2f1c7b1e-6c55-4b8e-9a43-0b6f1f3c2d10, userId: 7, subscriberUrl: "https://hooks.example.com/slotbase", triggers: [BOOKING_CREATED, BOOKING_CANCELLED, BOOKING_RESCHEDULED, MEETING_ENDED], active: true, payloadTemplate: null }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "webhooks:read",
    response: UserWebhookListResponseV2,
    query: WebhookListQueryV2,
    handler: async ({ auth, query }) => successV2((await listWebhooks(auth, query, { userId: auth.userId, eventTypeId: null })).map(toUserWebhookV2)),
  }),
  POST: endpoint({
    scope: "webhooks:write",
    response: UserWebhookResponseV2,
    body: WebhookCreateBodyV2,
    status: 201,
    fields: { eventTriggers: "body.triggers" },
    handler: async ({ auth, body }) => successV2(toUserWebhookV2(await createWebhook(auth, fromWebhookBodyV2(body)))),
  }),
});
