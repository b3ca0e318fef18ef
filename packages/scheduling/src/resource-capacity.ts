import { mergeIntervals, type Interval } from "./interval";

/** Time a resource is occupied, and by how many units (a booking or hold 1, a blocker the whole capacity). */
export type ResourceUse = Interval & { units: number };

/** Something booked alongside (or instead of) hosts: a room, a desk pool. */
export interface ResourceAvailability {
  /**
   * When the resource can be used (calendarAvailability output, best computed over at least
   * a day around the requested range so hostless slots align to the rules' own start times);
   * null = always.
   */
  windows: Interval[] | null;
  /** How many bookings may overlap at any instant (>= 1). */
  capacity: number;
  /** What already occupies it: accepted/pending bookings and holds (units 1 each, already widened by their own event type's buffers), blockers (units = capacity: full). */
  busy: ResourceUse[];
}

/** Usage as a step function: `level[i]` units are in use on [at[i], at[i + 1]); 0 before at[0] and from the last change on. */
interface UsageProfile {
  at: number[];
  level: number[];
}

function usageProfile(busy: readonly ResourceUse[]): UsageProfile {
  const changes: [number, number][] = [];
  for (const use of busy) {
    if (use.end <= use.start || use.units === 0) continue;
    changes.push([use.start, use.units], [use.end, -use.units]);
  }
  changes.sort((a, b) => a[0] - b[0]);
  const profile: UsageProfile = { at: [], level: [] };
  let level = 0;
  for (let i = 0; i < changes.length; ) {
    const time = changes[i]![0];
    // Every change at one instant is applied together, so back-to-back uses never add up.
    while (i < changes.length && changes[i]![0] === time) level += changes[i++]![1];
    profile.at.push(time);
    profile.level.push(level);
  }
  return profile;
}

/** The most units in use at any instant of `range`. */
function peakIn(profile: UsageProfile, range: Interval): number {
  const { at, level } = profile;
  if (range.end <= range.start) return 0;
  // The last change at or before range.start (binary search), then every change inside the range.
  let low = 0;
  let high = at.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (at[mid]! <= range.start) low = mid + 1;
    else high = mid;
  }
  let peak = low > 0 ? level[low - 1]! : 0;
  for (let i = low; i < at.length && at[i]! < range.end; i += 1) peak = Math.max(peak, level[i]!);
  return peak;
}

/**
 * The maximum sum of units in use at any instant of `range` ([start, end) everywhere, so
 * back-to-back uses do not overlap). The booking service asks it, under a lock, whether
 * one more booking fits: it does when the peak is below the capacity.
 */
export function peakUsage(busy: readonly ResourceUse[], range: Interval): number {
  return peakIn(usageProfile(busy.filter((use) => use.start < range.end && range.start < use.end)), range);
}

/** Answers "may a slot use the resource?" for many slots against one resource. */
export interface ResourceCheck {
  /** The peak usage over the slot widened by its buffers when one more use fits, else null. */
  spare(guarded: Interval): number | null;
  /** Is the slot (buffers excluded) inside the resource's windows? */
  open(slot: Interval): boolean;
}

export function resourceCheck(resource: ResourceAvailability): ResourceCheck {
  const profile = usageProfile(resource.busy);
  const windows = resource.windows === null ? null : mergeIntervals(resource.windows);
  return {
    spare(guarded) {
      const peak = peakIn(profile, guarded);
      return peak < resource.capacity ? peak : null;
    },
    open(slot) {
      return windows === null || windows.some((w) => w.start <= slot.start && slot.end <= w.end);
    },
  };
}
