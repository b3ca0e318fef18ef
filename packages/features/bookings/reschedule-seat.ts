import { getPrisma } from "@slotbase/prisma";
import type { AuthContext } from "../auth/auth-context";
import { accessOf } from "../access/access";
import { assertBooking, seatToRelease, visibleAttendees } from "../access/booking-rules";
import { conflict } from "../errors/domain-errors";
import { resolveEventType } from "../slots/bookable-event";
import { minutesBetween } from "@slotbase/scheduling";
import { asBookingConflict } from "./booking-errors";
import { loadBookingRecord, type BookingRecord } from "./booking-record";
import { createInTransaction } from "./create-booking";
import { invalidState, isActive, rescheduleBooking } from "./booking-lifecycle";
import { notifyAfterCommit, notifyInTransaction } from "./notify";

/**
 * Moves one seat of a seated booking (Cal.com's reschedule with `seatUid`): its attendee joins
 * the seated booking at the new time, or opens one, and leaves the old booking, which goes on for
 * the others. The organizer side may move anyone's seat, a seat holder their own. Answers the
 * booking the seat is in now, as the caller may see it, and the seat's new uid.
 */
export async function rescheduleSeat(
  auth: AuthContext,
  bookingUid: string,
  input: { start: Date; seatUid: string },
): Promise<{ booking: BookingRecord; seatUid: string }> {
  const [access, booking] = await Promise.all([accessOf(auth), loadBookingRecord({ uid: bookingUid })]);
  const role = assertBooking(access, booking, "reschedule");
  const seat = seatToRelease(access, role, booking, input.seatUid);
  if (booking.attendees.length === 1) {
    // The only seat: the booking itself moves.
    const whole = await rescheduleBooking(auth, { uid: bookingUid }, { start: input.start });
    return { booking: whole, seatUid: whole.attendees[0]?.bookingSeat?.referenceUid ?? input.seatUid };
  }
  if (!isActive(booking.status)) throw invalidState(`A ${booking.status.toLowerCase()} booking cannot be rescheduled.`);
  if (booking.eventTypeId === null) throw invalidState("This booking has no event type to reschedule within.");
  const resolved = await resolveEventType({ id: booking.eventTypeId });
  const prisma = await getPrisma();
  let moved: { bookingId: number; attendeeId: number };
  try {
    moved = await prisma.$transaction(
      async (tx) => {
        const removed = await tx.attendee.deleteMany({ where: { id: seat.id, bookingId: booking.id } });
        if (removed.count === 0) throw conflict("This seat was changed meanwhile; fetch the booking again.", [{ field: "seatUid", rule: "state", message: "Changed meanwhile" }]);
        const data = (seat.bookingSeat?.data ?? {}) as Record<string, unknown>;
        const made = await createInTransaction(
          tx,
          resolved,
          {
            eventTypeId: booking.eventTypeId!,
            start: input.start,
            lengthInMinutes: minutesBetween(booking.startTime, booking.endTime),
            attendee: { name: seat.name, email: seat.email, timeZone: seat.timeZone, locale: seat.locale, phoneNumber: seat.phoneNumber },
            location: booking.location,
            responses: (data.responses ?? {}) as Record<string, unknown>,
            bookedById: seat.bookingSeat?.bookedById ?? null,
          },
          {},
        );
        const attendeeId = made.newAttendeeIds?.[0] ?? (await tx.attendee.findFirstOrThrow({ where: { bookingId: made.bookingId }, select: { id: true } })).id;
        await notifyInTransaction(tx, {
          kind: "rescheduled",
          bookingId: made.bookingId,
          attendeeIds: [attendeeId],
          includeHost: false,
          previousBooking: { uid: booking.uid, startTime: booking.startTime, endTime: booking.endTime },
        });
        return { bookingId: made.bookingId, attendeeId };
      },
      { timeout: 15_000, maxWait: 15_000 },
    );
  } catch (error) {
    throw asBookingConflict(error);
  }
  notifyAfterCommit();
  const now = await loadBookingRecord({ id: moved.bookingId });
  const attendees = visibleAttendees(access, now, [moved.attendeeId]);
  const newSeat = now.attendees.find((attendee) => attendee.id === moved.attendeeId)?.bookingSeat?.referenceUid;
  return { booking: { ...now, attendees }, seatUid: newSeat ?? input.seatUid };
}
