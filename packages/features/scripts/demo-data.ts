// The demo world `yarn db:seed` creates. Every record has a natural key (email, slug, uid) so
// seeding again updates it in place.
//
// When: demo bookings and the blocker are placed relative to the day the seed runs, never on
// fixed dates, so the slots, availability and calendar-events examples show busy time
// whenever somebody tries them. Each is given as "the n-th weekday after today" plus a wall
// time, in the zone of the one who is booked (a host's zone, or the team's for its calendars):
// day 1 is the next weekday after today there (tomorrow, or Monday from Friday to Sunday),
// day 2 the one after, and so on. Wall times are converted to instants per date
// (daylight saving included) and always fall inside the working hours below. Seeding again on
// a later day moves the same records (same uids) to the new days: the demo always shows the
// coming weekdays, and nothing piles up (see placeDemoBookings in seed-demo-data.ts).
import type { BookingStatus, UserRole } from "@slotbase/prisma";
import { nthWeekdayAfter, wallClockToInstant, type LocalDate } from "@slotbase/scheduling";

export interface DemoUser {
  key: "admin" | "alice" | "bob";
  email: string;
  username: string;
  name: string;
  timeZone: string;
  role: UserRole;
}

export const DEMO_USERS: DemoUser[] = [
  { key: "admin", email: "admin@slotbase.dev", username: "admin", name: "Slotbase Admin", timeZone: "UTC", role: "ADMIN" },
  { key: "alice", email: "alice@slotbase.dev", username: "alice", name: "Alice Schmidt", timeZone: "Europe/Berlin", role: "USER" },
  { key: "bob", email: "bob@slotbase.dev", username: "bob", name: "Bob Miller", timeZone: "America/New_York", role: "USER" },
];

export const DEMO_TEAM = {
  slug: "acme-support",
  name: "Acme Support",
  timeZone: "Europe/Berlin",
  members: [
    { user: "alice", role: "OWNER" },
    { user: "bob", role: "MEMBER" },
  ] as const,
};

/** Wall-clock time of day as Prisma expects for a @db.Time column. */
const time = (hhmm: string) => new Date(`1970-01-01T${hhmm}:00Z`);
const WEEKDAYS = [1, 2, 3, 4, 5]; // 0 = Sunday, as Cal.com

export interface DemoRule {
  days: number[];
  startTime: Date;
  endTime: Date;
  unavailable?: boolean;
}

export const DEMO_SCHEDULES: { user: "alice" | "bob"; name: string; timeZone: string; rules: DemoRule[] }[] = [
  {
    user: "alice",
    name: "Working hours",
    timeZone: "Europe/Berlin",
    rules: [
      { days: WEEKDAYS, startTime: time("09:00"), endTime: time("17:00") },
      { days: WEEKDAYS, startTime: time("12:00"), endTime: time("13:00"), unavailable: true }, // lunch
    ],
  },
  {
    user: "bob",
    name: "Working hours",
    timeZone: "America/New_York",
    rules: [{ days: WEEKDAYS, startTime: time("09:00"), endTime: time("17:00") }],
  },
];

export interface DemoEventType {
  key: "intro" | "support" | "workshop";
  slug: string;
  title: string;
  description: string;
  length: number;
  /** Personal event type of this user, or a team event type hosted by these users. */
  owner: { user: "alice" } | { team: true; hosts: ("alice" | "bob")[] };
  seatsPerTimeSlot?: number;
}

export const DEMO_EVENT_TYPES: DemoEventType[] = [
  { key: "intro", slug: "30min", title: "30 Minute Meeting", description: "A quick video call.", length: 30, owner: { user: "alice" } },
  {
    key: "support",
    slug: "support-call",
    title: "Support Call",
    description: "Talk to whoever on the support team is free first.",
    length: 30,
    owner: { team: true, hosts: ["alice", "bob"] },
  },
  {
    key: "workshop",
    slug: "workshop",
    title: "Group Workshop",
    description: "A hands-on session for up to five people.",
    length: 60,
    owner: { user: "alice" },
    seatsPerTimeSlot: 5,
  },
];

export interface DemoAttendee {
  name: string;
  email: string;
  timeZone: string;
}

/** "The `day`-th weekday after the seed's day, from `start` to `end`" (wall clock, HH:mm). */
export interface DemoWhen {
  day: number;
  start: string;
  end: string;
}

export interface DemoBooking extends DemoWhen {
  uid: string;
  eventType: DemoEventType["key"];
  /** Booked in this host's time zone (DEMO_USERS). */
  host: "alice" | "bob";
  status: BookingStatus;
  attendees: DemoAttendee[];
}

const jordan = { name: "Jordan Lee", email: "jordan.lee@example.com", timeZone: "Europe/London" };
const priya = { name: "Priya Nair", email: "priya.nair@example.com", timeZone: "Asia/Kolkata" };
const sam = { name: "Sam Carter", email: "sam.carter@example.com", timeZone: "America/Chicago" };

export const DEMO_BOOKINGS: DemoBooking[] = [
  // day 1, 10:00–10:30 Berlin
  { uid: "seed-booking-1", eventType: "intro", host: "alice", day: 1, start: "10:00", end: "10:30", status: "ACCEPTED", attendees: [jordan] },
  // day 2, 14:00–14:30 Berlin, awaiting confirmation
  { uid: "seed-booking-2", eventType: "intro", host: "alice", day: 2, start: "14:00", end: "14:30", status: "PENDING", attendees: [priya] },
  // day 1, 10:00–10:30 New York
  { uid: "seed-booking-3", eventType: "support", host: "bob", day: 1, start: "10:00", end: "10:30", status: "ACCEPTED", attendees: [sam] },
  // day 2, 10:00–10:30 Berlin
  { uid: "seed-booking-4", eventType: "support", host: "alice", day: 2, start: "10:00", end: "10:30", status: "ACCEPTED", attendees: [jordan] },
  // day 3, 15:00–16:00 Berlin, two of five seats taken
  { uid: "seed-booking-5", eventType: "workshop", host: "alice", day: 3, start: "15:00", end: "16:00", status: "ACCEPTED", attendees: [priya, sam] },
];

