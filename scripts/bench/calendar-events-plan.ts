// The calendar-events benchmark's data as a plan, before any SQL (see calendar-events-data.ts):
// pure and deterministic for a given `now` (seeded PRNG), every time relative to `now`, so each
// run seeds the same shape over the coming 60 days whatever the day.
//
// - 50 resources: capacity 1, 5 or 100, a third each; about half public; mostly
//   Europe/Berlin, some Europe/London, America/New_York and Asia/Tokyo (so a range in UTC
//   midnights cuts through some resources' opening hours and bookings);
// - one schedule each: weekly, Mon–Fri 08:00–18:00 local, from 30 days ago, no end;
// - 40 blockers of 1–4 hours in opening hours, placed first (nothing else overlaps them);
// - 30,000 bookings (90% ACCEPTED, 10% PENDING) of 30, 45, 60 or 90 minutes in the 60 days
//   from now, 95% in opening hours and 5% outside (weekday evenings, Saturday late mornings),
//   on 15-minute steps; a capacity-1 resource gets 250, a capacity-5 one 600, a capacity-100 one
//   the rest (about 980); each booked by one of 2,000 customers;
// - 300 live holds (released 2 hours from now) of 30–60 minutes, and the capacity is never
//   exceeded at any instant by bookings and live holds together (a capacity-1 resource never
//   has two of them overlapping);
// - 30 expired holds and 600 CANCELLED bookings anywhere in opening hours: the view must not
//   show or count them.
import { calendarAvailability, type CalendarScheduleRule, type Interval } from "@slotbase/scheduling";
import { prng } from "./lib/prng";

export const RESOURCES = 50;
export const TOTAL_BOOKINGS = 30_000;
export const CANCELLED_BOOKINGS = 600;
export const LIVE_HOLDS = 300;
export const EXPIRED_HOLDS = 30;
export const BLOCKERS = 40;
export const CUSTOMERS = 2_000;
export const HORIZON_DAYS = 60;
export const MONTH_DAYS = 30;
export const WEEK_DAYS = 7;
/** Resources in the month view: all public, a mix of the three capacities. */
export const MONTH_RESOURCES = 20;
export const CAPACITIES = [1, 5, 100] as const;
/** Live holds are released this long after the seed's `now`: longer than any run. */
export const HOLD_LIFETIME_MS = 2 * 3_600_000;
export const WORKSPACE_ZONE = "Europe/Berlin";
export const COLORS = ["#3b82f6", "#ef4444", "#10b981", "#f59e0b", "#8b5cf6", "#ec4899", "#14b8a6", "#64748b"];
export const OPENING_HOURS = { startMinute: 480, endMinute: 1080, daysOfWeek: [1, 2, 3, 4, 5] } as const;

const MINUTE = 60_000;
export const DAY = 86_400_000;
const STEP = 15 * MINUTE;
const BOOKINGS_PER_CAPACITY: Record<number, number> = { 1: 250, 5: 600 };
const DURATION_STEPS = [2, 3, 4, 6]; // 30, 45, 60, 90 minutes
const ZONES = ["Europe/Berlin", "Europe/Berlin", "Europe/Berlin", "Europe/Berlin", "Europe/Berlin", "Europe/London", "America/New_York", "Asia/Tokyo"];
const KIND: Record<number, string> = { 1: "Room", 5: "Studio", 100: "Hall" };
const FIRST_NAMES = ["Anna", "Ben", "Clara", "David", "Emma", "Felix", "Greta", "Hugo", "Ida", "Jonas", "Lena", "Max", "Nora", "Oskar", "Paula", "Quentin", "Rosa", "Sami", "Tara", "Umut", "Vera", "Willem", "Yara", "Zoe"];
const LAST_NAMES = ["Albers", "Becker", "Costa", "Dimitrov", "Eriksen", "Fischer", "Garcia", "Hansen", "Ivanova", "Jansen", "Kowalski", "Lange", "Moreau", "Nowak", "Okafor", "Petrov", "Quinn", "Rossi", "Schmidt", "Tanaka", "Urban", "Vogel", "Weber", "Yilmaz"];

export type LiveStatus = "ACCEPTED" | "PENDING";

export interface ResourcePlan {
  index: number;
  slug: string;
  name: string;
  timeZone: string;
  color: string;
  isPublic: boolean;
  capacity: number;
  /** The one schedule (weekly opening hours). */
  rule: CalendarScheduleRule;
}

