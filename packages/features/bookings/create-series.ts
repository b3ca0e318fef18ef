import { randomUUID } from "node:crypto";
import { seriesStarts, type SeriesRecurrence } from "@slotbase/scheduling";
import { getPrisma } from "@slotbase/prisma";
import type { AuthContext } from "../auth/auth-context";
import { ConflictError, DomainError, invalidField } from "../errors/domain-errors";
import { asBookingConflict } from "./booking-errors";
import { loadBookingRecords, type BookingRecord } from "./booking-record";
import { createInTransaction, createPreparedBooking, prepareBooking, type BookingRequest } from "./create-booking";
import { notifyAfterCommit, notifyInTransaction } from "./notify";
import type { RecurringEvent } from "../event-types/event-type-types";

/** RRULE's frequency numbers, as Cal.com stores them in recurringEvent.freq: 0 yearly, 1 monthly, 2 weekly. */
const FREQUENCIES = ["yearly", "monthly", "weekly"] as const;

/** A series recurrence as Cal.com stores it on an event type ({ freq, interval, count }). */
export function storedRecurringEvent(recurrence: SeriesRecurrence): RecurringEvent {
  return { freq: FREQUENCIES.indexOf(recurrence.frequency) as RecurringEvent["freq"], interval: recurrence.interval, count: recurrence.count };
}

/** An event type's stored recurringEvent (Cal.com's { freq: 0|1|2, interval, count }), or null for single bookings. */
export function seriesRecurrenceOf(stored: unknown): SeriesRecurrence | null {
  const value = stored as { freq?: unknown; interval?: unknown; count?: unknown } | null;
  if (!value || typeof value.freq !== "number" || !FREQUENCIES[value.freq]) return null;
  const interval = typeof value.interval === "number" && value.interval >= 1 ? value.interval : 1;
  const count = typeof value.count === "number" && value.count >= 1 ? value.count : 1;
  return { frequency: FREQUENCIES[value.freq]!, interval, count };
}

export interface SeriesResult {
  /** The occurrences, in time order; one booking for an event type that does not recur. */
  bookings: BookingRecord[];
  /** True when the event type recurs (even if only one occurrence was asked for). */
  recurring: boolean;
}

/**
 * Books a request: on a recurring event type, every occurrence of the series (the event type's
 * count, or `occurrences` when fewer are asked for), at the same wall-clock time in the
 * attendee's zone, sharing one recurringEventId. All or nothing: one occurrence that is not free
 * is a 409 naming it, and no occurrence is booked.
 */
export async function createBookingSeries(auth: AuthContext | null, request: BookingRequest, occurrences?: number): Promise<SeriesResult> {
  const prepared = await prepareBooking(auth, request);
  const { resolved, input } = prepared;
  const recurrence = seriesRecurrenceOf(resolved.eventType.recurringEvent);
  if (!recurrence) {
    if (occurrences !== undefined && occurrences > 1) throw invalidField("recurrenceCount", "recurring", "This event type does not recur: book it without recurrenceCount");
    return { bookings: [await createPreparedBooking(auth, prepared)], recurring: false };
  }
  if (occurrences !== undefined && occurrences > recurrence.count) {
    throw invalidField("recurrenceCount", "max", `This event type recurs at most ${recurrence.count} times`);
  }
  const starts = seriesStarts(input.start.getTime(), { ...recurrence, count: occurrences ?? recurrence.count }, input.attendee.timeZone);
  const recurringEventId = randomUUID();
  const prisma = await getPrisma();
  let ids: number[];
  try {
    ids = await prisma.$transaction(
      async (tx) => {
        const made: number[] = [];
        for (const [index, start] of starts.entries()) {
          const occurrence = await createInTransaction(tx, resolved, { ...input, start: new Date(start), recurringEventId, reservationUid: index === 0 ? input.reservationUid : null }, {}).catch(
            (error: unknown) => {
              if (error instanceof DomainError && error.kind === "conflict") {
                const message = `Occurrence ${index + 1} of ${starts.length} (${new Date(start).toISOString()}) is not free: nothing was booked`;
                throw new ConflictError(message, [{ field: "start", rule: "slot_available", message }], { reason: "slot_unavailable" });
              }
              throw error;
            },
          );
          await notifyInTransaction(tx, { kind: occurrence.kind, bookingId: occurrence.bookingId, attendeeIds: occurrence.newAttendeeIds });
          made.push(occurrence.bookingId);
        }
        return made;
      },
      { timeout: 30_000, maxWait: 15_000 },
    );
  } catch (error) {
    throw asBookingConflict(error);
  }
  notifyAfterCommit();
  const bookings = await loadBookingRecords({ id: { in: ids } }, { skip: 0, take: ids.length, orderBy: [{ startTime: "asc" }] });
  return { bookings, recurring: true };
}
