import { ConflictError } from "../errors/domain-errors";
import { isExclusionViolation } from "../errors/database-errors";

/** The requested time is not a free slot (each surface adds where to find free slots). */
export const slotUnavailable = () =>
  new ConflictError("This slot is not available.", [{ field: "start", rule: "slot_available", message: "Not a free slot of this event type" }], {
    reason: "slot_unavailable",
  });

/** The database's last word on double booking: an exclusion-constraint violation is a 409. */
export function asBookingConflict(error: unknown): unknown {
  return isExclusionViolation(error) ? slotUnavailable() : error;
}
