import { DateTime } from "luxon";

/**
 * Dates for tests, computed from the current time: the scheduling engine never offers a past
 * slot, so a test that books, asks for slots, holds or lists "upcoming" bookings must use days
 * that are still ahead whenever it runs. Dates are "YYYY-MM-DD" strings (local dates), instants
 * are ISO strings as `Date.toISOString()` writes them, so they compare with API responses as
 * they are. Offsets are never hard-coded: the wall time of a day in a zone is converted with
 * luxon (the reference the engine is tested against), so a date in summer time gets +02:00 in
 * Berlin and one in winter +01:00.
 *
 * Checking the suite under another clock (libfaketime, Debian package `faketime`):
 *
 *   faketime '2029-06-15 12:00:00' node .yarn/releases/yarn-4.18.1.cjs test
 *   cd apps/api && faketime '2031-11-02 23:30:00' env NODE_OPTIONS="--experimental-vm-modules --disable-warning=ExperimentalWarning" npx jest test/v2
 *
 * The `faketime '<date time>' <command>` form sets FAKETIME to an offset from the real clock,
 * shared by every child process (turbo, jest workers, node): the clock starts at that time and
 * runs, so timers, jest's timeouts and PGlite (in process: it sees the same clock) behave. Do
 * not use a frozen clock (`faketime -f '2029-06-15 12:00:00' …`, no `@`): under it node's
 * timers never fire and jest hangs. Only with the embedded database: PostgreSQL
 * (TEST_DATABASE_URL) keeps the real time for now() and would disagree with the tests.
 */

export const BERLIN = "Europe/Berlin";
export const UTC = "UTC";

/** The zones whose daylight-saving changes `nextMonday()` keeps away from by default (the ones the tests use). */
export const DST_ZONES: readonly string[] = ["Europe/Berlin", "Europe/London", "America/New_York"];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(date: string): void {
  if (!DATE.test(date)) throw new Error(`not a YYYY-MM-DD date: ${date}`);
}

/** Today's date in `zone` (by the current clock). */
export function today(zone: string = BERLIN): string {
  return DateTime.now().setZone(zone).toISODate()!;
}

/** `date` plus `days` calendar days (negative: before). */
export function addDays(date: string, days: number): string {
  checkDate(date);
  return DateTime.fromISO(date, { zone: UTC }).plus({ days }).toISODate()!;
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: string): number {
  checkDate(date);
  return DateTime.fromISO(date, { zone: UTC }).weekday;
}

/** The dates from `from` to `to` (both included) that are Monday to Friday. */
export function weekdaysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) if (weekdayOf(date) <= 5) days.push(date);
  return days;
}

function wallTime(date: string, time: string, zone: string): DateTime {
  checkDate(date);
  const local = DateTime.fromISO(`${date}T${time}`, { zone });
  if (!local.isValid) throw new Error(`invalid wall time ${date} ${time} in ${zone}: ${local.invalidExplanation}`);
  return local;
}

/** Milliseconds since the epoch of wall time `time` ("HH:mm" or "HH:mm:ss") on `date` in `zone`. */
export function epochMs(date: string, time: string, zone: string): number {
  return wallTime(date, time, zone).toMillis();
}

/** The instant of wall time `time` on `date` in `zone`, as `Date.toISOString()` writes it ("…T08:00:00.000Z"). */
export function instant(date: string, time: string, zone: string): string {
  return new Date(epochMs(date, time, zone)).toISOString();
}

/** `instant(date, time, "Europe/Berlin")`: most test hosts work 09:00–17:00 Berlin. */
export const berlin = (date: string, time: string): string => instant(date, time, BERLIN);

/**
 * Wall time `time` on `date` in `zone`, written with the zone's offset as the API writes local
 * times: "2027-03-22T09:00:00+01:00", with `ms` "2027-03-22T09:00:00.000+01:00"; "Z" in UTC.
 */
export function localIso(date: string, time: string, zone: string, options: { ms?: boolean } = {}): string {
  return wallTime(date, time, zone).toISO({ suppressMilliseconds: !options.ms })!;
}

/** An instant (ISO string or ms) written in `zone` (an IANA name or a fixed offset such as "UTC+2"), as `localIso` writes it. */
export function inZone(at: string | number, zone: string, options: { ms?: boolean } = {}): string {
  const time = typeof at === "number" ? DateTime.fromMillis(at) : DateTime.fromISO(at);
  return time.setZone(zone).toISO({ suppressMilliseconds: !options.ms })!;
}

/** The UTC offset of `zone` at wall time `time` on `date`, e.g. "+01:00". */
export function offsetAt(date: string, time: string, zone: string): string {
  return wallTime(date, time, zone).toFormat("ZZ");
}

/** Whether `zone`'s UTC offset changes on any day from `from` to `to` (compared at noon, day by day). */
export function offsetChangesBetween(zone: string, from: string, to: string): boolean {
  let previous = wallTime(from, "12:00", zone).offset;
  for (let date = addDays(from, 1); date <= to; date = addDays(date, 1)) {
    const offset = wallTime(date, "12:00", zone).offset;
    if (offset !== previous) return true;
    previous = offset;
  }
  return false;
}

function firstMondayFrom(date: string): string {
  return addDays(date, (8 - weekdayOf(date)) % 7);
}

/**
 * The first Monday at least `minDaysAhead` days after today (in Berlin) such that no zone of
 * `zones` changes its offset from a week before it to `clearDays` days after it: tests that
 * use a few weeks from that Monday on see one offset per zone (which one depends on the
 * season, so compute expected instants with `instant`/`localIso`, never hard-code them).
 */
export function nextMonday(options: { minDaysAhead?: number; zones?: readonly string[]; clearDays?: number } = {}): string {
  const { minDaysAhead = 7, zones = DST_ZONES, clearDays = 28 } = options;
  let monday = firstMondayFrom(addDays(today(BERLIN), minDaysAhead));
  for (let week = 0; week < 106; week += 1, monday = addDays(monday, 7)) {
    if (!zones.some((zone) => offsetChangesBetween(zone, addDays(monday, -7), addDays(monday, clearDays)))) return monday;
  }
  throw new Error(`no Monday clear of daylight-saving changes in ${zones.join(", ")} within two years`);
}

/**
 * For tests about a daylight-saving change: the Monday that starts the first week (Monday to
 * Sunday), at least `minDaysAhead` days after today, in which `zone` changes its offset; the
 * date of the change (the first day whose noon has the new offset) and the offsets before and
 * after it (e.g. "+01:00" and "+02:00" in spring, the other way round in autumn).
 */
export function weekOfNextDstChange(zone: string = BERLIN, minDaysAhead = 7): { monday: string; changeDate: string; offsetBefore: string; offsetAfter: string } {
  let monday = firstMondayFrom(addDays(today(BERLIN), minDaysAhead));
  for (let week = 0; week < 106; week += 1, monday = addDays(monday, 7)) {
    if (!offsetChangesBetween(zone, monday, addDays(monday, 7))) continue;
    for (let date = addDays(monday, 1); ; date = addDays(date, 1)) {
      if (offsetChangesBetween(zone, addDays(date, -1), date)) {
        return { monday, changeDate: date, offsetBefore: offsetAt(monday, "12:00", zone), offsetAfter: offsetAt(date, "12:00", zone) };
      }
    }
  }
  throw new Error(`${zone} does not change its offset within two years`);
}
