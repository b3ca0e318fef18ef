import { listBookingReferences } from "@slotbase/features";
import { BookingReferencesQueryV2, BookingReferencesResponseV2 } from "../../../../../lib/schemas/bookings-v2";
import { successV2, toBookingReferenceV2 } from "../../../../../lib/mappers/bookings";
import { withMiddleware } from "../../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../../lib/route/endpoint";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v2/bookings/{bookingUid}/references:
 *   get:
 *     operationId: getBookingReferencesV2
 *     summary: A booking's external references
 *     description: >
 *       Calendar events and video meetings linked to the booking; `type` keeps one integration's.
 *     tags: ["v2 · Bookings"]
 *     x-access: booking-read
 *     x-scope: bookings:read
 *     x-query: BookingReferencesQueryV2
 *     responses:
 *       200:
 *         description: References
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/BookingReferencesResponseV2" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "bookings:read",
    response: BookingReferencesResponseV2,
    query: BookingReferencesQueryV2,
    handler: async ({ auth, query }) =>
      successV2(
        (await listBookingReferences(auth, { uid: query.bookingUid }))
          .filter((reference) => query.type === undefined || reference.type === query.type)
          .map(toBookingReferenceV2),
      ),
  }),
});
