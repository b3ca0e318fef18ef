import {
  bookingCounts,
  calendarAvailability,
  freeFragments,
  intersectIntervals,
  localDays,
  UsageTimeline,
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

interface EventFields {
  type: CalendarEventType;
  id: string;
  interval: Interval;
  occupancy: number;
  isAvailable: boolean;
  isBlocker?: boolean;
  displayLabel?: string;
  customers?: Customer[];
  bookings?: { id: string; status: string }[];
  colorMap?: { bg: string; text: string };
  bookingCount?: number;
}

/**
 * One event, always with the same properties in the same order: V8 keeps such objects fast,
 * where object spreads (`{ ...base, ...interval }`) cost microseconds each and a month view
 * has thousands of events.
 */
function eventOf(calendar: TreeCalendar, fields: EventFields): CalendarEvent {
  return {
    id: fields.id,
    type: fields.type,
    start: fields.interval.start,
    end: fields.interval.end,
    resourceId: calendar.uuid,
    resourceName: calendar.name,
    quota: calendar.capacity,
    occupancy: fields.occupancy,
    isAvailable: fields.isAvailable,
    isBlocker: fields.isBlocker ?? false,
    displayLabel: fields.displayLabel,
    customers: fields.customers,
    bookings: fields.bookings,
    colorMap: fields.colorMap,
    bookingCount: fields.bookingCount,
  };
}

/** Every event of one resource in the range, clipped to it (unsorted). */
export function resourceEvents(input: ResourceInput): CalendarEvent[] {
  const { calendar, view, range } = input;
  const capacity = calendar.capacity;
  const uses: ResourceUse[] = input.occupants.map((o) => ({ start: o.start, end: o.end, units: o.kind === "blocker" || input.exclusive ? capacity : 1 }));
  const colorMap = colorMapFor(calendar.color);
  const events: CalendarEvent[] = [];
  const usage = UsageTimeline.over(uses, range);
  const occupancyOver = (interval: Interval) => Math.min(1, usage.peak(interval) / capacity);

  const periods = periodsOf(input);
  for (const period of periods) {
    const id = stableEventId("period", calendar.uuid, period.start, period.end);
    events.push(eventOf(calendar, { type: "period", id, interval: period, occupancy: occupancyOver(period), isAvailable: true, colorMap }));
  }
  for (const fragment of freeFragments(periods, uses, capacity, usage)) {
    const id = stableEventId("period_fragment", calendar.uuid, fragment.start, fragment.end);
    events.push(eventOf(calendar, { type: "period_fragment", id, interval: fragment, occupancy: fragment.used / capacity, isAvailable: true }));
  }

  const own = input.occupants.filter((o) => o.calendarId === calendar.id);
  const bookings = own.filter((o) => o.kind === "booking");
  if (capacity > MAX_CAPACITY_WITH_BOOKING_EVENTS) {
    for (const segment of bookingCounts(bookings, range)) {
      events.push(
        eventOf(calendar, {
          type: "booking_count",
          id: stableEventId("booking_count", calendar.uuid, segment.start, segment.end),
          interval: segment,
          occupancy: Math.min(1, segment.used / capacity),
          isAvailable: segment.used < capacity,
          displayLabel: `${segment.used} booked`,
          bookingCount: segment.used,
          colorMap,
        }),
      );
    }
  } else {
    for (const booking of bookings) {
      const interval = clip(booking, range);
      if (!(interval.end > interval.start)) continue;
      const customers = input.customers.get(booking.bookingId) ?? [];
      const detailed = view === "detailed";
      events.push(
        eventOf(calendar, {
          type: "booking",
          id: stableEventId("booking", booking.uid),
          interval,
          occupancy: occupancyOver(interval),
          isAvailable: false,
          displayLabel: detailed ? bookingLabel(customers, booking.title) : ANONYMOUS_BOOKING_LABEL,
          customers: detailed ? customers : undefined,
          bookings: detailed ? [{ id: booking.uid, status: booking.status ?? "accepted" }] : undefined,
          colorMap,
        }),
      );
    }
  }
  for (const occupant of own) {
    if (occupant.kind === "booking") continue;
    const interval = clip(occupant, range);
    if (!(interval.end > interval.start)) continue;
    const blocker = occupant.kind === "blocker";
    events.push(
      eventOf(calendar, {
        type: blocker ? "blocker" : "reserved_booking",
        id: stableEventId(blocker ? "blocker" : "reserved_booking", occupant.uid),
        interval,
        occupancy: blocker ? 1 : occupancyOver(interval),
        isAvailable: false,
        isBlocker: blocker,
        displayLabel: blocker ? (view === "detailed" && occupant.title ? occupant.title : BLOCKER_LABEL) : HOLD_LABEL,
        colorMap,
      }),
    );
  }
  return events;
}