/**
 * The demo team is also a workspace (its uuid): bookable calendars with schedules, each booked
 * through a hostless team event type. Times are wall clock in the calendar's zone.
 */
export interface DemoCalendar {
  slug: string;
  name: string;
  description: string;
  capacity: number;
  color: string;
  /** Shown without a key in GET /api/v1/calendar-events (bookings without personal data). */
  isPublic: boolean;
  parent?: string;
  schedules: { name: string; availabilityType: "available" | "unavailable"; recurrence: "daily" | "weekly"; startMinute: number; endMinute: number; daysOfWeek: number[] }[];
  /** The slug of the team event type that books it. */
  eventTypeSlug?: string;
}

const officeHours = { name: "Office hours", availabilityType: "available" as const, recurrence: "weekly" as const, startMinute: 8 * 60, endMinute: 18 * 60, daysOfWeek: WEEKDAYS };

export const DEMO_CALENDARS: DemoCalendar[] = [
  { slug: "room-orion", name: "Meeting room Orion", description: "6 seats, screen, one booking at a time", capacity: 1, color: "#3b82f6", isPublic: true, schedules: [officeHours], eventTypeSlug: "book-room-orion" },
  {
    slug: "desk-pool",
    name: "Desk pool",
    description: "30 hot desks",
    capacity: 30,
    color: "#10b981",
    isPublic: true,
    schedules: [officeHours, { name: "Lunch break", availabilityType: "unavailable", recurrence: "daily", startMinute: 12 * 60, endMinute: 13 * 60, daysOfWeek: [] }],
    eventTypeSlug: "book-a-desk",
  },
  { slug: "studio", name: "Studio", description: "The whole studio, booked whole", capacity: 1, color: "#f59e0b", isPublic: false, schedules: [officeHours], eventTypeSlug: "book-the-studio" },
  { slug: "studio-booth", name: "Recording booth", description: "Inside the studio: booking it takes the studio", capacity: 1, color: "#ef4444", isPublic: false, parent: "studio", schedules: [officeHours], eventTypeSlug: "book-the-booth" },
];

export const SEED_KEY_NOTE = "Seed key";

/**
 * Bookings of the demo calendars (the days of the other demo bookings, wall clock in the team's
 * zone), through each calendar's event type; their attendees become the workspace's customer
 * accounts.
 */
export interface DemoCalendarBooking extends DemoWhen {
  uid: string;
  calendar: string;
  status: BookingStatus;
  attendees: DemoAttendee[];
}

const desk = (n: number, start: string, end: string, attendee: DemoAttendee): DemoCalendarBooking => ({
  uid: `seed-desk-${n}`,
  calendar: "desk-pool",
  day: 1,
  start,
  end,
  status: "ACCEPTED",
  attendees: [attendee],
});

export const DEMO_CALENDAR_BOOKINGS: DemoCalendarBooking[] = [
  // day 1, 10:00–11:00 and day 2, 14:00–15:30 Berlin (pending)
  { uid: "seed-room-1", calendar: "room-orion", day: 1, start: "10:00", end: "11:00", status: "ACCEPTED", attendees: [jordan] },
  { uid: "seed-room-2", calendar: "room-orion", day: 2, start: "14:00", end: "15:30", status: "PENDING", attendees: [priya] },
  // Desks on day 1: two all day, two for part of it (2, 3, 2, 3, 2 desks taken from 08:00 to 18:00)
  desk(1, "08:00", "18:00", jordan),
  desk(2, "08:00", "18:00", priya),
  desk(3, "09:00", "12:00", sam),
  desk(4, "13:00", "17:00", { name: "Alex Kim", email: "alex.kim@example.com", timeZone: "Europe/Berlin" }),
  // The booth on day 3, 11:00–12:00 Berlin: the studio is taken too
  { uid: "seed-booth-1", calendar: "studio-booth", day: 3, start: "11:00", end: "12:00", status: "ACCEPTED", attendees: [sam] },
];

/** Blocked time on demo calendars (wall clock in the team's zone). */
export const DEMO_CALENDAR_BLOCKERS: (DemoWhen & { uid: string; calendar: string; title: string })[] = [
  { uid: "9f1c2b3a-0d4e-4f5a-8b6c-7d8e9f0a1b2c", calendar: "room-orion", title: "Deep clean", day: 3, start: "08:00", end: "10:00" },
];

/** Minutes after local midnight of "HH:mm". */
const minuteOfDay = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The instants of `when` on its demo date (`shift` weekdays later: see placeDemoBookings) in `timeZone`. */
export function demoTimes(when: DemoWhen, now: Date, timeZone: string, shift = 0): { date: LocalDate; startTime: Date; endTime: Date } {
  const date = nthWeekdayAfter(now.getTime(), timeZone, when.day + shift);
  return {
    date,
    startTime: new Date(wallClockToInstant(date, minuteOfDay(when.start), timeZone)),
    endTime: new Date(wallClockToInstant(date, minuteOfDay(when.end), timeZone)),
  };
}

/** The time zone a demo booking is placed in: its host's. */
export const hostTimeZone = (host: DemoBooking["host"]): string => DEMO_USERS.find((u) => u.key === host)!.timeZone;
