import { createEventType, listEventTypes } from "@slotbase/features";
import { withMiddleware } from "../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../lib/route/endpoint";
import { listed } from "../../../../lib/http/list-headers";
import { EventTypeCreateBody, EventTypeListResponse, EventTypeCreatedResponse, ListEventTypesQuery } from "../../../../lib/schemas/event-types";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/event-types:
 *   get:
 *     operationId: listEventTypes
 *     summary: List event types
 *     description: >-
 *       The caller's personal event types and those of the teams they are an accepted member
 *       of (admins: all), ordered by id. A team-restricted key sees only its team's types and
 *       its user's personal ones.
 *     tags: ["v1 · Event types"]
 *     x-access: event-types-list
 *     x-scope: event-types:read
 *     x-query: ListEventTypesQuery
 *     responses:
 *       200:
 *         description: A page of event types
 *         headers:
 *           X-Total-Count: { $ref: "#/components/headers/TotalCount" }
 *           Link: { $ref: "#/components/headers/NextPageLink" }
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/EventTypeListResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *   post:
 *     operationId: createEventType
 *     summary: Create an event type
 *     description: >-
 *       A personal type (for the caller; admins may name another `userId`), or with `teamId`
 *       a team type (team OWNER/ADMIN only) with a `schedulingType` and `hosts`, who must be
 *       accepted members of the team. The slug is unique per owner (409).
 *     tags: ["v1 · Event types"]
 *     x-access: event-type-create
 *     x-scope: event-types:write
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/EventTypeCreateBody" }
 *     responses:
 *       201:
 *         description: The new event type
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/EventTypeCreatedResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *       409: { $ref: "#/components/responses/Conflict" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "event-types:read",
    response: EventTypeListResponse,
    query: ListEventTypesQuery,
    handler: async ({ req, res, auth, query: { take, page, ...filter } }) => ({
      event_types: await listed({ req, res, query: { take, page } }, (paging) => listEventTypes(auth, paging, filter)),
    }),
  }),
  POST: endpoint({
    scope: "event-types:write",
    response: EventTypeCreatedResponse,
    body: EventTypeCreateBody,
    status: 201,
    handler: async ({ auth, body }) => ({ event_type: await createEventType(auth, body), message: "Event type created successfully" }),
  }),
});
