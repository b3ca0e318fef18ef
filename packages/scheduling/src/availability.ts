import { bookableWindow, type BookingPeriod } from "./booking-window";
import { intersectIntervals, widenInterval, type Interval } from "./interval";
import { resourceCheck, type ResourceAvailability } from "./resource-capacity";
import { scheduleIntervals, type ScheduleRules } from "./schedule";
import { generateSlots } from "./slots";

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;

/** A booking of the requested seated event type: others may join it until its seats are full. */
export interface SeatedBooking extends Interval {
  seatsBooked: number;
  bookingUid?: string;
}

export interface HostAvailability {
  id: number;
  /** The host's schedule; null = never available. */
  rules: ScheduleRules | null;
  /** Bookings, holds and blockers, each already widened by its own event type's buffers. */
  busy: Interval[];
  /** Seated bookings of the requested event type (kept out of `busy`). */
  seated?: SeatedBooking[];
  /** Round robin only: a fixed host must be free for every slot. */
  fixed?: boolean;
}

export interface EventSettings {
  /** Minutes. */
  length: number;
  /** Minutes between slot starts; the length when absent. */
  interval?: number | null;
  beforeBuffer: number;
  afterBuffer: number;
  minimumNotice: number;
  period: BookingPeriod;
  /** null = one host (a personal event type). */
  schedulingType: "ROUND_ROBIN" | "COLLECTIVE" | null;
  seatsPerTimeSlot?: number | null;
}

export interface AvailableSlot extends Interval {
  /** The hosts free for this slot (round robin: any of them can take it). */
  hostIds: number[];
  seats?: { booked: number; total: number; bookingUid?: string };
  /** With a resource: the most units in use at any instant of the slot (its buffers included), and the capacity. */
  capacity?: { used: number; total: number };
}

export interface AvailabilityRequest {
  event: EventSettings;
  hosts: HostAvailability[];
  /** Slots starting in [start, end). */
  range: Interval;
  now: number;
  /** A resource the booking also takes (hosts present) or takes alone (`hosts: []`). */
  resource?: ResourceAvailability;
}

type HostSlots = Map<number, AvailableSlot>;

/**
 * The one answer to "when can this event type be booked": every host's schedule minus its
 * busy time (widened by the event's buffers), within notice and booking window, aligned
 * to the interval; seated slots stay offered until full; round robin = any host free
 * (and every fixed host), collective = all hosts free. A resource, when there is one, must
 * be open for the slot and have a unit left over the slot and its buffers; with no hosts
 * the resource alone is booked, its windows taking the place of a host's schedule.
 */
export function availableSlots(request: AvailabilityRequest): AvailableSlot[] {
  const { event, hosts, resource } = request;
  const bookable = bookableWindow(event.period, request.now, event.minimumNotice);
  if (!bookable || (hosts.length === 0 && !resource)) return [];
  const range = { start: Math.max(request.range.start, bookable.start), end: Math.min(request.range.end, bookable.end) };
  if (range.end <= range.start) return [];

  if (!resource) return hostSlots(event, hosts, range);
  const slots = hosts.length > 0 ? hostSlots(event, hosts, range) : [...slotsOf(event, resourceAsHost(resource, request.range, event), range).values()];
  return withCapacity(slots, resource, event);
}

function hostSlots(event: EventSettings, hosts: HostAvailability[], range: Interval): AvailableSlot[] {
  const cache: WindowCache = new Map();
  if (event.schedulingType === "COLLECTIVE") return [...collectiveSlots(event, hosts, range, cache).values()];
  const perHost = hosts.map((host) => ({ host, slots: slotsOf(event, freeTimeOf(host, range, event, cache), range) }));
  if (event.schedulingType === "ROUND_ROBIN") {
    const fixed = perHost.filter((h) => h.host.fixed).map((h) => h.slots);
    const rotating = perHost.filter((h) => !h.host.fixed).map((h) => h.slots);
    return combine(fixed, rotating);
  }
  return [...perHost[0]!.slots.values()];
}

interface FreeTime {
  hostIds: number[];
  windows: Interval[];
  busy: Interval[];
  seated: SeatedBooking[];
}

/** Hosts of a team often share the same rules (the default schedule): convert each set once. */
type WindowCache = Map<string, Interval[]>;

function freeTimeOf(host: HostAvailability, range: Interval, event: EventSettings, cache: WindowCache): FreeTime {
  // Windows over whole local days around the range, so slots align to the rules' own start times.
  const around = { start: range.start - DAY, end: range.end + event.length * MINUTE + DAY };
  let windows: Interval[] = [];
  if (host.rules) {
    const key = JSON.stringify(host.rules);
    windows = cache.get(key) ?? scheduleIntervals(host.rules, around);
    cache.set(key, windows);
  }
  return { hostIds: [host.id], windows, busy: host.busy, seated: host.seated ?? [] };
}

