import { deleteDestinationCalendar, getDestinationCalendar, updateDestinationCalendar } from "@slotbase/features";
import { withMiddleware } from "../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../lib/route/endpoint";
import { DeletedResponse, IdQuery } from "../../../../lib/schemas/common";
import { DestinationCalendarResponse, DestinationCalendarUpdateBody } from "../../../../lib/schemas/destination-calendars";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/destination-calendars/{id}:
 *   get:
 *     operationId: getDestinationCalendar
 *     summary: Get a destination calendar
 *     description: >-
 *       A user's is theirs (and admins'); an event type's is shown to whoever can read the event type
 *       (its team's accepted members); a booking's to whoever can read the booking. Anyone else gets 404.
 *     tags: ["v1 · Calendars"]
 *     x-access: destination-calendar
 *     x-scope: destination-calendars:read
 *     x-query: IdQuery
 *     responses:
 *       200:
 *         description: The destination calendar
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/DestinationCalendarResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *   patch:
 *     operationId: editDestinationCalendar
 *     summary: Edit a destination calendar
 *     description: >-
 *       Changes `integration` and `externalId` (each on its own if you like), or moves the destination
 *       calendar to another owner of the same kind: another event type you manage, another booking you
 *       organize, or (admins) another user. An event type's or booking's can be changed by who manages
 *       it (a plain team member or an attendee gets 403). Naming another kind of owner is a 400 (delete
 *       it and create one for the new owner); an owner that already has one is a 409.
 *     tags: ["v1 · Calendars"]
 *     x-access: destination-calendar-manage
 *     x-scope: destination-calendars:write
 *     x-query: IdQuery
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/DestinationCalendarUpdateBody" }
 *     responses:
 *       200:
 *         description: The updated destination calendar
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/DestinationCalendarResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *       409: { $ref: "#/components/responses/Conflict" }
 *   delete:
 *     operationId: removeDestinationCalendar
 *     summary: Remove a destination calendar
 *     description: Whoever may change it may delete it (a plain team member or an attendee gets 403).
 *     tags: ["v1 · Calendars"]
 *     x-access: destination-calendar-manage
 *     x-scope: destination-calendars:write
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
    scope: "destination-calendars:read",
    response: DestinationCalendarResponse,
    query: IdQuery,
    handler: async ({ auth, query }) => ({ destinationCalendar: await getDestinationCalendar(auth, query.id) }),
  }),
  PATCH: endpoint({
    scope: "destination-calendars:write",
    response: DestinationCalendarResponse,
    query: IdQuery,
    body: DestinationCalendarUpdateBody,
    handler: async ({ auth, query, body }) => ({ destinationCalendar: await updateDestinationCalendar(auth, query.id, body) }),
  }),
  DELETE: endpoint({
    scope: "destination-calendars:write",
    response: DeletedResponse,
    query: IdQuery,
    handler: async ({ auth, query }) => {
      await deleteDestinationCalendar(auth, query.id);
      return { message: "OK, Destination Calendar removed successfully" };
    },
  }),
});
