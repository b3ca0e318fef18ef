// The workspace-calendars benchmark's data as a plan, before any SQL: the calendars with their
// rules (calendarSpecs) and the bookings that fit them (planBookings). See calendars-data.ts.
import { calendarAvailability, type CalendarScheduleRule, type Interval } from "@slotbase/scheduling";
import { addDays, RANGE_DAYS, type BenchRange } from "./slots-data";
import { prng } from "./lib/prng";

export const WORKSPACE_ZONE = "Europe/Berlin";
export const CALENDARS = 200;
export const TOTAL_BOOKINGS = 50_000;
export const BENCH_CAPACITY = 5;
/** The benchmarked calendar's bookings, history included. */
export const BENCH_CALENDAR_BOOKINGS = 900;
export const BOOKERS = 50;
const MINUTE = 60_000;
export const DAY = 86_400_000;
const CELL = 30 * MINUTE;
export const BATCH = 5_000;

const ZONES = [
  "Europe/Berlin", "Europe/Berlin", "Europe/Berlin", "Europe/Berlin", "Europe/London", "Europe/London",
  "America/New_York", "America/New_York", "America/Los_Angeles", "Asia/Kolkata", "Asia/Tokyo", "Australia/Sydney", "UTC",
];
const OPENING_HOURS: [number, number][] = [[8 * 60, 18 * 60], [9 * 60, 17 * 60], [7 * 60, 19 * 60], [8 * 60 + 30, 17 * 60 + 30]];
/** Parent index → whether it is booked whole (capacity 1: a building) or shared (a floor); its child is index + 1. */
const PARENTS: Record<number, "building" | "floor"> = { 20: "building", 60: "floor", 100: "building", 140: "floor", 170: "building", 190: "floor" };

export type Status = "ACCEPTED" | "PENDING" | "CANCELLED";

export interface RuleSpec extends CalendarScheduleRule {
  name: string;
}

export interface CalendarSpec {
  index: number;
  slug: string;
  name: string;
  timeZone: string;
  capacity: number;
  parentIndex: number | null;
  rules: RuleSpec[];
  eventLength: number;
}

export interface BookingRow {
  uid: string;
  calendarIndex: number;
  bookerIndex: number;
  start: number;
  end: number;
  status: Status;
}


export function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

const weekly = (name: string, days: number[], start: number, end: number, from: string, until: string | null = null): RuleSpec => ({
  name, availabilityType: "available", recurrence: "weekly", startMinute: start, endMinute: end, daysOfWeek: days, dayOfMonth: null, startDate: from, endDate: until,
});
const daily = (name: string, type: RuleSpec["availabilityType"], start: number, end: number, from: string): RuleSpec => ({
  name, availabilityType: type, recurrence: "daily", startMinute: start, endMinute: end, daysOfWeek: [], dayOfMonth: null, startDate: from, endDate: null,
});
const monthly = (name: string, type: RuleSpec["availabilityType"], day: number, start: number, end: number, from: string): RuleSpec => ({
  name, availabilityType: type, recurrence: "monthly", startMinute: start, endMinute: end, daysOfWeek: [], dayOfMonth: day, startDate: from, endDate: null,
});
const once = (name: string, type: RuleSpec["availabilityType"], date: string, start: number, end: number): RuleSpec => ({
  name, availabilityType: type, recurrence: "once", startMinute: start, endMinute: end, daysOfWeek: [], dayOfMonth: null, startDate: date, endDate: null,
});
const WEEKDAYS = [1, 2, 3, 4, 5];

/** `date`, or the Monday after it when it falls on a weekend. */
function weekdayFrom(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 6 ? addDays(date, 2) : weekday === 0 ? addDays(date, 1) : date;
}

/** The 200 calendars: the benchmarked desk pool first, then rooms, meeting rooms and desk pools in mixed zones. */
export function calendarSpecs(range: BenchRange): CalendarSpec[] {
  const random = prng(20261206);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const rulesFrom = addDays(range.startDate, -RANGE_DAYS - 60);
  const benchRules: RuleSpec[] = [
    weekly("Opening hours", WEEKDAYS, 9 * 60, 17 * 60, rulesFrom),
    daily("Lunch break", "unavailable", 12 * 60, 13 * 60, rulesFrom),
    monthly("Cleaning", "unavailable", Number(addDays(range.startDate, 10).slice(8)), 9 * 60, 11 * 60, rulesFrom),
    once("Team offsite", "unavailable", weekdayFrom(addDays(range.startDate, 17)), 13 * 60, 17 * 60),
  ];
  const specs: CalendarSpec[] = [
    { index: 0, slug: "bench-desk-pool", name: "Bench desk pool", timeZone: WORKSPACE_ZONE, capacity: BENCH_CAPACITY, parentIndex: null, rules: benchRules, eventLength: 30 },
  ];
  for (let i = 1; i < CALENDARS; i += 1) {
    const parentIndex = PARENTS[i - 1] ? i - 1 : null;
    const parent = parentIndex === null ? null : specs[parentIndex]!;
    const role = PARENTS[i];
    const capacity = role === "building" ? 1 : role === "floor" ? 8 + Math.floor(random() * 3) : parent ? 1 + Math.floor(random() * 3) : random() < 0.4 ? 1 : 2 + Math.floor(random() * 9);
    const kind = role === "building" ? "Building" : role === "floor" ? "Floor" : capacity === 1 ? "Room" : capacity <= 4 ? "Meeting room" : "Desk pool";
    const timeZone = parent?.timeZone ?? pick(ZONES);
    let rules: RuleSpec[];
    if (parent) {
      rules = parent.rules.map((r) => ({ ...r })); // a room keeps its building's (or floor's) hours
    } else {
      const [open, close] = pick(OPENING_HOURS);
      rules = [weekly("Opening hours", WEEKDAYS, open, close, rulesFrom), daily("Lunch break", "unavailable", 12 * 60, 13 * 60, rulesFrom)];
      const extras: RuleSpec[] = [
        weekly("Saturday mornings", [6], 9 * 60, 13 * 60, rulesFrom, addDays(range.startDate, 14)),
        once("Closed", "unavailable", addDays(range.startDate, Math.floor(random() * 2 * RANGE_DAYS) - RANGE_DAYS), random() < 0.5 ? 0 : 13 * 60, random() < 0.5 ? 1440 : 17 * 60),
        monthly("Late opening", "available", 1 + Math.floor(random() * 28), 18 * 60, 21 * 60, rulesFrom),
        monthly("Inventory", "unavailable", 1 + Math.floor(random() * 28), 8 * 60, 10 * 60, rulesFrom),
      ];
      for (let k = extras.length - 1; k > 0; k -= 1) {
        const j = Math.floor(random() * (k + 1));
        [extras[k], extras[j]] = [extras[j]!, extras[k]!];
      }
      rules.push(...extras.slice(0, Math.floor(random() * 4)));
    }
    const n = String(i).padStart(3, "0");
    specs.push({ index: i, slug: `${kind.toLowerCase().replace(/ /g, "-")}-${n}`, name: `${kind} ${n}`, timeZone, capacity, parentIndex, rules, eventLength: capacity === 1 ? 60 : 30 });
  }
  return specs;
}