export interface CustomerPlan {
  email: string;
  name: string;
}

export interface BookingPlan {
  uid: string;
  resourceIndex: number;
  customerIndex: number;
  start: number;
  end: number;
  status: LiveStatus | "CANCELLED";
  inOpeningHours: boolean;
}

export interface HoldPlan {
  uid: string;
  resourceIndex: number;
  start: number;
  end: number;
  releaseAt: number;
}

export interface BlockerPlan {
  uid: string;
  resourceIndex: number;
  title: string;
  start: number;
  end: number;
}

export interface ViewRange {
  /** ISO 8601 UTC (`…T00:00:00Z`), as the query sends them. */
  startDate: string;
  endDate: string;
  start: number;
  end: number;
}

export interface CalendarEventsPlan {
  now: number;
  /** The first local date of the schedules (30 days before now, in the workspace zone's UTC date). */
  schedulesFrom: string;
  horizon: Interval;
  resources: ResourcePlan[];
  customers: CustomerPlan[];
  bookings: BookingPlan[];
  holds: HoldPlan[];
  blockers: BlockerPlan[];
  /** The month view's resources (plan indexes): public, mixed capacities. */
  monthResources: number[];
  /** From the next UTC midnight: 30 days (month view), 7 days (week view). */
  month: ViewRange;
  week: ViewRange;
}

export function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

const isoSeconds = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

function viewRange(start: number, days: number): ViewRange {
  const end = start + days * DAY;
  return { startDate: isoSeconds(start), endDate: isoSeconds(end), start, end };
}

function shuffled<T>(random: () => number, items: readonly T[]): T[] {
  const out = [...items];
  for (let k = out.length - 1; k > 0; k -= 1) {
    const j = Math.floor(random() * (k + 1));
    [out[k], out[j]] = [out[j]!, out[k]!];
  }
  return out;
}

/** Splits `total` in proportion to `weights` (largest remainder), so the parts add up exactly. */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const left = total - parts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < left; k += 1) parts[order[k]![1]]! += 1;
  return parts;
}

const weekly = (days: number[], startMinute: number, endMinute: number, startDate: string): CalendarScheduleRule => ({
  availabilityType: "available",
  recurrence: "weekly",
  startMinute,
  endMinute,
  daysOfWeek: days,
  dayOfMonth: null,
  startDate,
  endDate: null,
});

function resourcePlans(random: () => number, schedulesFrom: string): { resources: ResourcePlan[]; monthResources: number[] } {
  const capacities = Array.from({ length: RESOURCES }, (_, i) => CAPACITIES[i % CAPACITIES.length]!);
  // About half public: 9 + 8 + 8 = 25, a mix of each capacity; the month view takes 7 + 7 + 6 of them.
  const publicPerCapacity: Record<number, number> = { 1: 9, 5: 8, 100: 8 };
  const monthPerCapacity: Record<number, number> = { 1: 7, 5: 7, 100: 6 };
  const isPublic = new Array<boolean>(RESOURCES).fill(false);
  const month: number[] = [];
  for (const capacity of CAPACITIES) {
    const ofCapacity = shuffled(random, capacities.map((c, i) => (c === capacity ? i : -1)).filter((i) => i >= 0));
    ofCapacity.slice(0, publicPerCapacity[capacity]).forEach((i) => (isPublic[i] = true));
    month.push(...ofCapacity.slice(0, monthPerCapacity[capacity]));
  }
  const resources = capacities.map((capacity, index): ResourcePlan => {
    const n = String(index + 1).padStart(2, "0");
    return {
      index,
      slug: `${KIND[capacity]!.toLowerCase()}-${n}`,
      name: `${KIND[capacity]} ${n}`,
      timeZone: ZONES[Math.floor(random() * ZONES.length)]!,
      color: COLORS[index % COLORS.length]!,
      isPublic: isPublic[index]!,
      capacity,
      rule: weekly([...OPENING_HOURS.daysOfWeek], OPENING_HOURS.startMinute, OPENING_HOURS.endMinute, schedulesFrom),
    };
  });
  return { resources, monthResources: month.sort((a, b) => a - b) };
}

function customerPlans(random: () => number): CustomerPlan[] {
  return Array.from({ length: CUSTOMERS }, (_, i) => {
    const first = FIRST_NAMES[Math.floor(random() * FIRST_NAMES.length)]!;
    const last = LAST_NAMES[Math.floor(random() * LAST_NAMES.length)]!;
    return { email: `${first}.${last}.${i + 1}@example.com`.toLowerCase(), name: `${first} ${last}` };
  });
}

