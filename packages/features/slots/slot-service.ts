import { assertPublicEventType } from "../access/event-type-rules";
import { availableSlots, type AvailableSlot, type HostAvailability, type Interval } from "@slotbase/scheduling";
import { allowedDurations, completeBookableEvent, resolveEventType, type BookableEvent, type Db, type EventTypeRef, type ResolvedEventType } from "./bookable-event";
import { loadBusyTimes, type HostBusy } from "./busy-times";
import { loadCalendarResource, type CalendarResource } from "./calendar-resource";

const MINUTE_MS = 60_000;

/** The longest range one slots request may cover; documented on the endpoints. */
export const SLOT_RANGE_MAX_DAYS = 62;

export interface SlotSearch {
  eventType: EventTypeRef;
  /** Slots starting in [start, end). */
  range: Interval;
  duration?: number;
  /** A booking being rescheduled: its own time counts as free. */
  rescheduleUid?: string | null;
  /** The caller's hold: its slot stays visible to them. */
  reservationUid?: string | null;
  now?: number;
  /** Read through this client (a booking's transaction). */
  db?: Db;
  /** The event type, when the caller resolved it already. */
  resolved?: ResolvedEventType;
  /** The hosts' busy time over this search's slots, when the caller read it already (resolveEventType's busyAt). */
  busy?: Map<number, HostBusy>;
  /** Asked without a key: a hidden event type does not exist. */
  anonymous?: boolean;
}

export interface SlotSearchResult {
  /** The event type as resolved: pass it back as `resolved` to search again without re-reading it. */
  resolved: ResolvedEventType;
  event: BookableEvent;
  slots: AvailableSlot[];
  /** The workspace calendar the event type books, if any (its capacity, and the lock that guards it). */
  calendar: CalendarResource | null;
}

/** Free slots of an event type: the one engine over its hosts' schedules and busy time. */
export async function findAvailableSlots(search: SlotSearch): Promise<SlotSearchResult> {
  const now = search.now ?? Date.now();
  const resolved = search.resolved ?? (await resolveEventType(search.eventType, search.db));
  if (search.anonymous) assertPublicEventType(resolved.eventType);
  const window = slotSearchWindow(resolved, search.range);
  const calendarId = resolved.eventType.calendarId;
  // Schedules, busy time and the calendar only need the event type: read them side by side.
  const [event, busy, calendar] = await Promise.all([
    completeBookableEvent(resolved, { duration: search.duration }, search.db),
    search.busy ??
    loadBusyTimes({
      hostIds: resolved.hostRows.map((h) => h.user.id),
      range: window,
      now,
      seatedEventTypeId: resolved.eventType.seatsPerTimeSlot ? resolved.eventType.id : null,
      ignoreBookingUid: search.rescheduleUid,
      ignoreReservationUid: search.reservationUid,
    }, search.db),
    calendarId === null
      ? null
      : loadCalendarResource({ calendarId, range: window, now, ignoreBookingUid: search.rescheduleUid, ignoreReservationUid: search.reservationUid }, search.db),
  ]);
  const slots = availableSlots({ event: event.settings, hosts: engineHosts(event, busy), range: search.range, now, ...(calendar ? { resource: calendar.resource } : {}) });
  return { resolved, event, slots, calendar };
}

/**
 * The time busy spans can matter in to slots starting in `range`: to their longest end, and
 * widened by the event type's own buffers (the engine widens busy time by them).
 */
function slotSearchWindow(resolved: ResolvedEventType, range: Interval): Interval {
  const { eventType } = resolved;
  const longest = Math.max(...allowedDurations(eventType));
  return { start: range.start - eventType.beforeEventBuffer * MINUTE_MS, end: range.end + (longest + eventType.afterEventBuffer) * MINUTE_MS };
}

/** The engine's view of each host: their rules and their busy time. */
export function engineHosts(event: BookableEvent, busy: Map<number, HostBusy>): HostAvailability[] {
  return event.hosts.map((host) => ({
    id: host.id,
    rules: host.rules,
    fixed: host.fixed,
    busy: busy.get(host.id)?.busy ?? [],
    seated: busy.get(host.id)?.seated ?? [],
  }));
}

/** The slot starting exactly at `start`, if it is free (for holds and bookings). */
export async function findFreeSlot(search: Omit<SlotSearch, "range"> & { start: number }): Promise<SlotSearchResult & { slot: AvailableSlot | undefined }> {
  const result = await findAvailableSlots({ ...search, range: { start: search.start, end: search.start + 1 } });
  return { ...result, slot: result.slots.find((s) => s.start === search.start) };
}
