import { z } from "zod";

export const BOOKING_CHANGE_KINDS = ["created", "requested", "confirmed", "declined", "cancelled", "rescheduled"] as const;
export type BookingChangeKind = (typeof BOOKING_CHANGE_KINDS)[number];

/**
 * Who a message is for: an attendee, the host, or (reschedules only) the previous host when
 * the new booking went to someone else (their copy of the event is cancelled).
 */
export const RECIPIENT_ROLES = ["attendee", "host", "former-host"] as const;
export type RecipientRole = (typeof RECIPIENT_ROLES)[number];

const person = z.object({ name: z.string(), email: z.string() });
const instant = z.iso.datetime({ offset: true });

/**
 * Everything needed to render one message, snapshotted when the change is queued, so later
 * edits of the booking never alter a mail already in the outbox. Stored as Notification.payload.
 */
export const BookingEmailPayloadSchema = z.object({
  v: z.literal(1),
  kind: z.enum(BOOKING_CHANGE_KINDS),
  role: z.enum(RECIPIENT_ROLES),
  recipient: person.extend({ timeZone: z.string(), hour12: z.boolean() }),
  booking: z.object({
    uid: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    location: z.string().nullable(),
    startTime: instant,
    endTime: instant,
    status: z.string(),
    iCalUID: z.string(),
    iCalSequence: z.number().int().min(0),
    /** cancellationReason (cancelled) or rejectionReason (declined). */
    reason: z.string().nullable(),
  }),
  /** The host, or EMAIL_FROM for a booking without one. */
  organizer: person,
  /** Attendees this recipient may see (all, except for seated events that hide attendees). */
  attendees: z.array(person),
  previous: z.object({ uid: z.string(), startTime: instant, endTime: instant }).nullable(),
  /** DTSTAMP: when the change was queued. */
  stampedAt: instant,
});
export type BookingEmailPayload = z.infer<typeof BookingEmailPayloadSchema>;

/** Notification.template of a booking message. */
export function bookingTemplate(kind: BookingChangeKind): string {
  return `booking.${kind}`;
}