/**
 * One resource's 15-minute steps over the horizon: which are open (opening hours), which are
 * outside hours but bookable (weekday evenings 18:00–21:00, Saturdays 09:00–14:00), and how
 * many units each step has in use (bookings and live holds; a blocker fills it).
 */
class Lanes {
  readonly used: Uint16Array;
  readonly open: Uint8Array;
  readonly extra: Uint8Array;
  readonly openSteps: number[] = [];
  readonly extraSteps: number[] = [];

  constructor(
    readonly resource: ResourcePlan,
    readonly horizon: Interval,
  ) {
    const steps = Math.floor((horizon.end - horizon.start) / STEP);
    this.used = new Uint16Array(steps);
    this.open = new Uint8Array(steps);
    this.extra = new Uint8Array(steps);
    const from = resource.rule.startDate;
    this.mark(calendarAvailability([resource.rule], resource.timeZone, horizon), this.open, this.openSteps);
    const outside = [weekly([1, 2, 3, 4, 5], 1080, 1260, from), weekly([6], 540, 840, from)];
    this.mark(calendarAvailability(outside, resource.timeZone, horizon), this.extra, this.extraSteps);
  }

  private mark(windows: Interval[], flags: Uint8Array, list: number[]): void {
    for (const window of windows) {
      const first = Math.ceil((window.start - this.horizon.start) / STEP);
      const last = Math.floor((window.end - this.horizon.start) / STEP); // exclusive
      for (let s = Math.max(0, first); s < Math.min(last, flags.length); s += 1) {
        flags[s] = 1;
        list.push(s);
      }
    }
  }

  /** Whether `length` steps from `first` are all of one kind and each has `units` free. */
  fits(first: number, length: number, kind: Uint8Array, units: number): boolean {
    if (first + length > kind.length) return false;
    for (let s = first; s < first + length; s += 1) {
      if (!kind[s] || this.used[s]! + units > this.resource.capacity) return false;
    }
    return true;
  }

  take(first: number, length: number, units: number): Interval {
    for (let s = first; s < first + length; s += 1) this.used[s]! += units;
    return { start: this.horizon.start + first * STEP, end: this.horizon.start + (first + length) * STEP };
  }

  /** A random span of `length` steps of the kind with room for `units`; throws when none is found. */
  place(random: () => number, length: number, inHours: boolean, units: number): Interval {
    const [steps, kind] = inHours ? [this.openSteps, this.open] : [this.extraSteps, this.extra];
    for (let attempt = 0; attempt < 400; attempt += 1) {
      const first = steps[Math.floor(random() * steps.length)]!;
      if (this.fits(first, length, kind, units)) return this.take(first, length, units);
    }
    const offset = Math.floor(random() * steps.length); // crowded: scan from a random step
    for (let k = 0; k < steps.length; k += 1) {
      const first = steps[(offset + k) % steps.length]!;
      if (this.fits(first, length, kind, units)) return this.take(first, length, units);
    }
    throw new Error(`no room for ${length} steps in ${this.resource.name}`);
  }
}

