import { withMiddleware } from "../../../../../lib/middleware/with-middleware";
import { cancelBookingV1 } from "../../../../../lib/route/cancel-booking-v1";

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
 *       notified. A seat holder who is not on the organizer's side gives up only their own seats
 *       (onlyRemovedAttendee). cancellationReason may come in the body or the query (the body
 *       wins). Answers as Cal.com's handleCancelBooking. An already cancelled, declined or ended
 *       booking is a 409. Same service as POST /v2/bookings/{uid}/cancel and DELETE /v1/bookings/{id}.
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
 *             example: { success: true, message: Booking successfully cancelled., bookingId: 42, bookingUid: 3f2a1c9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b, onlyRemovedAttendee: false }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *       409: { $ref: "#/components/responses/Conflict" }
 */
export default withMiddleware({ DELETE: cancelBookingV1 });
