import { getPrisma } from "@slotbase/prisma";
import { scheduleIntervals, subtractIntervals, type Interval } from "@slotbase/scheduling";
import type { AuthContext } from "../auth/auth-context";
import { accessOf } from "../access/access";
import { seesBusyDetailsOf } from "../access/availability-rules";
import { seesSelectedCalendarsOf } from "../access/calendar-source-rules";
import { assertTeam, canManageTeam } from "../access/team-rules";
import { notFound } from "../errors/domain-errors";
import { loadSchedules } from "../slots/bookable-event";
import { loadBusySources, loadBusyTimes, type BusySource } from "../slots/busy-times";
import { toScheduleRules } from "../slots/schedule-rules";
import { selectedCalendarsOfUsers } from "../selected-calendars/selected-calendar-service";
import { loadEventTypeView, type EventTypeView } from "./event-type-view";

export type AvailabilitySubject = { userId: number } | { username: string };

export interface UserAvailability {
  userId: number;
  timeZone: string;
  /** Busy time; `title` only for the user themself, their team's OWNER/ADMIN and system admins. */
  busy: (Interval & { title?: string | null; source: BusySource["kind"] })[];
  /** Free time: the schedule's hours minus busy time. */
  dateRanges: Interval[];
  workingHours: { days: number[]; startTime: number; endTime: number; userId: number }[];
  dateOverrides: { date: string; startTime: number; endTime: number; userId: number }[];
  /**
   * The external calendars the user reads busy time from (their selected calendars), only for
   * whoever may read those (the user, unrestricted admins). No integration reads them yet, so
   * they add no busy time.
   */
  selectedCalendars?: { integration: string; externalId: string }[];
  /**
   * Asked for a seated event type (`eventTypeId`) the user hosts: its bookings in the range,
   * with their taken seats (they are seats to join, not busy time). Otherwise null.
   */
  seats: { bookingUid: string; start: number; attendees: number }[] | null;
}

/** Cal.com v1's `eventTypeId`: the availability as that event type books the user. */
export interface AvailabilityOptions {
  eventTypeId?: number;
}

/** What a caller sees of one user's availability. */
interface Visibility {
  titles: boolean;
  selectedCalendars: boolean;
}

const userColumns = { id: true, timeZone: true, defaultScheduleId: true } as const;

async function availabilityOf(
  user: { id: number; timeZone: string; defaultScheduleId: number | null },
  range: Interval,
  show: Visibility,
  view?: EventTypeView,
): Promise<UserAvailability> {
  const now = Date.now();
  const showTitles = show.titles;
  const hosts = view?.hostSchedules.has(user.id) === true;
  const seatedEventTypeId = hosts && view!.seatsPerTimeSlot !== null ? view!.eventTypeId : null;
  const [schedules, busyByHost, sources, calendars] = await Promise.all([
    loadSchedules(new Map([[user.id, (hosts ? view!.hostSchedules.get(user.id) : null) ?? user.defaultScheduleId]])),
    loadBusyTimes({ hostIds: [user.id], range, now, seatedEventTypeId }),
    loadBusySources(user.id, range, now),
    show.selectedCalendars ? selectedCalendarsOfUsers([user.id]) : null,
  ]);
  const schedule = schedules.get(user.id) ?? null;
  const timeZone = schedule?.timeZone ?? user.timeZone;
  const rules = schedule ? toScheduleRules(timeZone, schedule.availability) : null;
  const busy = busyByHost.get(user.id)!;
  return {
    userId: user.id,
    timeZone,
    busy: sources.map((b) => ({ start: b.start, end: b.end, source: b.kind, ...(showTitles ? { title: b.title } : {}) })),
    dateRanges: rules ? subtractIntervals(scheduleIntervals(rules, range), busy.busy) : [],
    workingHours: (rules?.weekly ?? []).map((w) => ({ days: w.days, startTime: w.startMinute, endTime: w.endMinute, userId: user.id })),
    dateOverrides: (rules?.overrides ?? []).map((o) => ({ date: o.date, startTime: o.startMinute, endTime: o.endMinute, userId: user.id })),
    ...(calendars ? { selectedCalendars: calendars.get(user.id) ?? [] } : {}),
    seats:
      seatedEventTypeId === null
        ? null
        : busy.seated.filter((s) => s.bookingUid !== undefined).map((s) => ({ bookingUid: s.bookingUid!, start: s.start, attendees: s.seatsBooked })),
  };
}

/**
 * A user's working hours, free ranges and busy time. Anybody may see when a user is busy
 * (booking pages show as much); only the user, an OWNER/ADMIN of a team they are in, or a
 * system admin sees what the busy time is.
 */
export async function getUserAvailability(auth: AuthContext, subject: AvailabilitySubject, range: Interval, options: AvailabilityOptions = {}): Promise<UserAvailability> {
  const prisma = await getPrisma();
  const [user, access] = await Promise.all([
    prisma.user.findUnique({
      where: "userId" in subject ? { id: subject.userId } : { username: subject.username.toLowerCase() },
      select: { ...userColumns, memberships: { where: { accepted: true }, select: { teamId: true } } },
    }),
    accessOf(auth),
  ]);
  if (!user) throw notFound("User");
  const view = options.eventTypeId === undefined ? undefined : await loadEventTypeView(access, options.eventTypeId);
  const showTitles = seesBusyDetailsOf(access, { id: user.id, teamIds: user.memberships.map((m) => m.teamId) });
  return availabilityOf(user, range, { titles: showTitles, selectedCalendars: seesSelectedCalendarsOf(access, user.id) }, view);
}

/** Every accepted member's availability; team members only (others: 404), titles for OWNER/ADMIN. */
export async function getTeamAvailability(
  auth: AuthContext,
  teamId: number,
  range: Interval,
  options: AvailabilityOptions = {},
): Promise<{ userId: number; availability: UserAvailability }[]> {
  const access = await accessOf(auth);
  assertTeam(access, teamId, "read");
  const view = options.eventTypeId === undefined ? undefined : await loadEventTypeView(access, options.eventTypeId, teamId);
  const showTitles = canManageTeam(access, teamId);
  const prisma = await getPrisma();
  const members = await prisma.user.findMany({
    where: { memberships: { some: { teamId, accepted: true } } },
    select: userColumns,
    orderBy: { id: "asc" },
  });
  return Promise.all(
    members.map(async (user) => ({
      userId: user.id,
      availability: await availabilityOf(user, range, { titles: showTitles || user.id === auth.userId, selectedCalendars: seesSelectedCalendarsOf(access, user.id) }, view),
    })),
  );
}
