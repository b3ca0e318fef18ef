import { reassignBooking } from "@slotbase/features";
import { BookingReassignedResponseV2, BookingUidQuery } from "../../../../../../lib/schemas/bookings-v2";
import { successV2, toReassignedV2 } from "../../../../../../lib/mappers/bookings";
import { withMiddleware } from "../../../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../../../lib/route/endpoint";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v2/bookings/{bookingUid}/reassign:
 *   post:
 *     operationId: reassignBookingV2
 *     summary: Reassign to another free host
 *     description: >
 *       Round-robin bookings only: the free host (other than the current one) with the fewest upcoming bookings takes it.
 *     tags: ["v2 · Bookings"]
 *     x-access: booking-manage
 *     x-scope: bookings:write
 *     x-idempotent: true
 *     x-query: BookingUidQuery
 *     responses:
 *       200:
 *         description: The booking and its new host
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/BookingReassignedResponseV2" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *       409: { $ref: "#/components/responses/Conflict" }
 */
export default withMiddleware({
  POST: endpoint({
    scope: "bookings:write",
    response: BookingReassignedResponseV2,
    query: BookingUidQuery,
    idempotent: true,
    handler: async ({ auth, query }) => successV2(toReassignedV2(await reassignBooking(auth, { uid: query.bookingUid }))),
  }),
});
