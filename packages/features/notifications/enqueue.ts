import { isPhoneOnlyEmail } from "../bookings/phone-only-attendee";
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

type HostRow = { name: string | null; email: string; timeZone: string; timeFormat: number | null };
/** What the messages of a booking change are rendered from. */
export interface NotifiedBooking {
  id: number;
  uid: string;
  title: string;
  description: string | null;
  location: string | null;
  startTime: Date;
  endTime: Date;
  status: string;
  iCalUID: string | null;
  iCalSequence: number;
  rejectionReason: string | null;
  cancellationReason: string | null;
  host: HostRow | null;
  /** `id` is needed only when the change names attendeeIds. */
  attendees: { id?: number; name: string; email: string; timeZone: string }[];
  eventType: { seatsPerTimeSlot: number | null; seatsShowAttendees: boolean | null } | null;
}

/** The booking, its host, attendees and seat settings in one round trip (this runs inside every booking write). */
async function readBooking(db: Prisma.TransactionClient, bookingId: number): Promise<NotifiedBooking | null> {
  const rows = await db.$queryRaw<NotifiedBooking[]>`
    SELECT b.id, b.uid, b.title, b.description, b.location, b."startTime", b."endTime", b.status::text AS status,
      b."iCalUID", b."iCalSequence", b."rejectionReason", b."cancellationReason",
      (SELECT json_build_object('name', u.name, 'email', u.email, 'timeZone', u."timeZone", 'timeFormat', u."timeFormat")
         FROM "User" u WHERE u.id = b."userId") AS host,
      COALESCE((SELECT json_agg(json_build_object('id', a.id, 'name', a.name, 'email', a.email, 'timeZone', a."timeZone") ORDER BY a.id)
         FROM "Attendee" a WHERE a."bookingId" = b.id), '[]'::json) AS attendees,
      (SELECT json_build_object('seatsPerTimeSlot', et."seatsPerTimeSlot", 'seatsShowAttendees', et."seatsShowAttendees")
         FROM "EventType" et WHERE et.id = b."eventTypeId") AS "eventType"
    FROM "Booking" b WHERE b.id = ${bookingId}`;
  return rows[0] ?? null;
}

/** A Notification row to insert, without its booking's id and its own (the database's). */
export interface NotificationRow {
  channel: string;
  recipient: string;
  template: string;
  payload: Prisma.InputJsonObject;
  nextAttemptAt: Date;
}

/**
 * The Notification rows of a booking change, one per recipient (every attendee and the host):
 * everything needed to render is snapshotted, so later edits never alter a queued mail.
 * `formerHost`: a reschedule that moved the booking to someone else (their event is cancelled).
 */
export function bookingNotificationRows(booking: Omit<NotifiedBooking, "id">, change: BookingChange, formerHost?: HostRow | null): NotificationRow[] {
  const { attendees, eventType } = booking;

  const host = booking.host;
  const organizer: Person = host ? { name: host.name ?? "", email: host.email } : parseAddress(notificationSettings().emailFrom);
  const everyone: Person[] = attendees.map((a) => ({ name: a.name, email: a.email }));
  // Seated events hide attendees from one another unless the event type shows them.
  const hideOthers = Boolean(eventType?.seatsPerTimeSlot) && !eventType?.seatsShowAttendees;

  const recipients: Recipient[] = [];
  const add = (candidate: Recipient) => {
    if (!candidate.email.trim() || isPhoneOnlyEmail(candidate.email) || recipients.some((r) => sameEmail(r.email, candidate.email))) return;
    recipients.push(candidate);
  };
  if (host && change.includeHost !== false) add({ role: "host", name: host.name ?? "", email: host.email, timeZone: host.timeZone, hour12: host.timeFormat === 12 });
  for (const attendee of attendees) {
    if (change.attendeeIds && (attendee.id === undefined || !change.attendeeIds.includes(attendee.id))) continue;
    add({ role: "attendee", name: attendee.name, email: attendee.email, timeZone: attendee.timeZone, hour12: false, attendeeId: attendee.id });
  }
  if (formerHost && !(host && sameEmail(formerHost.email, host.email))) {
    add({ role: "former-host", name: formerHost.name ?? "", email: formerHost.email, timeZone: formerHost.timeZone, hour12: formerHost.timeFormat === 12 });
  }

  // Due now by the application's clock, the one deliverDueNotifications() compares with.
  const queuedAt = new Date();
  const stampedAt = queuedAt.toISOString();
  const previous = change.previousBooking
    ? { uid: change.previousBooking.uid, startTime: change.previousBooking.startTime.toISOString(), endTime: change.previousBooking.endTime.toISOString() }
    : null;
  const reason = change.kind === "declined" ? booking.rejectionReason : change.kind === "cancelled" ? booking.cancellationReason : null;

  return recipients.map((recipient) => {
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
      channel: "email",
      recipient: recipient.email,
      template: bookingTemplate(change.kind),
      payload: payload as unknown as Prisma.InputJsonObject,
      nextAttemptAt: queuedAt,
    };
  });
}

/**
 * Queues the emails of a booking change in the caller's transaction: they exist exactly when
 * the change commits. Reads the booking through `db`. Never sends.
 */
export async function enqueueBookingNotifications(db: Prisma.TransactionClient, change: BookingChange): Promise<void> {
  const booking = await readBooking(db, change.bookingId);
  if (!booking) throw new Error(`enqueueBookingNotifications: booking ${change.bookingId} does not exist`);
  const formerHost =
    change.kind === "rescheduled" && change.previousBooking
      ? (await db.booking.findUnique({ where: { uid: change.previousBooking.uid }, select: { user: { select: userSelect } } }))?.user
      : null;
  const rows = bookingNotificationRows(booking, change, formerHost);
  if (rows.length > 0) await db.notification.createMany({ data: rows.map((row) => ({ ...row, bookingId: booking.id })) });
}
