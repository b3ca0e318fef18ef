import { isValidTimeZone } from "@slotbase/scheduling";
import { buildBookingIcs, type IcsMethod } from "./ics";
import type { BookingEmailPayload } from "./payload";

export interface RenderedEmail {
  to: { name: string; address: string };
  subject: string;
  text: string;
  /** Booking messages carry an invite; account messages do not. */
  ics?: { method: IcsMethod; filename: string; content: string };
}

type FormatKind = "dateTime" | "time" | "day";

const FORMAT_OPTIONS: Record<FormatKind, (hour12: boolean) => Intl.DateTimeFormatOptions> = {
  dateTime: (hour12) => ({ weekday: "short", day: "numeric", month: "short", year: "numeric", hour: hour12 ? "numeric" : "2-digit", minute: "2-digit", hour12 }),
  time: (hour12) => ({ hour: hour12 ? "numeric" : "2-digit", minute: "2-digit", hour12 }),
  day: () => ({ year: "numeric", month: "2-digit", day: "2-digit" }),
};

// Building an Intl.DateTimeFormat costs far more than formatting with one (it was a third of
// rendering an email): one per zone and kind, kept for the process (zones are a closed set).
const formatters = new Map<string, Intl.DateTimeFormat>();

const zones = new Map<string, string>();

/** The zone, or UTC for one this runtime does not know (stored before validation existed); remembered (checking costs a luxon DateTime). */
function validZone(timeZone: string): string {
  let zone = zones.get(timeZone);
  if (zone === undefined) {
    zone = isValidTimeZone(timeZone) ? timeZone : "UTC";
    if (zones.size < 1_000) zones.set(timeZone, zone);
  }
  return zone;
}

function formatter(kind: FormatKind, timeZone: string, hour12: boolean): Intl.DateTimeFormat {
  const zone = validZone(timeZone);
  const key = `${kind}|${hour12}|${zone}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(kind === "day" ? "en-CA" : "en-GB", { timeZone: zone, ...FORMAT_OPTIONS[kind](hour12) });
    formatters.set(key, format);
  }
  return format;
}

/** "Mon, 3 Mar 2025, 10:00" in `timeZone` (English; 12- or 24-hour clock). */
export function formatDateTime(iso: string, timeZone: string, hour12 = false): string {
  return formatter("dateTime", timeZone, hour12).format(new Date(iso));
}

function formatTime(iso: string, timeZone: string, hour12: boolean): string {
  return formatter("time", timeZone, hour12).format(new Date(iso));
}

function dayKey(iso: string, timeZone: string): string {
  return formatter("day", timeZone, false).format(new Date(iso));
}

/** "Mon, 3 Mar 2025, 10:00 – 10:30 (Europe/Berlin)"; the end's date only when it is another day. */
export function formatRange(start: string, end: string, timeZone: string, hour12 = false): string {
  const zone = validZone(timeZone);
  const endText = dayKey(start, zone) === dayKey(end, zone) ? formatTime(end, zone, hour12) : formatDateTime(end, zone, hour12);
  return `${formatDateTime(start, zone, hour12)} – ${endText} (${zone})`;
}

function displayName(person: { name: string; email: string }): string {
  return person.name.trim() || person.email;
}

function listNames(people: { name: string; email: string }[]): string {
  const names = people.map(displayName);
  if (names.length <= 1) return names[0] ?? "Someone";
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

const SUBJECT_PREFIX: Record<BookingEmailPayload["kind"], string> = {
  created: "New booking",
  requested: "Booking request",
  confirmed: "Confirmed",
  declined: "Declined",
  cancelled: "Cancelled",
  rescheduled: "Rescheduled",
};

/** The subject line, with the start in the recipient's own time zone. */
export function renderSubject(payload: BookingEmailPayload): string {
  const { recipient, booking } = payload;
  if (payload.role === "former-host") {
    const previousStart = payload.previous?.startTime ?? booking.startTime;
    return `Cancelled: ${booking.title} on ${formatDateTime(previousStart, recipient.timeZone, recipient.hour12)}`;
  }
  return `${SUBJECT_PREFIX[payload.kind]}: ${booking.title} on ${formatDateTime(booking.startTime, recipient.timeZone, recipient.hour12)}`;
}

function headline(payload: BookingEmailPayload): string {
  const host = displayName(payload.organizer);
  const guests = listNames(payload.attendees);
  const forHost = payload.role === "host";
  switch (payload.kind) {
    case "created":
      return forHost ? `${guests} booked "${payload.booking.title}" with you.` : `Your booking with ${host} is scheduled.`;
    case "requested":
      return forHost
        ? `${guests} requested a booking with you. It needs your confirmation.`
        : `Your booking request has been sent to ${host}. It is not confirmed yet: you will get another email when it is.`;
    case "confirmed":
      return forHost ? "You confirmed this booking." : `${host} confirmed your booking.`;
    case "declined":
      return forHost ? "You declined this booking request." : `${host} declined your booking request.`;
    case "cancelled":
      return "This booking has been cancelled.";
    case "rescheduled":
      if (payload.role === "former-host") return `This booking was rescheduled and is now hosted by ${host}. It has been removed from your calendar.`;
      return "This booking has been rescheduled.";
  }
}

/** The plain-text body: what, when (recipient's zone), where, who, why. */
export function renderText(payload: BookingEmailPayload): string {
  const { recipient, booking } = payload;
  const zone = recipient.timeZone;
  const lines = [`Hi ${displayName(recipient)},`, "", headline(payload), ""];
  const row = (label: string, value: string) => lines.push(`${`${label}:`.padEnd(8)}${value}`);
  row("What", booking.title);
  row("When", formatRange(booking.startTime, booking.endTime, zone, recipient.hour12));
  if (payload.previous && payload.kind === "rescheduled") row("Was", formatRange(payload.previous.startTime, payload.previous.endTime, zone, recipient.hour12));
  if (booking.location) row("Where", booking.location);
  row("Host", `${displayName(payload.organizer)} <${payload.organizer.email}>`);
  payload.attendees.forEach((a, i) => row(i === 0 ? "Guests" : "", `${displayName(a)} <${a.email}>`));
  if (booking.reason && (payload.kind === "cancelled" || payload.kind === "declined")) row("Reason", booking.reason);
  if (booking.description) lines.push("", booking.description);
  lines.push("", `Booking reference: ${booking.uid}`, "", "--", "Sent by Slotbase. The attached invite.ics updates the event in your calendar.");
  return `${lines.join("\n")}\n`;
}

export function renderBookingEmail(payload: BookingEmailPayload): RenderedEmail {
  const { method, content } = buildBookingIcs(payload);
  return {
    to: { name: payload.recipient.name, address: payload.recipient.email },
    subject: renderSubject(payload),
    text: renderText(payload),
    ics: { method, filename: "invite.ics", content },
  };
}
