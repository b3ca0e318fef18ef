import { minutesBetween } from "@slotbase/scheduling";
import { getPrisma } from "@slotbase/prisma";
import type { AuthContext } from "../auth/auth-context";
import { accessOf } from "../access/access";
import { assertBooking, assertMayMoveEverySeat, seatToRelease, seatsToRelease, visibleAttendees, type BookingAction } from "../access/booking-rules";
import type { Access } from "../access/access";
import { conflict, DomainError, invalidField } from "../errors/domain-errors";
import { resolveEventType } from "../slots/bookable-event";
import { findFreeSlot } from "../slots/slot-service";
import { asBookingConflict } from "./booking-errors";
import { loadBookingRecord, type BookingRecord } from "./booking-record";
import { createRescheduledBooking } from "./create-booking";
import { markNoShow } from "../no-show/no-show-service";
import { notifyAfterCommit, notifyInTransaction } from "./notify";
import type { Db } from "../slots/bookable-event";

export type BookingKey = { id: number } | { uid: string };

const ACTIVE = ["ACCEPTED", "PENDING"] as const;
/** A booking that still holds its time (accepted or pending). */
export const isActive = (status: string) => (ACTIVE as readonly string[]).includes(status);

/** A change the booking's current state does not allow (409). */
export const invalidState = (message: string) => conflict(message, [{ rule: "state", message }]);

/** Loads the booking and checks the caller may do `action` to it (access/booking-rules). */
async function bookingFor(auth: AuthContext, key: BookingKey, action: BookingAction) {
  const [access, booking] = await Promise.all([accessOf(auth), loadBookingRecord(key)]);
  const role = assertBooking(access, booking, action);
  return { access, booking, role };
}

/** The booking as the caller may see it: a seated booking's attendee sees no other seat's attendee. */
export function asSeenBy(access: Access, booking: BookingRecord): BookingRecord {
  const attendees = visibleAttendees(access, booking);
  return attendees === booking.attendees ? booking : { ...booking, attendees };
}

export async function getBooking(auth: AuthContext, key: BookingKey): Promise<BookingRecord> {
  const { access, booking } = await bookingFor(auth, key, "read");
  return asSeenBy(access, booking);
}

export interface CancelOptions {
  reason?: string | null;
  /** Cancel only this seat of a seated booking (Cal.com's `seatUid`). */
  seatUid?: string;
  /** Also cancel the later occurrences of its recurring series that the caller may cancel (Cal.com's `cancelSubsequentBookings`). */
  subsequent?: boolean;
}

/**
 * Cancels; a cancelled or declined booking frees its slot at once (it leaves the exclusion
 * constraint). A seat holder who is not on the organizer's side gives up only their own seats
 * (`onlyRemovedAttendee`: the booking goes on for the others); `seatUid` names one seat.
 */
export async function cancelBooking(auth: AuthContext, key: BookingKey, options: CancelOptions = {}): Promise<BookingRecord & { onlyRemovedAttendee?: true }> {
  const { access, booking, role } = await bookingFor(auth, key, "cancel");
  if (!isActive(booking.status)) throw invalidState(`This booking is already ${booking.status.toLowerCase()}.`);
  if (booking.endTime.getTime() <= Date.now()) throw invalidState("A booking that has ended cannot be cancelled.");
  const reason = options.reason ?? null;
  const prisma = await getPrisma();
  const released = options.seatUid !== undefined ? [seatToRelease(access, role, booking, options.seatUid)] : seatsToRelease(access, role, booking);
  if (released && released.length < booking.attendees.length) {
    // A seat holder gives up their own seats; the others keep theirs.
    const ids = released.map((attendee) => attendee.id);
    await prisma.$transaction(async (tx) => {
      await notifyInTransaction(tx, { kind: "cancelled", bookingId: booking.id, attendeeIds: ids, includeHost: false });
      await tx.attendee.deleteMany({ where: { id: { in: ids }, bookingId: booking.id } });
    });
    notifyAfterCommit();
    // What they see is their own seats, cancelled; the others' names are not theirs to see.
    return { ...booking, status: "CANCELLED", cancellationReason: reason, attendees: released, onlyRemovedAttendee: true };
  }
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.booking.updateMany({
      where: { id: booking.id, status: { in: [...ACTIVE] } },
      data: { status: "CANCELLED", cancellationReason: reason, cancelledBy: access.email, iCalSequence: { increment: 1 } },
    });
    if (count === 0) throw invalidState("This booking was changed meanwhile; fetch it again.");
    await notifyInTransaction(tx, { kind: "cancelled", bookingId: booking.id });
  });
  notifyAfterCommit();
  if (options.subsequent && booking.recurringEventId) await cancelLaterOccurrences(auth, booking, reason);
  return asSeenBy(access, await loadBookingRecord({ id: booking.id }));
}

