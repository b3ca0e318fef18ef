import { declineBooking } from "@slotbase/features";
import { BookingResponseV2, BookingUidQuery, DeclineBodyV2 } from "../../../../../lib/schemas/bookings-v2";
import { successV2, toBookingV2 } from "../../../../../lib/mappers/bookings";
import { withMiddleware } from "../../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../../lib/route/endpoint";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v2/bookings/{bookingUid}/decline:
 *   post:
 *     operationId: declineBookingV2
 *     summary: Decline a pending booking
 *     description: >
 *       The host's side only; the booking becomes rejected and its time is free.
 *     tags: ["v2 · Bookings"]
 *     x-access: booking-manage
 *     x-scope: bookings:write
 *     x-idempotent: true
 *     x-query: BookingUidQuery
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/DeclineBodyV2" }
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
    body: DeclineBodyV2,
    idempotent: true,
    handler: async ({ auth, query, body }) => successV2(toBookingV2(await declineBooking(auth, { uid: query.bookingUid }, body.reason))),
  }),
});
