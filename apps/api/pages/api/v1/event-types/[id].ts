import { deleteEventType, getEventType, updateEventType } from "@slotbase/features";
import { withMiddleware } from "../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../lib/route/endpoint";
import { DeletedResponse, IdQuery } from "../../../../lib/schemas/common";
import { EventTypeResponse, EventTypeUpdateBody } from "../../../../lib/schemas/event-types";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/event-types/{id}:
 *   get:
 *     operationId: getEventType
 *     summary: Get an event type
 *     description: >-
 *       Personal types: their owner only (admins: any). Team types: accepted members of the
 *       team. Anyone else gets a 404.
 *     tags: ["v1 · Event types"]
 *     x-access: event-type-read
 *     x-scope: event-types:read
 *     x-query: IdQuery
 *     responses:
 *       200:
 *         description: The event type, with its hosts
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/EventTypeResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *   patch:
 *     operationId: updateEventType
 *     summary: Edit an event type
 *     description: >-
 *       Changes only the fields sent; `hosts` replaces the whole host list. Team types:
 *       team OWNER/ADMIN only (a plain member gets 403). Period rules are checked on the
 *       result (ROLLING needs periodDays, RANGE both dates).
 *     tags: ["v1 · Event types"]
 *     x-access: event-type-manage
 *     x-scope: event-types:write
 *     x-query: IdQuery
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/EventTypeUpdateBody" }
 *     responses:
 *       200:
 *         description: The updated event type
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/EventTypeResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *       409: { $ref: "#/components/responses/Conflict" }
 *   delete:
 *     operationId: deleteEventType
 *     summary: Delete an event type
 *     description: Team types, team OWNER/ADMIN only (a plain member gets 403).
 *     tags: ["v1 · Event types"]
 *     x-access: event-type-manage
 *     x-scope: event-types:write
 *     x-query: IdQuery
 *     responses:
 *       200:
 *         description: Deleted
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/DeletedResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "event-types:read",
    response: EventTypeResponse,
    query: IdQuery,
    handler: async ({ auth, query }) => ({ event_type: await getEventType(auth, query.id) }),
  }),
  PATCH: endpoint({
    scope: "event-types:write",
    response: EventTypeResponse,
    query: IdQuery,
    body: EventTypeUpdateBody,
    handler: async ({ auth, query, body }) => ({ event_type: await updateEventType(auth, query.id, body) }),
  }),
  DELETE: endpoint({
    scope: "event-types:write",
    response: DeletedResponse,
    query: IdQuery,
    handler: async ({ auth, query }) => {
      await deleteEventType(auth, query.id);
      return { message: `Event type with id: ${query.id} deleted successfully` };
    },
  }),
});
