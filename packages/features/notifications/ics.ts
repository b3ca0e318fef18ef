import type { BookingEmailPayload } from "./payload";

/** Addresses an invite may name (the WHATWG input[type=email] rule); others are left out of it. */
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

/** TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks escaped. */
function text(value: string): string {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, "\\n");
}

/** A quoted parameter value (§3.2): it cannot hold a double quote or a control character. */
function param(value: string): string {
  // eslint-disable-next-line no-control-regex
  return `"${value.replace(/["\x00-\x1f\x7f]/g, "")}"`;
}

/** 20300304T090000Z */
function utc(iso: string): string {
  return new Date(iso).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/** Content lines longer than 75 octets are folded (§3.1), never inside a UTF-8 character. */
function fold(line: string): string {
  // eslint-disable-next-line no-control-regex
  if (line.length <= 75 && /^[\x00-\x7f]*$/.test(line)) return line;
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    // The first line holds 75 octets; continuation lines start with a space, so 74 more.
    if (octets + size > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join("\r\n ");
}

/**
 * An iTIP (RFC 5546) invitation or cancellation of the booking's event: UID and SEQUENCE as the
 * booking keeps them, so every change updates the same event in the recipient's calendar.
 */
export function buildBookingIcs(payload: BookingEmailPayload): { method: IcsMethod; content: string } {
  const { method, status } = icsMethodAndStatus(payload);
  const { booking, organizer } = payload;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "CALSCALE:GREGORIAN",
    "PRODID:-//Slotbase//Booking notifications//EN",
    `METHOD:${method}`,
    "BEGIN:VEVENT",
    `UID:${text(booking.iCalUID)}`,
    `SUMMARY:${text(booking.title)}`,
    `DTSTAMP:${utc(payload.stampedAt)}`,
    `DTSTART:${utc(booking.startTime)}`,
    `DTEND:${utc(booking.endTime)}`,
    `SEQUENCE:${booking.iCalSequence}`,
  ];
  if (booking.description) lines.push(`DESCRIPTION:${text(booking.description)}`);
  if (booking.location) lines.push(`LOCATION:${text(booking.location)}`);
  lines.push(`STATUS:${status}`);
  if (ICS_EMAIL.test(organizer.email)) lines.push(`ORGANIZER;CN=${param(organizer.name || organizer.email)}:MAILTO:${organizer.email}`);
  const partstat = status === "CANCELLED" ? "" : ";PARTSTAT=ACCEPTED";
  for (const attendee of payload.attendees) {
    if (!ICS_EMAIL.test(attendee.email)) continue;
    lines.push(`ATTENDEE;RSVP=FALSE;ROLE=REQ-PARTICIPANT${partstat};CN=${param(attendee.name || attendee.email)}:mailto:${attendee.email}`);
  }
  lines.push("END:VEVENT", "END:VCALENDAR");
  return { method, content: `${lines.map(fold).join("\r\n")}\r\n` };
}
