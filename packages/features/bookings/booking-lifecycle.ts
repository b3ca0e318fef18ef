import { minutesBetween } from "@slotbase/scheduling";
import { getPrisma } from "@slotbase/prisma";
import type { AuthContext } from "../auth/auth-context";
import { conflict, HttpError } from "../errors/http-error";
import { resolveEventType } from "../slots/bookable-event";
import { findFreeSlot } from "../slots/slot-service";
import { assertRole, viewerOf } from "./booking-access";
import { asBookingConflict } from "./booking-errors";
import { loadBookingRecord, type BookingRecord } from "./booking-record";
import { createRescheduledBooking } from "./create-booking";
import { markNoShow } from "../no-show/no-show-service";
import { notifyAfterCommit, notifyInTransaction } from "./notify";

export type BookingKey = { id: number } | { uid: string };

const ACTIVE = ["ACCEPTED", "PENDING"] as const;
const isActive = (status: string) => (ACTIVE as readonly string[]).includes(status);

function invalidState(message: string) {
  return new HttpError("conflict", message);
}

/** Loads the booking and checks the caller's right to it ("attend": attendees too; "manage": the organizer's side). */
async function bookingFor(auth: AuthContext, key: BookingKey, need: "read" | "attend" | "manage") {
  const [viewer, booking] = await Promise.all([viewerOf(auth), loadBookingRecord(key)]);
  const role = assertRole(viewer, booking, need);
  return { viewer, booking, role };
}

export async function getBooking(auth: AuthContext, key: BookingKey): Promise<BookingRecord> {
  return (await bookingFor(auth, key, "read")).booking;
}

/** Cancels; a cancelled or declined booking frees its slot at once (it leaves the exclusion constraint). */
export async function cancelBooking(auth: AuthContext, key: BookingKey, reason?: string | null): Promise<BookingRecord> {
  const { viewer, booking, role } = await bookingFor(auth, key, "attend");
  if (!isActive(booking.status)) throw invalidState(`This booking is already ${booking.status.toLowerCase()}.`);
  if (booking.endTime.getTime() <= Date.now()) throw invalidState("A booking that has ended cannot be cancelled.");
  const prisma = await getPrisma();
  const ownSeat = booking.attendees.find((a) => a.email.toLowerCase() === viewer.email);
  if (role === "attendee" && booking.eventType?.seatsPerTimeSlot && ownSeat && booking.attendees.length > 1) {
    // One attendee of a seated booking gives up their seat; the others keep theirs.
    await prisma.$transaction(async (tx) => {
      await notifyInTransaction(tx, { kind: "cancelled", bookingId: booking.id, attendeeIds: [ownSeat.id], includeHost: false });
      await tx.attendee.delete({ where: { id: ownSeat.id } });
    });
    notifyAfterCommit();
    // What they see is their own seat, cancelled; the others' names are no longer theirs to see.
    return { ...booking, status: "CANCELLED", cancellationReason: reason ?? null, attendees: [ownSeat] };
  }
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.booking.updateMany({
      where: { id: booking.id, status: { in: [...ACTIVE] } },
      data: { status: "CANCELLED", cancellationReason: reason ?? null, cancelledBy: viewer.email, iCalSequence: { increment: 1 } },
    });
    if (count === 0) throw invalidState("This booking was changed meanwhile; fetch it again.");
    await notifyInTransaction(tx, { kind: "cancelled", bookingId: booking.id });
  });
  notifyAfterCommit();
  return loadBookingRecord({ id: booking.id });
}

/** Pending → accepted, under the same guarantee as a new booking: an overlap is a 409. */
export async function confirmBooking(auth: AuthContext, key: BookingKey, surface: "v1" | "v2" = "v2"): Promise<BookingRecord> {
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
    throw asBookingConflict(error, surface);
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
export async function rescheduleBooking(auth: AuthContext, key: BookingKey, input: { start: Date; reason?: string | null; surface?: "v1" | "v2" }): Promise<BookingRecord> {
  const { viewer, booking } = await bookingFor(auth, key, "attend");
  if (!isActive(booking.status)) throw invalidState(`A ${booking.status.toLowerCase()} booking cannot be rescheduled.`);
  if (booking.eventTypeId === null) throw invalidState("This booking has no event type to reschedule within.");
  const length = minutesBetween(booking.startTime, booking.endTime);
  const prisma = await getPrisma();
  let newId: number;
  try {
    newId = await prisma.$transaction(async (tx) => {
      const { count } = await tx.booking.updateMany({
        where: { id: booking.id, status: { in: [...ACTIVE] } },
        data: { status: "CANCELLED", rescheduled: true, cancellationReason: input.reason ?? null, rescheduledBy: viewer.email },
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
          surface: input.surface,
          bookedById: booking.bookedById,
        },
        {
          rescheduling: {
            uid: booking.uid,
            iCalUID: booking.iCalUID,
            iCalSequence: booking.iCalSequence,
            preferredHostId: booking.userId,
            attendees: booking.attendees.map(({ name, email, timeZone, locale, phoneNumber }) => ({ name, email, timeZone, locale, phoneNumber })),
          },
        },
      );
      await notifyInTransaction(tx, { kind: "rescheduled", bookingId: id, previousBooking: { uid: booking.uid, startTime: booking.startTime, endTime: booking.endTime } });
      return id;
    }, { timeout: 15_000, maxWait: 15_000 });
  } catch (error) {
    throw asBookingConflict(error, input.surface);
  }
  notifyAfterCommit();
  return loadBookingRecord({ id: newId });
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
    throw new HttpError("validation_error", `User ${toUserId} is not a host of this event type.`, {
      details: [{ field: "path.userId", rule: "host", message: "Must be a host of the event type" }],
    });
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

