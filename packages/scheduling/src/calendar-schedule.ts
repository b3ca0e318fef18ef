import { intersectIntervals, subtractIntervals, type Interval } from "./interval";
import { localDateOf, localToInstant, type LocalDate } from "./wall-clock";

const MINUTE = 60_000;
const DAY = 86_400_000;

export type Recurrence = "once" | "daily" | "weekly" | "monthly";

/** A recurring availability rule of a bookable resource's calendar. */
export interface CalendarScheduleRule {
  availabilityType: "available" | "unavailable";
  recurrence: Recurrence;
  /** Wall-clock minutes after local midnight in the calendar's zone, 0..1439. */
  startMinute: number;
  /** 1..1440 (1440 = 24:00, the end of the day). endMinute <= startMinute: the occurrence runs past midnight into the next local day. */
  endMinute: number;
  /** weekly: 0 = Sunday … 6 = Saturday (non-empty). Ignored otherwise. */
  daysOfWeek: number[];
  /** monthly: 1..31; a month without that day is skipped (day 31 → only months with 31 days). */
  dayOfMonth: number | null;
  /** First local date the rule applies ("YYYY-MM-DD"); the date of a `once`. */
  startDate: LocalDate;
  /** Last local date an occurrence may START on, inclusive; null = no end. */
  endDate: LocalDate | null;
}

/** Local dates as day numbers (days since 1970-01-01), so stepping through them allocates nothing. */
type DayNumber = number;

function dayNumber(date: LocalDate): DayNumber {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY;
}

/** 0 = Sunday … 6 = Saturday; day 0 (1970-01-01) was a Thursday. */
function weekdayOfDay(day: DayNumber): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The local days whose occurrences can reach into `range`: one day before it, as overnight ones spill over. */
function daysAround(range: Interval, timeZone: string): { first: DayNumber; last: DayNumber } {
  return {
    first: dayNumber(localDateOf(range.start, timeZone)) - 1,
    last: dayNumber(localDateOf(Math.max(range.start, range.end - 1), timeZone)),
  };
}

/** Appends the rule's occurrences starting on local days first..last that overlap `range`, in order. */
function pushOccurrences(rule: CalendarScheduleRule, timeZone: string, range: Interval, first: DayNumber, last: DayNumber, out: Interval[]): void {
  const from = Math.max(first, dayNumber(rule.startDate));
  const to = rule.endDate === null ? last : Math.min(last, dayNumber(rule.endDate));
  if (!(from <= to)) return;
  const overnight = rule.endMinute <= rule.startMinute;
  const emit = (day: DayNumber) => {
    // The same conversion as wallClockToInstant: a skipped wall time moves forward by the gap, a repeated one is its first occurrence.
    const start = localToInstant(day * DAY + rule.startMinute * MINUTE, timeZone);
    const end = localToInstant((overnight ? day + 1 : day) * DAY + rule.endMinute * MINUTE, timeZone);
    if (end > start && end > range.start && start < range.end) out.push({ start, end });
  };
  switch (rule.recurrence) {
    case "once":
      if (from === dayNumber(rule.startDate)) emit(from);
      return;
    case "daily":
      for (let day = from; day <= to; day += 1) emit(day);
      return;
    case "weekly": {
      let mask = 0;
      for (const weekday of rule.daysOfWeek) mask |= 1 << weekday;
      for (let day = from; day <= to; day += 1) if (mask & (1 << weekdayOfDay(day))) emit(day);
      return;
    }
    case "monthly": {
      const dayOfMonth = rule.dayOfMonth;
      if (dayOfMonth === null || dayOfMonth < 1 || dayOfMonth > 31) return;
      const start = new Date(from * DAY);
      const year = start.getUTCFullYear();
      // Date.UTC rolls a month index past 11 into the next year.
      for (let month = start.getUTCMonth(); Date.UTC(year, month, 1) / DAY <= to; month += 1) {
        const day = Date.UTC(year, month, dayOfMonth) / DAY;
        // Day 31 of a 30-day month rolls over into the next month: that month has no such day.
        const inMonth = day < Date.UTC(year, month + 1, 1) / DAY;
        if (inMonth && day >= from && day <= to) emit(day);
      }
      return;
    }
  }
}

/** The occurrences of one rule that overlap `range`, whole (not clipped to the range), in order. */
export function ruleOccurrences(rule: CalendarScheduleRule, timeZone: string, range: Interval): Interval[] {
  if (!(range.end > range.start)) return [];
  const { first, last } = daysAround(range, timeZone);
  const occurrences: Interval[] = [];
  pushOccurrences(rule, timeZone, range, first, last, occurrences);
  return occurrences;
}

/**
 * The calendar's available instants within range [start, end) (UTC ms), as sorted, merged,
 * non-overlapping intervals: the range (when the calendar has no `available` rules at all)
 * or the union of available occurrences, minus every unavailable occurrence.
 */
export function calendarAvailability(rules: readonly CalendarScheduleRule[], timeZone: string, range: Interval): Interval[] {
  if (!(range.end > range.start)) return [];
  const { first, last } = daysAround(range, timeZone);
  const open: Interval[] = [];
  const closed: Interval[] = [];
  let anyAvailable = false;
  for (const rule of rules) {
    const available = rule.availabilityType === "available";
    anyAvailable ||= available;
    pushOccurrences(rule, timeZone, range, first, last, available ? open : closed);
  }
  const offered = anyAvailable ? intersectIntervals(open, [range]) : [{ start: range.start, end: range.end }];
  return closed.length === 0 ? offered : subtractIntervals(offered, closed);
}
