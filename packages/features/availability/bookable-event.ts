import { getPrisma, type EventTypeModel } from "@slotbase/prisma";
import type { BookingPeriod, EventSettings, ScheduleRules } from "@slotbase/scheduling";
import { HttpError, notFound } from "../errors/http-error";
import { toScheduleRules, type AvailabilityRow } from "./schedule-rules";

/** How a client names an event type: by id, or by slug and its owner. */
export type EventTypeRef =
  | { id: number }
  | { slug: string; usernames: string[] }
  | { slug: string; teamSlug: string };

export interface BookableHost {
  id: number;
  email: string;
  name: string | null;
  timeZone: string;
  fixed: boolean;
  rules: ScheduleRules | null;
}

export interface BookableEvent {
  eventType: EventTypeModel;
  settings: EventSettings;
  hosts: BookableHost[];
  /** Durations a client may ask for (the length, plus metadata.multipleDuration). */
  durations: number[];
}

const hostUser = { select: { id: true, email: true, name: true, timeZone: true, defaultScheduleId: true } } as const;
type HostUser = { id: number; email: string; name: string | null; timeZone: string; defaultScheduleId: number | null };
export type ScheduleWithRules = { id: number; userId: number | null; timeZone: string | null; availability: AvailabilityRow[] };

async function findEventType(ref: EventTypeRef) {
  const prisma = await getPrisma();
  const include = { hosts: { include: { user: hostUser } }, owner: hostUser, team: { select: { timeZone: true } } } as const;
  if ("id" in ref) return prisma.eventType.findUnique({ where: { id: ref.id }, include });
  if ("teamSlug" in ref) return prisma.eventType.findFirst({ where: { slug: ref.slug, team: { slug: ref.teamSlug } }, include });
  return prisma.eventType.findFirst({ where: { slug: ref.slug, owner: { username: ref.usernames[0] } }, include });
}

/** Each host's schedule: the host's own choice, the event type's, the user's default, else their first. */
export async function loadSchedules(wanted: Map<number, number | null>): Promise<Map<number, ScheduleWithRules | null>> {
  const prisma = await getPrisma();
  const ids = [...wanted.values()].filter((id): id is number => id !== null);
  const schedules = await prisma.schedule.findMany({
    // A user's own schedules too: the fallback when the chosen one no longer exists.
    where: { OR: [{ id: { in: ids } }, { userId: { in: [...wanted.keys()] } }] },
    select: { id: true, userId: true, timeZone: true, availability: { select: { days: true, startTime: true, endTime: true, date: true, unavailable: true } } },
    orderBy: { id: "asc" },
  });
  const byId = new Map(schedules.map((s) => [s.id, s]));
  const result = new Map<number, ScheduleWithRules | null>();
  for (const [userId, scheduleId] of wanted) {
    const chosen = (scheduleId !== null ? byId.get(scheduleId) : undefined) ?? schedules.find((s) => s.userId === userId);
    result.set(userId, chosen ?? null);
  }
  return result;
}

function bookingPeriod(eventType: EventTypeModel, timeZone: string): BookingPeriod {
  if (eventType.periodType === "ROLLING" && eventType.periodDays) {
    return { type: "ROLLING", days: eventType.periodDays, calendarDays: eventType.periodCountCalendarDays ?? false, timeZone };
  }
  if (eventType.periodType === "RANGE" && eventType.periodStartDate && eventType.periodEndDate) {
    return { type: "RANGE", start: eventType.periodStartDate.getTime(), end: eventType.periodEndDate.getTime(), timeZone };
  }
  return { type: "UNLIMITED" };
}

function allowedDurations(eventType: EventTypeModel): number[] {
  const extra = (eventType.metadata as { multipleDuration?: unknown } | null)?.multipleDuration;
  const listed = Array.isArray(extra) ? extra.filter((d): d is number => Number.isInteger(d) && d > 0 && d <= 1440) : [];
  return [...new Set([eventType.length, ...listed])].sort((a, b) => a - b);
}

/**
 * An event type with everything the engine needs: its settings, its hosts and each host's
 * schedule as rules. A personal type's host is its owner; a team type's are its hosts.
 * `usernames` with more than one name books those users together (collective, Cal.com's
 * dynamic group), with the first user's event type settings.
 */
function describeRef(ref: EventTypeRef): string {
  if ("id" in ref) return `Event type ${ref.id}`;
  if ("teamSlug" in ref) return `Event type "${ref.slug}" of team "${ref.teamSlug}"`;
  return `Event type "${ref.slug}" of user "${ref.usernames[0]}"`;
}

export async function loadBookableEvent(ref: EventTypeRef, options: { duration?: number } = {}): Promise<BookableEvent> {
  const eventType = await findEventType(ref);
  if (!eventType) throw notFound(describeRef(ref));
  const prisma = await getPrisma();

  let schedulingType: EventSettings["schedulingType"] = null;
  let hostRows: { user: HostUser; fixed: boolean; scheduleId: number | null }[];
  if (eventType.teamId !== null) {
    schedulingType = eventType.schedulingType === "COLLECTIVE" ? "COLLECTIVE" : "ROUND_ROBIN";
    hostRows = eventType.hosts.map((h) => ({ user: h.user, fixed: h.isFixed, scheduleId: h.scheduleId }));
  } else if (eventType.owner) {
    hostRows = [{ user: eventType.owner, fixed: false, scheduleId: eventType.scheduleId }];
    const others = "usernames" in ref ? ref.usernames.slice(1) : [];
    if (others.length > 0) {
      const users = await prisma.user.findMany({ where: { username: { in: others } }, ...hostUser });
      if (users.length !== new Set(others).size) throw notFound("User in usernameList");
      schedulingType = "COLLECTIVE";
      hostRows.push(...users.map((user) => ({ user, fixed: true, scheduleId: null })));
    }
  } else {
    throw notFound(describeRef(ref));
  }

  const wanted = new Map(hostRows.map((h) => [h.user.id, h.scheduleId ?? h.user.defaultScheduleId]));
  const schedules = await loadSchedules(wanted);
  const hosts: BookableHost[] = hostRows.map(({ user, fixed }) => {
    const schedule = schedules.get(user.id);
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      timeZone: user.timeZone,
      fixed,
      rules: schedule ? toScheduleRules(schedule.timeZone ?? user.timeZone, schedule.availability) : null,
    };
  });

  const durations = allowedDurations(eventType);
  const length = options.duration ?? eventType.length;
  if (!durations.includes(length)) {
    throw new HttpError("validation_error", `This event type can be booked for ${durations.join(", ")} minutes.`, {
      details: [{ field: "query.duration", rule: "one_of", message: `Must be one of ${durations.join(", ")}` }],
    });
  }
  const zone = eventType.timeZone ?? eventType.team?.timeZone ?? hosts[0]?.rules?.timeZone ?? hosts[0]?.timeZone ?? "UTC";
  const settings: EventSettings = {
    length,
    interval: eventType.slotInterval,
    beforeBuffer: eventType.beforeEventBuffer,
    afterBuffer: eventType.afterEventBuffer,
    minimumNotice: eventType.minimumBookingNotice,
    period: bookingPeriod(eventType, zone),
    schedulingType,
    seatsPerTimeSlot: eventType.seatsPerTimeSlot,
  };
  return { eventType, settings, hosts, durations };
}
