import { reassignBooking } from "@slotbase/features";
import { BookingReassignQuery, BookingReassignedResponseV2 } from "../../../../../../lib/schemas/bookings-v2";
import { successV2, toReassignedV2 } from "../../../../../../lib/mappers/bookings";
import { withMiddleware } from "../../../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../../../lib/route/endpoint";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v2/bookings/{bookingUid}/reassign/{userId}:
 *   post:
 *     operationId: reassignBookingToUserV2
 *     summary: Reassign to a given host
 *     description: >
 *       Round-robin bookings only: the user must be a host of the event type and free at that time (409 otherwise).
 *     tags: ["v2 · Bookings"]
 *     x-access: booking-manage
 *     x-scope: bookings:write
 *     x-idempotent: true
 *     x-query: BookingReassignQuery
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
    query: BookingReassignQuery,
    idempotent: true,
    fields: { toUserId: "path.userId" },
    handler: async ({ auth, query }) => successV2(toReassignedV2(await reassignBooking(auth, { uid: query.bookingUid }, query.userId))),
  }),
});
