import { getPrisma, Prisma, type CalendarModel } from "@slotbase/prisma";
import type { AuthContext } from "../auth/auth-context";
import { conflict, invalidField, notFound } from "../errors/domain-errors";
import { isRecordNotFound, isUniqueViolation } from "../errors/database-errors";
import { cancelBookingsInTransaction } from "../bookings/booking-lifecycle";
import { notifyAfterCommit } from "../bookings/notify";
import { toScheduleRecord, type CalendarScheduleRecord } from "./calendar-schedule-rule";
import { calendarIn, workspaceFor, type Workspace } from "./workspace";

/**
 * Workspace calendars (seed 003): bookable resources of a workspace (a team). A new calendar is
 * open: with no schedules it is available at every moment. `capacity` is how many bookings may
 * overlap; a child (`parentId`) is a part of its parent (a room inside a building).
 */
export interface CalendarFields {
  name?: string;
  description?: string | null;
  timeZone?: string;
  color?: string | null;
  slug?: string | null;
  isPublic?: boolean;
  capacity?: number;
  parentId?: number | null;
}

export type CalendarCreateInput = CalendarFields & { name: string };

export type CalendarRecord = CalendarModel & { workspaceUuid: string; schedules?: CalendarScheduleRecord[] };

export interface CalendarPage {
  items: CalendarRecord[];
  total: number;
  page: number;
  pageSize: number;
  totalPages: number;
}

const MAX_PARENT_DEPTH = 32;
/** The longest slug the API accepts (lib/schemas/calendars.ts): a derived one, suffix included, is never longer. */
const MAX_SLUG_LENGTH = 60;
/** How often a derived slug is derived again when concurrent creates keep taking it first. */
const DERIVED_SLUG_ATTEMPTS = 10;

const slugTaken = (slug: string) => conflict(`A calendar with the slug "${slug}" already exists in this workspace.`, [{ field: "slug", rule: "unique", message: "Slug already in use in this workspace" }]);

/** "Meeting Room 1" → "meeting-room-1". */
export function slugFromName(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, "");
  return slug || "calendar";
}

/** `base` with `-n`, shortened (at a hyphen-free end) so that the whole stays within MAX_SLUG_LENGTH. */
const suffixed = (base: string, n: number) => `${base.slice(0, MAX_SLUG_LENGTH - `-${n}`.length).replace(/-+$/, "")}-${n}`;

