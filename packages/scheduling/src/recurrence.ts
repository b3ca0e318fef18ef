import { DateTime } from "luxon";

export type RecurrenceFrequency = "yearly" | "monthly" | "weekly";

export interface SeriesRecurrence {
  frequency: RecurrenceFrequency;
  /** Every `interval` weeks, months or years. */
  interval: number;
  /** How many occurrences, the first included. */
  count: number;
}

const UNIT = { weekly: "weeks", monthly: "months", yearly: "years" } as const;

/**
 * The starts of a series beginning at `first`: every `interval` weeks, months or years at the
 * same wall-clock time in `timeZone`, so 09:00 stays 09:00 across daylight-saving changes. As in
 * RFC 5545 (RRULE), a month or year without the first one's day (the 31st, 29 February) is
 * skipped, not moved.
 */
export function seriesStarts(first: number, recurrence: SeriesRecurrence, timeZone: string): number[] {
  const start = DateTime.fromMillis(first, { zone: timeZone });
  const starts: number[] = [];
  // A skipped month still counts as a step; a count-long series needs at most a few extra steps.
  for (let step = 0; starts.length < recurrence.count && step < recurrence.count * 12; step += 1) {
    const next = start.plus({ [UNIT[recurrence.frequency]]: step * recurrence.interval });
    if (recurrence.frequency === "weekly" || next.day === start.day) starts.push(next.toMillis());
  }
  return starts;
}
