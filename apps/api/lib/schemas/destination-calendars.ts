import { z } from "zod";
import { DestinationCalendarSchema } from "@slotbase/prisma/zod";
import { idParam, int32 } from "../validation/common";
import { listQuery } from "../validation/list-query";

/**
 * v1 destination calendars, as Cal.com serves them (`{ destinationCalendars }`,
 * `{ destinationCalendar }`): the external calendar bookings are written to, owned by exactly
 * one user, event type or booking.
 */
export const DestinationCalendar = DestinationCalendarSchema.pick({
  id: true,
  integration: true,
  externalId: true,
  userId: true,
  eventTypeId: true,
  bookingId: true,
})
  .extend({
    integration: z.string().describe("The calendar integration, e.g. google_calendar."),
    externalId: z.string().describe("The calendar's id in that integration, e.g. an email address or a calendar URL."),
    userId: z.number().int().nullable().describe("Set for a user's default destination calendar; null when it belongs to an event type or a booking."),
    eventTypeId: z.number().int().nullable().describe("Set when it is this event type's (its bookings go there, whoever hosts them)."),
    bookingId: z.number().int().nullable().describe("Set when it is this booking's."),
  })
  .meta({
    example: { id: 4, integration: "google_calendar", externalId: "alex@example.com", userId: 7, eventTypeId: null, bookingId: null },
  });

const calendarText = (what: string) =>
  z
    .string()
    .trim()
    .min(1, { error: "Must not be empty" })
    .max(200, { error: "At most 200 characters" })
    .describe(`${what} (trimmed, 1–200 characters).`);

const integration = () => calendarText("The calendar integration, e.g. google_calendar");
const externalId = () => calendarText("The calendar's id in that integration");
const bodyId = () => int32().positive();

const owners = {
  userId: bodyId()
    .optional()
    .describe(
      "Whose default destination calendar this is: yourself by default, another user for admins only. Next to eventTypeId or bookingId (Cal.com's admin form) it must name that event type's owner or that booking's host, and is not stored.",
    ),
  eventTypeId: bodyId().optional().describe("Make it this event type's instead: you must manage the event type (its owner, an OWNER/ADMIN of its team)."),
  bookingId: bodyId().optional().describe("Make it this booking's instead: you must be on its organizer side (host, event type owner, team OWNER/ADMIN)."),
};

export const DestinationCalendarCreateBody = DestinationCalendarSchema.pick({ integration: true, externalId: true })
  .extend({ integration: integration(), externalId: externalId(), ...owners })
  .strict()
  .meta({ example: { integration: "google_calendar", externalId: "alex@example.com" } });

export const DestinationCalendarUpdateBody = DestinationCalendarSchema.pick({ integration: true, externalId: true })
  .extend({
    integration: integration().optional(),
    externalId: externalId().optional(),
    userId: owners.userId.describe("Admins: move a user's destination calendar to this user. On an event type's or a booking's, it must name its owner or host (Cal.com's form) and changes nothing."),
    eventTypeId: owners.eventTypeId.describe("Move an event type's destination calendar to this event type (you must manage both)."),
    bookingId: owners.bookingId.describe("Move a booking's destination calendar to this booking (you must be on the organizer side of both)."),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { error: "Send at least one field to change" })
  .meta({ example: { externalId: "team-calendar@example.com" } });

export const ListDestinationCalendarsQuery = listQuery.extend({
  userId: idParam
    .optional()
    .describe("Only this user's: their default, their personal event types', the bookings they host (others than yourself: admins only)."),
});

export const DestinationCalendarResponse = z.object({ destinationCalendar: DestinationCalendar });
export const DestinationCalendarCreatedResponse = z.object({ destinationCalendar: DestinationCalendar, message: z.string() });
export const DestinationCalendarListResponse = z.object({ destinationCalendars: z.array(DestinationCalendar) });