/** The series' later active occurrences, each through the same checks as a cancel of its own. */
async function cancelLaterOccurrences(auth: AuthContext, booking: BookingRecord, reason: string | null): Promise<void> {
  const prisma = await getPrisma();
  const later = await prisma.booking.findMany({
    where: { recurringEventId: booking.recurringEventId, startTime: { gt: booking.startTime }, status: { in: [...ACTIVE] } },
    select: { id: true },
    orderBy: { startTime: "asc" },
  });
  for (const occurrence of later) {
    try {
      await cancelBooking(auth, { id: occurrence.id }, { reason });
    } catch (error) {
      // An occurrence the caller may not cancel, or one that changed meanwhile, stays as it is.
      if (!(error instanceof DomainError)) throw error;
    }
  }
}

/**
 * Cancels active bookings for a change the caller already has the right to make (deleting the
 * calendar they occupy), through the same steps as a cancellation: status, reason, the
 * calendar event's SEQUENCE, and the emails, queued in the caller's transaction.
 */
export async function cancelBookingsInTransaction(tx: Db, bookingIds: number[], change: { reason: string; cancelledBy: string }): Promise<number> {
  let cancelled = 0;
  for (const bookingId of bookingIds) {
    const { count } = await tx.booking.updateMany({
      where: { id: bookingId, status: { in: [...ACTIVE] } },
      data: { status: "CANCELLED", cancellationReason: change.reason, cancelledBy: change.cancelledBy, iCalSequence: { increment: 1 } },
    });
    if (count === 0) continue;
    await notifyInTransaction(tx, { kind: "cancelled", bookingId });
    cancelled += 1;
  }
  return cancelled;
}

/** Pending → accepted, under the same guarantee as a new booking: an overlap is a 409. */
export async function confirmBooking(auth: AuthContext, key: BookingKey): Promise<BookingRecord> {
  const { booking } = await bookingFor(auth, key, "manage");
  if (booking.status !== "PENDING") throw invalidState(`Only a pending booking can be confirmed; this one is ${booking.status.toLowerCase()}.`);
  const prisma = await getPrisma();
  try {
    await prisma.$transaction(async (tx) => {
      const { count } = await tx.booking.updateMany({ where: { id: booking.id, status: "PENDING" }, data: { status: "ACCEPTED", iCalSequence: { increment: 1 } } });
      if (count === 0) throw invalidState("This booking was changed meanwhile; fetch it again.");
      await notifyInTransaction(tx, { kind: "confirmed", bookingId: booking.id });
    });
  } catch (error) {
    throw asBookingConflict(error);
  }
  notifyAfterCommit();
  return loadBookingRecord({ id: booking.id });
}

export async function declineBooking(auth: AuthContext, key: BookingKey, reason?: string | null): Promise<BookingRecord> {
  const { booking } = await bookingFor(auth, key, "manage");
  if (booking.status !== "PENDING") throw invalidState(`Only a pending booking can be declined; this one is ${booking.status.toLowerCase()}.`);
  const prisma = await getPrisma();
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.booking.updateMany({
      where: { id: booking.id, status: "PENDING" },
      data: { status: "REJECTED", rejectionReason: reason ?? null, iCalSequence: { increment: 1 } },
    });
    if (count === 0) throw invalidState("This booking was changed meanwhile; fetch it again.");
    await notifyInTransaction(tx, { kind: "declined", bookingId: booking.id });
  });
  notifyAfterCommit();
  return loadBookingRecord({ id: booking.id });
}

/**
 * Moves a booking: a NEW booking (new uid) at the new time, linked both ways (its
 * `fromReschedule` is the old uid; the old one is cancelled and marked rescheduled), same
 * attendees, same host when free, same calendar event (iCalUID, SEQUENCE + 1).
 */
