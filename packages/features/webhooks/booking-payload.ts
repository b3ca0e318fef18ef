import { Prisma } from "@slotbase/prisma";

/**
 * The `payload` of a booking webhook, in Cal.com's shape (what its webhook consumers such as
 * n8n's Cal Trigger read): the booking, its event type, organizer and attendees. Read in one
 * round trip inside the booking's own transaction.
 */
export interface WebhookBookingPayload {
  type: string | null;
  title: string;
  description: string | null;
  additionalNotes: string | null;
  customInputs: unknown;
  startTime: string;
  endTime: string;
  organizer: { id: number; name: string | null; email: string; username: string | null; timeZone: string; language: { locale: string }; timeFormat: string } | null;
  responses: unknown;
  userFieldsResponses: Record<string, never>;
  attendees: { email: string; name: string; firstName: string; lastName: string; timeZone: string; language: { locale: string } }[];
  location: string | null;
  /** Where the booking's event would be written: the booking's own destination calendar, else its event type's, else its organizer's. */
  destinationCalendar: { id: number; integration: string; externalId: string; userId: number | null; eventTypeId: number | null; bookingId: number | null } | null;
  hideCalendarNotes: boolean;
  requiresConfirmation: boolean;
  eventTypeId: number | null;
  seatsShowAttendees: boolean;
  seatsPerTimeSlot: number | null;
  uid: string;
  bookingId: number;
  iCalUID: string;
  iCalSequence: number;
  eventTitle: string | null;
  eventDescription: string | null;
  price: number;
  currency: string;
  length: number | null;
  metadata: unknown;
  status: string;
  cancellationReason: string | null;
  rejectionReason: string | null;
  rescheduleUid?: string;
  rescheduleStartTime?: string;
  rescheduleEndTime?: string;
}

/** What a payload is built from: a booking row with its organizer, attendees, event type and destination calendar. */
export interface PayloadSource {
  id: number;
  uid: string;
  userId: number | null;
  eventTypeId: number | null;
  title: string;
  description: string | null;
  customInputs: unknown;
  responses: unknown;
  metadata: unknown;
  startTime: Date;
  endTime: Date;
  location: string | null;
  status: string;
  iCalUID: string | null;
  iCalSequence: number;
  cancellationReason: string | null;
  rejectionReason: string | null;
  organizer: { id: number; name: string | null; email: string; username: string | null; timeZone: string; timeFormat: number | null; locale: string | null } | null;
  attendees: { name: string; email: string; timeZone: string; locale?: string | null }[];
  destinationCalendar: WebhookBookingPayload["destinationCalendar"];
  eventType: {
    slug: string;
    title: string;
    description: string | null;
    length: number;
    requiresConfirmation: boolean;
    seatsPerTimeSlot: number | null;
    seatsShowAttendees: boolean | null;
    price: number;
    currency: string;
  } | null;
}

export interface BookingForWebhooks {
  id: number;
  userId: number | null;
  eventTypeId: number | null;
  endTime: Date;
  payload: WebhookBookingPayload;
}

function splitName(name: string): { firstName: string; lastName: string } {
  const trimmed = name.trim();
  const cut = trimmed.lastIndexOf(" ");
  return cut < 0 ? { firstName: trimmed, lastName: "" } : { firstName: trimmed.slice(0, cut), lastName: trimmed.slice(cut + 1) };
}

/** Where a booking's events are written: its own destination calendar, else its event type's, else its organizer's (SQL over alias b). */
export const DESTINATION_CALENDAR_SQL = `(SELECT json_build_object('id', dc.id, 'integration', dc.integration, 'externalId', dc."externalId", 'userId', dc."userId",
                                'eventTypeId', dc."eventTypeId", 'bookingId', dc."bookingId")
         FROM "DestinationCalendar" dc
         WHERE dc."bookingId" = b.id OR dc."eventTypeId" = b."eventTypeId" OR dc."userId" = b."userId"
         ORDER BY (dc."bookingId" IS NOT NULL) DESC, (dc."eventTypeId" IS NOT NULL) DESC LIMIT 1)`;

