import { DateTime } from "luxon";
import { offsetAt } from "./zone-offset";

/** A calendar date in some zone, `YYYY-MM-DD`. */
export type LocalDate = string;

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Midnight UTC of a `YYYY-MM-DD` date: the date's "local time read as UTC". */
function dateAsUtc(date: LocalDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function utcDateString(asUtc: number): LocalDate {
  return new Date(asUtc).toISOString().slice(0, 10);
}

/**
 * The instant a wall-clock time (local time read as if UTC, in ms) has in `zone`. A wall
 * time inside a skipped hour (spring forward) does not exist: it is moved forward by the
 * gap, as the clock jumps. A repeated wall time (fall back) is its first occurrence.
 */
export function localToInstant(localAsUtc: number, zone: string): number {
  const guessOffset = offsetAt(zone, localAsUtc);
  let instant = localAsUtc - guessOffset * MINUTE;
  const second = offsetAt(zone, instant);
  if (second === guessOffset) return earliestOccurrence(localAsUtc, instant, second, zone);
  instant -= (second - guessOffset) * MINUTE;
  const third = offsetAt(zone, instant);
  if (second === third) return earliestOccurrence(localAsUtc, instant, third, zone);
  // In the gap: neither offset maps back to this wall time; the clock jumped past it.
  return localAsUtc - Math.min(second, third) * MINUTE;
}

/** In a repeated hour two instants show the same wall time: take the earlier. */
function earliestOccurrence(localAsUtc: number, instant: number, offset: number, zone: string): number {
  const earlierOffset = offsetAt(zone, instant - 3 * 60 * MINUTE);
  if (earlierOffset > offset) {
    const earlier = localAsUtc - earlierOffset * MINUTE;
    if (earlier < instant && offsetAt(zone, earlier) === earlierOffset) return earlier;
  }
  return instant;
}

/**
 * The instant at `minuteOfDay` minutes after local midnight of `date` in `timeZone`.
 * 1440 means the next local midnight.
 */
export function wallClockToInstant(date: LocalDate, minuteOfDay: number, timeZone: string): number {
  return localToInstant(dateAsUtc(date) + minuteOfDay * MINUTE, timeZone);
}

/** The local date of an instant in `timeZone`. */
export function localDateOf(instant: number, timeZone: string): LocalDate {
  return utcDateString(instant + offsetAt(timeZone, instant) * MINUTE);
}

/** The local dates (in `timeZone`) touched by the instants [start, end). */
export function localDatesBetween(start: number, end: number, timeZone: string): LocalDate[] {
  const first = dateAsUtc(localDateOf(start, timeZone));
  const last = dateAsUtc(localDateOf(Math.max(start, end - 1), timeZone));
  const dates: LocalDate[] = [];
  for (let day = first; day <= last; day += DAY) dates.push(utcDateString(day));
  return dates;
}

/** Weekday of a local date in the Cal.com convention: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: LocalDate): number {
  return new Date(dateAsUtc(date)).getUTCDay();
}

/**
 * The `n`-th weekday (Monday to Friday) after today in `timeZone`, today being the date there at
 * `now`: n = 1 is tomorrow, or the coming Monday on a Friday, Saturday or Sunday. (The demo
 * data's days, and the documented examples' that must agree with them.)
 */
export function nthWeekdayAfter(now: number, timeZone: string, n: number): LocalDate {
  let day = dateAsUtc(localDateOf(now, timeZone));
  for (let found = 0; found < n; ) {
    day += DAY;
    const weekday = new Date(day).getUTCDay();
    if (weekday !== 0 && weekday !== 6) found += 1;
  }
  return utcDateString(day);
}

export function isValidTimeZone(timeZone: string): boolean {
  return DateTime.now().setZone(timeZone).isValid;
}
