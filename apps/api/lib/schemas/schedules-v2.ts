import { z } from "zod";
import { isCalendarDate, MAX_RULES_PER_SCHEDULE } from "@slotbase/features";
import { idParam, timeZone } from "../validation/common";

/**
 * Cal.com v2 schedules (`cal-api-version: 2024-06-11`): ScheduleOutput_2024_06_11 and its
 * inputs, as x-corrections reads them (the time pattern is the value of Cal.com's
 * TIME_FORMAT_HH_MM, the weekday enum applies to each day).
 */

/** Cal.com's weekday names, Monday first as Cal.com lists them (stored day numbers: 0 = Sunday … 6 = Saturday). */
export const WEEK_DAYS_V2 = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;
export type WeekDayV2 = (typeof WEEK_DAYS_V2)[number];

const WeekDay = z.enum(WEEK_DAYS_V2);

/** Cal.com's TIME_FORMAT_HH_MM. */
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const clock = (what: string) => z.string().regex(HH_MM, 'Must be a time "HH:mm" from 00:00 to 23:59').describe(`${what}, "HH:mm" (24-hour clock) in the schedule's time zone`);

const overrideDate = z
  .string()
  .regex(DATE, 'Must be a date "YYYY-MM-DD"')
  .refine(isCalendarDate, { error: "Must be a real date (years 1970–9999)" })
  .describe("The local date whose hours this override replaces");

const weekDays = z
  .array(WeekDay)
  .min(1, "Name at least one day")
  .max(7)
  .refine((list) => new Set(list).size === list.length, { error: "Each day at most once" })
  .describe("The weekdays these hours apply to");

/** One weekly rule as Cal.com v2 takes it (ScheduleAvailabilityInput_2024_06_11). */
export const ScheduleAvailabilityInputV2 = z
  .object({ days: weekDays, startTime: clock("Start"), endTime: clock("End, after startTime") })
  .strict();

/** One dated override as Cal.com v2 takes it (ScheduleOverrideInput_2024_06_11). */
export const ScheduleOverrideInputV2 = z
  .object({
    date: overrideDate,
    startTime: clock("Start"),
    endTime: clock('End, after startTime; "00:00" to "00:00" makes the whole date unavailable'),
  })
  .strict();

const availabilityList = z
  .array(ScheduleAvailabilityInputV2)
  .max(MAX_RULES_PER_SCHEDULE)
  .describe("Weekly hours. Replaces all of the schedule's weekly hours.");
const overrideList = z
  .array(ScheduleOverrideInputV2)
  .max(MAX_RULES_PER_SCHEDULE)
  .describe("Date overrides. Replaces all of the schedule's date overrides.");

/** CreateScheduleInput_2024_06_11. */
export const ScheduleCreateBodyV2 = z
  .object({
    name: z.string().trim().min(1).max(200),
    timeZone: timeZone().describe("IANA time zone the times are in, e.g. Europe/Rome"),
    availability: availabilityList.optional().describe("Weekly hours. Absent: Monday–Friday 09:00–17:00; [] for none."),
    isDefault: z.boolean().describe("true: it becomes your default schedule (your first schedule becomes it anyway)"),
    overrides: overrideList.optional().describe("Date overrides. Absent: none."),
  })
  .strict();

/** UpdateScheduleInput_2024_06_11: every field optional; `availability` and `overrides` each replace their list. */
export const ScheduleUpdateBodyV2 = z
  .object({
    name: z.string().trim().min(1).max(200),
    timeZone: timeZone().describe("IANA time zone the times are in, e.g. Europe/Rome"),
    availability: availabilityList,
    isDefault: z.boolean().describe("true: it becomes its owner's default schedule; false changes nothing (make another schedule the default instead)"),
    overrides: overrideList,
  })
  .partial()
  .strict();

export const ScheduleIdQueryV2 = z.object({ scheduleId: idParam.describe("The schedule's id") });

const ScheduleAvailabilityV2 = z.object({
  days: z.array(WeekDay),
  startTime: z.string().regex(HH_MM),
  endTime: z.string().regex(HH_MM),
});

const ScheduleOverrideV2 = z.object({
  date: z.string().regex(DATE),
  startTime: z.string().regex(HH_MM),
  endTime: z.string().regex(HH_MM),
});

/** ScheduleOutput_2024_06_11: an explicit allow-list. */
export const ScheduleV2 = z.object({
  id: z.number().int(),
  ownerId: z.number().int(),
  name: z.string(),
  timeZone: z.string().describe("The schedule's zone (its owner's when it has none of its own)"),
  availability: z.array(ScheduleAvailabilityV2).describe("Weekly hours, one entry per weekly rule"),
  isDefault: z.boolean(),
  overrides: z.array(ScheduleOverrideV2).describe("Date overrides, one entry per dated rule"),
});

export const ScheduleResponseV2 = z.object({ status: z.literal("success"), data: ScheduleV2 });
export const ScheduleListResponseV2 = z.object({ status: z.literal("success"), data: z.array(ScheduleV2) });
export const ScheduleDeletedResponseV2 = z.object({ status: z.literal("success") });
