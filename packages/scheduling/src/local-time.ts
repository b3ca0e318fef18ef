import { DateTime } from "luxon";
import type { Interval } from "./interval";
import { localDateOf, type LocalDate } from "./wall-clock";
import { offsetAt } from "./zone-offset";

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

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/** An instant as ISO 8601 with the offset `timeZone` has at that instant ("Z" for the UTC zone itself). */
export function formatInZone(instant: number, timeZone: string, options: { milliseconds?: boolean } = {}): string {
  const offset = offsetAt(timeZone, instant);
  const local = new Date(instant + offset * 60_000).toISOString();
  const clock = options.milliseconds ? local.slice(0, 23) : local.slice(0, 19);
  if (offset === 0 && /^(utc|gmt)$/i.test(timeZone)) return `${clock}Z`;
  const sign = offset < 0 ? "-" : "+";
  return `${clock}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

/** Groups items by the local date (in `timeZone`) their interval starts on, in order. */
export function groupByLocalDate<T extends Interval>(items: readonly T[], timeZone: string): Map<LocalDate, T[]> {
  const groups = new Map<LocalDate, T[]>();
  for (const item of items) {
    const date = localDateOf(item.start, timeZone);
    const group = groups.get(date);
    if (group) group.push(item);
    else groups.set(date, [item]);
  }
  return groups;
}
