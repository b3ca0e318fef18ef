import { z } from "zod";
import { idParam } from "../validation/common";
import { checkRange, rangeBound, rangeZone } from "../validation/time-range";

/** Cal.com v1's `eventTypeId`, on /availability and its user and team forms. */
export const eventTypeIdParam = () =>
  idParam
    .optional()
    .describe(
      "The availability as this event type books its hosts (an event type the caller may read; with teamId, one of that team's): " +
        "each host's schedule for it (the type's own, else the host's default), and for a seated type its bookings as currentSeats " +
        "instead of busy time. Users who do not host it are shown as without it.",
    );

export const AvailabilityQuery = z
  .object({
    userId: idParam.optional(),
    username: z.string().min(1).max(63).optional(),
    teamId: idParam.optional().describe("Every accepted member of the team (members only)."),
    eventTypeId: eventTypeIdParam(),
    dateFrom: rangeBound(),
    dateTo: rangeBound(),
    timeZone: rangeZone("Zone of date-only bounds. Default UTC."),
  })
  .superRefine((query, ctx) => {
    const named = [query.userId, query.username, query.teamId].filter((v) => v !== undefined).length;
    if (named !== 1) ctx.addIssue({ code: "custom", path: ["userId"], message: "Send exactly one of userId, username or teamId" });
  })
  .superRefine(checkRange("dateFrom", "dateTo"));

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
  selectedCalendars: z
    .array(z.object({ integration: z.string(), externalId: z.string() }))
    .optional()
    .describe(
      "The external calendars read for this user's busy time (their selected calendars, GET /v1/selected-calendars), by integration then externalId. Only for the user themself and admins; absent for anyone else. No calendar integration reads them yet: they add no busy time.",
    ),
  currentSeats: z
    .array(z.object({ uid: z.string().describe("The booking's uid."), startTime: z.string(), _count: z.object({ attendees: z.number().int().describe("Seats taken.") }) }))
    .nullable()
    .describe("With the eventTypeId of a seated type the user hosts: its bookings in the range and their taken seats (Cal.com's shape). Otherwise null."),
  datesOutOfOffice: z.object({}).describe("Always empty: Slotbase has no out-of-office entries (Cal.com's dates the user is away)."),
});
export const TeamAvailability = z.array(z.object({ userId: z.number().int(), availability: UserAvailability }));
export const AvailabilityLookupResponse = z.union([UserAvailability, TeamAvailability]);
