import { deleteBookingRef, getBookingRef, updateBookingRef } from "@slotbase/features";
import { withMiddleware } from "../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../lib/route/endpoint";
import { DeletedResponse, IdQuery } from "../../../../lib/schemas/common";
import { BookingReferenceResponse, BookingReferenceUpdateBody } from "../../../../lib/schemas/booking-references";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/booking-references/{id}:
 *   get:
 *     operationId: getBookingReference
 *     summary: Get a booking reference
 *     description: >-
 *       For anyone who may see the reference's booking; otherwise a 404. `meetingPassword` is
 *       left out for the booking's attendees.
 *     tags: ["v1 · Attendees, references & payments"]
 *     x-access: booking-child-read
 *     x-scope: booking-references:read
 *     x-query: IdQuery
 *     responses:
 *       200:
 *         description: The booking reference
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/BookingReferenceResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *   patch:
 *     operationId: updateBookingReference
 *     summary: Edit a booking reference
 *     description: >-
 *       For the booking's host, its event type's owner, an OWNER/ADMIN of its team, or an
 *       admin; an attendee of the booking gets 403. The booking cannot be changed.
 *     tags: ["v1 · Attendees, references & payments"]
 *     x-access: booking-child-manage
 *     x-scope: booking-references:write
 *     x-query: IdQuery
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/BookingReferenceUpdateBody" }
 *     responses:
 *       200:
 *         description: The updated booking reference
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/BookingReferenceResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *   delete:
 *     operationId: deleteBookingReference
 *     summary: Delete a booking reference
 *     description: For the booking's organizer side, as PATCH.
 *     tags: ["v1 · Attendees, references & payments"]
 *     x-access: booking-child-manage
 *     x-scope: booking-references:write
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
    scope: "booking-references:read",
    response: BookingReferenceResponse,
    query: IdQuery,
    handler: async ({ auth, query }) => ({ booking_reference: await getBookingRef(auth, query.id) }),
  }),
  PATCH: endpoint({
    scope: "booking-references:write",
    response: BookingReferenceResponse,
    query: IdQuery,
    body: BookingReferenceUpdateBody,
    handler: async ({ auth, query, body }) => ({ booking_reference: await updateBookingRef(auth, query.id, body) }),
  }),
  DELETE: endpoint({
    scope: "booking-references:write",
    response: DeletedResponse,
    query: IdQuery,
    handler: async ({ auth, query }) => {
      await deleteBookingRef(auth, query.id);
      return { message: `Booking reference with id: ${query.id} deleted successfully` };
    },
  }),
});
