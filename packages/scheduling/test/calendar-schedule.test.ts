import { DateTime } from "luxon";
import { calendarAvailability, ruleOccurrences, scheduleIntervals, type CalendarScheduleRule, type Interval } from "../index";

const HOUR = 3_600_000;

/**
 * A local wall time's instant, per luxon. In a repeated hour luxon's pick depends on the
 * zone; the engine always takes the first occurrence, so the expectation does too.
 */
function local(wall: string, zone: string): number {
  const guess = DateTime.fromISO(wall, { zone }).toMillis();
  const showsWall = (t: number) => DateTime.fromMillis(t, { zone }).toFormat("yyyy-MM-dd'T'HH:mm") === wall;
  return showsWall(guess - HOUR) ? guess - HOUR : guess;
}

const span = (from: string, to: string, zone: string): Interval => ({ start: local(from, zone), end: local(to, zone) });
/** Intervals as local ISO times with their offsets, for readable failures. */
const show = (intervals: Interval[], zone: string) =>
  intervals.map((i) => `${DateTime.fromMillis(i.start, { zone }).toFormat("yyyy-MM-dd'T'HH:mmZZ")}/${DateTime.fromMillis(i.end, { zone }).toFormat("yyyy-MM-dd'T'HH:mmZZ")}`);
const hours = (intervals: Interval[]) => intervals.map((i) => (i.end - i.start) / HOUR);

const rule = (fields: Partial<CalendarScheduleRule>): CalendarScheduleRule => ({
  availabilityType: "available",
  recurrence: "daily",
  startMinute: 9 * 60,
  endMinute: 17 * 60,
  daysOfWeek: [],
  dayOfMonth: null,
  startDate: "2020-01-01",
  endDate: null,
  ...fields,
});

const UTC = "UTC";
const BERLIN = "Europe/Berlin";

