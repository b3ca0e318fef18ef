import { createWebhook, listWebhooksPage } from "@slotbase/features";
import { withMiddleware } from "../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../lib/route/endpoint";
import { listed } from "../../../../lib/http/list-headers";
import { toWireWebhook } from "../../../../lib/mappers/webhooks";
import { ListWebhooksQuery, WebhookCreateBody, WebhookCreatedResponse, WebhookListResponse } from "../../../../lib/schemas/webhooks";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/webhooks:
 *   get:
 *     operationId: listWebhooks
 *     summary: List webhooks
 *     description: >-
 *       Your webhooks and those on event types you manage (admins see everyone's; `userId` narrows it
 *       to one user's), oldest first. Secrets are never returned: `hasSecret` says whether one is set.
 *     tags: ["v1 · Webhooks"]
 *     x-access: webhooks-list
 *     x-scope: webhooks:read
 *     x-query: ListWebhooksQuery
 *     responses:
 *       200:
 *         description: A page of webhooks
 *         headers:
 *           X-Total-Count: { $ref: "#/components/headers/TotalCount" }
 *           Link: { $ref: "#/components/headers/NextPageLink" }
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/WebhookListResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *   post:
 *     operationId: addWebhook
 *     summary: Subscribe to booking events
 *     description: >-
 *       Each booking event you subscribe to (of bookings you organize, or only of `eventTypeId`'s) is POSTed
 *       to `subscriberUrl` as `{ triggerEvent, createdAt, payload }` (Cal.com's shape) or your
 *       `payloadTemplate`, signed with `secret` in `X-Cal-Signature-256`, at least once, retried for a day.
 *       The URL must be https and must not point at a private, loopback or link-local address (checked
 *       again at every delivery).
 *     tags: ["v1 · Webhooks"]
 *     x-access: webhook-create
 *     x-scope: webhooks:write
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/WebhookCreateBody" }
 *     responses:
 *       201:
 *         description: The new webhook
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/WebhookCreatedResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "webhooks:read",
    response: WebhookListResponse,
    query: ListWebhooksQuery,
    handler: async ({ req, res, auth, query: { take, page, userId } }) => ({
      webhooks: (await listed({ req, res, query: { take, page } }, (paging) => listWebhooksPage(auth, paging, { userId }))).map(toWireWebhook),
    }),
  }),
  POST: endpoint({
    scope: "webhooks:write",
    response: WebhookCreatedResponse,
    body: WebhookCreateBody,
    status: 201,
    handler: async ({ auth, body }) => ({ webhook: toWireWebhook(await createWebhook(auth, body)), message: "Webhook created successfully" }),
  }),
});
