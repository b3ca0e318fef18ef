import type { Database } from "@slotbase/prisma";
import { createApiKey } from "../api-keys/create-api-key";
import {
  DEMO_BOOKINGS,
  DEMO_CALENDARS,
  DEMO_EVENT_TYPES,
  DEMO_SCHEDULES,
  DEMO_TEAM,
  DEMO_USERS,
  SEED_KEY_NOTE,
  type DemoBooking,
  type DemoCalendarBooking,
  DEMO_CALENDAR_BLOCKERS,
  DEMO_CALENDAR_BOOKINGS,
  type DemoEventType,
} from "./demo-data";

type UserKey = (typeof DEMO_USERS)[number]["key"];

export interface SeedResult {
  /** A new API key of the admin user; earlier seed keys are deleted. */
  adminKey: string;
}

/**
 * Creates or updates the demo world of demo-data.ts. Idempotent: every record is found by its
 * natural key, and child rows (rules, attendees, seats) are replaced, never appended.
 */
export async function seedDemoData(prisma: Database): Promise<SeedResult> {
  const userIds = await seedUsers(prisma);
  const teamId = await seedTeam(prisma, userIds);
  const scheduleIds = await seedSchedules(prisma, userIds);
  const eventTypeIds = new Map<DemoEventType["key"], number>();
  for (const eventType of DEMO_EVENT_TYPES) {
    eventTypeIds.set(eventType.key, await seedEventType(prisma, eventType, { userIds, teamId, scheduleIds }));
  }
  for (const booking of DEMO_BOOKINGS) {
    await seedBooking(prisma, booking, userIds.get(booking.host)!, eventTypeIds.get(booking.eventType)!);
  }
  const calendarIds = await seedCalendars(prisma, teamId);
  for (const booking of DEMO_CALENDAR_BOOKINGS) await seedCalendarBooking(prisma, booking, calendarIds.get(booking.calendar)!);
  for (const { calendar, ...blocker } of DEMO_CALENDAR_BLOCKERS) {
    const data = { ...blocker, calendarId: calendarIds.get(calendar)!, startTime: new Date(blocker.startTime), endTime: new Date(blocker.endTime) };
    await prisma.blocker.upsert({ where: { uid: blocker.uid }, create: data, update: data });
  }
  const adminId = userIds.get("admin")!;
  await prisma.apiKey.deleteMany({ where: { userId: adminId, note: SEED_KEY_NOTE } });
  const { key } = await createApiKey(prisma, { userId: adminId, note: SEED_KEY_NOTE });
  return { adminKey: key };
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

async function seedBooking(prisma: Database, booking: DemoBooking, userId: number, eventTypeId: number): Promise<void> {
  const eventType = DEMO_EVENT_TYPES.find((e) => e.key === booking.eventType)!;
  const [firstAttendee] = booking.attendees;
  const fields = {
    title: `${eventType.title} with ${booking.attendees.map((a) => a.name).join(", ")}`,
    startTime: new Date(booking.startTime),
    endTime: new Date(booking.endTime),
    status: booking.status,
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
async function seedCalendarBooking(prisma: Database, booking: DemoCalendarBooking, calendarId: number): Promise<void> {
  const eventType = await prisma.eventType.findFirstOrThrow({ where: { calendarId }, select: { id: true, title: true } });
  const fields = {
    title: `${eventType.title} for ${booking.attendees.map((a) => a.name).join(", ")}`,
    startTime: new Date(booking.startTime),
    endTime: new Date(booking.endTime),
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