describe("calendar schedules — recurrences", () => {
  const june = span("2027-06-01T00:00", "2027-07-01T00:00", BERLIN);

  it("once: only its start date", () => {
    const once = rule({ recurrence: "once", startDate: "2027-06-09", endDate: "2027-06-20" });
    expect(show(ruleOccurrences(once, BERLIN, june), BERLIN)).toEqual(["2027-06-09T09:00+02:00/2027-06-09T17:00+02:00"]);
    expect(ruleOccurrences(once, BERLIN, span("2027-06-10T00:00", "2027-07-01T00:00", BERLIN))).toEqual([]);
  });

  it("daily: every date from start to end date, the end date included", () => {
    const daily = rule({ startDate: "2027-06-03", endDate: "2027-06-05" });
    expect(show(ruleOccurrences(daily, BERLIN, june), BERLIN)).toEqual([
      "2027-06-03T09:00+02:00/2027-06-03T17:00+02:00",
      "2027-06-04T09:00+02:00/2027-06-04T17:00+02:00",
      "2027-06-05T09:00+02:00/2027-06-05T17:00+02:00",
    ]);
  });

  it("daily without an end date: forever, however long ago it started", () => {
    expect(ruleOccurrences(rule({ startDate: "1990-01-01" }), BERLIN, june)).toHaveLength(30);
  });

  it("weekly: the listed weekdays only", () => {
    const weekly = rule({ recurrence: "weekly", daysOfWeek: [1, 3], startDate: "2027-06-01", endDate: "2027-06-14" });
    const days = ruleOccurrences(weekly, BERLIN, june).map((i) => DateTime.fromMillis(i.start, { zone: BERLIN }).toFormat("yyyy-MM-dd ccc"));
    expect(days).toEqual(["2027-06-02 Wed", "2027-06-07 Mon", "2027-06-09 Wed", "2027-06-14 Mon"]);
  });

  it("weekly: Sunday is 0 and Saturday 6", () => {
    const weekend = rule({ recurrence: "weekly", daysOfWeek: [0, 6] });
    const days = ruleOccurrences(weekend, UTC, span("2027-06-01T00:00", "2027-06-08T00:00", UTC)).map((i) => DateTime.fromMillis(i.start, { zone: UTC }).toFormat("ccc"));
    expect(days).toEqual(["Sat", "Sun"]);
  });

  describe("monthly", () => {
    const year = (y: number) => span(`${y}-01-01T00:00`, `${y + 1}-01-01T00:00`, UTC);
    const months = (dayOfMonth: number, y: number) =>
      ruleOccurrences(rule({ recurrence: "monthly", dayOfMonth }), UTC, year(y)).map((i) => DateTime.fromMillis(i.start, { zone: UTC }).toFormat("MM-dd"));

    it("day 31: only the months that have a 31st", () => {
      expect(months(31, 2027)).toEqual(["01-31", "03-31", "05-31", "07-31", "08-31", "10-31", "12-31"]);
    });

    it("day 30: every month but February", () => {
      expect(months(30, 2027)).toHaveLength(11);
      expect(months(30, 2027)).not.toContain("02-30");
    });

    it("day 29: February only in leap years", () => {
      expect(months(29, 2027)).not.toContain("02-29");
      expect(months(29, 2027)).toHaveLength(11);
      expect(months(29, 2028)).toContain("02-29");
      expect(months(29, 2028)).toHaveLength(12);
    });

    it("keeps to its start and end dates, and crosses year ends", () => {
      const bounded = rule({ recurrence: "monthly", dayOfMonth: 15, startDate: "2027-11-16", endDate: "2028-02-15" });
      const starts = ruleOccurrences(bounded, UTC, span("2027-01-01T00:00", "2029-01-01T00:00", UTC)).map((i) => DateTime.fromMillis(i.start, { zone: UTC }).toISODate());
      expect(starts).toEqual(["2027-12-15", "2028-01-15", "2028-02-15"]);
    });
  });

  it("overnight: ends on the next local day, and one that started before the range reaches into it", () => {
    const night = rule({ startMinute: 22 * 60, endMinute: 6 * 60, startDate: "2027-06-01", endDate: "2027-06-02" });
    expect(show(ruleOccurrences(night, BERLIN, june), BERLIN)).toEqual([
      "2027-06-01T22:00+02:00/2027-06-02T06:00+02:00",
      // endDate is the last date an occurrence may start on: this one ends the day after.
      "2027-06-02T22:00+02:00/2027-06-03T06:00+02:00",
    ]);
    const fromThird = span("2027-06-03T00:00", "2027-06-04T00:00", BERLIN);
    expect(ruleOccurrences(night, BERLIN, fromThird)).toHaveLength(1);
    expect(show(calendarAvailability([night], BERLIN, fromThird), BERLIN)).toEqual(["2027-06-03T00:00+02:00/2027-06-03T06:00+02:00"]);
  });

  it("an end equal to the start is a whole 24 hours, overnight", () => {
    const shift = rule({ recurrence: "once", startDate: "2027-06-01", startMinute: 600, endMinute: 600 });
    expect(show(ruleOccurrences(shift, BERLIN, june), BERLIN)).toEqual(["2027-06-01T10:00+02:00/2027-06-02T10:00+02:00"]);
  });

  it("24:00 is the end of the day; whole days back to back merge into one interval", () => {
    const evening = rule({ recurrence: "once", startDate: "2027-06-01", startMinute: 18 * 60, endMinute: 1440 });
    expect(show(ruleOccurrences(evening, BERLIN, june), BERLIN)).toEqual(["2027-06-01T18:00+02:00/2027-06-02T00:00+02:00"]);
    const allDay = rule({ startMinute: 0, endMinute: 1440, startDate: "2027-06-03", endDate: "2027-06-05" });
    expect(show(calendarAvailability([allDay], BERLIN, june), BERLIN)).toEqual(["2027-06-03T00:00+02:00/2027-06-06T00:00+02:00"]);
  });
});

