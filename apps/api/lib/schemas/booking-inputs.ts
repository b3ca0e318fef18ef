import { z } from "zod";
import { int32, isIanaTimeZone } from "../validation/common";

/** Shared bounds for what a client may attach to a booking (Cal.com had none: cal.diy#18422). */
const JSON_LIMIT_BYTES = 16_384;
const jsonSize = (value: unknown) => Buffer.byteLength(JSON.stringify(value ?? null), "utf8");

export const bookingMetadata = () =>
  z
    .record(z.string().min(1).max(40), z.union([z.string().max(500), z.number(), z.boolean(), z.null()]))
    .refine((value) => Object.keys(value).length <= 50, "At most 50 keys")
    .describe("Your own key/values: at most 50 keys, keys ≤ 40 characters, values ≤ 500 characters.");

export const bookingResponses = () =>
  z
    .record(z.string().min(1).max(100), z.unknown())
    .refine((value) => jsonSize(value) <= JSON_LIMIT_BYTES, `At most ${JSON_LIMIT_BYTES} bytes of JSON`)
    .describe("Answers to the event type's booking fields.");

export const attendeeInput = () =>
  z
    .object({
      name: z.string().trim().min(1).max(200),
      email: z.email().max(254).optional().describe("Required unless phoneNumber is given (a booking by phone, as Cal.com allows)."),
      timeZone: z.string().refine(isIanaTimeZone, { error: "Must be an IANA time zone, e.g. Europe/Berlin" }),
      language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "A BCP 47 language tag, e.g. en or pt-BR").optional(),
      phoneNumber: z.string().regex(/^\+[1-9]\d{6,14}$/, "E.164, e.g. +4915112345678").optional(),
    })
    .strict()
    .superRefine((attendee, ctx) => {
      if (attendee.email === undefined && attendee.phoneNumber === undefined) {
        ctx.addIssue({ code: "custom", path: ["email"], message: "Send email, or phoneNumber for a booking by phone" });
      }
    });

export const guestList = () => z.array(z.email().max(254)).max(30).describe("Extra attendees, by email (at most 30).");
export const locationText = () => z.string().trim().min(1).max(1000);
export const reasonText = () => z.string().trim().max(2000);
export const bookingUidParam = () => z.string().min(1).max(100);
export const positiveId = () => int32().positive();
