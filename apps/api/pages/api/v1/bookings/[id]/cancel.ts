import { cancelBooking } from "@slotbase/features";
import { toBookingV1 } from "../../../../../lib/mappers/bookings-v1";
import { withMiddleware } from "../../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../../lib/route/endpoint";
import { BookingCancelBodyV1, BookingCancelQueryV1, BookingResponseV1 } from "../../../../../lib/schemas/bookings-v1";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/bookings/{id}/cancel:
 *   delete:
 *     operationId: cancelBooking
 *     summary: Cancel a booking
 *     description: >-
 *       The organizer's side, an attendee or whoever made the booking may cancel an accepted or
 *       pending booking that has not ended; its slot is free again at once and everyone is
 *       notified. cancellationReason may come in the body or the query (the body wins). An
 *       already cancelled, declined or ended booking is a 409. Same service as
 *       POST /v2/bookings/{uid}/cancel.
 *     tags: [bookings]
 *     x-scope: bookings:write
 *     x-query: BookingCancelQueryV1
 *     requestBody:
 *       required: false
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/BookingCancelBodyV1" }
 *     responses:
 *       200:
 *         description: The cancelled booking
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/BookingResponseV1" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *       409: { $ref: "#/components/responses/Conflict" }
 */
export default withMiddleware({
  DELETE: endpoint({
    scope: "bookings:write",
    response: BookingResponseV1,
    query: BookingCancelQueryV1,
    body: BookingCancelBodyV1,
    handler: async ({ auth, query, body }) => ({
      booking: toBookingV1(await cancelBooking(auth, { id: query.id }, body.cancellationReason ?? query.cancellationReason)),
    }),
  }),
});