/** Collective: the time every host offers, minus everyone's busy time, as if one host. */
function collectiveSlots(event: EventSettings, hosts: HostAvailability[], range: Interval, cache: WindowCache): HostSlots {
  const each = hosts.map((host) => freeTimeOf(host, range, event, cache));
  const seated = new Map<string, SeatedBooking>();
  for (const booking of each.flatMap((f) => f.seated)) seated.set(booking.bookingUid ?? `${booking.start}`, booking);
  return slotsOf(
    event,
    {
      hostIds: hosts.map((h) => h.id),
      windows: each.slice(1).reduce((shared, f) => intersectIntervals(shared, f.windows), each[0]!.windows),
      busy: each.flatMap((f) => f.busy),
      seated: [...seated.values()],
    },
    range,
  );
}

function slotsOf(event: EventSettings, free: FreeTime, range: Interval): HostSlots {
  const slots: HostSlots = new Map();
  const length = event.length * MINUTE;
  // A slot needs its before-buffer free ahead of it and its after-buffer after it: so busy time grows the other way.
  const widen = (b: Interval): Interval => widenInterval(b, event.afterBuffer, event.beforeBuffer);
  const starts = generateSlots({ windows: free.windows, busy: free.busy.map(widen), length: event.length, interval: event.interval ?? undefined, range });
  const seats = event.seatsPerTimeSlot ?? null;
  const seated = free.seated.map((booking) => ({ ...widen(booking), booking }));
  for (const start of starts) {
    const end = start + length;
    const slot: AvailableSlot = { start, end, hostIds: [...free.hostIds] };
    if (seats === null) {
      slots.set(start, slot);
      continue;
    }
    const joinable = seated.find((s) => s.booking.start === start);
    if (joinable) {
      const { seatsBooked, bookingUid } = joinable.booking;
      if (seatsBooked < seats) slots.set(start, { ...slot, seats: { booked: seatsBooked, total: seats, bookingUid } });
      continue;
    }
    if (seated.some((s) => s.start < end && start < s.end)) continue;
    slots.set(start, { ...slot, seats: { booked: 0, total: seats } });
  }
  return slots;
}

/**
 * A resource booked on its own, as if it were a host with its windows as the schedule (so
 * slots align to the window starts) and no busy time: its usage is a matter of capacity.
 * Always open (windows null) aligns slots to the requested range's start.
 */
function resourceAsHost(resource: ResourceAvailability, requested: Interval, event: EventSettings): FreeTime {
  const windows = resource.windows ?? [{ start: requested.start, end: requested.end + event.length * MINUTE }];
  return { hostIds: [], windows, busy: [], seated: [] };
}

/** The slots the resource can take: inside its windows, with a unit to spare over the slot and its buffers. */
function withCapacity(slots: AvailableSlot[], resource: ResourceAvailability, event: EventSettings): AvailableSlot[] {
  const check = resourceCheck(resource);
  const result: AvailableSlot[] = [];
  for (const slot of slots) {
    if (!check.open(slot)) continue;
    const used = check.spare(widenInterval(slot, event.beforeBuffer, event.afterBuffer));
    if (used === null) continue;
    // The slots are this call's own objects; a copy per slot (object spread) was most of the cost.
    slot.capacity = { used, total: resource.capacity };
    result.push(slot);
  }
  return result;
}

/** Round robin: slots free for every `all` (fixed) host and, when there are any, at least one `any` host. */
function combine(all: HostSlots[], any: HostSlots[]): AvailableSlot[] {
  const candidates = new Map<number, AvailableSlot>();
  const sources = any.length > 0 ? any : all.slice(0, 1);
  for (const host of sources) {
    for (const slot of host.values()) {
      const known = candidates.get(slot.start);
      if (!known) candidates.set(slot.start, { ...slot, hostIds: [...slot.hostIds], seats: slot.seats && { ...slot.seats } });
      else {
        known.hostIds.push(...slot.hostIds);
        if (slot.seats && known.seats && slot.seats.booked > known.seats.booked) known.seats = { ...slot.seats };
      }
    }
  }
  const required = any.length > 0 ? all : all.slice(1);
  const result: AvailableSlot[] = [];
  for (const slot of candidates.values()) {
    let free = true;
    for (const host of required) {
      const mine = host.get(slot.start);
      if (!mine) {
        free = false;
        break;
      }
      slot.hostIds.push(...mine.hostIds);
      if (mine.seats && slot.seats && mine.seats.booked > slot.seats.booked) slot.seats = { ...mine.seats };
    }
    if (free) result.push(slot);
  }
  return result.sort((a, b) => a.start - b.start);
}
