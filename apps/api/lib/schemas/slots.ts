import { z } from "zod";
import { SLOT_RANGE_MAX_DAYS } from "@slotbase/features";
import { parseRangeBound } from "@slotbase/scheduling";
import { idParam, isIanaTimeZone } from "../validation/common";

const DAY_MS = 86_400_000;
const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;
const RANGE_VALUE = "A date (2027-03-22, in timeZone; an end date is included) or an ISO 8601 date-time";

const rangeValue = () => z.string().min(10).max(40).describe(RANGE_VALUE);
const zoneParam = () =>
  z.string().refine(isIanaTimeZone, { error: "Must be an IANA time zone, e.g. Europe/Berlin" }).default("UTC").describe("IANA zone the slots are shown and grouped in; also the zone of date-only bounds. Default UTC.");
const duration = () => z.coerce.number().int().min(1).max(1440).optional().describe("Minutes; the event type's length or one of its metadata.multipleDuration options.");
const slug = () => z.string().regex(SLUG, "Lowercase letters, digits and '-'");
const uid = () => z.string().min(1).max(100);

/** Parses and checks a start/end pair given in `timeZone`; reports problems on the named fields. */
function checkRange(startField: string, endField: string) {
  return (query: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const zone = typeof query.timeZone === "string" && isIanaTimeZone(query.timeZone) ? query.timeZone : "UTC";
    const start = parseRangeBound(String(query[startField]), zone, "start");
    const end = parseRangeBound(String(query[endField]), zone, "end");
    if (start === null) ctx.addIssue({ code: "custom", path: [startField], message: `Not a valid date or date-time. ${RANGE_VALUE}` });
    if (end === null) ctx.addIssue({ code: "custom", path: [endField], message: `Not a valid date or date-time. ${RANGE_VALUE}` });
    if (start === null || end === null) return;
    if (end <= start) ctx.addIssue({ code: "custom", path: [endField], message: `Must be after ${startField}` });
    else if (end - start > SLOT_RANGE_MAX_DAYS * DAY_MS) {
      ctx.addIssue({ code: "custom", path: [endField], message: `The range may cover at most ${SLOT_RANGE_MAX_DAYS} days` });
    }
  };
}

/** The instants [start, end) a validated query asks about. */
export function rangeOf(start: string, end: string, timeZone: string) {
  return { start: parseRangeBound(start, timeZone, "start")!, end: parseRangeBound(end, timeZone, "end")! };
}

function requireEventTypeReference(fields: { slug: string; owners: string[] }) {
  return (query: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const hasOwner = fields.owners.some((owner) => query[owner] !== undefined);
    if (query.eventTypeId !== undefined) return;
    if (query[fields.slug] === undefined || !hasOwner) {
      ctx.addIssue({
        code: "custom",
        path: ["eventTypeId"],
        message: `Send eventTypeId, or ${fields.slug} with ${fields.owners.join(" or ")}`,
      });
    }
  };
}

const usernameList = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : value.split(",")).map((name) => name.trim().toLowerCase()).filter(Boolean))
  .pipe(z.array(z.string().max(63)).min(1).max(20))
  .optional()
  .describe("Usernames; with eventTypeSlug, the first user's event type. Several names book them together (collective).");

export const SlotsQueryV1 = z
  .object({
    eventTypeId: idParam.optional(),
    eventTypeSlug: slug().optional(),
    usernameList,
    startTime: rangeValue(),
    endTime: rangeValue(),
    timeZone: zoneParam(),
    duration: duration(),
    rescheduleUid: uid().optional().describe("The booking being rescheduled: its own time counts as free."),
    reservationUid: uid().optional().describe("Your slot hold: its slot stays visible to you."),
  })
  .superRefine(checkRange("startTime", "endTime"))
  .superRefine(requireEventTypeReference({ slug: "eventTypeSlug", owners: ["usernameList"] }));

export const SlotsQueryV2 = z
  .object({
    eventTypeId: idParam.optional(),
    eventTypeSlug: slug().optional(),
    username: z.string().max(63).transform((v) => v.toLowerCase()).optional(),
    teamSlug: slug().optional(),
    start: rangeValue(),
    end: rangeValue(),
    timeZone: zoneParam(),
    duration: duration(),
    format: z.enum(["time", "range"]).default("time").describe("time: slot starts only; range: start and end."),
    bookingUidToReschedule: uid().optional().describe("The booking being rescheduled: its own time counts as free."),
    reservationUid: uid().optional().describe("Your slot hold: its slot stays visible to you."),
  })
  .superRefine(checkRange("start", "end"))
  .superRefine(requireEventTypeReference({ slug: "eventTypeSlug", owners: ["username", "teamSlug"] }));

const SlotV1 = z.object({
  time: z.string().describe("Slot start, ISO 8601 with the requested zone's offset."),
  attendees: z.number().int().optional().describe("Seated event types: seats already taken."),
  bookingUid: z.string().optional().describe("Seated event types: the booking this slot joins."),
});
export const SlotsResponseV1 = z.object({
  slots: z.record(z.string().describe("YYYY-MM-DD in the requested zone"), z.array(SlotV1)),
});

const SlotV2 = z.object({
  start: z.string(),
  end: z.string().optional(),
  seatsBooked: z.number().int().optional(),
  seatsRemaining: z.number().int().optional(),
  seatsTotal: z.number().int().optional(),
});
export const SlotsResponseV2 = z.object({
  status: z.literal("success"),
  data: z.record(z.string().describe("YYYY-MM-DD in the requested zone"), z.array(SlotV2)),
});
