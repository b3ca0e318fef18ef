import { DateTime } from "luxon";
import { generateSlots, scheduleIntervals, type ScheduleRules } from "../index";

const WEEKDAYS_9_TO_5 = (timeZone: string): ScheduleRules => ({
  timeZone,
  weekly: [{ days: [1, 2, 3, 4, 5], startMinute: 9 * 60, endMinute: 17 * 60 }],
});

function slotsInZone(rules: ScheduleRules, from: string, to: string, length = 30) {
  const range = {
    start: DateTime.fromISO(from, { zone: rules.timeZone }).toMillis(),
    end: DateTime.fromISO(to, { zone: rules.timeZone }).toMillis(),
  };
  const starts = generateSlots({ windows: scheduleIntervals(rules, range), busy: [], length, range });
  const byDay = new Map<string, string[]>();
  for (const start of starts) {
    const local = DateTime.fromMillis(start, { zone: rules.timeZone });
    const day = local.toISODate()!;
    byDay.set(day, [...(byDay.get(day) ?? []), local.toFormat("HH:mm")]);
  }
  return { starts, byDay };
}

const SIXTEEN_HALF_HOURS = Array.from({ length: 16 }, (_, i) => {
  const minutes = 9 * 60 + i * 30;
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
});

describe("daylight-saving days", () => {
  it("Europe/Berlin across 2027-03-28: sixteen 30-minute slots, 09:00–16:30 local, every weekday", () => {
    const { byDay, starts } = slotsInZone(WEEKDAYS_9_TO_5("Europe/Berlin"), "2027-03-22", "2027-04-03");
    expect([...byDay.keys()]).toEqual([
      "2027-03-22", "2027-03-23", "2027-03-24", "2027-03-25", "2027-03-26",
      "2027-03-29", "2027-03-30", "2027-03-31", "2027-04-01", "2027-04-02",
    ]);
    for (const times of byDay.values()) expect(times).toEqual(SIXTEEN_HALF_HOURS);
    expect(new Date(starts[0]!).toISOString()).toBe("2027-03-22T08:00:00.000Z"); // CET, UTC+1
    expect(new Date(starts[80]!).toISOString()).toBe("2027-03-29T07:00:00.000Z"); // CEST, UTC+2
  });

  it.each(["Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "Pacific/Chatham", "America/Sao_Paulo"])(
    "%s: every weekday of 2027, transition days included, has exactly 09:00–16:30 local",
    (timeZone) => {
      const { byDay } = slotsInZone(WEEKDAYS_9_TO_5(timeZone), "2027-01-01", "2028-01-01");
      expect(byDay.size).toBe(261); // weekdays in 2027
      for (const times of byDay.values()) expect(times).toEqual(SIXTEEN_HALF_HOURS);
    },
  );

  it("a window over the skipped hour (Berlin 2027-03-28 01:00–04:00) offers no wall time that does not exist", () => {
    const rules: ScheduleRules = { timeZone: "Europe/Berlin", weekly: [{ days: [0], startMinute: 60, endMinute: 240 }] };
    const { byDay } = slotsInZone(rules, "2027-03-28", "2027-03-29");
    expect(byDay.get("2027-03-28")).toEqual(["01:00", "01:30", "03:00", "03:30"]);
  });

  it("a window over the repeated hour (Berlin 2027-10-31 01:00–04:00) yields no duplicate slots", () => {
    const rules: ScheduleRules = { timeZone: "Europe/Berlin", weekly: [{ days: [0], startMinute: 60, endMinute: 240 }] };
    const { starts } = slotsInZone(rules, "2027-10-31", "2027-11-01");
    expect(new Set(starts).size).toBe(starts.length);
    expect(starts).toHaveLength(8); // four elapsed hours
  });

  it("a date override on a transition day replaces that day's hours", () => {
    const rules: ScheduleRules = {
      ...WEEKDAYS_9_TO_5("America/New_York"),
      weekly: [{ days: [0, 1, 2, 3, 4, 5, 6], startMinute: 9 * 60, endMinute: 17 * 60 }],
      overrides: [{ date: "2027-03-14", startMinute: 10 * 60, endMinute: 12 * 60 }],
    };
    const { byDay } = slotsInZone(rules, "2027-03-13", "2027-03-16");
    expect(byDay.get("2027-03-14")).toEqual(["10:00", "10:30", "11:00", "11:30"]);
    expect(byDay.get("2027-03-15")).toEqual(SIXTEEN_HALF_HOURS);
  });

  it("an unavailable block (lunch) is subtracted", () => {
    const rules: ScheduleRules = {
      ...WEEKDAYS_9_TO_5("Europe/Berlin"),
      unavailable: [{ days: [1, 2, 3, 4, 5], startMinute: 12 * 60, endMinute: 13 * 60 }],
    };
    const { byDay } = slotsInZone(rules, "2027-03-29", "2027-03-30");
    expect(byDay.get("2027-03-29")).toEqual(SIXTEEN_HALF_HOURS.filter((t) => t < "12:00" || t >= "13:00"));
  });
});
