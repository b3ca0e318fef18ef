import fc from "fast-check";
import { DateTime } from "luxon";
import {
  calendarAvailability,
  intersectIntervals,
  mergeIntervals,
  ruleOccurrences,
  scheduleIntervals,
  wallClockToInstant,
  type CalendarScheduleRule,
  type Interval,
} from "../index";

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;

const zone = fc.constantFrom("Europe/Berlin", "America/New_York", "Australia/Sydney", "Australia/Lord_Howe", "Pacific/Chatham", "Asia/Kolkata", "UTC");
// Ranges start near a 2027 transition (Berlin, New York, Sydney, Lord Howe, Chatham) or in a quiet month.
const anchor = fc.constantFrom("2027-03-14", "2027-03-28", "2027-04-04", "2027-09-26", "2027-10-03", "2027-10-31", "2027-11-07", "2027-06-15").map((d) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)));
const scenario = fc.record({
  timeZone: zone,
  anchor,
  startOffset: fc.integer({ min: -4 * 1440, max: 2 * 1440 }),
  length: fc.integer({ min: 1, max: 12 * 1440 }),
});
const dateNear = (base: number, days: number) => new Date(base + days * DAY).toISOString().slice(0, 10);

const ruleNear = (base: number, type?: CalendarScheduleRule["availabilityType"]) =>
  fc
    .record({
      availabilityType: type ? fc.constant(type) : fc.constantFrom("available" as const, "unavailable" as const),
      recurrence: fc.constantFrom("once" as const, "daily" as const, "weekly" as const, "monthly" as const),
      startMinute: fc.oneof(fc.integer({ min: 0, max: 95 }).map((q) => q * 15), fc.integer({ min: 0, max: 1439 })),
      endMinute: fc.oneof(fc.integer({ min: 1, max: 96 }).map((q) => q * 15), fc.integer({ min: 1, max: 1440 })),
      daysOfWeek: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
      dayOfMonth: fc.integer({ min: 1, max: 31 }),
      startDay: fc.integer({ min: -50, max: 10 }),
      endDays: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
    })
    .map(({ startDay, endDays, ...rule }): CalendarScheduleRule => ({
      ...rule,
      startDate: dateNear(base, startDay),
      endDate: endDays === null ? null : dateNear(base, startDay + endDays),
    }));

const withRules = scenario.chain((s) => fc.array(ruleNear(s.anchor), { maxLength: 5 }).map((rules) => ({ ...s, rules })));
const rangeOf = (s: { anchor: number; startOffset: number; length: number }): Interval => ({
  start: s.anchor + s.startOffset * MINUTE,
  end: s.anchor + (s.startOffset + s.length) * MINUTE,
});
const covers = (set: Interval[], t: number) => set.some((i) => i.start <= t && t < i.end);

/** The dates a rule starts occurrences on, by luxon's calendar, then wallClockToInstant for each edge. */
function expectedOccurrences(rule: CalendarScheduleRule, timeZone: string, range: Interval): Interval[] {
  const first = DateTime.fromMillis(range.start, { zone: timeZone }).startOf("day").minus({ days: 1 });
  const last = DateTime.fromMillis(range.end - 1, { zone: timeZone }).toISODate()!;
  const result: Interval[] = [];
  for (let day = first; day.toISODate()! <= last; day = day.plus({ days: 1 })) {
    const date = day.toISODate()!;
    if (date < rule.startDate || (rule.endDate !== null && date > rule.endDate)) continue;
    const applies = {
      once: date === rule.startDate,
      daily: true,
      weekly: rule.daysOfWeek.includes(day.weekday % 7),
      monthly: day.day === rule.dayOfMonth,
    }[rule.recurrence];
    if (!applies) continue;
    const overnight = rule.endMinute <= rule.startMinute;
    const start = wallClockToInstant(date, rule.startMinute, timeZone);
    const end = wallClockToInstant(overnight ? day.plus({ days: 1 }).toISODate()! : date, rule.endMinute, timeZone);
    if (end > start && end > range.start && start < range.end) result.push({ start, end });
  }
  return result;
}

