import fc from "fast-check";
import { DateTime } from "luxon";
import { generateSlots, mergeIntervals, scheduleIntervals, subtractIntervals, type Interval, type ScheduleRules } from "../index";

const MINUTE = 60_000;
const BASE = Date.UTC(2027, 0, 1);

const interval = fc
  .tuple(fc.integer({ min: 0, max: 60 * 24 * 40 }), fc.integer({ min: 1, max: 60 * 12 }))
  .map(([start, length]): Interval => ({ start: BASE + start * MINUTE, end: BASE + (start + length) * MINUTE }));

const covers = (set: Interval[], t: number) => set.some((i) => i.start <= t && t < i.end);
const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;

const zone = fc.constantFrom("Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "Pacific/Chatham", "America/Sao_Paulo", "UTC");
const window = fc
  .tuple(fc.integer({ min: 0, max: 47 }), fc.integer({ min: 1, max: 48 }))
  .map(([start, length]) => ({ startMinute: start * 30, endMinute: Math.min(1440, (start + length) * 30) }));
const rules = fc.record({
  timeZone: zone,
  weekly: fc.array(fc.record({ days: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1 }) }).chain((r) => window.map((w) => ({ ...r, ...w }))), { maxLength: 3 }),
  unavailable: fc.array(fc.record({ days: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1 }) }).chain((r) => window.map((w) => ({ ...r, ...w }))), { maxLength: 2 }),
}) as fc.Arbitrary<ScheduleRules>;

describe("interval arithmetic", () => {
  it("subtraction keeps exactly the instants in `from` and not in `remove`", () => {
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 8 }), fc.array(interval, { maxLength: 8 }), fc.integer({ min: 0, max: 60 * 24 * 41 }), (from, remove, minute) => {
        const t = BASE + minute * MINUTE;
        const result = subtractIntervals(from, remove);
        expect(covers(result, t)).toBe(covers(from, t) && !covers(remove, t));
        expect(mergeIntervals(result)).toEqual(result);
      }),
    );
  });
});

describe("slots", () => {
  it("lie inside the schedule, avoid busy time, have the right length and align to the interval", () => {
    fc.assert(
      fc.property(
        rules,
        fc.array(interval, { maxLength: 10 }),
        fc.constantFrom(15, 30, 45, 60, 90),
        fc.option(fc.constantFrom(10, 15, 30, 60), { nil: undefined }),
        (schedule, busy, length, step) => {
          const range = { start: BASE, end: BASE + 14 * 24 * 60 * MINUTE };
          const windows = scheduleIntervals(schedule, range);
          const slots = generateSlots({ windows, busy, length, interval: step, range });
          expect(new Set(slots).size).toBe(slots.length);
          for (const start of slots) {
            const slot = { start, end: start + length * MINUTE };
            const home = windows.find((w) => w.start <= slot.start && slot.end <= w.end);
            expect(home).toBeDefined();
            expect(busy.some((b) => overlaps(b, slot))).toBe(false);
            expect((slot.start - home!.start) % ((step ?? length) * MINUTE)).toBe(0);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("every offered instant falls inside a weekly rule's local hours and outside unavailable blocks", () => {
    fc.assert(
      fc.property(rules, fc.integer({ min: 0, max: 14 * 24 * 60 - 1 }), (schedule, minute) => {
        const range = { start: BASE, end: BASE + 14 * 24 * 60 * MINUTE };
        const t = BASE + minute * MINUTE;
        const local = DateTime.fromMillis(t, { zone: schedule.timeZone });
        const weekday = local.weekday % 7;
        const minuteOfDay = local.hour * 60 + local.minute;
        const inWindow = (w: { days?: number[]; startMinute: number; endMinute: number }) =>
          (w.days ?? []).includes(weekday) && w.startMinute <= minuteOfDay && minuteOfDay < w.endMinute;
        if (covers(scheduleIntervals(schedule, range), t)) {
          expect(schedule.weekly.some(inWindow)).toBe(true);
          expect((schedule.unavailable ?? []).some(inWindow)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});
