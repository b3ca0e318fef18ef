import { HttpError } from "../errors/http-error";
import { isExclusionViolation } from "../errors/database-errors";

export const slotUnavailable = (surface: "v1" | "v2" = "v2") =>
  new HttpError("conflict", `This slot is not available. Query GET /${surface}/slots for free slots.`, {
    details: [{ field: "body.start", rule: "slot_available", message: "Not a free slot of this event type" }],
  });

/** The database's last word on double booking: an exclusion-constraint violation is a 409. */
export function asBookingConflict(error: unknown, surface: "v1" | "v2" = "v2"): unknown {
  return isExclusionViolation(error) ? slotUnavailable(surface) : error;
}
