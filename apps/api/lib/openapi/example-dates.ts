import { localDateOf, nthWeekdayAfter, offsetAt, wallClockToInstant } from "@slotbase/scheduling";

/**
 * Dates in examples. Swagger UI sends an example as it is written, so a fixed date would go
 * stale (a booking example for last March is a 400). Examples therefore write dates as
 * placeholders that the served document fills in relative to the day it is served
 * (document.ts), the way the demo seed places its bookings (packages/features/scripts/
 * demo-data.ts): "day N" is the N-th weekday (Monday to Friday) after today in the
 * placeholder's zone, so day 1 is tomorrow, or Monday from Friday to Sunday.
 *
 *   {{day1 11:00 Europe/Berlin iso}}           2027-03-02T10:00:00.000Z  (the instant, UTC, milliseconds)
 *   {{day1 11:00 Europe/Berlin iso-s}}         2027-03-02T10:00:00Z      (UTC, no milliseconds)
 *   {{day1 11:00 Europe/Berlin local}}         2027-03-02T11:00:00+01:00 (wall time with the zone's offset)
 *   {{day1 11:00 Europe/Berlin local-ms}}      2027-03-02T11:00:00.000+01:00
 *   {{day1 11:00 Europe/Berlin local@America/New_York}}  2027-03-02T05:00:00-05:00 (the same instant, in another zone)
 *   {{day1 Europe/Berlin date}}                2027-03-02                (the local date)
 *   {{day1 23:30 Europe/Berlin date@UTC}}      the date of that instant in another zone
 *
 * Placeholders may stand inside longer strings and in object keys (v1 slots are keyed by date).
 */
const PLACEHOLDER = /\{\{day(\d{1,2})(?: (\d\d):(\d\d))? ([A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*) (iso|iso-s|local|local-ms|date)(?:@([A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*))?\}\}/g;

const MINUTE_MS = 60_000;

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** An instant written as wall time in `timeZone` with its offset, as the API writes local times. */
function localIso(instant: number, timeZone: string, ms: boolean): string {
  const offsetMinutes = offsetAt(timeZone, instant);
  const wall = new Date(instant + offsetMinutes * MINUTE_MS).toISOString();
  const sign = offsetMinutes < 0 ? "-" : "+";
  const offset = offsetMinutes === 0 && timeZone === "UTC" ? "Z" : `${sign}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`;
  return `${wall.slice(0, ms ? 23 : 19)}${offset}`;
}

/** The value of one placeholder at `now`. */
function fill(now: Date, day: number, hh: string | undefined, mm: string | undefined, zone: string, format: string, otherZone: string | undefined): string {
  const date = nthWeekdayAfter(now.getTime(), zone, day); // the demo seed's day N
  if (format === "date" && hh === undefined && otherZone === undefined) return date;
  const instant = wallClockToInstant(date, Number(hh ?? 0) * 60 + Number(mm ?? 0), zone);
  const shownIn = otherZone ?? zone;
  switch (format) {
    case "iso":
      return new Date(instant).toISOString();
    case "iso-s":
      return new Date(instant).toISOString().replace(".000Z", "Z");
    case "local":
      return localIso(instant, shownIn, false);
    case "local-ms":
      return localIso(instant, shownIn, true);
    default:
      return localDateOf(instant, shownIn);
  }
}

/** `text` with every date placeholder filled in for `now`. */
export function fillDatesInText(text: string, now: Date): string {
  return text.replace(PLACEHOLDER, (_match, day: string, hh: string | undefined, mm: string | undefined, zone: string, format: string, otherZone: string | undefined) =>
    fill(now, Number(day), hh, mm, zone, format, otherZone),
  );
}

/** Whether `text` holds a date placeholder. */
export function hasDatePlaceholder(text: string): boolean {
  PLACEHOLDER.lastIndex = 0;
  const found = PLACEHOLDER.test(text);
  PLACEHOLDER.lastIndex = 0;
  return found;
}

/**
 * Anything that looks like a date placeholder but is not one (a typo the build should report).
 * Other `{{…}}` (webhook payload templates, `{{triggerEvent}}`) are no business of this module.
 */
export function malformedPlaceholders(text: string): string[] {
  const all = text.match(/\{\{day[^{}]*\}\}/g) ?? [];
  return all.filter((candidate) => !new RegExp(`^${PLACEHOLDER.source}$`).test(candidate));
}

/** A deep copy of `value` with every placeholder in strings and object keys filled in for `now`. */
export function fillExampleDates<T>(value: T, now: Date): T {
  const visit = (node: unknown): unknown => {
    if (typeof node === "string") return node.includes("{{") ? fillDatesInText(node, now) : node;
    if (Array.isArray(node)) return node.map(visit);
    if (node && typeof node === "object") {
      return Object.fromEntries(Object.entries(node).map(([key, child]) => [key.includes("{{") ? fillDatesInText(key, now) : key, visit(child)]));
    }
    return node;
  };
  return visit(value) as T;
}