/** The whole data set for a run starting at `now`. */
export function planCalendarEvents(now: number): CalendarEventsPlan {
  const random = prng(20261215);
  const horizonStart = Math.ceil(now / STEP) * STEP;
  const horizon = { start: horizonStart, end: horizonStart + HORIZON_DAYS * DAY };
  const schedulesFrom = new Date(now - 30 * DAY).toISOString().slice(0, 10);
  const { resources, monthResources } = resourcePlans(random, schedulesFrom);
  const customers = customerPlans(random);
  const lanes = resources.map((r) => new Lanes(r, horizon));

  const blockers: BlockerPlan[] = [];
  for (let k = 0; k < BLOCKERS; k += 1) {
    const resourceIndex = Math.floor(random() * RESOURCES);
    const lane = lanes[resourceIndex]!;
    const span = lane.place(random, 4 * (1 + Math.floor(random() * 4)), true, lane.resource.capacity);
    blockers.push({ uid: `bench-ev-blocker-${k + 1}`, resourceIndex, title: k % 2 === 0 ? "Maintenance" : "Private event", ...span });
  }

  const quotas = resources.map((r) => BOOKINGS_PER_CAPACITY[r.capacity] ?? 0);
  const large = resources.filter((r) => BOOKINGS_PER_CAPACITY[r.capacity] === undefined);
  const rest = TOTAL_BOOKINGS - quotas.reduce((a, b) => a + b, 0);
  apportion(rest, large.map(() => 1)).forEach((q, k) => (quotas[large[k]!.index] = q));

  const bookings: BookingPlan[] = [];
  for (const resource of resources) {
    const lane = lanes[resource.index]!;
    const local = prng(7919 * (resource.index + 1));
    for (let k = 0; k < quotas[resource.index]!; k += 1) {
      const inOpeningHours = local() >= 0.05;
      const span = lane.place(local, DURATION_STEPS[Math.floor(local() * DURATION_STEPS.length)]!, inOpeningHours, 1);
      bookings.push({
        uid: `bench-ev-${resource.index + 1}-${k + 1}`,
        resourceIndex: resource.index,
        customerIndex: Math.floor(local() * CUSTOMERS),
        ...span,
        status: local() < 0.1 ? "PENDING" : "ACCEPTED",
        inOpeningHours,
      });
    }
  }

  const holds: HoldPlan[] = [];
  for (let k = 0; k < LIVE_HOLDS; k += 1) {
    const resourceIndex = Math.floor(random() * RESOURCES);
    const span = lanes[resourceIndex]!.place(random, 2 + Math.floor(random() * 3), true, 1);
    holds.push({ uid: `bench-ev-hold-${k + 1}`, resourceIndex, ...span, releaseAt: now + HOLD_LIFETIME_MS });
  }

  // Not live, so never counted: anywhere in opening hours, whatever else is there.
  const anywhere = (resourceIndex: number, length: number): Interval => {
    const lane = lanes[resourceIndex]!;
    for (;;) {
      const first = lane.openSteps[Math.floor(random() * lane.openSteps.length)]!;
      if (lane.fits(first, length, lane.open, 0)) return { start: horizon.start + first * STEP, end: horizon.start + (first + length) * STEP };
    }
  };
  for (let k = 0; k < EXPIRED_HOLDS; k += 1) {
    const resourceIndex = Math.floor(random() * RESOURCES);
    holds.push({ uid: `bench-ev-expired-hold-${k + 1}`, resourceIndex, ...anywhere(resourceIndex, 2 + Math.floor(random() * 3)), releaseAt: now - 10 * MINUTE });
  }
  for (let k = 0; k < CANCELLED_BOOKINGS; k += 1) {
    const resourceIndex = Math.floor(random() * RESOURCES);
    const span = anywhere(resourceIndex, DURATION_STEPS[Math.floor(random() * DURATION_STEPS.length)]!);
    bookings.push({ uid: `bench-ev-cancelled-${k + 1}`, resourceIndex, customerIndex: Math.floor(random() * CUSTOMERS), ...span, status: "CANCELLED", inOpeningHours: true });
  }

  const nextMidnight = Math.floor(now / DAY) * DAY + DAY;
  return {
    now,
    schedulesFrom,
    horizon,
    resources,
    customers,
    bookings,
    holds,
    blockers,
    monthResources,
    month: viewRange(nextMidnight, MONTH_DAYS),
    week: viewRange(nextMidnight, WEEK_DAYS),
  };
}

/** The plan's own promise, checked before seeding: capacity never exceeded by live bookings and holds, blockers alone. */
export function checkPlan(plan: CalendarEventsPlan): string[] {
  const problems: string[] = [];
  const live = plan.bookings.filter((b) => b.status !== "CANCELLED");
  if (live.length !== TOTAL_BOOKINGS) problems.push(`${live.length} live bookings, not ${TOTAL_BOOKINGS}`);
  for (const resource of plan.resources) {
    const edges: [number, number][] = [];
    const add = (i: Interval, units: number) => edges.push([i.start, units], [i.end, -units]);
    live.filter((b) => b.resourceIndex === resource.index).forEach((b) => add(b, 1));
    plan.holds.filter((h) => h.resourceIndex === resource.index && h.releaseAt > plan.now).forEach((h) => add(h, 1));
    plan.blockers.filter((x) => x.resourceIndex === resource.index).forEach((x) => add(x, resource.capacity));
    edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let level = 0;
    for (const [, delta] of edges) {
      level += delta;
      if (level > resource.capacity) {
        problems.push(`${resource.name}: ${level} units at once, capacity ${resource.capacity}`);
        break;
      }
    }
  }
  return problems;
}
