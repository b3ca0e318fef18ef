import { confirmBooking } from "@slotbase/features";
import { toBookingV1 } from "../../../../../lib/mappers/bookings-v1";
import { withMiddleware } from "../../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../../lib/route/endpoint";
import { IdQuery } from "../../../../../lib/schemas/common";
import { BookingResponseV1 } from "../../../../../lib/schemas/bookings-v1";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/bookings/{id}/confirm:
 *   post:
 *     operationId: confirmBooking
 *     summary: Confirm a pending booking
 *     description: >-
 *       For the organizer's side (an attendee or the booker gets 403). Pending becomes
 *       ACCEPTED under the same no-double-booking guarantee as a new booking: an overlap with
 *       an accepted booking is a 409, as is a booking that is not pending. Same service as
 *       POST /v2/bookings/{uid}/confirm.
 *     tags: ["v1 · Bookings"]
 *     x-access: booking-manage
 *     x-scope: bookings:write
 *     x-idempotent: true
 *     x-query: IdQuery
 *     responses:
 *       200:
 *         description: The confirmed booking
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
  POST: endpoint({
    scope: "bookings:write",
    response: BookingResponseV1,
    query: IdQuery,
    idempotent: true,
    handler: async ({ auth, query }) => ({ booking: toBookingV1(await confirmBooking(auth, { id: query.id })) }),
  }),
});
