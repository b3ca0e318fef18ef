import { intersectIntervals, mergeIntervals, subtractIntervals, type Interval } from "./interval";
import { localDatesBetween, wallClockToInstant, weekdayOf, type LocalDate } from "./wall-clock";

/** Minutes after local midnight; an end of 1440 means midnight at the end of the day. */
export interface WallClockWindow {
  startMinute: number;
  endMinute: number;
}

export interface WeeklyRule extends WallClockWindow {
  /** 0 = Sunday … 6 = Saturday (Cal.com's convention). */
  days: number[];
}

/** Replaces that date's weekly hours; a window with start = end makes the whole date unavailable. */
export interface DateOverride extends WallClockWindow {
  date: LocalDate;
}

/** Subtracted from free time: on weekdays (`days`) or on one `date`. */
export interface UnavailableBlock extends WallClockWindow {
  days?: number[];
  date?: LocalDate;
}

export interface ScheduleRules {
  timeZone: string;
  weekly: WeeklyRule[];
  overrides?: DateOverride[];
  unavailable?: UnavailableBlock[];
}

function windowsOfDate(rules: ScheduleRules, date: LocalDate): WallClockWindow[] {
  const overrides = (rules.overrides ?? []).filter((o) => o.date === date);
  if (overrides.length > 0) return overrides;
  const weekday = weekdayOf(date);
  return rules.weekly.filter((rule) => rule.days.includes(weekday));
}

function blocksOfDate(rules: ScheduleRules, date: LocalDate): WallClockWindow[] {
  const weekday = weekdayOf(date);
  return (rules.unavailable ?? []).filter((b) => b.date === date || (b.date === undefined && b.days?.includes(weekday)));
}

/**
 * The instants a schedule offers within `range`. Wall-clock windows are converted to
 * instants once per local date in the schedule's zone (not per slot), so every day,
 * daylight-saving days included, gets exactly its local hours.
 */
export function scheduleIntervals(rules: ScheduleRules, range: Interval): Interval[] {
  const toInstants = (date: LocalDate) => (window: WallClockWindow) => ({
    start: wallClockToInstant(date, window.startMinute, rules.timeZone),
    end: wallClockToInstant(date, window.endMinute, rules.timeZone),
  });
  const offered: Interval[] = [];
  for (const date of localDatesBetween(range.start, range.end, rules.timeZone)) {
    const open = windowsOfDate(rules, date).map(toInstants(date));
    const closed = blocksOfDate(rules, date).map(toInstants(date));
    offered.push(...subtractIntervals(open, closed));
  }
  return intersectIntervals(mergeIntervals(offered), [range]);
}
