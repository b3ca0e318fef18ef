import {
  bookingCounts,
  calendarAvailability,
  freeFragments,
  intersectIntervals,
  localDays,
  occupancyOver,
  type CalendarScheduleRule,
  type Interval,
  type ResourceUse,
} from "@slotbase/scheduling";
import type { CalendarView } from "../access/calendar-view-rules";
import type { Customer, Occupant } from "./calendar-events-data";
import { colorMapFor } from "./contrast-color";
import { stableEventId } from "./event-identity";
import { ANONYMOUS_BOOKING_LABEL, BLOCKER_LABEL, HOLD_LABEL, bookingLabel } from "./labels";
import type { TreeCalendar } from "./resource-tree";

export type CalendarEventType = "period" | "period_fragment" | "booking" | "reserved_booking" | "blocker" | "booking_count";

/** Above this capacity a resource's bookings are shown as counts (booking_count), never one by one. */
export const MAX_CAPACITY_WITH_BOOKING_EVENTS = 25;

export interface CalendarEvent {
  id: string;
  type: CalendarEventType;
  start: number;
  end: number;
  resourceId: string;
  resourceName: string;
  quota: number;
  occupancy: number;
  isAvailable: boolean;
  isBlocker: boolean;
  displayLabel?: string;
  customers?: Customer[];
  bookings?: { id: string; status: string }[];
  colorMap?: { bg: string; text: string };
  bookingCount?: number;
}

export interface ResourceInput {
  calendar: TreeCalendar;
  view: CalendarView;
  rules: readonly CalendarScheduleRule[];
  /** Everything in the resource's occupancy scope (resource-tree.ts occupancyScopeOf). */
  occupants: readonly Occupant[];
  /** In that scope, does every occupant fill the resource (inside a capacity-1 calendar)? */
  exclusive: boolean;
  customers: ReadonlyMap<number, Customer[]>;
  range: Interval;
  /** The zone whose local days are the periods of an always-open resource. */
  dayZone: string;
}

const clip = (interval: Interval, range: Interval): Interval => ({ start: Math.max(interval.start, range.start), end: Math.min(interval.end, range.end) });

/** The periods of a resource: its schedules' intervals, or, with no `available` schedule, each local day it is not closed. */
function periodsOf(input: ResourceInput): Interval[] {
  const { calendar, rules, range } = input;
  const windows = calendarAvailability(rules, calendar.timeZone, range);
  if (rules.some((rule) => rule.availabilityType === "available")) return windows;
  return localDays(range, input.dayZone).flatMap((day) => intersectIntervals([day], windows));
}

/** Every event of one resource in the range, clipped to it (unsorted). */
export function resourceEvents(input: ResourceInput): CalendarEvent[] {
  const { calendar, view, range } = input;
  const capacity = calendar.capacity;
  const uses: ResourceUse[] = input.occupants.map((o) => ({ start: o.start, end: o.end, units: o.kind === "blocker" || input.exclusive ? capacity : 1 }));
  const base = { resourceId: calendar.uuid, resourceName: calendar.name, quota: capacity };
  const colorMap = colorMapFor(calendar.color);
  const events: CalendarEvent[] = [];
  const shown = (interval: Interval) => interval.end > interval.start;

  const periods = periodsOf(input);
  for (const period of periods) {
    events.push({
      ...base,
      id: stableEventId("period", calendar.uuid, period.start, period.end),
      type: "period",
      ...period,
      occupancy: occupancyOver(uses, period, capacity),
      isAvailable: true,
      isBlocker: false,
      colorMap,
    });
  }
  for (const fragment of freeFragments(periods, uses, capacity)) {
    events.push({
      ...base,
      id: stableEventId("period_fragment", calendar.uuid, fragment.start, fragment.end),
      type: "period_fragment",
      start: fragment.start,
      end: fragment.end,
      occupancy: fragment.used / capacity,
      isAvailable: true,
      isBlocker: false,
    });
  }

  const own = input.occupants.filter((o) => o.calendarId === calendar.id);
  const bookings = own.filter((o) => o.kind === "booking");
  if (capacity > MAX_CAPACITY_WITH_BOOKING_EVENTS) {
    for (const segment of bookingCounts(bookings, range)) {
      events.push({
        ...base,
        id: stableEventId("booking_count", calendar.uuid, segment.start, segment.end),
        type: "booking_count",
        start: segment.start,
        end: segment.end,
        occupancy: Math.min(1, segment.used / capacity),
        isAvailable: segment.used < capacity,
        isBlocker: false,
        displayLabel: `${segment.used} booked`,
        bookingCount: segment.used,
        colorMap,
      });
    }
  } else {
    for (const booking of bookings) {
      const interval = clip(booking, range);
      if (!shown(interval)) continue;
      const customers = input.customers.get(booking.bookingId) ?? [];
      events.push({
        ...base,
        id: stableEventId("booking", booking.uid),
        type: "booking",
        ...interval,
        occupancy: occupancyOver(uses, interval, capacity),
        isAvailable: false,
        isBlocker: false,
        ...(view === "detailed"
          ? { displayLabel: bookingLabel(customers, booking.title), customers, bookings: [{ id: booking.uid, status: booking.status ?? "accepted" }] }
          : { displayLabel: ANONYMOUS_BOOKING_LABEL }),
        colorMap,
      });
    }
  }
  for (const occupant of own) {
    if (occupant.kind === "booking") continue;
    const interval = clip(occupant, range);
    if (!shown(interval)) continue;
    const blocker = occupant.kind === "blocker";
    events.push({
      ...base,
      id: stableEventId(blocker ? "blocker" : "reserved_booking", occupant.uid),
      type: blocker ? "blocker" : "reserved_booking",
      ...interval,
      occupancy: blocker ? 1 : occupancyOver(uses, interval, capacity),
      isAvailable: false,
      isBlocker: blocker,
      displayLabel: blocker ? (view === "detailed" && occupant.title ? occupant.title : BLOCKER_LABEL) : HOLD_LABEL,
      colorMap,
    });
  }
  return events;
}
