import { DateTime } from "luxon";

/** A calendar date in some zone, `YYYY-MM-DD`. */
export type LocalDate = string;

/**
 * The instant at `minuteOfDay` minutes after local midnight of `date` in `timeZone`.
 * A wall time inside a skipped hour (spring forward) does not exist: it is moved
 * forward by the gap, as the clock jumps. A repeated wall time (fall back) is its first
 * occurrence. 1440 means the next local midnight.
 */
export function wallClockToInstant(date: LocalDate, minuteOfDay: number, timeZone: string): number {
  const midnight = DateTime.fromISO(date, { zone: timeZone }).startOf("day");
  if (minuteOfDay >= 1440) return midnight.plus({ days: 1 }).toMillis();
  const local = DateTime.fromObject(
    { year: midnight.year, month: midnight.month, day: midnight.day, hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 },
    { zone: timeZone },
  );
  return local.toMillis();
}

/** The local dates (in `timeZone`) touched by the instants [start, end). */
export function localDatesBetween(start: number, end: number, timeZone: string): LocalDate[] {
  const dates: LocalDate[] = [];
  let day = DateTime.fromMillis(start, { zone: timeZone }).startOf("day");
  const last = DateTime.fromMillis(Math.max(start, end - 1), { zone: timeZone }).startOf("day");
  while (day <= last) {
    dates.push(day.toISODate()!);
    day = day.plus({ days: 1 });
  }
  return dates;
}

/** ISO weekday number of a local date in the Cal.com convention: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: LocalDate): number {
  return DateTime.fromISO(date, { zone: "UTC" }).weekday % 7;
}

export function isValidTimeZone(timeZone: string): boolean {
  return DateTime.now().setZone(timeZone).isValid;
}
