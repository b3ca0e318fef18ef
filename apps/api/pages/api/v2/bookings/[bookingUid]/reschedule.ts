import { rescheduleBooking } from "@slotbase/features";
import { BookingResponseV2, BookingUidQuery, RescheduleBodyV2 } from "../../../../../lib/schemas/bookings-v2";
import { successV2, toBookingV2 } from "../../../../../lib/mappers/bookings";
import { withMiddleware } from "../../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../../lib/route/endpoint";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v2/bookings/{bookingUid}/reschedule:
 *   post:
 *     operationId: rescheduleBookingV2
 *     summary: Reschedule a booking
 *     description: >
 *       Creates a new booking (new uid) at the new start, linked both ways (rescheduledFromUid /
 *       rescheduledToUid); the old one becomes cancelled. Same attendees; same host when free.
 *     tags: [bookings]
 *     x-scope: bookings:write
 *     x-idempotent: true
 *     x-query: BookingUidQuery
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/RescheduleBodyV2" }
 *     responses:
 *       201:
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
    body: RescheduleBodyV2,
    status: 201,
    idempotent: true,
    handler: async ({ auth, query, body }) => successV2(toBookingV2(await rescheduleBooking(auth, { uid: query.bookingUid }, { start: body.start, reason: body.reschedulingReason, sameHost: body.rescheduleWithSameHost }))),
  }),
});