/** A derived slug, made unique in the workspace with a numeric suffix when the name's own is taken. */
async function freeSlug(teamId: number, base: string): Promise<string> {
  const prisma = await getPrisma();
  // Every candidate starts with this: a suffix of up to 11 characters shortens the base by at most 12.
  const stem = base.slice(0, MAX_SLUG_LENGTH - 12);
  const taken = new Set(
    (await prisma.calendar.findMany({ where: { teamId, slug: { startsWith: stem } }, select: { slug: true } })).map((c) => c.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(suffixed(base, n))) return suffixed(base, n);
}

/** A parent must be a calendar of the same workspace, and not the calendar itself or one of its children. */
async function checkParent(workspace: Workspace, parentId: number | null | undefined, calendarId?: number): Promise<void> {
  if (parentId == null) return;
  const prisma = await getPrisma();
  let current: number | null = parentId;
  for (let depth = 0; current !== null && depth < MAX_PARENT_DEPTH; depth += 1) {
    if (current === calendarId) throw invalidField("parentId", "cycle", "A calendar cannot be inside itself or inside one of its children");
    const row: { parentId: number | null } | null = await prisma.calendar.findFirst({ where: { id: current, teamId: workspace.id }, select: { parentId: true } });
    if (!row) throw invalidField("parentId", "exists", "No calendar with this id in this workspace");
    current = row.parentId;
  }
  if (current !== null) throw invalidField("parentId", "too_deep", `Calendars nest at most ${MAX_PARENT_DEPTH} levels`);
}

const withSchedules = { calendarSchedules: { orderBy: { id: "asc" as const } } };

type Row = CalendarModel & { calendarSchedules?: Parameters<typeof toScheduleRecord>[0][] };

function record(workspace: Workspace, row: Row, includeSchedules: boolean): CalendarRecord {
  const { calendarSchedules, ...calendar } = row;
  return {
    ...calendar,
    workspaceUuid: workspace.uuid,
    ...(includeSchedules ? { schedules: (calendarSchedules ?? []).map(toScheduleRecord) } : {}),
  };
}

export async function listCalendars(
  auth: AuthContext,
  workspaceUuid: string,
  query: { page: number; pageSize: number; includeSchedules: boolean },
): Promise<CalendarPage> {
  const { workspace } = await workspaceFor(auth, workspaceUuid, "read");
  const prisma = await getPrisma();
  const [total, rows] = await Promise.all([
    prisma.calendar.count({ where: { teamId: workspace.id } }),
    prisma.calendar.findMany({
      where: { teamId: workspace.id },
      orderBy: { id: "asc" },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      ...(query.includeSchedules ? { include: withSchedules } : {}),
    }),
  ]);
  return {
    items: rows.map((row) => record(workspace, row, query.includeSchedules)),
    total,
    page: query.page,
    pageSize: query.pageSize,
    totalPages: Math.ceil(total / query.pageSize),
  };
}

export async function getCalendar(auth: AuthContext, workspaceUuid: string, calendarId: number, options: { includeSchedules: boolean }): Promise<CalendarRecord> {
  const { workspace } = await workspaceFor(auth, workspaceUuid, "read");
  const prisma = await getPrisma();
  const row = await calendarIn(workspace, calendarId, (where) =>
    prisma.calendar.findFirst({ where, ...(options.includeSchedules ? { include: withSchedules } : {}) }),
  );
  return record(workspace, row, options.includeSchedules);
}

export async function createCalendar(auth: AuthContext, workspaceUuid: string, input: CalendarCreateInput): Promise<CalendarRecord> {
  const { workspace } = await workspaceFor(auth, workspaceUuid, "write");
  await checkParent(workspace, input.parentId);
  const prisma = await getPrisma();
  // A derived slug that a concurrent create took first is derived again (an explicit one is the client's: 409).
  for (let attempt = 1; ; attempt += 1) {
    const slug = input.slug ?? (await freeSlug(workspace.id, slugFromName(input.name)));
    try {
      const row = await prisma.calendar.create({
        data: { ...input, slug, timeZone: input.timeZone ?? workspace.timeZone, teamId: workspace.id },
      });
      return record(workspace, row, false);
    } catch (error) {
      if (isUniqueViolation(error) && input.slug === undefined && attempt < DERIVED_SLUG_ATTEMPTS) continue;
      if (isUniqueViolation(error)) throw slugTaken(slug);
      throw error;
    }
  }
}

/** Changes only the fields sent. */
export async function updateCalendar(auth: AuthContext, workspaceUuid: string, calendarId: number, input: CalendarFields): Promise<CalendarRecord> {
  const { workspace } = await workspaceFor(auth, workspaceUuid, "write");
  const prisma = await getPrisma();
  await calendarIn(workspace, calendarId, (where) => prisma.calendar.findFirst({ where, select: { id: true } }));
  await checkParent(workspace, input.parentId, calendarId);
  try {
    return record(workspace, await prisma.calendar.update({ where: { id: calendarId }, data: input }), false);
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken(input.slug ?? "");
    if (isRecordNotFound(error)) throw notFound("Calendar");
    throw error;
  }
}

/**
 * Deletes the calendar with its schedules and its child calendars. Upcoming accepted or
 * pending bookings of any of them are not dropped silently: a 409 says how many, unless
 * `force`, which cancels them as a cancellation does (emails included) in the same transaction.
 */
export async function deleteCalendar(auth: AuthContext, workspaceUuid: string, calendarId: number, options: { force: boolean }): Promise<void> {
  const { access, workspace } = await workspaceFor(auth, workspaceUuid, "write");
  const prisma = await getPrisma();
  await calendarIn(workspace, calendarId, (where) => prisma.calendar.findFirst({ where, select: { id: true } }));
  const cancelled = await prisma.$transaction(async (tx) => {
    const upcoming = await tx.$queryRaw<{ id: number }[]>(Prisma.sql`
      WITH RECURSIVE tree AS (
        SELECT id FROM "Calendar" WHERE id = ${calendarId}
        UNION SELECT c.id FROM "Calendar" c JOIN tree ON c."parentId" = tree.id
      )
      SELECT b.id FROM "Booking" b JOIN tree ON b."calendarId" = tree.id
      WHERE b.status IN ('ACCEPTED', 'PENDING') AND b."endTime" > ${new Date().toISOString()}::timestamp
      ORDER BY b.id
      FOR UPDATE OF b`);
    if (upcoming.length > 0 && !options.force) {
      throw conflict(
        `This calendar (or one inside it) has ${upcoming.length} upcoming booking${upcoming.length === 1 ? "" : "s"}. Cancel them first, or delete with force=true to cancel them (their attendees are told).`,
        [{ field: "force", rule: "upcoming_bookings", message: `${upcoming.length} upcoming bookings` }],
      );
    }
    const count = await cancelBookingsInTransaction(
      tx,
      upcoming.map((b) => b.id),
      { reason: "The calendar was deleted.", cancelledBy: access.email },
    );
    // Deleted meanwhile by a concurrent request: a 404 like any missing calendar (the rollback undoes the above).
    const deleted = await tx.calendar.deleteMany({ where: { id: calendarId, teamId: workspace.id } });
    if (deleted.count === 0) throw notFound("Calendar");
    return count;
  });
  if (cancelled > 0) notifyAfterCommit();
}
