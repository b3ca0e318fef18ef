import fc from "fast-check";
import { DateTime } from "luxon";
import { bookingCounts, freeFragments, localDays, peakUsage, usageSegments, UsageTimeline, type ResourceUse } from "../index";

// Fixed dates here are inputs of pure functions, not "today": the results do not depend on the clock.
const berlin = (local: string) => DateTime.fromISO(local, { zone: "Europe/Berlin" }).toMillis();
const hhmm = (ms: number) => DateTime.fromMillis(ms, { zone: "Europe/Berlin" }).toFormat("HH:mm");
const at = (from: string, to: string, units = 1): ResourceUse => ({ start: berlin(`2027-03-22T${from}`), end: berlin(`2027-03-22T${to}`), units });
const show = (segments: { start: number; end: number; used: number }[]) => segments.map((s) => `${hhmm(s.start)}-${hhmm(s.end)}:${s.used}`);

describe("usageSegments", () => {
  it("covers the range with maximal stretches of constant usage; back-to-back uses do not add up", () => {
    const uses = [at("10:00", "11:00"), at("11:00", "12:00"), at("10:30", "11:30")];
    expect(show(usageSegments(uses, at("09:00", "13:00")))).toEqual(["09:00-10:00:0", "10:00-10:30:1", "10:30-11:30:2", "11:30-12:00:1", "12:00-13:00:0"]);
  });

  it("counts uses that began before the range and clips those that run past it", () => {
    expect(show(usageSegments([at("08:00", "14:00", 3)], at("09:00", "10:00")))).toEqual(["09:00-10:00:3"]);
  });
});

describe("freeFragments", () => {
  it("leaves out what is full and keeps the level of what is not", () => {
    const periods = [at("09:00", "12:00"), at("13:00", "17:00")];
    const uses = [at("10:00", "11:00"), at("10:00", "11:00"), at("14:00", "15:00")];
    expect(show(freeFragments(periods, uses, 2))).toEqual(["09:00-10:00:0", "11:00-12:00:0", "13:00-14:00:0", "14:00-15:00:1", "15:00-17:00:0"]);
  });

  it("never overlaps a moment at capacity, and covers every moment below it (property)", () => {
    const minute = berlin("2027-03-22T00:00");
    const use = fc.record({ s: fc.integer({ min: 0, max: 1400 }), d: fc.integer({ min: 1, max: 300 }), u: fc.integer({ min: 1, max: 3 }) });
    fc.assert(
      fc.property(fc.array(use, { maxLength: 12 }), fc.integer({ min: 1, max: 4 }), (raw, capacity) => {
        const uses = raw.map(({ s, d, u }) => ({ start: minute + s * 60_000, end: minute + (s + d) * 60_000, units: u }));
        const period = { start: minute, end: minute + 1440 * 60_000 };
        const fragments = freeFragments([period], uses, capacity);
        for (let m = 0; m < 1440; m += 7) {
          const t = minute + m * 60_000 + 1;
          const level = uses.filter((x) => x.start <= t && t < x.end).reduce((sum, x) => sum + x.units, 0);
          const inFragment = fragments.find((f) => f.start <= t && t < f.end);
          if (level < capacity) expect(inFragment?.used).toBe(level);
          else expect(inFragment).toBeUndefined();
        }
      }),
    );
  });
});

describe("UsageTimeline", () => {
  it("answers each interval as computing it afresh would: the segments within it, and its peak (property)", () => {
    const minute = berlin("2027-03-22T00:00");
    const span = fc.record({ s: fc.integer({ min: 0, max: 1400 }), d: fc.integer({ min: 1, max: 300 }), u: fc.integer({ min: 1, max: 3 }) });
    fc.assert(
      fc.property(fc.array(span, { maxLength: 15 }), fc.array(span, { minLength: 1, maxLength: 6 }), (raw, asked) => {
        const toInterval = ({ s, d }: { s: number; d: number }) => ({ start: minute + s * 60_000, end: minute + Math.min(1440, s + d) * 60_000 });
        const uses = raw.map((r) => ({ ...toInterval(r), units: r.u }));
        const timeline = UsageTimeline.over(uses, { start: minute, end: minute + 1440 * 60_000 });
        for (const interval of asked.map(toInterval)) {
          expect(timeline.within(interval)).toEqual(usageSegments(uses, interval));
          expect(timeline.peak(interval)).toBe(peakUsage(uses, interval));
        }
      }),
    );
  });
});

describe("bookingCounts", () => {
  it("gives each stretch with the same number of bookings, and nothing where none runs", () => {
    const bookings = [at("10:00", "12:00"), at("10:00", "11:00")];
    expect(show(bookingCounts(bookings, at("09:00", "13:00")))).toEqual(["10:00-11:00:2", "11:00-12:00:1"]);
  });
});

describe("localDays", () => {
  it("splits a range at local midnights, with 23- and 25-hour days where the clocks change", () => {
    const spring = localDays({ start: berlin("2027-03-27T12:00"), end: berlin("2027-03-29T00:00") }, "Europe/Berlin");
    expect(spring.map((d) => (d.end - d.start) / 3_600_000)).toEqual([12, 23]);
    const autumn = localDays({ start: berlin("2027-10-31T00:00"), end: berlin("2027-11-01T00:00") }, "Europe/Berlin");
    expect(autumn.map((d) => (d.end - d.start) / 3_600_000)).toEqual([25]);
  });
});
