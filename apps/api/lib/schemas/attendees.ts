import { z } from "zod";
import { AttendeeSchema } from "@slotbase/prisma/zod";
import { idParam, int32, timeZone } from "../validation/common";
import { listQuery } from "../validation/list-query";

/** An attendee as the API shows it (an explicit allow-list). */
export const Attendee = AttendeeSchema.pick({
  id: true,
  email: true,
  name: true,
  timeZone: true,
  phoneNumber: true,
  locale: true,
  bookingId: true,
}).extend({
  noShow: z.boolean().describe("Set through POST /v1/no-show, not here."),
});

/** A BCP 47 language tag, e.g. en or pt-BR (the users' locale rule). */
export const localeTag = () => z.string().max(35).regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "A BCP 47 language tag, e.g. en or pt-BR");

/** E.164-ish: a leading +, then 7 to 15 digits without separators. */
export const phoneNumber = () => z.string().regex(/^\+[1-9][0-9]{6,14}$/, "An E.164 phone number, e.g. +14155550123");

const writableAttendeeFields = AttendeeSchema.pick({ email: true, name: true, timeZone: true, locale: true, phoneNumber: true }).extend({
  email: z
    .email()
    .max(254)
    .transform((value) => value.toLowerCase())
    .describe("Stored lower-case; unique per booking."),
  name: z.string().trim().min(1).max(200),
  timeZone: timeZone(),
  locale: localeTag().nullable(),
  phoneNumber: phoneNumber().nullable(),
});

export const AttendeeCreateBody = writableAttendeeFields
  .partial({ locale: true, phoneNumber: true })
  .extend({ bookingId: int32().positive().describe("A booking you host or manage.") })
  .strict();

export const AttendeeUpdateBody = writableAttendeeFields
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { error: "Send at least one field to change" });

export const ListAttendeesQuery = listQuery.extend({
  bookingId: idParam.optional().describe("Only this booking's attendees."),
});

export const AttendeeResponse = z.object({ attendee: Attendee });
export const AttendeeCreatedResponse = z.object({ attendee: Attendee, message: z.string() });
export const AttendeeListResponse = z.object({ attendees: z.array(Attendee) });
