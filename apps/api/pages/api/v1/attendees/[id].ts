import { deleteAttendee, getAttendee, updateAttendee } from "@slotbase/features";
import { withMiddleware } from "../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../lib/route/endpoint";
import { DeletedResponse, IdQuery } from "../../../../lib/schemas/common";
import { AttendeeResponse, AttendeeUpdateBody } from "../../../../lib/schemas/attendees";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/attendees/{id}:
 *   get:
 *     operationId: getAttendee
 *     summary: Get an attendee
 *     description: For anyone who may see the attendee's booking (its attendees included); otherwise a 404.
 *     tags: ["v1 · Attendees, references & payments"]
 *     x-access: booking-child-read
 *     x-scope: attendees:read
 *     x-query: IdQuery
 *     responses:
 *       200:
 *         description: The attendee
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/AttendeeResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *   patch:
 *     operationId: updateAttendee
 *     summary: Edit an attendee
 *     description: >-
 *       For the booking's host, its event type's owner, an OWNER/ADMIN of its team, or an
 *       admin; an attendee of the booking gets 403. No-show flags change through POST
 *       /v1/no-show. An email already on the booking is a 409.
 *     tags: ["v1 · Attendees, references & payments"]
 *     x-access: booking-child-manage
 *     x-scope: attendees:write
 *     x-query: IdQuery
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/AttendeeUpdateBody" }
 *     responses:
 *       200:
 *         description: The updated attendee
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/AttendeeResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *       409: { $ref: "#/components/responses/Conflict" }
 *   delete:
 *     operationId: deleteAttendee
 *     summary: Remove an attendee
 *     description: >-
 *       For the booking's organizer side, as PATCH. A booking keeps at least one attendee:
 *       removing its last one is a 409 (cancel the booking instead).
 *     tags: ["v1 · Attendees, references & payments"]
 *     x-access: booking-child-manage
 *     x-scope: attendees:write
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
 *       409: { $ref: "#/components/responses/Conflict" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "attendees:read",
    response: AttendeeResponse,
    query: IdQuery,
    handler: async ({ auth, query }) => ({ attendee: await getAttendee(auth, query.id) }),
  }),
  PATCH: endpoint({
    scope: "attendees:write",
    response: AttendeeResponse,
    query: IdQuery,
    body: AttendeeUpdateBody,
    handler: async ({ auth, query, body }) => ({ attendee: await updateAttendee(auth, query.id, body) }),
  }),
  DELETE: endpoint({
    scope: "attendees:write",
    response: DeletedResponse,
    query: IdQuery,
    handler: async ({ auth, query }) => {
      await deleteAttendee(auth, query.id);
      return { message: `Attendee with id: ${query.id} deleted successfully` };
    },
  }),
});