describe("calendar schedules — properties", () => {
  it("occurrences fall exactly on the rule's dates, never outside startDate..endDate", () => {
    fc.assert(
      fc.property(withRules, (s) => {
        const range = rangeOf(s);
        for (const rule of s.rules) {
          const occurrences = ruleOccurrences(rule, s.timeZone, range);
          for (const o of occurrences) {
            const date = DateTime.fromMillis(o.start, { zone: s.timeZone }).toISODate()!;
            expect(date >= rule.startDate && (rule.endDate === null || date <= rule.endDate)).toBe(true);
            expect(o.end > range.start && o.start < range.end).toBe(true);
          }
          expect(occurrences).toEqual(expectedOccurrences(rule, s.timeZone, range));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("an instant is available iff (no available rules, or an available occurrence covers it) and no unavailable one does", () => {
    fc.assert(
      fc.property(withRules, fc.double({ min: 0, max: 1, noNaN: true }), (s, at) => {
        const range = rangeOf(s);
        const t = Math.min(range.end - 1, Math.floor(range.start + at * (range.end - range.start)));
        const occurrencesOf = (type: string) => s.rules.filter((r) => r.availabilityType === type).flatMap((r) => ruleOccurrences(r, s.timeZone, range));
        const hasAvailable = s.rules.some((r) => r.availabilityType === "available");
        const expected = (!hasAvailable || covers(occurrencesOf("available"), t)) && !covers(occurrencesOf("unavailable"), t);
        expect(covers(calendarAvailability(s.rules, s.timeZone, range), t)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it("unavailable always wins: nothing available is covered by an unavailable occurrence", () => {
    fc.assert(
      fc.property(withRules, (s) => {
        const range = rangeOf(s);
        const unavailable = s.rules.filter((r) => r.availabilityType === "unavailable").flatMap((r) => ruleOccurrences(r, s.timeZone, range));
        expect(intersectIntervals(calendarAvailability(s.rules, s.timeZone, range), unavailable)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("results are sorted, merged (no touching pieces) and within the range", () => {
    fc.assert(
      fc.property(withRules, (s) => {
        const range = rangeOf(s);
        const result = calendarAvailability(s.rules, s.timeZone, range);
        result.forEach((piece, i) => {
          expect(piece.start).toBeLessThan(piece.end);
          expect(piece.start).toBeGreaterThanOrEqual(range.start);
          expect(piece.end).toBeLessThanOrEqual(range.end);
          if (i > 0) expect(piece.start).toBeGreaterThan(result[i - 1]!.end);
        });
      }),
      { numRuns: 300 },
    );
  });

  it("expanding a range = the union of expanding its pieces, cut anywhere (inside occurrences too)", () => {
    fc.assert(
      fc.property(withRules, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 4 }), (s, fractions) => {
        const range = rangeOf(s);
        const inside = s.rules.flatMap((r) => ruleOccurrences(r, s.timeZone, range)).map((o) => Math.floor((o.start + o.end) / 2));
        const cuts = [...fractions.map((f) => Math.floor(range.start + f * (range.end - range.start))), ...inside.slice(0, 2)]
          .filter((t) => t > range.start && t < range.end)
          .sort((a, b) => a - b);
        const bounds = [range.start, ...cuts, range.end];
        const pieces = bounds.slice(1).flatMap((end, i) => calendarAvailability(s.rules, s.timeZone, { start: bounds[i]!, end }));
        expect(mergeIntervals(pieces)).toEqual(calendarAvailability(s.rules, s.timeZone, range));
      }),
      { numRuns: 300 },
    );
  });

  it("weekly same-day rules without bounds convert exactly as scheduleIntervals' weekly rules and unavailable blocks", () => {
    const sameDay = (type: CalendarScheduleRule["availabilityType"]) =>
      fc
        .record({ daysOfWeek: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1 }), startMinute: fc.integer({ min: 0, max: 1439 }), length: fc.integer({ min: 1, max: 1440 }) })
        .map(({ daysOfWeek, startMinute, length }): CalendarScheduleRule => ({
          availabilityType: type,
          recurrence: "weekly",
          daysOfWeek,
          dayOfMonth: null,
          startMinute,
          endMinute: Math.min(1440, startMinute + length),
          startDate: "2000-01-01",
          endDate: null,
        }));
    fc.assert(
      fc.property(scenario, fc.array(sameDay("available"), { minLength: 1, maxLength: 3 }), fc.array(sameDay("unavailable"), { maxLength: 2 }), (s, open, closed) => {
        const range = rangeOf(s);
        const asSchedule = (r: CalendarScheduleRule) => ({ days: r.daysOfWeek, startMinute: r.startMinute, endMinute: r.endMinute });
        const schedule = scheduleIntervals({ timeZone: s.timeZone, weekly: open.map(asSchedule), unavailable: closed.map(asSchedule) }, range);
        expect(calendarAvailability([...open, ...closed], s.timeZone, range)).toEqual(schedule);
      }),
      { numRuns: 300 },
    );
  });
});
