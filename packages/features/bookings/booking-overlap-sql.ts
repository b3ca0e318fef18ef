import { Prisma } from "@slotbase/prisma";

/** The longest accepted or pending booking's length: one lookup in the hand-written, partial Booking_length_idx. */
export const LONGEST_BOOKING = Prisma.sql`(SELECT COALESCE(max(l."endTime" - l."startTime"), interval '0') FROM "Booking" l WHERE l.status IN ('ACCEPTED', 'PENDING'))`;

/**
 * Accepted or pending bookings `b` (the caller says which) overlapping the window (from, to):
 * ending after `from` and starting before `to`.
 * The start is bounded on both sides (no booking starts earlier than `from` minus the longest
 * booking and still reaches `from`), so an index on (owner, "startTime") reads the window
 * alone, not every earlier or every later booking of the owner. The end is compared as a
 * difference so that the planner does not also scan an index on (owner, "endTime").
 */
export function bookingOverlaps(from: Prisma.Sql, to: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`b."startTime" < (${to}) AND b."startTime" > (${from}) - ${LONGEST_BOOKING} AND b."endTime" - (${from}) > interval '0'`;
}
