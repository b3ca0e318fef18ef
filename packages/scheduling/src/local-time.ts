import type { Interval } from "./interval";
import { localDateOf, localToInstant, type LocalDate } from "./wall-clock";
import { offsetAt } from "./zone-offset";

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** Wall-clock fields as one "local time read as UTC" number, or null when not a real date and time. */
function wallClock(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number): number | null {
  if (hour > 23 || minute > 59 || second > 59) return null;
  const value = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const check = new Date(value);
  return check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day ? value : null;
}

function offsetMinutes(designator: string): number | null {
  if (designator.toUpperCase() === "Z") return 0;
  const digits = designator.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  if (hours > 23 || minutes > 59) return null;
  return (designator.startsWith("-") ? -1 : 1) * (hours * 60 + minutes);
}

/**
 * A range bound as clients send it: a date (`2027-03-22`: local midnight in `timeZone`; an
 * end date is inclusive, so it means the following midnight), a date-time with an offset
 * or Z, or a date-time without one (a wall time in `timeZone`). Null when unparseable.
 */
export function parseRangeBound(value: string, timeZone: string, bound: "start" | "end"): number | null {
  const match = ISO.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi, sec, fraction, designator] = match;
  const ms = fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0;
  const local = wallClock(Number(y), Number(mo), Number(d), Number(h ?? 0), Number(mi ?? 0), Number(sec ?? 0), ms);
  if (local === null) return null;
  if (h === undefined) return localToInstant(bound === "end" ? local + 86_400_000 : local, timeZone);
  if (designator === undefined) return localToInstant(local, timeZone);
  const offset = offsetMinutes(designator);
  return offset === null ? null : local - offset * 60_000;
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
