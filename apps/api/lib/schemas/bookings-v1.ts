import { z } from "zod";
import { BookingReferenceFields } from "./booking-references";
import { AttendeeSchema, BookingSchema, UserSchema } from "@slotbase/prisma/zod";
import { LIST_MAX_OFFSET } from "@slotbase/features";
import { idParam, isoDateTime, listParam, PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX, queryBoolean, timeZone } from "../validation/common";
import { listQuery } from "../validation/list-query";
import { localeTag } from "./attendees";
import { IdQuery } from "./common";
import { bookingMetadata, guestList, locationText, positiveId, reasonText } from "./booking-inputs";

/*
 * The v1 bookings surface (Cal.com v1 shapes). It calls the same services as /v2/bookings;
 * only these schemas and lib/mappers/bookings-v1.ts differ.
 */

const STATUSES = ["upcoming", "recurring", "past", "cancelled", "unconfirmed"] as const;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/**
 * A list bound: an ISO 8601 date-time with an offset, or a date alone (that UTC day: its
 * start for `dateFrom`, its end for `dateTo`, so `dateTo=2027-03-22` includes the 22nd).
 */
const dateBound = (edge: "from" | "to") =>
  z
    .string()
    .max(40)
    .transform((value, ctx) => {
      if (DATE_ONLY.test(value)) {
        const day = new Date(`${value}T00:00:00Z`);
        if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) {
          ctx.addIssue({ code: "custom", message: "Not a calendar date" });
          return z.NEVER;
        }
        return edge === "from" ? day : new Date(day.getTime() + DAY_MS);
      }
      const parsed = isoDateTime().safeParse(value);
      if (!parsed.success) {
        ctx.addIssue({ code: "custom", message: "Must be a date (2027-03-22) or an ISO 8601 date-time with an offset (2027-03-22T09:00:00Z)" });
        return z.NEVER;
      }
      return parsed.data;
    });

export const BookingListQueryV1 = listQuery
  .extend({
    attendeeEmail: listParam()
      .pipe(z.array(z.email().max(254)).max(100))
      .optional()
      .describe("Bookings with any of these attendees: repeat the parameter or separate emails with commas."),
    attendeeName: z.string().trim().min(1).max(200).optional().describe("Bookings with an attendee whose name contains this (any case)."),
    eventTypeId: idParam.optional().describe("Bookings of this event type."),
    eventTypeIds: listParam()
      .pipe(z.array(z.coerce.number<string>().int().positive().max(2_147_483_647)).max(100))
      .optional()
      .describe("Bookings of any of these event types, comma-separated (combined with eventTypeId)."),
    dateFrom: dateBound("from").optional().describe("Bookings starting at or after this instant (a date alone: that UTC day's start)."),
    dateTo: dateBound("to").optional().describe("Bookings ending at or before this instant (a date alone: that whole UTC day included)."),
    status: z
      .enum(STATUSES)
      .optional()
      .describe(
        "upcoming: accepted or pending, not ended; recurring: upcoming and part of a series; past: accepted or pending, ended; " +
          "cancelled: cancelled or rejected; unconfirmed: pending, not ended.",
      ),
    sortBy: z.enum(["createdAt", "startTime", "endTime"]).default("startTime").describe("Ties are broken by id (in the same order)."),
    cursor: z
      .string()
      .min(1)
      .max(500)
      .optional()
      .describe(
        `Cursor paging, as Link rel="next" offers it past offset ${LIST_MAX_OFFSET}: the next \`take\` bookings (default ${PAGE_SIZE_MAX}) after that cursor, ` +
          "at the same cost on every page; send the same filters and sort, and no page. X-Total-Count is not sent.",
      ),
    order: z.enum(["asc", "desc"]).default("asc"),
    userId: idParam.optional().describe("Admins only: the bookings this user hosts. Anyone else may name only themself (another id is a 403)."),
    expand: listParam()
      .pipe(z.array(z.literal("team", { error: 'Only "team" can be expanded' })).max(1))
      .optional()
      .describe("team: add each booking's event type with its team (Cal.com v1's expand)."),
  })
  .superRefine((query, ctx) => {
    if (query.dateFrom && query.dateTo && query.dateTo <= query.dateFrom) {
      ctx.addIssue({ code: "custom", path: ["dateTo"], message: "Must be after dateFrom" });
    }
    if (query.cursor !== undefined && query.page !== undefined) {
      ctx.addIssue({ code: "custom", path: ["page"], message: "Send either page or cursor: a cursor already says where the page starts" });
    }
    if (query.page !== undefined && (query.page - 1) * (query.take ?? PAGE_SIZE_DEFAULT) > LIST_MAX_OFFSET) {
      ctx.addIssue({
        code: "custom",
        path: ["page"],
        message: `Offset paging reaches ${LIST_MAX_OFFSET} bookings deep: follow Link rel="next" (a cursor) further, or narrow the list with filters`,
      });
    }
  });

