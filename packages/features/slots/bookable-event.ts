import type { CustomInputRule } from "../custom-inputs/custom-input-answers";
import { getPrisma, Prisma, type EventTypeModel } from "@slotbase/prisma";
import type { BookingPeriod, EventSettings, ScheduleRules } from "@slotbase/scheduling";
import { columnList } from "../common/column-list";
import { invalidField, notFound } from "../errors/domain-errors";
import { assertJoinableByUsername } from "../access/booking-rules";
import { busyFromRows, busySpansColumn, type BusyRow, type HostBusy } from "./busy-times";
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

/** The normal client or a transaction's: reads inside a booking transaction must use the latter. */
export type Db = Prisma.TransactionClient;

type HostUser = { id: number; email: string; name: string | null; username: string | null; timeZone: string; timeFormat: number | null; defaultScheduleId: number | null; locale?: string | null };
export type ScheduleWithRules = { id: number; userId: number | null; timeZone: string | null; availability: AvailabilityRow[] };

/** A schedule as the database returns it (rules as JSON). */
type ScheduleJson = { id: number; userId: number | null; timeZone: string | null; rules: { days: number[]; startTime: string; endTime: string; date: string | null; unavailable: boolean }[] };

/** `schedule`: the host's schedule, read with the event type (undefined: not read yet). */
type HostRow = { user: HostUser; fixed: boolean; scheduleId: number | null; schedule?: ScheduleJson | null };
type EventTypeRow = EventTypeModel & {
  teamTimeZone: string | null;
  owner: HostUser | null;
  ownerSchedule: ScheduleJson | null;
  hostRows: HostRow[];
  busy?: BusyRow[] | null;
  /** Read for bookings: whether an active webhook may want this booking's events (its deliveries must be queued with it). */
  hasWebhooks?: boolean;
  /** Read for bookings: the questions a booker answers (v1 custom inputs). */
  customInputs?: CustomInputRule[];
};

/** One slot whose hosts' busy time is read with the event type (a booking's check). */
export interface BusyAt {
  start: number;
  /** The booking's length; the event type's when not given. */
  minutes?: number;
  now: number;
  /** The caller's own hold: it does not block them. */
  ignoreReservationUid?: string | null;
}

/**
 * The busy time that matters to the slot at `at.start`: the event type's hosts, from its
 * before-buffer to its end plus after-buffer (the engine widens busy time by them).
 */
function busyAtColumn(at: BusyAt): Prisma.Sql {
  const start = Prisma.sql`${new Date(at.start).toISOString()}::timestamp`;
  const minutes = at.minutes === undefined ? Prisma.sql`et.length` : Prisma.sql`${at.minutes}::int`;
  return busySpansColumn({
    hostIds: Prisma.sql`CASE WHEN et."teamId" IS NULL THEN ARRAY[et."userId"] ELSE ARRAY(SELECT h."userId" FROM "Host" h WHERE h."eventTypeId" = et.id) END`,
    from: Prisma.sql`${start} - make_interval(mins => et."beforeEventBuffer")`,
    to: Prisma.sql`${start} + make_interval(mins => ${minutes} + et."afterEventBuffer")`,
    now: at.now,
    seatedEventTypeId: Prisma.sql`CASE WHEN et."seatsPerTimeSlot" IS NULL THEN -1 ELSE et.id END`,
    ignoreReservationUid: at.ignoreReservationUid,
  });
}

/** An active webhook on the event type, or on any of its hosts (as webhooks/enqueue-deliveries.ts picks them). */
const hasWebhooksColumn = Prisma.sql`EXISTS (
  SELECT 1 FROM "Webhook" w WHERE w.active AND (w."eventTypeId" = et.id OR (w."eventTypeId" IS NULL AND w."userId" = ANY(
    CASE WHEN et."teamId" IS NULL THEN ARRAY[et."userId"] ELSE ARRAY(SELECT h."userId" FROM "Host" h WHERE h."eventTypeId" = et.id) END))))`;

const customInputsColumn = Prisma.sql`COALESCE((
  SELECT json_agg(json_build_object('id', ci.id, 'label', ci.label, 'type', ci.type, 'required', ci.required, 'options', ci.options) ORDER BY ci.id)
  FROM "EventTypeCustomInput" ci WHERE ci."eventTypeId" = et.id), '[]'::json)`;

const hostUserJson = (alias: string) =>
  Prisma.raw(
    `json_build_object('id', ${alias}.id, 'email', ${alias}.email, 'name', ${alias}.name, 'username', ${alias}.username, 'timeZone', ${alias}."timeZone", 'timeFormat', ${alias}."timeFormat", 'defaultScheduleId', ${alias}."defaultScheduleId", 'locale', ${alias}.locale)`,
  );

