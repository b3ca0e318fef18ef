import { z } from "zod";
import { BookingReferenceSchema } from "@slotbase/prisma/zod";
import { idParam, int32 } from "../validation/common";
import { listQuery } from "../validation/list-query";

/** A booking reference's public fields, never its meeting password (an explicit allow-list). */
export const BookingReferenceFields = BookingReferenceSchema.pick({
  id: true,
  type: true,
  uid: true,
  meetingId: true,
  meetingUrl: true,
  externalCalendarId: true,
  deleted: true,
  bookingId: true,
});

/** A booking reference as /v1/booking-references shows it: `meetingPassword` only to the booking's organizer side. */
export const BookingReference = BookingReferenceFields.extend({
  meetingPassword: z
    .string()
    .nullable()
    .optional()
    .describe("Only for the booking's host, its event type's owner, a team OWNER/ADMIN or an admin; left out for attendees."),
});

const writableReferenceFields = BookingReferenceSchema.pick({
  type: true,
  uid: true,
  meetingId: true,
  meetingPassword: true,
  meetingUrl: true,
  externalCalendarId: true,
  deleted: true,
}).extend({
  type: z.string().trim().min(1).max(100).describe("The integration, e.g. daily_video or google_calendar."),
  uid: z.string().min(1).max(255).describe("The booking's id in that integration."),
  meetingId: z.string().max(255).nullable(),
  meetingPassword: z.string().max(255).nullable(),
  meetingUrl: z.url({ protocol: /^https?$/ }).max(2000).nullable(),
  externalCalendarId: z.string().max(1024).nullable(),
  deleted: z.boolean().nullable(),
});

export const BookingReferenceCreateBody = writableReferenceFields
  .partial({ meetingId: true, meetingPassword: true, meetingUrl: true, externalCalendarId: true, deleted: true })
  .extend({ bookingId: int32().positive().describe("A booking you host or manage.") })
  .strict();

export const BookingReferenceUpdateBody = writableReferenceFields
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { error: "Send at least one field to change" });

export const ListBookingReferencesQuery = listQuery.extend({
  bookingId: idParam.optional().describe("Only this booking's references."),
});

export const BookingReferenceResponse = z.object({ booking_reference: BookingReference });
export const BookingReferenceCreatedResponse = z.object({ booking_reference: BookingReference, message: z.string() });
export const BookingReferenceListResponse = z.object({ booking_references: z.array(BookingReference) });
