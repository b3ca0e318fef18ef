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
    if (start === null) ctx.addIssue({ code: "custom", path: [startField], message: `Not a valid date or date-time. ${RANGE_VALUE}` });
    if (end === null) ctx.addIssue({ code: "custom", path: [endField], message: `Not a valid date or date-time. ${RANGE_VALUE}` });
    if (start === null || end === null) return;
    if (end <= start) ctx.addIssue({ code: "custom", path: [endField], message: `Must be after ${startField}` });
    else if (end - start > SLOT_RANGE_MAX_DAYS * DAY_MS) {
      ctx.addIssue({ code: "custom", path: [endField], message: `The range may cover at most ${SLOT_RANGE_MAX_DAYS} days` });
    }
  };
}

/** The instants [start, end) a validated query asks about. */
export function rangeOf(start: string, end: string, timeZone: string) {
  return { start: parseRangeBound(start, timeZone, "start")!, end: parseRangeBound(end, timeZone, "end")! };
}
