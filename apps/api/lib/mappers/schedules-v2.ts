import type { AvailabilityRuleInput, PublicAvailability, PublicSchedule } from "@slotbase/features";
import type { z } from "zod";
import {
  WEEK_DAYS_V2,
  type ScheduleAvailabilityInputV2,
  type ScheduleOverrideInputV2,
  type ScheduleV2,
  type WeekDayV2,
} from "../schemas/schedules-v2";

/**
 * Cal.com v2 schedules (2024-06-11) ↔ the schedule service. Weekdays are names on the wire
 * and numbers (0 = Sunday) in the service; weekly rules are `availability` entries (rules with
 * the same hours grouped into one entry with all their days) and dated rules `overrides`
 * entries. Times show hours and minutes only, as Cal.com shows them (a stored end of day,
 * 23:59:59, is "23:59"). Unavailable blocks (v1's `unavailable: true`) have no v2 form and are
 * not shown.
 */

/** A stored day number (0 = Sunday) of a weekday name, and back. */
const dayNumber = (day: WeekDayV2) => (WEEK_DAYS_V2.indexOf(day) + 1) % 7;
const dayName = (day: number): WeekDayV2 => WEEK_DAYS_V2[(day + 6) % 7]!;
/** Monday first, as Cal.com lists weekdays. */
const mondayFirst = (a: number, b: number) => ((a + 6) % 7) - ((b + 6) % 7);
/** "HH:mm" of the service's "HH:mm:ss". */
const hoursAndMinutes = (time: string) => time.slice(0, 5);

const weekly = (rule: z.output<typeof ScheduleAvailabilityInputV2>): AvailabilityRuleInput => ({
  days: rule.days.map(dayNumber),
  startTime: rule.startTime,
  endTime: rule.endTime,
});

const dated = (rule: z.output<typeof ScheduleOverrideInputV2>): AvailabilityRuleInput => ({ date: rule.date, startTime: rule.startTime, endTime: rule.endTime });

type RulesV2 = { availability?: z.output<typeof ScheduleAvailabilityInputV2>[]; overrides?: z.output<typeof ScheduleOverrideInputV2>[] };

/** A create or update body for the service: the same fields, with rules in its terms. */
export function withServiceRules<B extends RulesV2>(body: B): Omit<B, keyof RulesV2> & { availability?: AvailabilityRuleInput[]; overrides?: AvailabilityRuleInput[] } {
  return { ...body, availability: body.availability?.map(weekly), overrides: body.overrides?.map(dated) };
}

const shown = (rule: PublicAvailability) => !rule.unavailable;

/** Weekly rules with the same hours as one entry with all their days (Monday first), in the order the hours first appear. */
function weeklyEntries(rules: PublicAvailability[]) {
  const byHours = new Map<string, { days: Set<number>; startTime: string; endTime: string }>();
  for (const rule of rules) {
    const startTime = hoursAndMinutes(rule.startTime);
    const endTime = hoursAndMinutes(rule.endTime);
    const entry = byHours.get(`${startTime}-${endTime}`) ?? { days: new Set<number>(), startTime, endTime };
    rule.days.forEach((day) => entry.days.add(day));
    byHours.set(`${startTime}-${endTime}`, entry);
  }
  return [...byHours.values()].map(({ days, startTime, endTime }) => ({ days: [...days].sort(mondayFirst).map(dayName), startTime, endTime }));
}

/** Cal.com v2's `ScheduleOutput_2024_06_11` from a schedule. */
export function toScheduleV2(schedule: PublicSchedule): z.input<typeof ScheduleV2> {
  return {
    id: schedule.id,
    ownerId: schedule.userId,
    name: schedule.name,
    timeZone: schedule.effectiveTimeZone,
    availability: weeklyEntries(schedule.availability.filter((rule) => shown(rule) && rule.date === null)),
    isDefault: schedule.isDefault,
    overrides: schedule.availability
      .filter((rule) => shown(rule) && rule.date !== null)
      .map((rule) => ({ date: rule.date!, startTime: hoursAndMinutes(rule.startTime), endTime: hoursAndMinutes(rule.endTime) })),
  };
}
