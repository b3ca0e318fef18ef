import { z } from "zod";
import { AvailabilitySchema } from "@slotbase/prisma/zod";
import { isCalendarDate, parseTimeOfDay, SECONDS_PER_DAY } from "@slotbase/features";
import { idParam, int32 } from "../validation/common";
import { listQuery } from "../validation/list-query";

const TIME_INPUT = /^(\d{2}:\d{2}(:\d{2})?|1970-01-01T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z)$/;
const TIME_OUTPUT = /^\d{2}:\d{2}:\d{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A wall-clock time; `endOfDay` also allows "24:00" (stored and shown as 23:59:59). */
const timeOfDay = (endOfDay: boolean) =>
  z
    .string()
    .regex(TIME_INPUT, 'Must be a time of day "HH:mm" or "HH:mm:ss"')
    .refine(
      (value) => {
        const seconds = parseTimeOfDay(value);
        return seconds !== null && (endOfDay || seconds < SECONDS_PER_DAY);
      },
      { error: endOfDay ? "Must be a time from 00:00 to 24:00" : "Must be a time from 00:00 to 23:59:59" },
    );

const days = z
  .array(int32().min(0, "Days are 0 (Sunday) to 6 (Saturday)").max(6, "Days are 0 (Sunday) to 6 (Saturday)"))
  .max(7)
  .refine((list) => new Set(list).size === list.length, { error: "Each day at most once" })
  .describe("Weekly rule: weekdays, 0 = Sunday … 6 = Saturday. Exactly one of days and date.");

const date = z
  .string()
  .regex(DATE, 'Must be a date "YYYY-MM-DD"')
  .refine(isCalendarDate, { error: "Must be a real date (years 1970–9999)" })
  .describe("Dated override (or dated unavailable block): that local date. Exactly one of days and date.");

/** Fields of one rule, narrowed from the generated model schema. */
const ruleFields = AvailabilitySchema.pick({ days: true, date: true, startTime: true, endTime: true, unavailable: true }).extend({
  days: days.nullable().optional(),
  date: date.nullable().optional(),
  startTime: timeOfDay(false).describe('Local start: "HH:mm", "HH:mm:ss" or "1970-01-01THH:mm:ssZ".'),
  endTime: timeOfDay(true).describe(
    'Local end, after startTime; "24:00" = end of the day. A dated override from 00:00 to 00:00 makes the whole date unavailable.',
  ),
  unavailable: z.boolean().optional().describe("true: a block subtracted from free time (e.g. a lunch break). Default false."),
});

/** One rule inside a schedule create body (no scheduleId). */
export const AvailabilityRuleBody = ruleFields.strict();

export const AvailabilityCreateBody = ruleFields
  .extend({ scheduleId: idParam.describe("The schedule the rule belongs to (one of yours; admins: any).") })
  .strict();

export const AvailabilityUpdateBody = ruleFields
  .extend({
    scheduleId: idParam.describe("Move the rule to another of your schedules."),
    days: days.nullable().describe("Set to make it a weekly rule (clears date); null clears it."),
    date: date.nullable().describe("Set to make it a dated rule (clears days); null clears it."),
  })
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { error: "Send at least one field to change" });

/** A rule as the API shows it. */
export const Availability = AvailabilitySchema.pick({ id: true, userId: true, scheduleId: true, days: true, unavailable: true }).extend({
  scheduleId: z.number().int(),
  days: z.array(z.number().int()).describe("0 = Sunday … 6 = Saturday; empty for a dated rule."),
  date: z.string().regex(DATE).nullable().describe("YYYY-MM-DD for a dated rule, else null."),
  startTime: z.string().regex(TIME_OUTPUT).describe("HH:mm:ss, local to the schedule's time zone."),
  endTime: z.string().regex(TIME_OUTPUT).describe("HH:mm:ss; 23:59:59 is the end of the day."),
});

export const ListAvailabilitiesQuery = listQuery.extend({
  scheduleId: idParam.optional().describe("Only the rules of this schedule."),
});

export const AvailabilityResponse = z.object({ availability: Availability });
export const AvailabilityCreatedResponse = z.object({ availability: Availability, message: z.string() });
export const AvailabilityListResponse = z.object({ availabilities: z.array(Availability) });
