import type { EventTypeRef } from "@slotbase/features";
import { formatInZone, groupByLocalDate, type AvailableSlot } from "@slotbase/scheduling";
import type { z } from "zod";
import type { SlotsResponseV1, SlotsResponseV2 } from "../schemas/slots";

/** v1 (Cal.com): `{ slots: { day: [{ time, attendees?, bookingUid? }] } }`, days in the requested zone. */
export function toSlotsV1(slots: AvailableSlot[], timeZone: string): z.infer<typeof SlotsResponseV1> {
  const days: z.infer<typeof SlotsResponseV1>["slots"] = {};
  for (const [date, items] of groupByLocalDate(slots, timeZone)) {
    days[date] = items.map((slot) => ({
      time: formatInZone(slot.start, timeZone),
      ...(slot.seats ? { attendees: slot.seats.booked } : {}),
      ...(slot.seats?.bookingUid ? { bookingUid: slot.seats.bookingUid } : {}),
      ...(slot.capacity ? { capacityRemaining: slot.capacity.total - slot.capacity.used, capacityTotal: slot.capacity.total } : {}),
    }));
  }
  return { slots: days };
}

/** v2: `{ status, data: { day: [{ start, end?, seats… }] } }`. */
export function toSlotsV2(slots: AvailableSlot[], timeZone: string, format: "time" | "range"): z.infer<typeof SlotsResponseV2> {
  const data: z.infer<typeof SlotsResponseV2>["data"] = {};
  for (const [date, items] of groupByLocalDate(slots, timeZone)) {
    data[date] = items.map((slot) => ({
      start: formatInZone(slot.start, timeZone, { milliseconds: true }),
      ...(format === "range" ? { end: formatInZone(slot.end, timeZone, { milliseconds: true }) } : {}),
      ...(slot.seats
        ? { seatsBooked: slot.seats.booked, seatsRemaining: slot.seats.total - slot.seats.booked, seatsTotal: slot.seats.total }
        : {}),
      ...(slot.capacity
        ? { capacityBooked: slot.capacity.used, capacityRemaining: slot.capacity.total - slot.capacity.used, capacityTotal: slot.capacity.total }
        : {}),
    }));
  }
  return { status: "success", data };
}



export function eventTypeRefV1(query: { eventTypeId?: number; eventTypeSlug?: string; usernameList?: string[]; isTeamEvent?: boolean }): EventTypeRef {
  if (query.eventTypeId !== undefined) return { id: query.eventTypeId };
  // Cal.com: a team event type is named by the team's slug in usernameList.
  if (query.isTeamEvent) return { slug: query.eventTypeSlug!, teamSlug: query.usernameList![0]! };
  return { slug: query.eventTypeSlug!, usernames: query.usernameList! };
}

export function eventTypeRefV2(query: { eventTypeId?: number; eventTypeSlug?: string; username?: string; usernames?: string[]; teamSlug?: string }): EventTypeRef {
  if (query.eventTypeId !== undefined) return { id: query.eventTypeId };
  if (query.teamSlug !== undefined) return { slug: query.eventTypeSlug!, teamSlug: query.teamSlug };
  if (query.usernames !== undefined) return { slug: query.eventTypeSlug!, usernames: query.usernames };
  return { slug: query.eventTypeSlug!, usernames: [query.username!] };
}