export async function readBookingForWebhooks(db: Prisma.TransactionClient, bookingId: number): Promise<BookingForWebhooks | null> {
  const rows = await db.$queryRaw<PayloadSource[]>`
    SELECT b.id, b.uid, b."userId", b."eventTypeId", b.title, b.description, b."customInputs", b.responses, b.metadata,
      b."startTime", b."endTime", b.location, b.status::text AS status, b."iCalUID", b."iCalSequence",
      b."cancellationReason", b."rejectionReason",
      (SELECT json_build_object('id', u.id, 'name', u.name, 'email', u.email, 'username', u.username, 'timeZone', u."timeZone",
                                'timeFormat', u."timeFormat", 'locale', u.locale)
         FROM "User" u WHERE u.id = b."userId") AS organizer,
      COALESCE((SELECT json_agg(json_build_object('name', a.name, 'email', a.email, 'timeZone', a."timeZone", 'locale', a.locale) ORDER BY a.id)
         FROM "Attendee" a WHERE a."bookingId" = b.id), '[]'::json) AS attendees,
      (SELECT json_build_object('slug', et.slug, 'title', et.title, 'description', et.description, 'length', et.length,
                                'requiresConfirmation', et."requiresConfirmation", 'seatsPerTimeSlot', et."seatsPerTimeSlot",
                                'seatsShowAttendees', et."seatsShowAttendees", 'price', et.price, 'currency', et.currency)
         FROM "EventType" et WHERE et.id = b."eventTypeId") AS "eventType",
      ${Prisma.raw(DESTINATION_CALENDAR_SQL)} AS "destinationCalendar"
    FROM "Booking" b WHERE b.id = ${bookingId}`;
  const row = rows[0];
  return row ? { id: row.id, userId: row.userId, eventTypeId: row.eventTypeId, endTime: row.endTime, payload: webhookPayloadOf(row) } : null;
}

/** Cal.com's booking payload, from a booking and what surrounds it (read back, or about to be written). */
export function webhookPayloadOf(row: PayloadSource): WebhookBookingPayload {
  const et = row.eventType;
  const organizer = row.organizer;
  return {
    type: et?.slug ?? null,
    title: row.title,
    description: row.description,
    additionalNotes: row.description,
    customInputs: row.customInputs ?? {},
    startTime: row.startTime.toISOString(),
    endTime: row.endTime.toISOString(),
    organizer: organizer && {
      id: organizer.id,
      name: organizer.name,
      email: organizer.email,
      username: organizer.username,
      timeZone: organizer.timeZone,
      language: { locale: organizer.locale ?? "en" },
      timeFormat: organizer.timeFormat === 12 ? "h:mma" : "HH:mm",
    },
    responses: row.responses ?? {},
    userFieldsResponses: {},
    attendees: row.attendees.map((a) => ({ email: a.email, name: a.name, ...splitName(a.name), timeZone: a.timeZone, language: { locale: a.locale ?? "en" } })),
    location: row.location,
    destinationCalendar: row.destinationCalendar,
    hideCalendarNotes: false,
    requiresConfirmation: et?.requiresConfirmation ?? false,
    eventTypeId: row.eventTypeId,
    seatsShowAttendees: et?.seatsShowAttendees ?? false,
    seatsPerTimeSlot: et?.seatsPerTimeSlot ?? null,
    uid: row.uid,
    bookingId: row.id,
    iCalUID: row.iCalUID ?? `${row.uid}@slotbase`,
    iCalSequence: row.iCalSequence,
    eventTitle: et?.title ?? null,
    eventDescription: et?.description ?? null,
    price: et?.price ?? 0,
    currency: et?.currency ?? "usd",
    length: et?.length ?? null,
    metadata: row.metadata ?? {},
    status: row.status,
    cancellationReason: row.cancellationReason,
    rejectionReason: row.rejectionReason,
  };
}
