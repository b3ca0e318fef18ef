import { z } from "zod";
import { idParam } from "../validation/common";
import { checkRange, rangeBound, rangeZone } from "../validation/time-range";
import { eventTypeIdParam } from "./availability";

/**
 * Cal.com v1's per-user and per-team availability paths (served by Cal.com, documented under
 * /availability only): the same lookup as GET /v1/availability with the subject in the path.
 */
const range = {
  dateFrom: rangeBound(),
  dateTo: rangeBound(),
  timeZone: rangeZone("Zone of date-only bounds. Default UTC."),
  eventTypeId: eventTypeIdParam(),
};

export const UserAvailabilityPathQuery = z
  .object({ id: idParam.describe("The user's id."), ...range })
  .superRefine(checkRange("dateFrom", "dateTo"));

export const TeamAvailabilityPathQuery = z
  .object({ teamId: idParam.describe("The team's id."), ...range })
  .superRefine(checkRange("dateFrom", "dateTo"));
