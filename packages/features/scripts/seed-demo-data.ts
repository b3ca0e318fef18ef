import type { Database, Prisma } from "@slotbase/prisma";
import { nthWeekdayAfter, type LocalDate } from "@slotbase/scheduling";
import { demoAdminKey, type DemoKeyOutcome } from "./demo-admin-key";
import {
  DEMO_BOOKINGS,
  DEMO_CALENDARS,
  DEMO_EVENT_TYPES,
  DEMO_SCHEDULES,
  DEMO_TEAM,
  DEMO_USERS,
  type DemoBooking,
  type DemoCalendarBooking,
  DEMO_CALENDAR_BLOCKERS,
  DEMO_CALENDAR_BOOKINGS,
  type DemoEventType,
  demoTimes,
  hostTimeZone,
} from "./demo-data";

type UserKey = (typeof DEMO_USERS)[number]["key"];
type Tx = Prisma.TransactionClient;

export interface SeedOptions {
  /** The seed's clock: demo bookings fall on the weekdays after this day (default: now). */
  now?: Date;
  /** Where the demo admin's key is kept between runs (demo-admin-key.ts); undefined: a new key every run. */
  keyFile?: string;
  /** Replace the kept key with a new one; every earlier seed key of the admin stops working. */
  newKey?: boolean;
}

export interface SeedResult {
  /** The demo admin's API key: the kept one while it still works (see `key`). */
  adminKey: string;
  key: DemoKeyOutcome;
  /** Demo days 1, 2 and 3 in the team's zone (Europe/Berlin), where most demo bookings are. */
  days: LocalDate[];
  /** Demo bookings placed later than planned (by `weekdays`) because other bookings held their time. */
  moved: { uid: string; weekdays: number }[];
}

/**
 * Creates or updates the demo world of demo-data.ts. Idempotent: every record is found by its
 * natural key, and child rows (rules, attendees, seats) are replaced, never appended. Seeding
 * on a later day moves the demo bookings and blocker to the weekdays after that day.
 */
export async function seedDemoData(prisma: Database, options: SeedOptions = {}): Promise<SeedResult> {
  const now = options.now ?? new Date();
  const userIds = await seedUsers(prisma);
  const teamId = await seedTeam(prisma, userIds);
  const scheduleIds = await seedSchedules(prisma, userIds);
  const eventTypeIds = new Map<DemoEventType["key"], number>();
  for (const eventType of DEMO_EVENT_TYPES) {
    eventTypeIds.set(eventType.key, await seedEventType(prisma, eventType, { userIds, teamId, scheduleIds }));
  }
  const calendarIds = await seedCalendars(prisma, teamId);
  const moved = await placeDemoBookings(prisma, now, { userIds, eventTypeIds, calendarIds });
  for (const { calendar, day, start, end, ...blocker } of DEMO_CALENDAR_BLOCKERS) {
    const { startTime, endTime } = demoTimes({ day, start, end }, now, DEMO_TEAM.timeZone);
    const data = { ...blocker, calendarId: calendarIds.get(calendar)!, startTime, endTime };
    await prisma.blocker.upsert({ where: { uid: blocker.uid }, create: data, update: data });
  }
  const { key, outcome } = await demoAdminKey(prisma, { adminId: userIds.get("admin")!, keyFile: options.keyFile, newKey: options.newKey, now });
  return { adminKey: key, key: outcome, days: [1, 2, 3].map((n) => nthWeekdayAfter(now.getTime(), DEMO_TEAM.timeZone, n)), moved };
}

/** How far a demo booking is moved, at most, when other bookings hold its time: two weeks of weekdays. */
const MAX_SHIFT = 10;

/**
 * Puts every demo booking on its demo day (demo-data.ts), in one transaction.
 *
 * Seeding on a later day moves the same rows (same uids, same ids) forward: there is never
 * more than one copy of each, and none is left behind in the past. First every demo booking
 * lets go of its time (exclusive flags off, inside the transaction only), so a demo booking
 * moving onto a day another demo booking is leaving never collides with it. Then each is
 * placed; an accepted one whose time another accepted booking already holds (somebody booked
 * the demo slot through the API: the host's time, or a one-at-a-time calendar and its parent
 * or children) goes to the same wall time on the next weekday instead, up to MAX_SHIFT
 * weekdays later: the seed never fails, nor double-books, because of the developer's own
 * bookings.
 */
