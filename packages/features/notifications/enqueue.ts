import type { Prisma } from "@slotbase/prisma";
import { bookingTemplate, type BookingChangeKind, type BookingEmailPayload, type RecipientRole } from "./payload";
import { notificationSettings, parseAddress } from "./settings";

export interface BookingChange {
  kind: BookingChangeKind;
  bookingId: number;
  /** Reschedules: the booking that was moved (its times are shown as "Was"). */
  previousBooking?: { uid: string; startTime: Date; endTime: Date };
  /**
   * Only these attendees are told (the host always is), e.g. the new seats of a seated
   * booking that others had already booked. Default: every attendee.
   */
  attendeeIds?: number[];
  /** False: the host is not told (e.g. one attendee gave up their seat). Default true. */
  includeHost?: boolean;
}

type Person = { name: string; email: string };
type Recipient = Person & { role: RecipientRole; timeZone: string; hour12: boolean; attendeeId?: number };

const userSelect = { name: true, email: true, timeZone: true, timeFormat: true } as const;

function sameEmail(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * Queues the emails of a booking change, one Notification row per recipient (every attendee and
 * the host), in the caller's transaction: they exist exactly when the change commits. Reads the
 * booking through `db` and snapshots everything needed to render. Never sends.
 */
export async function enqueueBookingNotifications(db: Prisma.TransactionClient, change: BookingChange): Promise<void> {
  // One relation per query: Prisma runs the queries of several includes in parallel, which a
  // transaction's single connection (node-postgres) only queues, with a deprecation warning.
  const booking = await db.booking.findUnique({ where: { id: change.bookingId }, include: { user: { select: userSelect } } });
  if (!booking) throw new Error(`enqueueBookingNotifications: booking ${change.bookingId} does not exist`);
  const attendees = await db.attendee.findMany({ where: { bookingId: booking.id }, orderBy: { id: "asc" } });
  const eventType = booking.eventTypeId
    ? await db.eventType.findUnique({ where: { id: booking.eventTypeId }, select: { seatsPerTimeSlot: true, seatsShowAttendees: true } })
    : null;

  const host = booking.user;
  const organizer: Person = host ? { name: host.name ?? "", email: host.email } : parseAddress(notificationSettings().emailFrom);
  const everyone: Person[] = attendees.map((a) => ({ name: a.name, email: a.email }));
  // Seated events hide attendees from one another unless the event type shows them.
  const hideOthers = Boolean(eventType?.seatsPerTimeSlot) && !eventType?.seatsShowAttendees;

  const recipients: Recipient[] = [];
  const add = (candidate: Recipient) => {
    if (!candidate.email.trim() || recipients.some((r) => sameEmail(r.email, candidate.email))) return;
    recipients.push(candidate);
  };
  if (host && change.includeHost !== false) add({ role: "host", name: host.name ?? "", email: host.email, timeZone: host.timeZone, hour12: host.timeFormat === 12 });
  for (const attendee of attendees) {
    if (change.attendeeIds && !change.attendeeIds.includes(attendee.id)) continue;
    add({ role: "attendee", name: attendee.name, email: attendee.email, timeZone: attendee.timeZone, hour12: false, attendeeId: attendee.id });
  }
  if (change.kind === "rescheduled" && change.previousBooking) {
    // A reschedule that moved the booking to another host: the previous host's event is cancelled.
    const previous = await db.booking.findUnique({ where: { uid: change.previousBooking.uid }, select: { user: { select: userSelect } } });
    const formerHost = previous?.user;
    if (formerHost && !(host && sameEmail(formerHost.email, host.email))) {
      add({ role: "former-host", name: formerHost.name ?? "", email: formerHost.email, timeZone: formerHost.timeZone, hour12: formerHost.timeFormat === 12 });
    }
  }
  if (recipients.length === 0) return;

  // Due now by the application's clock, the one deliverDueNotifications() compares with.
  const queuedAt = new Date();
  const stampedAt = queuedAt.toISOString();
  const previous = change.previousBooking
    ? { uid: change.previousBooking.uid, startTime: change.previousBooking.startTime.toISOString(), endTime: change.previousBooking.endTime.toISOString() }
    : null;
  const reason = change.kind === "declined" ? booking.rejectionReason : change.kind === "cancelled" ? booking.cancellationReason : null;

  const rows = recipients.map((recipient) => {
    const payload: BookingEmailPayload = {
      v: 1,
      kind: change.kind,
      role: recipient.role,
      recipient: { name: recipient.name, email: recipient.email, timeZone: recipient.timeZone, hour12: recipient.hour12 },
      booking: {
        uid: booking.uid,
        title: booking.title,
        description: booking.description,
        location: booking.location,
        startTime: booking.startTime.toISOString(),
        endTime: booking.endTime.toISOString(),
        status: booking.status,
        iCalUID: booking.iCalUID ?? `${booking.uid}@slotbase`,
        iCalSequence: booking.iCalSequence,
        reason: reason ?? null,
      },
      organizer,
      attendees: recipient.role === "attendee" && hideOthers ? everyone.filter((a) => sameEmail(a.email, recipient.email)) : everyone,
      previous,
      stampedAt,
    };
    return {
      bookingId: booking.id,
      channel: "email",
      recipient: recipient.email,
      template: bookingTemplate(change.kind),
      payload: payload as unknown as Prisma.InputJsonObject,
      nextAttemptAt: queuedAt,
    };
  });
  await db.notification.createMany({ data: rows });
}
