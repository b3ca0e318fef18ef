import { updateBookingLocation } from "@slotbase/features";
import { BookingResponseV2, BookingUidQuery, LocationBodyV2 } from "../../../../../lib/schemas/bookings-v2";
import { successV2, toBookingV2 } from "../../../../../lib/mappers/bookings";
import { toLocationText } from "../../../../../lib/mappers/booking-locations-v2";
import { withMiddleware } from "../../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../../lib/route/endpoint";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v2/bookings/{bookingUid}/location:
 *   patch:
 *     operationId: updateBookingLocationV2
 *     summary: Change a booking's location
 *     description: >
 *       The host's side only.
 *     tags: ["v2 · Bookings"]
 *     x-access: booking-manage
 *     x-scope: bookings:write
 *     x-query: BookingUidQuery
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/LocationBodyV2" }
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
  PATCH: endpoint({
    scope: "bookings:write",
    response: BookingResponseV2,
    query: BookingUidQuery,
    body: LocationBodyV2,
    handler: async ({ auth, query, body }) => successV2(toBookingV2(await updateBookingLocation(auth, { uid: query.bookingUid }, toLocationText(body.location)))),
  }),
});
