import { z } from "zod";
import { SLOT_RANGE_MAX_DAYS } from "@slotbase/features";
import { parseRangeBound } from "@slotbase/scheduling";
import { isIanaTimeZone, timeZone } from "./common";

const DAY_MS = 86_400_000;
const RANGE_VALUE = "A date (2027-03-22, in timeZone; an end date is included) or an ISO 8601 date-time";

/** One bound of a range query: a date or a date-time, read in the query's `timeZone`. */
export const rangeBound = () => z.string().min(10).max(40).describe(RANGE_VALUE);

/** The query's zone for date-only bounds (and, where a route says so, for showing results). */
export const rangeZone = (description: string) => timeZone().default("UTC").describe(description);

/**
 * A query refinement: the `startField`/`endField` pair parses in the query's `timeZone`, ends
 * after it starts and covers at most SLOT_RANGE_MAX_DAYS; problems are reported on the fields.
 */
export function checkRange(startField: string, endField: string) {
  return (query: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const zone = typeof query.timeZone === "string" && isIanaTimeZone(query.timeZone) ? query.timeZone : "UTC";
    const start = parseRangeBound(String(query[startField]), zone, "start");
    const end = parseRangeBound(String(query[endField]), zone, "end");
    const notABound = `Must be ${RANGE_VALUE.charAt(0).toLowerCase()}${RANGE_VALUE.slice(1)}`;
    if (start === null) ctx.addIssue({ code: "custom", path: [startField], message: notABound });
    if (end === null) ctx.addIssue({ code: "custom", path: [endField], message: notABound });
    if (start === null || end === null) return;
    if (end <= start) ctx.addIssue({ code: "custom", path: [endField], message: `Must be after ${startField}` });
    else if (end - start > SLOT_RANGE_MAX_DAYS * DAY_MS) {
      ctx.addIssue({ code: "custom", path: [endField], message: `Must be at most ${SLOT_RANGE_MAX_DAYS} days after ${startField} (the range may cover at most ${SLOT_RANGE_MAX_DAYS} days)` });
    }
  };
}

/** The instants [start, end) a validated query asks about. */
export function rangeOf(start: string, end: string, timeZone: string) {
  return { start: parseRangeBound(start, timeZone, "start")!, end: parseRangeBound(end, timeZone, "end")! };
}

/**
 * The response header that says why an answer is empty when the reason is the request's own
 * (GET /v1/slots and /v2/slots over a range that is over). The body stays Cal.com's shape.
 */
export const NOTE_HEADER = "X-Slotbase-Note";

/**
 * A range whose every instant is past can hold no bookable slot. Cal.com answers it with no
 * slots and a 200 (it moves the start to now), and so does Slotbase, with a note naming the
 * field (`endField`) that put the range in the past.
 */
export function pastRangeNote(range: { start: number; end: number }, endField: string, now = Date.now()): string | undefined {
  if (range.end > now) return undefined;
  return `The range is in the past (${endField} is ${new Date(range.end).toISOString()}, before now): no slot can be booked in it, so none are listed. Ask for a range that ends in the future.`;
}
