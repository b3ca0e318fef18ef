import { cancelBooking } from "@slotbase/features";
import { BookingCancelBodyV1, BookingCancelledResponseV1, BookingCancelQueryV1 } from "../schemas/bookings-v1";
import { endpoint } from "./endpoint";

/**
 * Cal.com v1's cancellation (handleCancelBooking), which both DELETE /v1/bookings/{id} and
 * DELETE /v1/bookings/{id}/cancel serve: the reason in the body or the query (the body wins).
 */
export const cancelBookingV1 = endpoint({
  scope: "bookings:write",
  response: BookingCancelledResponseV1,
  query: BookingCancelQueryV1,
  body: BookingCancelBodyV1,
  handler: async ({ auth, query, body }) => {
    const cancelled = await cancelBooking(auth, { id: query.id }, { reason: body.cancellationReason ?? query.cancellationReason, subsequent: query.allRemainingBookings });
    const onlyRemovedAttendee = cancelled.onlyRemovedAttendee === true;
    return {
      success: true as const,
      message: onlyRemovedAttendee ? "Your seats were cancelled; the booking goes on for the others." : "Booking successfully cancelled.",
      bookingId: cancelled.id,
      bookingUid: cancelled.uid,
      onlyRemovedAttendee,
    };
  },
});