const scheduleJson = Prisma.raw(`json_build_object('id', s.id, 'userId', s."userId", 'timeZone', s."timeZone", 'rules', COALESCE((
    SELECT json_agg(json_build_object('days', a.days, 'startTime', a."startTime"::text, 'endTime', a."endTime"::text, 'date', a.date::text, 'unavailable', a.unavailable))
    FROM "Availability" a WHERE a."scheduleId" = s.id), '[]'::json))`);

/** The schedule `chosen` (the host's or the event type's choice, else the user's default) if it exists, else the user's first. */
const scheduleOf = (userId: Prisma.Sql, chosen: Prisma.Sql) => Prisma.sql`(
  SELECT ${scheduleJson} FROM "Schedule" s WHERE s.id = ${chosen} OR s."userId" = ${userId}
  ORDER BY (s.id IS NOT DISTINCT FROM ${chosen}) DESC, s.id LIMIT 1)`;

// Named columns, not et.*: a prepared statement's result columns must not change under a migration.
const EVENT_TYPE_COLUMNS = columnList("et", Prisma.EventTypeScalarFieldEnum);

/** The event type, its team's zone, its owner and its hosts (with their users and schedules) in one round trip. */
async function findEventType(ref: EventTypeRef, db?: Db, busyAt?: BusyAt): Promise<EventTypeRow | null> {
  const prisma = db ?? (await getPrisma());
  const where =
    "id" in ref
      ? Prisma.sql`et.id = ${ref.id}`
      : "teamSlug" in ref
        ? Prisma.sql`et.slug = ${ref.slug} AND et."teamId" = (SELECT id FROM "Team" WHERE slug = ${ref.teamSlug})`
        : Prisma.sql`et.slug = ${ref.slug} AND et."userId" = (SELECT id FROM "User" WHERE username = ${ref.usernames[0]})`;
  const rows = await prisma.$queryRaw<EventTypeRow[]>(Prisma.sql`
    SELECT ${EVENT_TYPE_COLUMNS},
      (SELECT t."timeZone" FROM "Team" t WHERE t.id = et."teamId") AS "teamTimeZone",
      (SELECT ${hostUserJson("o")} FROM "User" o WHERE o.id = et."userId") AS owner,
      (SELECT ${scheduleOf(Prisma.sql`o.id`, Prisma.sql`COALESCE(et."scheduleId", o."defaultScheduleId")`)} FROM "User" o WHERE o.id = et."userId") AS "ownerSchedule",
      COALESCE((
        SELECT json_agg(json_build_object('user', ${hostUserJson("u")}, 'fixed', h."isFixed", 'scheduleId', h."scheduleId",
          'schedule', ${scheduleOf(Prisma.sql`u.id`, Prisma.sql`COALESCE(h."scheduleId", u."defaultScheduleId")`)}) ORDER BY h."userId")
        FROM "Host" h JOIN "User" u ON u.id = h."userId" WHERE h."eventTypeId" = et.id
      ), '[]'::json) AS "hostRows"
      ${busyAt ? Prisma.sql`, ${busyAtColumn(busyAt)} AS busy, ${hasWebhooksColumn} AS "hasWebhooks", ${customInputsColumn} AS "customInputs"` : Prisma.empty}
    FROM "EventType" et WHERE ${where} LIMIT 1
  `);
  return rows[0] ?? null;
}

const timeOfDay = (hhmmss: string) => new Date(`1970-01-01T${hhmmss}Z`);

function toSchedule(row: ScheduleJson): ScheduleWithRules {
  return {
    id: row.id,
    userId: row.userId,
    timeZone: row.timeZone,
    availability: row.rules.map((rule) => ({
      days: rule.days,
      startTime: timeOfDay(rule.startTime),
      endTime: timeOfDay(rule.endTime),
      date: rule.date ? new Date(`${rule.date}T00:00:00Z`) : null,
      unavailable: rule.unavailable,
    })),
  };
}

