import { getBookingOrSeries } from "@slotbase/features";
import { BookingOrSeriesResponseV2, BookingUidQuery } from "../../../../../lib/schemas/bookings-v2";
import { successV2, toBookingV2 } from "../../../../../lib/mappers/bookings";
import { withMiddleware } from "../../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../../lib/route/endpoint";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v2/bookings/{bookingUid}:
 *   get:
 *     operationId: getBookingV2
 *     summary: Get a booking
 *     description: >
 *       Visible to its host, attendees, the event type's owner, its team's OWNER/ADMINs and admins; anyone else gets 404.
 *       A recurring series' `recurringBookingUid` answers the occurrences the caller may see, in time order, as an array.
 *     tags: ["v2 · Bookings"]
 *     x-access: booking-read
 *     x-scope: bookings:read
 *     x-query: BookingUidQuery
 *     responses:
 *       200:
 *         description: The booking
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/BookingOrSeriesResponseV2" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "bookings:read",
    response: BookingOrSeriesResponseV2,
    query: BookingUidQuery,
    handler: async ({ auth, query }) => {
      const found = await getBookingOrSeries(auth, query.bookingUid);
      return successV2("booking" in found ? toBookingV2(found.booking) : found.series.map((booking) => toBookingV2(booking)));
    },
  }),
});
