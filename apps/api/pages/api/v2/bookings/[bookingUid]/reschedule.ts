import { rescheduleBooking, rescheduleSeat } from "@slotbase/features";
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
 *       rescheduledToUid); the old one becomes cancelled. Same attendees; same host when free
 *       (`rescheduleWithSameHost: true`: that host or a 409). With `seatUid`, only that seat of a
 *       seated booking moves (the organizer side: anyone's; a seat holder: their own): its attendee
 *       joins or opens the booking at the new time, the old booking goes on for the others, and the
 *       answer is the booking the seat is in now with the seat's new `seatUid`. 201, as Cal.com.
 *     tags: ["v2 · Bookings"]
 *     x-access: booking-reschedule
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
    handler: async ({ auth, query, body }) => {
      if (body.seatUid !== undefined) {
        const moved = await rescheduleSeat(auth, query.bookingUid, { start: body.start, seatUid: body.seatUid });
        return successV2(toBookingV2(moved.booking, { seatUid: moved.seatUid }));
      }
      return successV2(toBookingV2(await rescheduleBooking(auth, { uid: query.bookingUid }, { start: body.start, reason: body.reschedulingReason, sameHost: body.rescheduleWithSameHost })));
    },
  }),
});