const personName = () => z.string().trim().min(1).max(200);
const JSON_LIMIT_BYTES = 16_384;

/** Cal.com's booking-field answers: a few known fields, typed, and any others (bounded). */
const BookingResponsesV1 = z
  .object({
    name: z
      .union([personName(), z.object({ firstName: personName(), lastName: z.string().trim().max(200).optional() }).strict()])
      .optional()
      .describe("The attendee's name, when the top-level name is not sent."),
    email: z.email().max(254).optional().describe("The attendee's email, when the top-level email is not sent."),
    location: z
      .union([locationText(), z.object({ value: z.string().trim().min(1).max(1000), optionValue: z.string().max(1000).optional() }).strict()])
      .optional()
      .describe("Used when the top-level location is not sent: a text, or Cal.com's { value, optionValue } (optionValue when set, else value)."),
    guests: guestList().optional(),
    notes: z.string().max(5000).optional(),
  })
  .catchall(z.unknown())
  .superRefine((responses, ctx) => {
    for (const key of Object.keys(responses)) {
      if (key.length > 100) ctx.addIssue({ code: "custom", path: [key], message: "Keys are at most 100 characters" });
    }
    if (Buffer.byteLength(JSON.stringify(responses), "utf8") > JSON_LIMIT_BYTES) {
      ctx.addIssue({ code: "custom", message: `At most ${JSON_LIMIT_BYTES} bytes of JSON` });
    }
  })
  .describe("Answers to the event type's booking fields, stored with the booking (with the attendee's name and email).");

export const BookingCreateBodyV1 = z
  .object({
    eventTypeId: positiveId(),
    start: isoDateTime().describe("The slot's start, as GET /v1/slots gives it."),
    end: isoDateTime()
      .optional()
      .describe("Optional: start plus the event type's length or one of its durations (a 400 naming body.end otherwise). Default: its length."),
    name: personName().optional().describe("The attendee's name (or responses.name)."),
    email: z.email().max(254).optional().describe("The attendee's email (or responses.email); stored lower-case."),
    timeZone: timeZone().describe("The attendee's IANA time zone."),
    language: localeTag().optional().describe("The attendee's language, e.g. en (the default)."),
    metadata: bookingMetadata().optional(),
    responses: BookingResponsesV1.optional(),
    title: z.string().trim().min(1).max(500).optional().describe("Default: '<event type> between <host> and <attendee>'."),
    description: z.string().max(5000).optional(),
    location: locationText().optional(),
    guests: guestList().optional(),
    reservationUid: z.string().min(1).max(100).optional().describe("Your hold on this slot (POST /v2/slots/reservations): released on booking."),
  })
  .strict()
  .superRefine(
    (body, ctx) => {
      // Also runs when other fields failed (so one answer names every problem): check types.
      const responses = (typeof body.responses === "object" && body.responses !== null ? body.responses : {}) as Record<string, unknown>;
      if (body.name === undefined && responses.name === undefined) {
        ctx.addIssue({ code: "custom", path: ["name"], message: "Required: send name or responses.name" });
      }
      if (body.email === undefined && responses.email === undefined) {
        ctx.addIssue({ code: "custom", path: ["email"], message: "Required: send email or responses.email" });
      }
      if (body.end instanceof Date && body.start instanceof Date) {
        const minutes = (body.end.getTime() - body.start.getTime()) / 60_000;
        if (minutes <= 0) ctx.addIssue({ code: "custom", path: ["end"], message: "Must be after start" });
        else if (!Number.isInteger(minutes) || minutes > 1440) {
          ctx.addIssue({ code: "custom", path: ["end"], message: "Must be start plus a whole number of minutes, at most 1440" });
        }
      }
    },
    { when: (payload) => typeof payload.value === "object" && payload.value !== null && !Array.isArray(payload.value) },
  );

