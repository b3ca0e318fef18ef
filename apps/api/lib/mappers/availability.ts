import type { UserAvailability } from "@slotbase/features";
import type { z } from "zod";
import type { UserAvailability as UserAvailabilityShape } from "../schemas/availability";

const iso = (ms: number) => new Date(ms).toISOString();

export function toAvailabilityV1({ seats, ...availability }: UserAvailability): z.infer<typeof UserAvailabilityShape> {
  return {
    ...availability,
    busy: availability.busy.map((b) => ({ ...b, start: iso(b.start), end: iso(b.end) })),
    dateRanges: availability.dateRanges.map((r) => ({ start: iso(r.start), end: iso(r.end) })),
    currentSeats: seats && seats.map((seat) => ({ uid: seat.bookingUid, startTime: iso(seat.start), _count: { attendees: seat.attendees } })),
    datesOutOfOffice: {},
  };
}
