import { z } from "zod";
import { SLOT_RANGE_MAX_DAYS } from "@slotbase/features";
import { parseRangeBound } from "@slotbase/scheduling";
import { idParam, isIanaTimeZone } from "../validation/common";

const DAY_MS = 86_400_000;
const RANGE_VALUE = "A date (2027-03-22, in timeZone; dateTo's date is included) or an ISO 8601 date-time";

export const AvailabilityQuery = z
  .object({
    userId: idParam.optional(),
    username: z.string().min(1).max(63).optional(),
    teamId: idParam.optional().describe("Every accepted member of the team (members only)."),
    dateFrom: z.string().min(10).max(40).describe(RANGE_VALUE),
    dateTo: z.string().min(10).max(40).describe(RANGE_VALUE),
    timeZone: z
      .string()
      .refine(isIanaTimeZone, { error: "Must be an IANA time zone, e.g. Europe/Berlin" })
      .default("UTC")
      .describe("Zone of date-only bounds. Default UTC."),
  })
  .superRefine((query, ctx) => {
    const named = [query.userId, query.username, query.teamId].filter((v) => v !== undefined).length;
    if (named !== 1) ctx.addIssue({ code: "custom", path: ["userId"], message: "Send exactly one of userId, username or teamId" });
    const zone = isIanaTimeZone(query.timeZone) ? query.timeZone : "UTC";
    const from = parseRangeBound(query.dateFrom, zone, "start");
    const to = parseRangeBound(query.dateTo, zone, "end");
    if (from === null) ctx.addIssue({ code: "custom", path: ["dateFrom"], message: `Not a valid date or date-time. ${RANGE_VALUE}` });
    if (to === null) ctx.addIssue({ code: "custom", path: ["dateTo"], message: `Not a valid date or date-time. ${RANGE_VALUE}` });
    if (from === null || to === null) return;
    if (to <= from) ctx.addIssue({ code: "custom", path: ["dateTo"], message: "Must be after dateFrom" });
    else if (to - from > SLOT_RANGE_MAX_DAYS * DAY_MS) ctx.addIssue({ code: "custom", path: ["dateTo"], message: `The range may cover at most ${SLOT_RANGE_MAX_DAYS} days` });
  });

const Span = { start: z.string(), end: z.string() };
export const UserAvailability = z.object({
  userId: z.number().int(),
  timeZone: z.string().describe("The zone of the user's schedule."),
  busy: z.array(
    z.object({
      ...Span,
      source: z.enum(["booking", "reservation", "blocker"]),
      title: z.string().nullable().optional().describe("Only for the user, OWNER/ADMINs of their teams, and system admins."),
    }),
  ),
  dateRanges: z.array(z.object(Span)).describe("Free time: the schedule's hours minus busy time."),
  workingHours: z.array(z.object({ days: z.array(z.number().int()), startTime: z.number().int(), endTime: z.number().int(), userId: z.number().int() })).describe("Minutes after local midnight; days 0 = Sunday."),
  dateOverrides: z.array(z.object({ date: z.string(), startTime: z.number().int(), endTime: z.number().int(), userId: z.number().int() })),
});
export const TeamAvailability = z.array(z.object({ userId: z.number().int(), availability: UserAvailability }));
export const AvailabilityLookupResponse = z.union([UserAvailability, TeamAvailability]);