async function placeDemoBookings(
  prisma: Database,
  now: Date,
  ids: { userIds: Map<UserKey, number>; eventTypeIds: Map<DemoEventType["key"], number>; calendarIds: Map<string, number> },
): Promise<SeedResult["moved"]> {
  const moved: SeedResult["moved"] = [];
  const uids = [...DEMO_BOOKINGS, ...DEMO_CALENDAR_BOOKINGS].map((b) => b.uid);
  await prisma.$transaction(
    async (tx) => {
      await tx.booking.updateMany({ where: { uid: { in: uids } }, data: { exclusive: false, calendarExclusive: false } });
      for (const booking of DEMO_BOOKINGS) {
        const userId = ids.userIds.get(booking.host)!;
        const holds = { userId, exclusive: true };
        const shift = await freeShift(tx, booking, now, hostTimeZone(booking.host), [holds]);
        if (shift > 0) moved.push({ uid: booking.uid, weekdays: shift });
        await seedBooking(tx, booking, demoTimes(booking, now, hostTimeZone(booking.host), shift), userId, ids.eventTypeIds.get(booking.eventType)!);
      }
      for (const booking of DEMO_CALENDAR_BOOKINGS) {
        const calendar = DEMO_CALENDARS.find((c) => c.slug === booking.calendar)!;
        // A one-at-a-time calendar is taken by its own bookings and by those of its parent and children.
        const family = DEMO_CALENDARS.filter((c) => c.slug === calendar.slug || c.slug === calendar.parent || c.parent === calendar.slug);
        const holds = calendar.capacity === 1 ? [{ calendarId: { in: family.map((c) => ids.calendarIds.get(c.slug)!) }, calendarExclusive: true }] : [];
        const shift = await freeShift(tx, booking, now, DEMO_TEAM.timeZone, holds);
        if (shift > 0) moved.push({ uid: booking.uid, weekdays: shift });
        await seedCalendarBooking(tx, booking, demoTimes(booking, now, DEMO_TEAM.timeZone, shift), ids.calendarIds.get(booking.calendar)!);
      }
    },
    { maxWait: 30_000, timeout: 120_000 },
  );
  return moved;
}

/**
 * How many weekdays past its demo day an accepted demo booking must go so that no other
 * accepted booking matching one of `holds` overlaps it (0: its own day is free). Pending
 * bookings hold no time, so they stay on their day.
 */
async function freeShift(tx: Tx, booking: DemoBooking | DemoCalendarBooking, now: Date, timeZone: string, holds: Prisma.BookingWhereInput[]): Promise<number> {
  if (booking.status !== "ACCEPTED" || holds.length === 0) return 0;
  for (let shift = 0; shift < MAX_SHIFT; shift += 1) {
    const { startTime, endTime } = demoTimes(booking, now, timeZone, shift);
    const taken = await tx.booking.findFirst({
      where: { uid: { not: booking.uid }, status: "ACCEPTED", startTime: { lt: endTime }, endTime: { gt: startTime }, OR: holds },
      select: { id: true },
    });
    if (!taken) return shift;
  }
  throw new Error(`no free time for demo booking ${booking.uid} on the next ${MAX_SHIFT} weekdays: other bookings hold it`);
}

async function seedUsers(prisma: Database): Promise<Map<UserKey, number>> {
  const ids = new Map<UserKey, number>();
  for (const { key, ...fields } of DEMO_USERS) {
    // Demo addresses are taken as confirmed: the operator seeding them vouches for them.
    const user = await prisma.user.upsert({ where: { email: fields.email }, create: { ...fields, emailVerified: new Date() }, update: fields });
    ids.set(key, user.id);
  }
  return ids;
}

async function seedTeam(prisma: Database, userIds: Map<UserKey, number>): Promise<number> {
  const { members, ...fields } = DEMO_TEAM;
  const team = await prisma.team.upsert({ where: { slug: fields.slug }, create: fields, update: fields });
  for (const member of members) {
    const userId = userIds.get(member.user)!;
    await prisma.membership.upsert({
      where: { userId_teamId: { userId, teamId: team.id } },
      create: { userId, teamId: team.id, role: member.role, accepted: true },
      update: { role: member.role, accepted: true },
    });
  }
  return team.id;
}

async function seedSchedules(prisma: Database, userIds: Map<UserKey, number>): Promise<Map<UserKey, number>> {
  const scheduleIds = new Map<UserKey, number>();
  for (const { user, name, timeZone, rules } of DEMO_SCHEDULES) {
    const userId = userIds.get(user)!;
    const existing = await prisma.schedule.findFirst({ where: { userId, name }, orderBy: { id: "asc" } });
    const schedule = existing
      ? await prisma.schedule.update({ where: { id: existing.id }, data: { timeZone } })
      : await prisma.schedule.create({ data: { userId, name, timeZone } });
    await prisma.availability.deleteMany({ where: { scheduleId: schedule.id } });
    await prisma.availability.createMany({
      data: rules.map((rule) => ({ ...rule, unavailable: rule.unavailable ?? false, scheduleId: schedule.id })),
    });
    await prisma.user.update({ where: { id: userId }, data: { defaultScheduleId: schedule.id } });
    scheduleIds.set(user, schedule.id);
  }
  return scheduleIds;
}

interface Owners {
  userIds: Map<UserKey, number>;
  teamId: number;
  scheduleIds: Map<UserKey, number>;
}

