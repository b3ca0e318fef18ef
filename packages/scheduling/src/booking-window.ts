import { DateTime } from "luxon";
import type { Interval } from "./interval";

const MINUTE = 60_000;

/** How far ahead an event type may be booked (Cal.com's periodType). */
export type BookingPeriod =
  | { type: "UNLIMITED" }
  /** `days` from today in `timeZone`, today included; business days (Mon–Fri) unless `calendarDays`. */
  | { type: "ROLLING"; days: number; calendarDays: boolean; timeZone: string }
  /** From `start` to the end of the local day of `end`, in `timeZone`. */
  | { type: "RANGE"; start: number; end: number; timeZone: string };

/**
 * The instants in which a slot may start: no earlier than now + minimum notice, and
 * within the booking period. Returns null when nothing can be booked at all.
 */
export function bookableWindow(period: BookingPeriod, now: number, minimumNoticeMinutes: number): Interval | null {
  const earliest = now + minimumNoticeMinutes * MINUTE;
  const bounds = periodBounds(period, now);
  const start = Math.max(earliest, bounds.start);
  return start < bounds.end ? { start, end: bounds.end } : null;
}

function periodBounds(period: BookingPeriod, now: number): Interval {
  switch (period.type) {
    case "UNLIMITED":
      return { start: -Infinity, end: Infinity };
    case "ROLLING":
      return { start: -Infinity, end: rollingEnd(period.days, period.calendarDays, period.timeZone, now) };
    case "RANGE": {
      const lastDay = DateTime.fromMillis(period.end, { zone: period.timeZone }).startOf("day");
      return { start: period.start, end: lastDay.plus({ days: 1 }).toMillis() };
    }
  }
}

/** The end of the `days`-th bookable day counting today as the first. */
function rollingEnd(days: number, calendarDays: boolean, timeZone: string, now: number): number {
  let day = DateTime.fromMillis(now, { zone: timeZone }).startOf("day");
  let counted = 0;
  while (true) {
    if (calendarDays || day.weekday <= 5) counted += 1;
    if (counted >= days) return day.plus({ days: 1 }).toMillis();
    day = day.plus({ days: 1 });
  }
}
