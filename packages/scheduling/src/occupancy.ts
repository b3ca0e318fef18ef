import type { Interval } from "./interval";
import { peakUsage, type ResourceUse } from "./resource-capacity";
import { localDatesBetween, wallClockToInstant } from "./wall-clock";

/**
 * What a calendar UI draws for one resource (the calendar-events view): its open periods,
 * what is left of them, and how full it is over time. Pure: the caller loads the periods
 * (calendarAvailability) and what occupies the resource.
 */

/** A stretch of time in which the same number of units is in use. */
export interface UsageSegment extends Interval {
  used: number;
}

/**
 * Usage over `range` as maximal segments of constant usage, in order, covering the whole
 * range (segments with nothing in use included). Uses are [start, end): a use ending at
 * the instant another starts never adds up with it.
 */
export function usageSegments(uses: readonly ResourceUse[], range: Interval): UsageSegment[] {
  if (!(range.end > range.start)) return [];
  const changes = new Map<number, number>();
  let level = 0;
  for (const use of uses) {
    if (use.units === 0 || use.end <= use.start || use.end <= range.start || use.start >= range.end) continue;
    if (use.start <= range.start) level += use.units;
    else changes.set(use.start, (changes.get(use.start) ?? 0) + use.units);
    if (use.end < range.end) changes.set(use.end, (changes.get(use.end) ?? 0) - use.units);
  }
  const segments: UsageSegment[] = [];
  let cursor = range.start;
  for (const at of [...changes.keys()].sort((a, b) => a - b)) {
    const delta = changes.get(at)!;
    if (delta === 0) continue;
    segments.push({ start: cursor, end: at, used: level });
    cursor = at;
    level += delta;
  }
  segments.push({ start: cursor, end: range.end, used: level });
  return joinEqual(segments);
}

function joinEqual(segments: UsageSegment[]): UsageSegment[] {
  const joined: UsageSegment[] = [];
  for (const segment of segments) {
    const last = joined[joined.length - 1];
    if (last && last.used === segment.used && last.end === segment.start) last.end = segment.end;
    else if (segment.end > segment.start) joined.push({ ...segment });
  }
  return joined;
}

/**
 * Usage of one resource over a range, computed once (O(n log n)) and then asked many
 * questions in O(log n + k): what is left of each period, how full each booking's interval
 * is. The calendar-events view asks it thousands of times per response.
 */
export class UsageTimeline {
  private constructor(
    /** Maximal segments of constant usage covering the range, in order. */
    readonly segments: readonly UsageSegment[],
  ) {}

  static over(uses: readonly ResourceUse[], range: Interval): UsageTimeline {
    return new UsageTimeline(usageSegments(uses, range));
  }

  /** The segments overlapping `interval`, clipped to it (still maximal within it). */
  within(interval: Interval): UsageSegment[] {
    const result: UsageSegment[] = [];
    for (let i = this.firstEndingAfter(interval.start); i < this.segments.length; i++) {
      const segment = this.segments[i]!;
      if (segment.start >= interval.end) break;
      const start = Math.max(segment.start, interval.start);
      const end = Math.min(segment.end, interval.end);
      if (end > start) result.push({ start, end, used: segment.used });
    }
    return result;
  }

  /** The most units in use at any instant of `interval` (0 outside the timeline's range). */
  peak(interval: Interval): number {
    let peak = 0;
    for (let i = this.firstEndingAfter(interval.start); i < this.segments.length; i++) {
      const segment = this.segments[i]!;
      if (segment.start >= interval.end) break;
      if (segment.used > peak) peak = segment.used;
    }
    return peak;
  }

  private firstEndingAfter(instant: number): number {
    let low = 0;
    let high = this.segments.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.segments[middle]!.end > instant) high = middle;
      else low = middle + 1;
    }
    return low;
  }
}

const hullOf = (intervals: readonly Interval[]): Interval => ({
  start: Math.min(...intervals.map((i) => i.start)),
  end: Math.max(...intervals.map((i) => i.end)),
});

/**
 * What is left of each period (disjoint, in order) for a resource of `capacity`: every maximal
 * stretch inside a period whose usage stays the same and below the capacity, with that usage.
 */
export function freeFragments(periods: readonly Interval[], uses: readonly ResourceUse[], capacity: number, timeline?: UsageTimeline): UsageSegment[] {
  if (periods.length === 0) return [];
  const usage = timeline ?? UsageTimeline.over(uses, hullOf(periods));
  return periods.flatMap((period) => usage.within(period).filter((segment) => segment.used < capacity));
}

/** Stretches of `range` in which at least one of `bookings` runs, each with the number running. */
export function bookingCounts(bookings: readonly Interval[], range: Interval): UsageSegment[] {
  return usageSegments(
    bookings.map((booking) => ({ start: booking.start, end: booking.end, units: 1 })),
    range,
  ).filter((segment) => segment.used > 0);
}

/** The most units in use at any instant of `interval`, as a share of `capacity` (0..1). */
export function occupancyOver(uses: readonly ResourceUse[], interval: Interval, capacity: number): number {
  return Math.min(1, peakUsage(uses, interval) / capacity);
}

/** The local days of `timeZone` that `range` touches, each clipped to the range: the periods of a resource that is always open. */
export function localDays(range: Interval, timeZone: string): Interval[] {
  if (!(range.end > range.start)) return [];
  return localDatesBetween(range.start, range.end, timeZone)
    .map((date) => ({
      start: Math.max(wallClockToInstant(date, 0, timeZone), range.start),
      end: Math.min(wallClockToInstant(date, 1440, timeZone), range.end),
    }))
    .filter((day) => day.end > day.start);
}