describe("calendar schedules — availability", () => {
  const monday = span("2027-06-07T00:00", "2027-06-08T00:00", BERLIN);
  const lunch = rule({ availabilityType: "unavailable", startMinute: 12 * 60, endMinute: 13 * 60 });

  it("no available rules: open at every moment of the range", () => {
    expect(calendarAvailability([], BERLIN, monday)).toEqual([monday]);
  });

  it("only unavailable rules: the range minus them", () => {
    expect(show(calendarAvailability([lunch], BERLIN, monday), BERLIN)).toEqual([
      "2027-06-07T00:00+02:00/2027-06-07T12:00+02:00",
      "2027-06-07T13:00+02:00/2027-06-08T00:00+02:00",
    ]);
  });

  it("unavailable wins over available: a lunch break", () => {
    expect(show(calendarAvailability([rule({}), lunch], BERLIN, monday), BERLIN)).toEqual([
      "2027-06-07T09:00+02:00/2027-06-07T12:00+02:00",
      "2027-06-07T13:00+02:00/2027-06-07T17:00+02:00",
    ]);
  });

  it("an unavailable day (maintenance) closes it whatever is available", () => {
    const maintenance = rule({ availabilityType: "unavailable", recurrence: "once", startDate: "2027-06-07", startMinute: 0, endMinute: 1440 });
    expect(calendarAvailability([rule({}), rule({ startMinute: 0, endMinute: 1440 }), maintenance], BERLIN, monday)).toEqual([]);
  });

  it("available rules that offer nothing in the range: closed (the calendar has available rules)", () => {
    expect(calendarAvailability([rule({ recurrence: "once", startDate: "2027-06-01" })], BERLIN, monday)).toEqual([]);
  });

  it("overlapping available rules are united", () => {
    const late = rule({ startMinute: 15 * 60, endMinute: 20 * 60 });
    expect(show(calendarAvailability([rule({}), late], BERLIN, monday), BERLIN)).toEqual(["2027-06-07T09:00+02:00/2027-06-07T20:00+02:00"]);
  });

  it("is clipped to the range", () => {
    const range = span("2027-06-07T10:15", "2027-06-07T15:45", BERLIN);
    expect(show(calendarAvailability([rule({}), lunch], BERLIN, range), BERLIN)).toEqual([
      "2027-06-07T10:15+02:00/2027-06-07T12:00+02:00",
      "2027-06-07T13:00+02:00/2027-06-07T15:45+02:00",
    ]);
    expect(calendarAvailability([], BERLIN, { start: range.start, end: range.start })).toEqual([]);
  });
});

/** 2027's transitions: the spring-forward and fall-back dates (Sydney's autumn is April). Both gaps and repeats are one hour. */
const ZONES = [
  { zone: "Europe/Berlin", forward: "2027-03-28", back: "2027-10-31" },
  { zone: "America/New_York", forward: "2027-03-14", back: "2027-11-07" },
  { zone: "Australia/Sydney", forward: "2027-10-03", back: "2027-04-04" },
];
const plusDays = (date: string, days: number) => DateTime.fromISO(date, { zone: UTC }).plus({ days }).toISODate()!;

