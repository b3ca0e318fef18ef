import { mergeIntervals, type Interval } from "./interval";

const MINUTE = 60_000;

export interface SlotRequest {
  /** Offered time (scheduleIntervals); slots are aligned to the start of each window. */
  windows: Interval[];
  /** Time nobody may book: bookings, holds, blockers, each already widened by buffers. */
  busy: Interval[];
  /** Event length in minutes. */
  length: number;
  /** Minutes between slot starts; the length when absent. */
  interval?: number;
  /** No slot starts before this instant (now + minimum notice). */
  earliestStart?: number;
  /** Only slots that start within [start, end). */
  range: Interval;
}

/**
 * Slot start instants: every `interval` minutes from the start of each offered window,
 * kept when the whole slot fits in the window and overlaps no busy time. Steps are in
 * elapsed time, so a skipped hour yields no slots and a repeated hour no duplicates.
 */
export function generateSlots(request: SlotRequest): number[] {
  const length = request.length * MINUTE;
  const step = (request.interval ?? request.length) * MINUTE;
  if (length <= 0 || step <= 0) return [];
  const busy = mergeIntervals(request.busy);
  const earliest = Math.max(request.earliestStart ?? -Infinity, request.range.start);
  const slots: number[] = [];
  let busyIndex = 0;
  for (const window of mergeIntervals(request.windows)) {
    for (let start = window.start; start + length <= window.end; start += step) {
      if (start < earliest || start >= request.range.end) continue;
      const end = start + length;
      // Slot starts only increase (windows are merged and sorted), so the busy cursor only moves forward.
      while (busyIndex < busy.length && busy[busyIndex]!.end <= start) busyIndex += 1;
      const next = busy[busyIndex];
      if (next && next.start < end) continue;
      slots.push(start);
    }
  }
  return slots;
}