const RESCHEDULE_INSTEAD = "Times cannot be edited: POST /v2/bookings/{uid}/reschedule moves a booking (a new booking, linked to this one).";
const STATUS_INSTEAD =
  "The status cannot be edited: cancel with DELETE /v1/bookings/{id}/cancel, confirm with POST /v1/bookings/{id}/confirm, decline with POST /v2/bookings/{uid}/decline.";
const notEditable = (message: string) => z.never({ error: message }).optional().describe(`Not accepted. ${message}`);

export const BookingUpdateBodyV1 = z
  .object({
    title: z.string().trim().min(1).max(500),
    description: z.string().max(5000).nullable(),
    location: locationText().nullable(),
    metadata: bookingMetadata().describe("Replaces the booking's metadata as a whole."),
  })
  .partial()
  .extend({
    start: notEditable(RESCHEDULE_INSTEAD),
    end: notEditable(RESCHEDULE_INSTEAD),
    startTime: notEditable(RESCHEDULE_INSTEAD),
    endTime: notEditable(RESCHEDULE_INSTEAD),
    status: notEditable(STATUS_INSTEAD),
  })
  .strict()
  .refine((body) => Object.values(body).some((value) => value !== undefined), { error: "Send at least one field to change" });

export const BookingCancelQueryV1 = IdQuery.extend({
  cancellationReason: reasonText().optional().describe("Why (also accepted in the body; the body wins)."),
  allRemainingBookings: queryBoolean()
    .optional()
    .describe("Cal.com's 'cancel the rest of a recurring series': also cancels the series' later occurrences that the caller may cancel."),
  cancelledBy: z
    .email()
    .max(254)
    .optional()
    .describe("Accepted as Cal.com; the booking records the caller's own confirmed email instead (an address a client names proves nothing)."),
});

/** What Cal.com v1's handleCancelBooking answers (DELETE /v1/bookings/{id} and /cancel). */
export const BookingCancelledResponseV1 = z.object({
  success: z.literal(true),
  message: z.string(),
  bookingId: z.number().int(),
  bookingUid: z.string(),
  onlyRemovedAttendee: z.boolean().describe("true when a seat holder gave up their own seats and the booking goes on"),
});
export const BookingCancelBodyV1 = z.object({ cancellationReason: reasonText().optional() }).strict();

const AttendeeV1 = AttendeeSchema.pick({ id: true, email: true, name: true, timeZone: true, locale: true, bookingId: true, noShow: true }).extend({
  locale: z.string().nullable(),
});
const HostV1 = UserSchema.pick({ id: true, name: true, email: true, username: true, timeZone: true });
const BookingReferenceV1 = BookingReferenceFields.describe(
  "Without meetingPassword: the organizer's side reads it through GET /v1/booking-references.",
);

/** A booking as Cal.com v1 showed it (upper-case status, startTime/endTime, host as `user`). */
export const BookingV1 = BookingSchema.pick({
  id: true,
  uid: true,
  userId: true,
  eventTypeId: true,
  title: true,
  description: true,
  startTime: true,
  endTime: true,
  location: true,
  paid: true,
  cancellationReason: true,
  rejectionReason: true,
  fromReschedule: true,
  rescheduled: true,
  noShowHost: true,
  createdAt: true,
  updatedAt: true,
}).extend({
  status: z.enum(["ACCEPTED", "PENDING", "CANCELLED", "REJECTED"]),
  timeZone: z.string().optional().describe("The host's time zone (absent when the booking has no host)."),
  attendees: z.array(AttendeeV1),
  user: HostV1.nullable().describe("The host."),
  metadata: z.record(z.string(), z.unknown()),
  responses: z.record(z.string(), z.unknown()),
  references: z.array(BookingReferenceV1),
  eventType: z
    .object({
      id: z.number().int(),
      slug: z.string(),
      title: z.string(),
      team: z.object({ id: z.number().int(), name: z.string(), slug: z.string().nullable() }).nullable(),
    })
    .nullable()
    .optional()
    .describe("With expand=team: the booking's event type and its team (null for a personal type)."),
});

export const BookingResponseV1 = z.object({ booking: BookingV1 });

/**
 * What POST /v1/bookings answers: the booking itself, as Cal.com v1 really sends it, and the
 * same object under `booking` too (what this API answered before; no booking field is called
 * `booking`, so neither reading is ambiguous).
 */
export const BookingCreatedResponseV1 = BookingV1.extend({ booking: BookingV1 });
export const BookingListResponseV1 = z.object({ bookings: z.array(BookingV1) });
