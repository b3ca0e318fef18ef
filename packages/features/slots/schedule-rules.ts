import type { ScheduleRules, WallClockWindow } from "@slotbase/scheduling";

/** The columns of an Availability row the engine needs. */
export interface AvailabilityRow {
  days: number[];
  startTime: Date;
  endTime: Date;
  date: Date | null;
  unavailable: boolean;
}

/** Minutes after midnight of a TIME column (Prisma gives 1970-01-01Thh:mm:ssZ); seconds round up, so 23:59:59 is the day's end (1440). */
function minuteOf(time: Date): number {
  const seconds = time.getUTCHours() * 3600 + time.getUTCMinutes() * 60 + time.getUTCSeconds();
  return Math.min(1440, Math.ceil(seconds / 60));
}

const dateOf = (date: Date) => date.toISOString().slice(0, 10);

/** Availability rows of one schedule → the engine's rules, in the schedule's zone. */
export function toScheduleRules(timeZone: string, rows: readonly AvailabilityRow[]): ScheduleRules {
  const rules: Required<ScheduleRules> = { timeZone, weekly: [], overrides: [], unavailable: [] };
  for (const row of rows) {
    const window: WallClockWindow = { startMinute: minuteOf(row.startTime), endMinute: minuteOf(row.endTime) };
    if (row.date) {
      const date = dateOf(row.date);
      if (row.unavailable) rules.unavailable.push({ ...window, date });
      else rules.overrides.push({ ...window, date });
    } else if (row.days.length > 0) {
      if (row.unavailable) rules.unavailable.push({ ...window, days: row.days });
      else rules.weekly.push({ ...window, days: row.days });
    }
  }
  return rules;
}