/** Each user's schedule: the one wanted (the host's or event type's choice, else the user's default), else their first. One round trip. */
export async function loadSchedules(wanted: Map<number, number | null>, db?: Db): Promise<Map<number, ScheduleWithRules | null>> {
  const prisma = db ?? (await getPrisma());
  const rows = await prisma.$queryRaw<{ userId: number; schedule: ScheduleJson | null }[]>(Prisma.sql`
    SELECT w."userId", ${scheduleOf(Prisma.sql`w."userId"`, Prisma.sql`w.chosen`)} AS schedule
    FROM unnest(${[...wanted.keys()]}::int[], ${[...wanted.values()]}::int[]) AS w("userId", chosen)
  `);
  return new Map(rows.map((row) => [row.userId, row.schedule && toSchedule(row.schedule)]));
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

export function allowedDurations(eventType: EventTypeModel): number[] {
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

/** An event type and who hosts it, before their schedules are read. */
export interface ResolvedEventType {
  eventType: EventTypeRow;
  hostRows: HostRow[];
  schedulingType: EventSettings["schedulingType"];
  /** The hosts' busy time around the slot asked for with `busyAt`, read in the same round trip. */
  busyAt?: { at: BusyAt; busy: Map<number, HostBusy> };
}

export async function resolveEventType(ref: EventTypeRef, db?: Db, busyAt?: BusyAt): Promise<ResolvedEventType> {
  const resolved = await resolveHosts(ref, db, busyAt);
  // Users added by name (collective by usernames) are not among the hosts whose busy time the query read.
  const addedByName = "usernames" in ref && ref.usernames.length > 1;
  if (!busyAt || addedByName) return resolved;
  return { ...resolved, busyAt: { at: busyAt, busy: busyFromRows(resolved.hostRows.map((h) => h.user.id), resolved.eventType.busy ?? null) } };
}

async function resolveHosts(ref: EventTypeRef, db?: Db, busyAt?: BusyAt): Promise<ResolvedEventType> {
  const eventType = await findEventType(ref, db, busyAt);
  if (!eventType) throw notFound(describeRef(ref));
  if (eventType.teamId !== null) {
    return { eventType, hostRows: eventType.hostRows, schedulingType: eventType.schedulingType === "COLLECTIVE" ? "COLLECTIVE" : "ROUND_ROBIN" };
  }
  if (!eventType.owner) throw notFound(describeRef(ref));
  const hostRows: HostRow[] = [{ user: eventType.owner, fixed: false, scheduleId: eventType.scheduleId, schedule: eventType.ownerSchedule }];
  const others = "usernames" in ref ? ref.usernames.slice(1) : [];
  if (others.length === 0) return { eventType, hostRows, schedulingType: null };
  const prisma = db ?? (await getPrisma());
  const found = await prisma.user.findMany({
    where: { username: { in: others } },
    select: { id: true, email: true, name: true, username: true, timeZone: true, timeFormat: true, defaultScheduleId: true, allowDynamicBooking: true },
  });
  if (found.length !== new Set(others).size) throw notFound("User in usernameList");
  assertJoinableByUsername(found);
  const users = found.map(({ allowDynamicBooking: _consent, ...user }) => user);
  hostRows.push(...users.map((user) => ({ user, fixed: true, scheduleId: null })));
  return { eventType, hostRows, schedulingType: "COLLECTIVE" };
}

/** The engine's view of a resolved event type: settings, and each host's schedule as rules. */
export async function completeBookableEvent(resolved: ResolvedEventType, options: { duration?: number } = {}, db?: Db): Promise<BookableEvent> {
  const { eventType, hostRows, schedulingType } = resolved;
  const durations = allowedDurations(eventType);
  const length = options.duration ?? eventType.length;
  if (!durations.includes(length)) {
    throw invalidField("duration", "one_of", `This event type can be booked for ${durations.join(", ")} minutes`);
  }
  // Read with the event type, except for users added by name (collective bookings by usernames).
  const unread = hostRows.filter((h) => h.schedule === undefined);
  const loaded = unread.length > 0 ? await loadSchedules(new Map(unread.map((h) => [h.user.id, h.scheduleId ?? h.user.defaultScheduleId])), db) : new Map<number, ScheduleWithRules | null>();
  const hosts: BookableHost[] = hostRows.map(({ user, fixed, schedule: read }) => {
    const schedule = read === undefined ? loaded.get(user.id) : read && toSchedule(read);
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      timeZone: user.timeZone,
      fixed,
      rules: schedule ? toScheduleRules(schedule.timeZone ?? user.timeZone, schedule.availability) : null,
    };
  });
  const zone = eventType.timeZone ?? eventType.teamTimeZone ?? hosts[0]?.rules?.timeZone ?? hosts[0]?.timeZone ?? "UTC";
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

export async function loadBookableEvent(ref: EventTypeRef, options: { duration?: number } = {}): Promise<BookableEvent> {
  return completeBookableEvent(await resolveEventType(ref), options);
}