/** Calendars that share lanes: a building of capacity 1 with the room inside it; every other calendar alone. */
interface Group {
  members: CalendarSpec[];
  lanes: number;
  cells: Interval[];
  quota: number;
}

/** The open 30-minute cells of `rules` in [from, to): where bookings may fall. */
function openCells(rules: readonly CalendarScheduleRule[], timeZone: string, from: number, to: number): Interval[] {
  const cells: Interval[] = [];
  for (const window of calendarAvailability(rules, timeZone, { start: from, end: to })) {
    for (let start = window.start; start + CELL <= window.end; start += CELL) cells.push({ start, end: start + CELL });
  }
  return cells;
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

/** `count` non-overlapping bookings of 30 (70%) or 60 minutes in one lane's cells, in random cells. */
function laneBookings(random: () => number, cells: readonly Interval[], count: number): Interval[] {
  const taken = new Uint8Array(cells.length);
  const order = Array.from({ length: cells.length }, (_, i) => i);
  const out: Interval[] = [];
  for (let k = 0; k < order.length && out.length < count; k += 1) {
    const j = k + Math.floor(random() * (order.length - k));
    [order[k], order[j]] = [order[j]!, order[k]!];
    const i = order[k]!;
    if (taken[i]) continue;
    taken[i] = 1;
    const long = random() < 0.3 && i + 1 < cells.length && !taken[i + 1] && cells[i + 1]!.start === cells[i]!.end;
    if (long) taken[i + 1] = 1;
    out.push({ start: cells[i]!.start, end: long ? cells[i + 1]!.end : cells[i]!.end });
  }
  if (out.length < count) throw new Error(`only ${out.length} of ${count} bookings fit in a lane of ${cells.length} cells`);
  return out;
}

function bookingsOf(groups: Group[]): BookingRow[] {
  const rows: BookingRow[] = [];
  for (const group of groups) {
    const random = prng(7919 * (group.members[0]!.index + 1));
    const perLane = apportion(group.quota, Array.from({ length: group.lanes }, () => 1));
    const spans = perLane.flatMap((count) => laneBookings(random, group.cells, count)).sort((a, b) => a.start - b.start);
    for (const span of spans) {
      // In a building booked whole, 70% of the bookings are of the room inside it.
      const member = group.members.length > 1 && random() < 0.7 ? group.members[1]! : group.members[0]!;
      const roll = random();
      const status: Status = roll < 0.05 ? "CANCELLED" : roll < 0.11 ? "PENDING" : "ACCEPTED";
      const n = rows.length;
      rows.push({ uid: `bench-cal-${member.index}-${n}`, calendarIndex: member.index, bookerIndex: Math.floor(random() * BOOKERS), start: span.start, end: span.end, status });
    }
  }
  return rows;
}

/** The bookings to seed: capacity c gives c lanes of non-overlapping bookings; a building booked whole shares its one lane with the room inside. */
export function planBookings(specs: CalendarSpec[], from: number, to: number): BookingRow[] {
  // Lanes: capacity c → c lanes; a building booked whole shares its one lane with the room inside.
  const groups: Group[] = [];
  for (const spec of specs) {
    if (spec.parentIndex !== null && specs[spec.parentIndex]!.capacity === 1) continue; // in its building's group
    const child = PARENTS[spec.index] === "building" ? specs[spec.index + 1]! : null;
    groups.push({
      members: child ? [spec, child] : [spec],
      lanes: child ? 1 : spec.capacity,
      cells: openCells(spec.rules, spec.timeZone, from, to),
      quota: 0,
    });
  }
  const [benchGroup, ...others] = groups;
  benchGroup!.quota = BENCH_CALENDAR_BOOKINGS;
  apportion(TOTAL_BOOKINGS - BENCH_CALENDAR_BOOKINGS, others.map((g) => g.lanes * g.cells.length)).forEach((q, i) => (others[i]!.quota = q));
  const bookings = bookingsOf(groups);
  return bookings;
}
