import { z } from "zod";
import { DEFAULT_HOLD_MINUTES, MAX_HOLD_MINUTES } from "@slotbase/features";
import { int32, isoDateTime } from "../validation/common";

const fields = {
  eventTypeId: int32().positive(),
  slotStart: isoDateTime().describe("The slot's start, exactly as GET /v2/slots gives it (any offset)."),
  slotDuration: int32().min(1).max(1440).optional().describe("Minutes; the event type's length or one of its durations. Default: its length."),
  reservationDuration: int32()
    .min(1)
    .max(MAX_HOLD_MINUTES)
    .optional()
    .describe(`Minutes the hold lasts, default ${DEFAULT_HOLD_MINUTES}; longer only for the event type's owner (team: OWNER/ADMIN).`),
};

export const ReservationCreateBody = z.object(fields).strict();
export const ReservationUpdateBody = z
  .object(fields)
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { error: "Send at least one field to change" });

export const ReservationUidQuery = z.object({ uid: z.string().min(1).max(100) });

export const Reservation = z.object({
  reservationUid: z.string(),
  eventTypeId: z.number().int(),
  slotStart: z.string(),
  slotEnd: z.string(),
  slotDuration: z.number().int(),
  reservationDuration: z.number().int(),
  reservationUntil: z.string().describe("Until then the slot is busy for everyone who does not send this reservationUid."),
});
export const ReservationResponse = z.object({ status: z.literal("success"), data: Reservation });
export const ReservationDeletedResponse = z.object({ status: z.literal("success") });