describe.each(ZONES)("calendar schedules — daylight saving in $zone", ({ zone, forward, back }) => {
  const around = (date: string) => span(`${plusDays(date, -1)}T00:00`, `${plusDays(date, 2)}T00:00`, zone);
  const occurrences = (r: Partial<CalendarScheduleRule>, range: Interval) => ruleOccurrences(rule(r), zone, range);

  it("once, 01:30–03:30 on the spring-forward date: one elapsed hour, local times kept", () => {
    const result = occurrences({ recurrence: "once", startDate: forward, startMinute: 90, endMinute: 210 }, around(forward));
    expect(result).toEqual([span(`${forward}T01:30`, `${forward}T03:30`, zone)]);
    expect(hours(result)).toEqual([1]);
  });

  it("once, 02:15–02:45 inside the skipped hour: moved forward by the gap, as scheduleIntervals does", () => {
    const result = occurrences({ recurrence: "once", startDate: forward, startMinute: 135, endMinute: 165 }, around(forward));
    expect(result).toEqual([span(`${forward}T03:15`, `${forward}T03:45`, zone)]);
    // Every transition date here is a Sunday.
    expect(scheduleIntervals({ timeZone: zone, weekly: [{ days: [0], startMinute: 135, endMinute: 165 }] }, around(forward))).toEqual(result);
  });

  it("daily 02:00–03:00, exactly the skipped hour: no occurrence on the spring-forward date", () => {
    const result = occurrences({ startMinute: 120, endMinute: 180 }, around(forward));
    expect(result).toEqual([span(`${plusDays(forward, -1)}T02:00`, `${plusDays(forward, -1)}T03:00`, zone), span(`${plusDays(forward, 1)}T02:00`, `${plusDays(forward, 1)}T03:00`, zone)]);
  });

  it("daily 01:30–03:30 around spring forward: 2, 1, 2 hours", () => {
    const result = occurrences({ startMinute: 90, endMinute: 210 }, around(forward));
    expect(result).toEqual([-1, 0, 1].map((d) => span(`${plusDays(forward, d)}T01:30`, `${plusDays(forward, d)}T03:30`, zone)));
    expect(hours(result)).toEqual([2, 1, 2]);
  });

  it("daily 01:30–03:30 around fall back: 2, 3, 2 hours, the repeated hour once", () => {
    const result = occurrences({ startMinute: 90, endMinute: 210 }, around(back));
    expect(result).toEqual([-1, 0, 1].map((d) => span(`${plusDays(back, d)}T01:30`, `${plusDays(back, d)}T03:30`, zone)));
    expect(hours(result)).toEqual([2, 3, 2]);
  });

  it("daily 09:00–17:00 keeps its local hours on both transition dates", () => {
    for (const date of [forward, back]) {
      const result = calendarAvailability([rule({})], zone, around(date));
      expect(result.map((i) => DateTime.fromMillis(i.start, { zone }).toFormat("HH:mm") + "–" + DateTime.fromMillis(i.end, { zone }).toFormat("HH:mm"))).toEqual(Array(3).fill("09:00–17:00"));
    }
  });

  it("weekly on the transition Sundays, all day: 23 and 25 hours", () => {
    const sundays = { recurrence: "weekly" as const, daysOfWeek: [0], startMinute: 0, endMinute: 1440 };
    expect(occurrences(sundays, around(forward))).toEqual([span(`${forward}T00:00`, `${plusDays(forward, 1)}T00:00`, zone)]);
    expect(hours(occurrences(sundays, around(forward)))).toEqual([23]);
    expect(occurrences(sundays, around(back))).toEqual([span(`${back}T00:00`, `${plusDays(back, 1)}T00:00`, zone)]);
    expect(hours(occurrences(sundays, around(back)))).toEqual([25]);
  });

  it("weekly on the fall-back Sunday, 01:30–02:30: a wall time in the repeated hour is its first occurrence", () => {
    const result = occurrences({ recurrence: "weekly", daysOfWeek: [0], startMinute: 90, endMinute: 150 }, around(back));
    expect(result).toEqual([span(`${back}T01:30`, `${back}T02:30`, zone)]);
    expect(new Set(result.map((i) => i.start)).size).toBe(1);
  });

  it("overnight 22:00–06:00 over each transition: 7 hours forward, 9 back", () => {
    for (const [date, expected] of [[forward, 7], [back, 9]] as const) {
      const eve = plusDays(date, -1);
      const result = occurrences({ recurrence: "once", startDate: eve, startMinute: 1320, endMinute: 360 }, around(date));
      expect(result).toEqual([span(`${eve}T22:00`, `${date}T06:00`, zone)]);
      expect(hours(result)).toEqual([expected]);
      // Asked from the transition date's midnight, the night that began the day before still counts.
      const fromMidnight = span(`${date}T00:00`, `${date}T12:00`, zone);
      expect(calendarAvailability([rule({ startMinute: 1320, endMinute: 360 })], zone, fromMidnight)).toEqual([span(`${date}T00:00`, `${date}T06:00`, zone)]);
    }
  });

  it("monthly on the transition day of the month: 01:30–03:30 is one hour in spring, three in autumn, two in the other months", () => {
    for (const [date, onTheDay] of [[forward, 1], [back, 3]] as const) {
      const dayOfMonth = Number(date.slice(8, 10));
      const range = span(`${plusDays(date, -70)}T00:00`, `${plusDays(date, 70)}T00:00`, zone);
      const result = occurrences({ recurrence: "monthly", dayOfMonth, startMinute: 90, endMinute: 210 }, range);
      // Berlin's autumn change is on the 31st: its neighbours September and November have none.
      const dates = [-2, -1, 0, 1, 2]
        .map((m) => DateTime.fromISO(date, { zone: UTC }).plus({ months: m }))
        .filter((month) => month.daysInMonth! >= dayOfMonth)
        .map((month) => month.set({ day: dayOfMonth }).toISODate()!);
      expect(result).toEqual(dates.map((d) => span(`${d}T01:30`, `${d}T03:30`, zone)));
      expect(hours(result)).toEqual(dates.map((d) => (d === date ? onTheDay : 2)));
    }
  });

  it("monthly overnight rule across the fall-back night", () => {
    const eve = plusDays(back, -1);
    const result = occurrences({ recurrence: "monthly", dayOfMonth: Number(eve.slice(8, 10)), startMinute: 23 * 60, endMinute: 4 * 60 }, around(back));
    expect(result).toEqual([span(`${eve}T23:00`, `${back}T04:00`, zone)]);
    expect(hours(result)).toEqual([6]);
  });

  it("an unavailable block across the transition is subtracted in local time", () => {
    const lunchless = calendarAvailability([rule({ startMinute: 0, endMinute: 1440 }), rule({ availabilityType: "unavailable", startMinute: 60, endMinute: 240 })], zone, span(`${back}T00:00`, `${plusDays(back, 1)}T00:00`, zone));
    expect(lunchless).toEqual([span(`${back}T00:00`, `${back}T01:00`, zone), span(`${back}T04:00`, `${plusDays(back, 1)}T00:00`, zone)]);
  });
});