async function seedEventType(prisma: Database, eventType: DemoEventType, owners: Owners): Promise<number> {
  const fields = {
    title: eventType.title,
    slug: eventType.slug,
    description: eventType.description,
    length: eventType.length,
    seatsPerTimeSlot: eventType.seatsPerTimeSlot ?? null,
    locations: [{ type: "integrations:daily" }],
    minimumBookingNotice: 60,
  };
  if ("user" in eventType.owner) {
    const userId = owners.userIds.get(eventType.owner.user)!;
    const data = { ...fields, userId, scheduleId: owners.scheduleIds.get(eventType.owner.user)! };
    const row = await prisma.eventType.upsert({
      where: { userId_slug: { userId, slug: eventType.slug } },
      create: data,
      update: data,
    });
    return row.id;
  }
  const data = { ...fields, teamId: owners.teamId, schedulingType: "ROUND_ROBIN" as const };
  const row = await prisma.eventType.upsert({
    where: { teamId_slug: { teamId: owners.teamId, slug: eventType.slug } },
    create: data,
    update: data,
  });
  for (const host of eventType.owner.hosts) {
    const userId = owners.userIds.get(host)!;
    await prisma.host.upsert({
      where: { userId_eventTypeId: { userId, eventTypeId: row.id } },
      create: { userId, eventTypeId: row.id },
      update: {},
    });
  }
  return row.id;
}

async function seedBooking(prisma: Tx, booking: DemoBooking, times: { startTime: Date; endTime: Date }, userId: number, eventTypeId: number): Promise<void> {
  const eventType = DEMO_EVENT_TYPES.find((e) => e.key === booking.eventType)!;
  const [firstAttendee] = booking.attendees;
  const fields = {
    title: `${eventType.title} with ${booking.attendees.map((a) => a.name).join(", ")}`,
    startTime: times.startTime,
    endTime: times.endTime,
    status: booking.status,
    exclusive: true,
    location: "integrations:daily",
    responses: { name: firstAttendee.name, email: firstAttendee.email },
    userId,
    eventTypeId,
  };
  // Attendees (and with them their seats) are replaced, so re-seeding never appends.
  const row = await prisma.booking.upsert({
    where: { uid: booking.uid },
    create: { uid: booking.uid, ...fields, attendees: { create: booking.attendees } },
    update: { ...fields, attendees: { deleteMany: {}, create: booking.attendees } },
    include: { attendees: { orderBy: { id: "asc" } } },
  });
  if (!eventType.seatsPerTimeSlot) return;
  await prisma.bookingSeat.createMany({
    data: row.attendees.map((attendee, i) => ({
      referenceUid: `${booking.uid}-seat-${i + 1}`,
      bookingId: row.id,
      attendeeId: attendee.id,
    })),
  });
}

/** A hostless booking of a demo calendar through its event type. */
async function seedCalendarBooking(prisma: Tx, booking: DemoCalendarBooking, times: { startTime: Date; endTime: Date }, calendarId: number): Promise<void> {
  const eventType = await prisma.eventType.findFirstOrThrow({ where: { calendarId }, select: { id: true, title: true } });
  const fields = {
    title: `${eventType.title} for ${booking.attendees.map((a) => a.name).join(", ")}`,
    startTime: times.startTime,
    endTime: times.endTime,
    status: booking.status,
    calendarId,
    eventTypeId: eventType.id,
    exclusive: false,
    calendarExclusive: DEMO_CALENDARS.find((c) => c.slug === booking.calendar)!.capacity === 1,
  };
  await prisma.booking.upsert({
    where: { uid: booking.uid },
    create: { uid: booking.uid, ...fields, attendees: { create: booking.attendees } },
    update: { ...fields, attendees: { deleteMany: {}, create: booking.attendees } },
  });
}

/** The demo workspace's calendars (parents first), their schedules, and the event types that book them; their ids by slug. */
async function seedCalendars(prisma: Database, teamId: number): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  // The first date the calendars' weekly rules apply: a fixed day in the past (before this
  // project's first release), so they cover every day the demo is looked at, whenever it was seeded.
  const startDate = new Date("2026-01-05T00:00:00Z");
  for (const calendar of DEMO_CALENDARS) {
    const { schedules, eventTypeSlug, parent, ...fields } = calendar;
    const data = { ...fields, timeZone: DEMO_TEAM.timeZone, parentId: parent ? ids.get(parent)! : null, teamId };
    const row = await prisma.calendar.upsert({ where: { teamId_slug: { teamId, slug: calendar.slug } }, create: data, update: data });
    ids.set(calendar.slug, row.id);
    await prisma.calendarSchedule.deleteMany({ where: { calendarId: row.id } });
    await prisma.calendarSchedule.createMany({ data: schedules.map((rule) => ({ ...rule, calendarId: row.id, startDate })) });
    if (!eventTypeSlug) continue;
    const eventType = {
      title: `Book: ${calendar.name}`,
      slug: eventTypeSlug,
      description: calendar.description,
      length: 60,
      teamId,
      calendarId: row.id,
      schedulingType: "ROUND_ROBIN" as const,
      minimumBookingNotice: 0,
    };
    await prisma.eventType.upsert({ where: { teamId_slug: { teamId, slug: eventTypeSlug } }, create: eventType, update: eventType });
  }
  return ids;
}
