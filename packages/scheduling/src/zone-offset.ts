/**
 * Fast UTC offsets of IANA zones, from the runtime's tz database (Intl). luxon asks Intl
 * for every conversion; a slots request converts thousands of instants in a handful of
 * zones, so offsets are cached per zone and UTC hour. An hour whose two ends have the same
 * offset has that offset throughout (zones change at most once an hour); an hour with a
 * change in it is asked of Intl per instant.
 */
const HOUR = 3_600_000;
const CACHE_LIMIT = 200_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
// Per zone, then per UTC hour (number keys: no key string built per lookup).
const hourly = new Map<string, Map<number, number>>();
let cachedHours = 0;

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      era: "short",
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** Offset (local − UTC) in minutes at `instant`, asked of Intl. */
function exactOffset(zone: string, instant: number): number {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(zone).formatToParts(instant)) parts[part.type] = part.value;
  let year = Number(parts.year);
  if (parts.era === "BC" || parts.era === "B") year = 1 - year;
  const asUtc = Date.UTC(year, Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  const whole = instant - (((instant % 1000) + 1000) % 1000);
  return Math.round((asUtc - whole) / 60_000);
}

function hourOffset(zone: string, hour: number): number | null {
  let byHour = hourly.get(zone);
  const cached = byHour?.get(hour);
  if (cached !== undefined) return Number.isNaN(cached) ? null : cached;
  const atStart = exactOffset(zone, hour * HOUR);
  const atEnd = exactOffset(zone, (hour + 1) * HOUR - 1);
  if (cachedHours >= CACHE_LIMIT) {
    hourly.clear();
    cachedHours = 0;
    byHour = undefined;
  }
  if (!byHour) {
    byHour = new Map();
    hourly.set(zone, byHour);
  }
  byHour.set(hour, atStart === atEnd ? atStart : Number.NaN);
  cachedHours += 1;
  return atStart === atEnd ? atStart : null;
}

/** The offset of `zone` from UTC at `instant`, in minutes (Berlin in summer: 120). */
export function offsetAt(zone: string, instant: number): number {
  return hourOffset(zone, Math.floor(instant / HOUR)) ?? exactOffset(zone, instant);
}
