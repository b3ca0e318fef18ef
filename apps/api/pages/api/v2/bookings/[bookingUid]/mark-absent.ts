import { markAbsent } from "@slotbase/features";
import { BookingResponseV2, BookingUidQuery, MarkAbsentBodyV2 } from "../../../../../lib/schemas/bookings-v2";
import { successV2, toBookingV2 } from "../../../../../lib/mappers/bookings";
import { withMiddleware } from "../../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../../lib/route/endpoint";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v2/bookings/{bookingUid}/mark-absent:
 *   post:
 *     operationId: markAbsentV2
 *     summary: Mark attendees or the host absent
 *     description: >
 *       The host's side only, once the booking has started. Send attendeeEmail + noShow, or attendees[], and/or host.
 *     tags: ["v2 · Bookings"]
 *     x-access: booking-manage
 *     x-scope: bookings:write
 *     x-idempotent: true
 *     x-query: BookingUidQuery
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/MarkAbsentBodyV2" }
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
    body: MarkAbsentBodyV2,
    idempotent: true,
    handler: async ({ auth, query, body }) => successV2(toBookingV2(await markAbsent(auth, { uid: query.bookingUid }, { attendees: [...(body.attendeeEmail ? [{ email: body.attendeeEmail, absent: body.noShow! }] : []), ...(body.attendees ?? [])], host: body.host }))),
  }),
});
