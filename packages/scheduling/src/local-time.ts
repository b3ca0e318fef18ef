import { DateTime } from "luxon";
import type { Interval } from "./interval";
import type { LocalDate } from "./wall-clock";

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A range bound as clients send it: a date (`2027-03-22`: local midnight in `timeZone`; an
 * end date is inclusive, so it means the following midnight), a date-time with an offset
 * or Z, or a date-time without one (a wall time in `timeZone`). Null when unparseable.
 */
export function parseRangeBound(value: string, timeZone: string, bound: "start" | "end"): number | null {
  if (DATE_ONLY.test(value)) {
    const day = DateTime.fromISO(value, { zone: timeZone });
    if (!day.isValid) return null;
    return (bound === "end" ? day.plus({ days: 1 }) : day).toMillis();
  }
  const parsed = DateTime.fromISO(value, { zone: timeZone, setZone: false });
  return parsed.isValid ? parsed.toMillis() : null;
}

/** Is `value` a real calendar date or date-time string (`2027-02-30` is not)? */
export function isParseableInstant(value: string): boolean {
  return parseRangeBound(value, "UTC", "start") !== null;
}

/** An instant as ISO 8601 with the offset `timeZone` has at that instant. */
export function formatInZone(instant: number, timeZone: string, options: { milliseconds?: boolean } = {}): string {
  return DateTime.fromMillis(instant, { zone: timeZone }).toISO({ suppressMilliseconds: !options.milliseconds })!;
}

/** The local date of an instant in `timeZone`. */
export function localDateOf(instant: number, timeZone: string): LocalDate {
  return DateTime.fromMillis(instant, { zone: timeZone }).toISODate()!;
}

/**
 * Groups items by the local date (in `timeZone`) their interval starts on, in order.
 * Converts once per local day, not per item: the offset is looked up again only when an
 * item leaves the day (or the offset period) the previous one was in.
 */
export function groupByLocalDate<T extends Interval>(items: readonly T[], timeZone: string): Map<LocalDate, T[]> {
  const groups = new Map<LocalDate, T[]>();
  let dayStart = Infinity;
  let dayEnd = -Infinity;
  let current: T[] = [];
  for (const item of items) {
    if (item.start < dayStart || item.start >= dayEnd) {
      const local = DateTime.fromMillis(item.start, { zone: timeZone }).startOf("day");
      dayStart = local.toMillis();
      dayEnd = local.plus({ days: 1 }).toMillis();
      const date = local.toISODate()!;
      current = groups.get(date) ?? [];
      groups.set(date, current);
    }
    current.push(item);
  }
  return groups;
}
