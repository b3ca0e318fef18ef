import { getBooking, updateBookingDetails } from "@slotbase/features";
import { toBookingV1 } from "../../../../../lib/mappers/bookings-v1";
import { withMiddleware } from "../../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../../lib/route/endpoint";
import { cancelBookingV1 } from "../../../../../lib/route/cancel-booking-v1";
import { IdQuery } from "../../../../../lib/schemas/common";
import { BookingResponseV1, BookingUpdateBodyV1 } from "../../../../../lib/schemas/bookings-v1";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/bookings/{id}:
 *   get:
 *     operationId: getBooking
 *     summary: Get a booking
 *     description: >-
 *       Visible to its host, its attendees (by email), whoever made it with their key, the event
 *       type's owner, its team's OWNER/ADMINs and admins; anyone else gets 404.
 *     tags: ["v1 · Bookings"]
 *     x-access: booking-read
 *     x-scope: bookings:read
 *     x-query: IdQuery
 *     responses:
 *       200:
 *         description: The booking
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/BookingResponseV1" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *   patch:
 *     operationId: updateBooking
 *     summary: Edit a booking's title, description, location or metadata
 *     description: >-
 *       For the organizer's side: the host, the event type's owner, its team's OWNER/ADMINs and
 *       admins (an attendee or the booker gets 403, anyone else 404). Only title, description,
 *       location and metadata (replaced as a whole) can change. Times change by rescheduling
 *       (POST /v2/bookings/{uid}/reschedule, a new linked booking), the status by
 *       DELETE /v1/bookings/{id}/cancel, POST /v1/bookings/{id}/confirm or
 *       POST /v2/bookings/{uid}/decline: sending start, end, startTime, endTime or status is a
 *       400 saying so. A cancelled or declined booking cannot be changed (409).
 *     tags: ["v1 · Bookings"]
 *     x-access: booking-manage
 *     x-scope: bookings:write
 *     x-query: IdQuery
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/BookingUpdateBodyV1" }
 *     responses:
 *       200:
 *         description: The updated booking
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/BookingResponseV1" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *       409: { $ref: "#/components/responses/Conflict" }
 *   delete:
 *     operationId: deleteBooking
 *     summary: Cancel a booking (as /cancel)
 *     description: >-
 *       Cancels, exactly as DELETE /v1/bookings/{id}/cancel (Cal.com's handler does the same):
 *       everyone is notified and the slot is free again. The record is kept; no operation of the
 *       API deletes a booking.
 *     tags: ["v1 · Bookings"]
 *     x-access: booking-cancel
 *     x-scope: bookings:write
 *     x-query: BookingCancelQueryV1
 *     requestBody:
 *       required: false
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/BookingCancelBodyV1" }
 *     responses:
 *       200:
 *         description: Cancelled
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/BookingCancelledResponseV1" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *       409: { $ref: "#/components/responses/Conflict" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "bookings:read",
    response: BookingResponseV1,
    query: IdQuery,
    handler: async ({ auth, query }) => ({ booking: toBookingV1(await getBooking(auth, { id: query.id })) }),
  }),
  PATCH: endpoint({
    scope: "bookings:write",
    response: BookingResponseV1,
    query: IdQuery,
    body: BookingUpdateBodyV1,
    handler: async ({ auth, query, body }) => {
      const { title, description, location, metadata } = body;
      return { booking: toBookingV1(await updateBookingDetails(auth, { id: query.id }, { title, description, location, metadata })) };
    },
  }),
  DELETE: cancelBookingV1,
});
