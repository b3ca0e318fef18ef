import { cancelBooking } from "@slotbase/features";
import { BookingResponseV2, BookingUidQuery, CancelBodyV2 } from "../../../../../lib/schemas/bookings-v2";
import { successV2, toBookingV2 } from "../../../../../lib/mappers/bookings";
import { withMiddleware } from "../../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../../lib/route/endpoint";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v2/bookings/{bookingUid}/cancel:
 *   post:
 *     operationId: cancelBookingV2
 *     summary: Cancel a booking
 *     description: >
 *       The host's side or an attendee may cancel an upcoming booking; its slot is free again at once.
 *     tags: ["v2 · Bookings"]
 *     x-access: booking-cancel
 *     x-scope: bookings:write
 *     x-idempotent: true
 *     x-query: BookingUidQuery
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/CancelBodyV2" }
 *     responses:
 *       200:
 *         description: The booking
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/BookingResponseV2" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *       409: { $ref: "#/components/responses/Conflict" }
 */
export default withMiddleware({
  POST: endpoint({
    scope: "bookings:write",
    response: BookingResponseV2,
    query: BookingUidQuery,
    body: CancelBodyV2,
    idempotent: true,
    handler: async ({ auth, query, body }) => successV2(toBookingV2(await cancelBooking(auth, { uid: query.bookingUid }, { reason: body.cancellationReason, seatUid: body.seatUid, subsequent: body.cancelSubsequentBookings }))),
  }),
});
