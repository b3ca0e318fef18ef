import { z } from "zod";
import { idParam } from "../validation/common";
import { checkRange, rangeBound, rangeZone } from "../validation/time-range";

const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;
const SHOWN_IN = "IANA zone the slots are shown and grouped in; also the zone of date-only bounds. Default UTC.";

const duration = () => z.coerce.number().int().min(1).max(1440).optional().describe("Minutes; the event type's length or one of its metadata.multipleDuration options.");
const slug = () => z.string().regex(SLUG, "Lowercase letters, digits and '-'");
const uid = () => z.string().min(1).max(100);

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
    startTime: rangeBound(),
    endTime: rangeBound(),
    timeZone: rangeZone(SHOWN_IN),
    duration: duration(),
    rescheduleUid: uid().optional().describe("The booking being rescheduled: its own time counts as free."),
    reservationUid: uid().optional().describe("Your slot hold: its slot stays visible to you."),
    isTeamEvent: z
      .enum(["true", "false"])
      .transform((value) => value === "true")
      .optional()
      .describe("Cal.com's flag: true with eventTypeSlug reads the one usernameList entry as the team's slug (a team event type). Not needed with eventTypeId."),
    teamMemberEmail: z
      .email({ error: "Must be an email address" })
      .max(254)
      .optional()
      .describe(
        "Cal.com's contact owner: for a round-robin team event type, only the slots of the (non-fixed) host with this email, with the fixed hosts; " +
          "every host's when that one has no slot in the range. Ignored for other event types and for emails of no host.",
      ),
    orgSlug: z
      .string()
      .max(100)
      .optional()
      .describe("Cal.com's organization: Slotbase has no organizations, so any non-empty orgSlug is a 404 (an empty one is ignored)."),
  })
  .superRefine(checkRange("startTime", "endTime"))
  .superRefine(requireEventTypeReference({ slug: "eventTypeSlug", owners: ["usernameList"] }))
  .superRefine((query, ctx) => {
    if (query.isTeamEvent && query.eventTypeId === undefined && Array.isArray(query.usernameList) && query.usernameList.length !== 1) {
      ctx.addIssue({ code: "custom", path: ["usernameList"], message: "With isTeamEvent=true, send the team's slug as the one usernameList entry" });
    }
  });

export const SlotsQueryV2 = z
  .object({
    eventTypeId: idParam.optional(),
    eventTypeSlug: slug().optional(),
    username: z.string().max(63).transform((v) => v.toLowerCase()).optional(),
    usernames: z
      .union([z.string().max(2000), z.array(z.string().max(63)).max(20)])
      .transform((value) => (Array.isArray(value) ? value : value.split(",")).map((name) => name.trim().toLowerCase()).filter(Boolean))
      .pipe(z.array(z.string().max(63)).min(2, "At least two usernames (one user: username)").max(20))
      .optional()
      .describe("Comma-separated: these users together (collective), with eventTypeSlug naming the first user's event type."),
    teamSlug: slug().optional(),
    organizationSlug: z
      .string()
      .max(100)
      .optional()
      .describe("Cal.com's organization: Slotbase has no organizations, so any non-empty organizationSlug is a 404 (an empty one is ignored)."),
    start: rangeBound(),
    end: rangeBound(),
    timeZone: rangeZone(SHOWN_IN),
    duration: duration(),
    format: z.enum(["time", "range"]).default("time").describe("time: slot starts only; range: start and end."),
    bookingUidToReschedule: uid().optional().describe("The booking being rescheduled: its own time counts as free."),
    reservationUid: uid().optional().describe("Your slot hold: its slot stays visible to you."),
  })
  .superRefine(checkRange("start", "end"))
  .superRefine(requireEventTypeReference({ slug: "eventTypeSlug", owners: ["username", "teamSlug", "usernames"] }));

const SlotV1 = z.object({
  time: z.string().describe("Slot start, ISO 8601 with the requested zone's offset."),
  attendees: z.number().int().optional().describe("Seated event types: seats already taken."),
  bookingUid: z.string().optional().describe("Seated event types: the booking this slot joins."),
  capacityRemaining: z.number().int().optional().describe("Event types that book a workspace calendar: bookings it can still take in this slot."),
  capacityTotal: z.number().int().optional().describe("Event types that book a workspace calendar: its capacity."),
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
  capacityBooked: z.number().int().optional().describe("Event types that book a workspace calendar: the most of its capacity in use at any moment of the slot."),
  capacityRemaining: z.number().int().optional().describe("Event types that book a workspace calendar: bookings it can still take in this slot."),
  capacityTotal: z.number().int().optional().describe("Event types that book a workspace calendar: its capacity."),
});
export const SlotsResponseV2 = z.object({
  status: z.literal("success"),
  data: z.record(z.string().describe("YYYY-MM-DD in the requested zone"), z.array(SlotV2)),
});
