import { createEvent, type EventAttributes } from "ics";
import type { BookingEmailPayload } from "./payload";

/** The address rule the `ics` package enforces (yup's, the WHATWG input[type=email] one). */
const ICS_EMAIL = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

export type IcsMethod = "REQUEST" | "CANCEL";

/** The iCalendar METHOD and event STATUS a message carries. */
export function icsMethodAndStatus(payload: BookingEmailPayload): { method: IcsMethod; status: "CONFIRMED" | "TENTATIVE" | "CANCELLED" } {
  if (payload.role === "former-host") return { method: "CANCEL", status: "CANCELLED" };
  switch (payload.kind) {
    case "cancelled":
    case "declined":
      return { method: "CANCEL", status: "CANCELLED" };
    case "requested":
      return { method: "REQUEST", status: "TENTATIVE" };
    case "rescheduled":
      // A reschedule that needs the host's confirmation again is not confirmed yet.
      return { method: "REQUEST", status: payload.booking.status === "PENDING" ? "TENTATIVE" : "CONFIRMED" };
    default:
      return { method: "REQUEST", status: "CONFIRMED" };
  }
}

/**
 * An iTIP (RFC 5546) invitation or cancellation of the booking's event: UID and SEQUENCE as the
 * booking keeps them, so every change updates the same event in the recipient's calendar.
 */
export function buildBookingIcs(payload: BookingEmailPayload): { method: IcsMethod; content: string } {
  const { method, status } = icsMethodAndStatus(payload);
  const { booking } = payload;
  const attributes: EventAttributes & { timestamp: number } = {
    productId: "-//Slotbase//Booking notifications//EN",
    method,
    uid: booking.iCalUID,
    sequence: booking.iCalSequence,
    timestamp: Date.parse(payload.stampedAt),
    start: Date.parse(booking.startTime),
    startInputType: "utc",
    startOutputType: "utc",
    end: Date.parse(booking.endTime),
    endInputType: "utc",
    endOutputType: "utc",
    title: booking.title,
    ...(booking.description ? { description: booking.description } : {}),
    ...(booking.location ? { location: booking.location } : {}),
    status,
    organizer: { name: payload.organizer.name || payload.organizer.email, email: payload.organizer.email },
    // The library validates addresses (WHATWG rule); one it would refuse is left out of the
    // invite rather than failing the whole message.
    attendees: payload.attendees
      .filter((a) => ICS_EMAIL.test(a.email))
      .map((a) => ({
        name: a.name || a.email,
        email: a.email,
        rsvp: false,
        role: "REQ-PARTICIPANT" as const,
        ...(status === "CANCELLED" ? {} : { partstat: "ACCEPTED" as const }),
      })),
  };
  const { error, value } = createEvent(attributes);
  if (error || !value) throw new Error(`iCalendar invite could not be built: ${error?.message ?? "empty"}`);
  return { method, content: value };
}
