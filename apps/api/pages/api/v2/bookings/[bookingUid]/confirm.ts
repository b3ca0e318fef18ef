import { confirmBooking } from "@slotbase/features";
import { BookingResponseV2, BookingUidQuery } from "../../../../../lib/schemas/bookings-v2";
import { successV2, toBookingV2 } from "../../../../../lib/mappers/bookings";
import { withMiddleware } from "../../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../../lib/route/endpoint";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v2/bookings/{bookingUid}/confirm:
 *   post:
 *     operationId: confirmBookingV2
 *     summary: Confirm a pending booking
 *     description: >
 *       The host's side only. Re-checked under the same no-double-booking guarantee: an overlap is a 409.
 *     tags: ["v2 · Bookings"]
 *     x-access: booking-manage
 *     x-scope: bookings:write
 *     x-idempotent: true
 *     x-query: BookingUidQuery
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
    idempotent: true,
    handler: async ({ auth, query }) => successV2(toBookingV2(await confirmBooking(auth, { uid: query.bookingUid }))),
  }),
});
