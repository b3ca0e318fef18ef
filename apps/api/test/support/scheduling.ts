import { randomBytes } from "node:crypto";
import { getPrisma, type EventTypeModel, type Prisma, type ScheduleModel } from "@slotbase/prisma";
import { createCaller, type Caller } from "./fixtures";
import { addDays, BERLIN, epochMs, nextMonday } from "./dates";

const time = (hhmm: string) => new Date(`1970-01-01T${hhmm.length === 5 ? `${hhmm}:00` : hhmm}Z`);

export interface RuleSpec {
  days?: number[];
  date?: string;
  start: string;
  end: string;
  unavailable?: boolean;
}

export const WEEKDAYS_NINE_TO_FIVE: RuleSpec[] = [{ days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" }];

/** A schedule with availability rules, made the user's default, written directly to the database. */
export async function createSchedule(userId: number, timeZone: string, rules: RuleSpec[] = WEEKDAYS_NINE_TO_FIVE): Promise<ScheduleModel> {
  const prisma = await getPrisma();
  const schedule = await prisma.schedule.create({
    data: {
      userId,
      name: `Schedule ${randomBytes(3).toString("hex")}`,
      timeZone,
      availability: {
        create: rules.map((rule) => ({
          userId,
          days: rule.days ?? [],
          date: rule.date ? new Date(`${rule.date}T00:00:00Z`) : null,
          startTime: time(rule.start),
          endTime: time(rule.end),
          unavailable: rule.unavailable ?? false,
        })),
      },
    },
  });
  await prisma.user.updateMany({ where: { id: userId, defaultScheduleId: null }, data: { defaultScheduleId: schedule.id } });
  return schedule;
}

/** A personal event type (30 minutes, no notice unless given). */
export async function createEventType(
  userId: number,
  data: Partial<Prisma.EventTypeUncheckedCreateInput> = {},
): Promise<EventTypeModel> {
  const prisma = await getPrisma();
  const id = randomBytes(3).toString("hex");
  return prisma.eventType.create({
    data: { title: `Meeting ${id}`, slug: `meeting-${id}`, length: 30, minimumBookingNotice: 0, userId, ...data },
  });
}

/** A team event type with the given hosts. */
export async function createTeamEventType(
  teamId: number,
  hosts: { userId: number; isFixed?: boolean }[],
  data: Partial<Prisma.EventTypeUncheckedCreateInput> = {},
): Promise<EventTypeModel> {
  const prisma = await getPrisma();
  const id = randomBytes(3).toString("hex");
  return prisma.eventType.create({
    data: {
      title: `Team meeting ${id}`,
      slug: `team-meeting-${id}`,
      length: 30,
      minimumBookingNotice: 0,
      teamId,
      schedulingType: "ROUND_ROBIN",
      ...data,
      hosts: { create: hosts.map((h) => ({ userId: h.userId, isFixed: h.isFixed ?? false })) },
    },
  });
}

/** A booking of `userId` written directly (issue 4 brings the bookings API). */
export async function createBooking(
  userId: number,
  start: string,
  end: string,
  data: Partial<Prisma.BookingUncheckedCreateInput> & { attendees?: number } = {},
) {
  const prisma = await getPrisma();
  const { attendees = 1, ...rest } = data;
  return prisma.booking.create({
    data: {
      uid: randomBytes(8).toString("hex"),
      userId,
      title: "Booked",
      startTime: new Date(start),
      endTime: new Date(end),
      ...rest,
      attendees: { create: Array.from({ length: attendees }, (_, i) => ({ email: `guest${i}-${randomBytes(3).toString("hex")}@example.com`, name: `Guest ${i}`, timeZone: "UTC" })) },
    },
  });
}

/** A caller with a Europe/Berlin Mon–Fri 09:00–17:00 default schedule and a personal event type. */
export async function createHostWithEventType(data: Partial<Prisma.EventTypeUncheckedCreateInput> = {}) {
  const host = await createCaller();
  await createSchedule(host.user.id, "Europe/Berlin");
  const eventType = await createEventType(host.user.id, data);
  return { host, eventType };
}

// Per test file (jest gives each its own module registry), so files never share a counter.
let slotsHandedOut = 0;

/** The Monday `nextWeekdaySlot()` starts from: computed from today (`nextMonday()`), so always ahead. */
export const WEEKDAY_SLOTS_FROM = nextMonday();

/**
 * The next unused 30-minute slot of that schedule: weekdays from WEEKDAY_SLOTS_FROM on,
 * 09:00–16:30 Berlin (each day's wall time converted on its own, whatever the offset); for
 * tests where every case needs a slot of its own.
 */
export function nextWeekdaySlot(): { start: string; end: string } {
  const n = slotsHandedOut++;
  const day = Math.floor(n / 16);
  const date = addDays(WEEKDAY_SLOTS_FROM, Math.floor(day / 5) * 7 + (day % 5));
  const start = epochMs(date, "09:00", BERLIN) + (n % 16) * 30 * 60_000;
  return { start: new Date(start).toISOString(), end: new Date(start + 30 * 60_000).toISOString() };
}

/** A booking hosted by `host` in the next unused weekday slot, of a fresh personal event type on a Berlin schedule. */
export async function createHostedBooking(host: Caller, data: Parameters<typeof createBooking>[3] = {}) {
  await createSchedule(host.user.id, "Europe/Berlin");
  const eventType = await createEventType(host.user.id);
  const { start, end } = nextWeekdaySlot();
  const booking = await createBooking(host.user.id, start, end, { eventTypeId: eventType.id, ...data });
  return { booking, eventType };
}
