// The demo world `yarn db:seed` creates. Every record has a natural key (email, slug, uid) so
// seeding again updates it in place. Booking instants are fixed (March 2027) and fall inside the
// hosts' working hours: 1–5 March 2027 is CET (UTC+1) in Berlin and EST (UTC-5) in New York.
import type { BookingStatus, UserRole } from "@slotbase/prisma";

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

export interface DemoBooking {
  uid: string;
  eventType: DemoEventType["key"];
  host: "alice" | "bob";
  startTime: string;
  endTime: string;
  status: BookingStatus;
  attendees: DemoAttendee[];
}

const jordan = { name: "Jordan Lee", email: "jordan.lee@example.com", timeZone: "Europe/London" };
const priya = { name: "Priya Nair", email: "priya.nair@example.com", timeZone: "Asia/Kolkata" };
const sam = { name: "Sam Carter", email: "sam.carter@example.com", timeZone: "America/Chicago" };

export const DEMO_BOOKINGS: DemoBooking[] = [
  // Mon 1 March, 10:00–10:30 Berlin
  { uid: "seed-booking-1", eventType: "intro", host: "alice", startTime: "2027-03-01T09:00:00Z", endTime: "2027-03-01T09:30:00Z", status: "ACCEPTED", attendees: [jordan] },
  // Tue 2 March, 14:00–14:30 Berlin, awaiting confirmation
  { uid: "seed-booking-2", eventType: "intro", host: "alice", startTime: "2027-03-02T13:00:00Z", endTime: "2027-03-02T13:30:00Z", status: "PENDING", attendees: [priya] },
  // Mon 1 March, 10:00–10:30 New York
  { uid: "seed-booking-3", eventType: "support", host: "bob", startTime: "2027-03-01T15:00:00Z", endTime: "2027-03-01T15:30:00Z", status: "ACCEPTED", attendees: [sam] },
  // Tue 2 March, 10:00–10:30 Berlin
  { uid: "seed-booking-4", eventType: "support", host: "alice", startTime: "2027-03-02T09:00:00Z", endTime: "2027-03-02T09:30:00Z", status: "ACCEPTED", attendees: [jordan] },
  // Wed 3 March, 15:00–16:00 Berlin, two of five seats taken
  { uid: "seed-booking-5", eventType: "workshop", host: "alice", startTime: "2027-03-03T14:00:00Z", endTime: "2027-03-03T15:00:00Z", status: "ACCEPTED", attendees: [priya, sam] },
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
 * Bookings of the demo calendars (the week of the other demo bookings), through each calendar's
 * event type; their attendees become the workspace's customer accounts.
 */
export interface DemoCalendarBooking {
  uid: string;
  calendar: string;
  startTime: string;
  endTime: string;
  status: BookingStatus;
  attendees: DemoAttendee[];
}

const desk = (n: number, startTime: string, endTime: string, attendee: DemoAttendee): DemoCalendarBooking => ({
  uid: `seed-desk-${n}`,
  calendar: "desk-pool",
  startTime,
  endTime,
  status: "ACCEPTED",
  attendees: [attendee],
});

export const DEMO_CALENDAR_BOOKINGS: DemoCalendarBooking[] = [
  // Mon 1 March, 10:00–11:00 and Tue 2 March, 14:00–15:30 Berlin (pending)
  { uid: "seed-room-1", calendar: "room-orion", startTime: "2027-03-01T09:00:00Z", endTime: "2027-03-01T10:00:00Z", status: "ACCEPTED", attendees: [jordan] },
  { uid: "seed-room-2", calendar: "room-orion", startTime: "2027-03-02T13:00:00Z", endTime: "2027-03-02T14:30:00Z", status: "PENDING", attendees: [priya] },
  // Desks on Mon 1 March: three all day, one in the afternoon
  desk(1, "2027-03-01T07:00:00Z", "2027-03-01T17:00:00Z", jordan),
  desk(2, "2027-03-01T07:00:00Z", "2027-03-01T17:00:00Z", priya),
  desk(3, "2027-03-01T08:00:00Z", "2027-03-01T11:00:00Z", sam),
  desk(4, "2027-03-01T12:00:00Z", "2027-03-01T16:00:00Z", { name: "Alex Kim", email: "alex.kim@example.com", timeZone: "Europe/Berlin" }),
  // The booth on Wed 3 March, 11:00–12:00 Berlin: the studio is taken too
  { uid: "seed-booth-1", calendar: "studio-booth", startTime: "2027-03-03T10:00:00Z", endTime: "2027-03-03T11:00:00Z", status: "ACCEPTED", attendees: [sam] },
];

/** Blocked time on demo calendars. */
export const DEMO_CALENDAR_BLOCKERS = [{ uid: "9f1c2b3a-0d4e-4f5a-8b6c-7d8e9f0a1b2c", calendar: "room-orion", title: "Deep clean", startTime: "2027-03-03T07:00:00Z", endTime: "2027-03-03T09:00:00Z" }];