export async function rescheduleBooking(auth: AuthContext, key: BookingKey, input: { start: Date; reason?: string | null; sameHost?: boolean }): Promise<BookingRecord> {
  const { access, booking, role } = await bookingFor(auth, key, "reschedule");
  assertMayMoveEverySeat(access, role, booking);
  if (!isActive(booking.status)) throw invalidState(`A ${booking.status.toLowerCase()} booking cannot be rescheduled.`);
  if (booking.eventTypeId === null) throw invalidState("This booking has no event type to reschedule within.");
  const length = minutesBetween(booking.startTime, booking.endTime);
  const prisma = await getPrisma();
  let newId: number;
  try {
    newId = await prisma.$transaction(async (tx) => {
      const { count } = await tx.booking.updateMany({
        where: { id: booking.id, status: { in: [...ACTIVE] } },
        data: { status: "CANCELLED", rescheduled: true, cancellationReason: input.reason ?? null, rescheduledBy: access.email },
      });
      if (count === 0) throw invalidState("This booking was changed meanwhile; fetch it again.");
      const id = await createRescheduledBooking(
        tx,
        {
          eventTypeId: booking.eventTypeId!,
          start: input.start,
          lengthInMinutes: length,
          attendee: booking.attendees[0]!,
          title: booking.title,
          description: booking.description,
          location: booking.location,
          metadata: (booking.metadata ?? {}) as Record<string, unknown>,
          responses: (booking.responses ?? {}) as Record<string, unknown>,
          customInputs: (booking.customInputs ?? {}) as Record<string, unknown>,
          bookedById: booking.bookedById,
        },
        {
          rescheduling: {
            uid: booking.uid,
            iCalUID: booking.iCalUID,
            iCalSequence: booking.iCalSequence,
            preferredHostId: booking.userId,
            requirePreferredHost: input.sameHost === true,
            attendees: booking.attendees.map(({ name, email, timeZone, locale, phoneNumber }) => ({ name, email, timeZone, locale, phoneNumber })),
          },
        },
      );
      await notifyInTransaction(tx, { kind: "rescheduled", bookingId: id, previousBooking: { uid: booking.uid, startTime: booking.startTime, endTime: booking.endTime } });
      return id;
    }, { timeout: 15_000, maxWait: 15_000 });
  } catch (error) {
    throw asBookingConflict(error);
  }
  notifyAfterCommit();
  return asSeenBy(access, await loadBookingRecord({ id: newId }));
}

export async function updateBookingLocation(auth: AuthContext, key: BookingKey, location: string): Promise<BookingRecord> {
  const { booking } = await bookingFor(auth, key, "manage");
  if (!isActive(booking.status)) throw invalidState(`A ${booking.status.toLowerCase()} booking cannot be changed.`);
  const prisma = await getPrisma();
  await prisma.booking.update({ where: { id: booking.id }, data: { location, iCalSequence: { increment: 1 } } });
  return loadBookingRecord({ id: booking.id });
}

/** Marks attendees (by email) and/or the host absent: the same rules as v1 no-show (one service). */
export async function markAbsent(auth: AuthContext, key: BookingKey, input: { attendees?: { email: string; absent: boolean }[]; host?: boolean }): Promise<BookingRecord> {
  const bookingUid = "uid" in key ? key.uid : (await bookingFor(auth, key, "read")).booking.uid;
  await markNoShow(auth, { bookingUid, attendees: input.attendees?.map((a) => ({ email: a.email, noShow: a.absent })), noShowHost: input.host });
  return loadBookingRecord({ uid: bookingUid });
}

/**
 * Round robin only: gives the booking to another host who is free for it (the given user,
 * who must be a host of the event type, or the free host with the fewest bookings).
 */
export async function reassignBooking(auth: AuthContext, key: BookingKey, toUserId?: number): Promise<BookingRecord> {
  const { booking } = await bookingFor(auth, key, "manage");
  if (!isActive(booking.status)) throw invalidState(`A ${booking.status.toLowerCase()} booking cannot be reassigned.`);
  if (booking.eventTypeId === null || booking.eventType?.schedulingType !== "ROUND_ROBIN") {
    throw invalidState("Only bookings of round-robin event types can be reassigned.");
  }
  const resolved = await resolveEventType({ id: booking.eventTypeId });
  const hostIds = resolved.hostRows.map((h) => h.user.id);
  if (toUserId !== undefined && !hostIds.includes(toUserId)) {
    throw invalidField("toUserId", "host", `User ${toUserId} is not a host of this event type`);
  }
  if (toUserId === booking.userId) throw invalidState("The booking is already assigned to this user.");
  const length = minutesBetween(booking.startTime, booking.endTime);
  const { slot } = await findFreeSlot({ eventType: { id: booking.eventTypeId }, resolved, start: booking.startTime.getTime(), duration: length, rescheduleUid: booking.uid });
  const candidates = (slot?.hostIds ?? []).filter((id) => id !== booking.userId && (toUserId === undefined || id === toUserId));
  if (candidates.length === 0) throw conflict(toUserId !== undefined ? `User ${toUserId} is not free at this time.` : "No other host is free at this time.");
  const prisma = await getPrisma();
  try {
    await prisma.booking.update({ where: { id: booking.id }, data: { userId: candidates[0]!, iCalSequence: { increment: 1 } } });
  } catch (error) {
    throw asBookingConflict(error);
  }
  return loadBookingRecord({ id: booking.id });
}

export async function listBookingReferences(auth: AuthContext, key: BookingKey) {
  const { booking } = await bookingFor(auth, key, "read");
  return booking.references;
}

