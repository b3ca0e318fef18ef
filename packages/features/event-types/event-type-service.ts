import { getPrisma, Prisma, type PeriodType } from "@slotbase/prisma";
import type { EventTypeHostInput, EventTypeFields, EventTypeCreateInput, EventTypeUpdateInput, EventTypeWithHosts, EventTypeListFilter } from "./event-type-types";
import type { AuthContext } from "../auth/auth-context";
import { accessOf, type Access } from "../access/access";
import { assertEventType, assertMayUseOwner, readableEventTypesWhere } from "../access/event-type-rules";
import { assertTeam } from "../access/team-rules";
import { conflict, invalid as invalidInput, notFound, type FieldIssue } from "../errors/domain-errors";
import { isForeignKeyViolation, isRecordNotFound, isUniqueViolation } from "../errors/database-errors";
import { findPage, type Page, type PageRequest } from "../common/pagination";

const person = {
  select: { id: true, name: true, username: true, avatarUrl: true, weekStart: true, brandColor: true, darkBrandColor: true },
} satisfies Prisma.UserDefaultArgs;

const withHosts = {
  hosts: {
    select: { userId: true, isFixed: true, priority: true, weight: true, scheduleId: true, user: person },
    orderBy: { userId: "asc" },
  },
  owner: person,
  destinationCalendar: { select: { integration: true, externalId: true } },
} satisfies Prisma.EventTypeInclude;

const EVENT_TYPE = "Event type";

const detail = (field: string, rule: string, message: string): FieldIssue => ({ field, rule, message });

function invalid(details: FieldIssue[]) {
  return invalidInput(details.map((d) => `${d.field}: ${d.message}`).join("; "), details);
}

function slugTaken(slug: string, teamOwned: boolean) {
  return conflict(`An event type with the slug "${slug}" already exists for this ${teamOwned ? "team" : "user"}.`, [
    detail("slug", "unique", "Slug already in use by this owner"),
  ]);
}

/** Database errors a client can cause, as 4xx; anything else is rethrown. */
function clientError(error: unknown, slug: string, teamOwned: boolean): unknown {
  if (isUniqueViolation(error)) return slugTaken(slug, teamOwned);
  if (isRecordNotFound(error)) return notFound(EVENT_TYPE);
  if (isForeignKeyViolation(error)) {
    // A user, team or schedule named by the request was deleted while it was being written.
    return invalidInput("A user, team or schedule the request refers to no longer exists.", [
      { rule: "reference", message: "Refers to something that no longer exists" },
    ]);
  }
  return error;
}

/**
 * A system admin passes the team rules for any team id, so for them the team must also exist
 * (a 404 rather than an empty list or a failed write).
 */
async function assertTeamExists(access: Access, teamId: number, what = "Team"): Promise<void> {
  if (access.teamRoles.has(teamId)) return;
  const prisma = await getPrisma();
  if (!(await prisma.team.findUnique({ where: { id: teamId }, select: { id: true } }))) throw notFound(what);
}

async function findEventType(id: number): Promise<EventTypeWithHosts> {
  const prisma = await getPrisma();
  const row = await prisma.eventType.findUnique({ where: { id }, include: withHosts });
  if (!row) throw notFound(EVENT_TYPE);
  return row;
}

async function findAccessible(auth: AuthContext, id: number, need: "read" | "manage"): Promise<EventTypeWithHosts> {
  const [row, access] = await Promise.all([findEventType(id), accessOf(auth)]);
  assertEventType(access, row, need);
  return row;
}

interface Merged {
  teamId: number | null;
  ownerId: number | null;
  periodType: PeriodType;
  periodDays: number | null;
  periodStartDate: Date | null;
  periodEndDate: Date | null;
  schedulingType: string | null;
}

/** Rules across fields, checked on the event type as it will be after the write. */
function crossFieldDetails(merged: Merged, input: EventTypeFields): FieldIssue[] {
  const details: FieldIssue[] = [];
  if (merged.periodType === "ROLLING" && merged.periodDays === null) {
    details.push(detail("periodDays", "required", "periodType ROLLING needs periodDays (1-3650)"));
  }
  if (merged.periodType === "RANGE") {
    if (merged.periodStartDate === null) details.push(detail("periodStartDate", "required", "periodType RANGE needs periodStartDate"));
    if (merged.periodEndDate === null) details.push(detail("periodEndDate", "required", "periodType RANGE needs periodEndDate"));
    if (merged.periodStartDate && merged.periodEndDate && merged.periodEndDate.getTime() < merged.periodStartDate.getTime()) {
      details.push(detail("periodEndDate", "after_start", "periodEndDate must not be before periodStartDate"));
    }
  }
  if (merged.teamId !== null) {
    if (merged.schedulingType === null) {
      details.push(detail("schedulingType", "required", "Team event types need a schedulingType: ROUND_ROBIN or COLLECTIVE"));
    }
    if (input.scheduleId != null) {
      details.push(detail("scheduleId", "team_type", "Team event types have no schedule of their own: each host uses theirs"));
    }
  } else {
    if (merged.schedulingType !== null) {
      details.push(detail("schedulingType", "team_only", "Only team event types have a schedulingType"));
    }
    if (input.hosts && input.hosts.length > 0) {
      details.push(detail("hosts", "team_only", "Only team event types have hosts"));
    }
    if (input.calendarId != null) {
      details.push(detail("calendarId", "team_only", "Only team event types book a workspace calendar"));
    }
  }
  return details;
}

/** References: the type's schedule, and each host's membership and schedule. */
async function referenceDetails(merged: Merged, input: EventTypeFields): Promise<FieldIssue[]> {
  const prisma = await getPrisma();
  const details: FieldIssue[] = [];
  if (merged.teamId === null && input.scheduleId != null) {
    const schedule = await prisma.schedule.findUnique({ where: { id: input.scheduleId }, select: { userId: true } });
    if (!schedule || schedule.userId === null || schedule.userId !== merged.ownerId) {
      details.push(detail("scheduleId", "reference", `No schedule ${input.scheduleId} belongs to the event type's owner`));
    }
  }
  if (merged.teamId !== null && input.calendarId != null) {
    const calendar = await prisma.calendar.findFirst({ where: { id: input.calendarId, teamId: merged.teamId }, select: { id: true } });
    if (!calendar) details.push(detail("calendarId", "reference", `No calendar ${input.calendarId} in this team's workspace`));
  }
  if (merged.teamId !== null && input.hosts && input.hosts.length > 0) {
    const userIds = input.hosts.map((h) => h.userId);
    const members = await prisma.membership.findMany({
      where: { teamId: merged.teamId, accepted: true, userId: { in: userIds } },
      select: { userId: true },
    });
    const memberIds = new Set(members.map((m) => m.userId));
    const scheduleIds = input.hosts.flatMap((h) => (h.scheduleId != null ? [h.scheduleId] : []));
    const schedules = scheduleIds.length
      ? await prisma.schedule.findMany({ where: { id: { in: scheduleIds } }, select: { id: true, userId: true } })
      : [];
    const scheduleOwner = new Map(schedules.map((s) => [s.id, s.userId]));
    input.hosts.forEach((host, index) => {
      if (!memberIds.has(host.userId)) {
        details.push(detail(`hosts.${index}.userId`, "team_member", `User ${host.userId} is not an accepted member of the team`));
      } else if (host.scheduleId != null && scheduleOwner.get(host.scheduleId) !== host.userId) {
        details.push(detail(`hosts.${index}.scheduleId`, "reference", `No schedule ${host.scheduleId} belongs to user ${host.userId}`));
      }
    });
  }
  return details;
}

async function assertValid(merged: Merged, input: EventTypeFields): Promise<void> {
  const details = crossFieldDetails(merged, input);
  if (details.length === 0) details.push(...(await referenceDetails(merged, input)));
  if (details.length > 0) throw invalid(details);
}

const jsonInput = (value: unknown) => (value === null ? Prisma.DbNull : (value as Prisma.InputJsonValue));

/** The metadata to write: as sent, with multipleDuration set in it (or in what is stored) when sent. */
function metadataColumn(input: EventTypeFields, stored: unknown): Record<string, unknown> | null | undefined {
  if (input.multipleDuration === undefined) return input.metadata;
  const base = input.metadata !== undefined ? input.metadata : stored;
  const { multipleDuration: _old, ...rest } = base !== null && typeof base === "object" && !Array.isArray(base) ? (base as Record<string, unknown>) : {};
  return input.multipleDuration === null ? rest : { ...rest, multipleDuration: input.multipleDuration };
}

/** Columns to write, without the owner and the hosts (handled by the callers). */
function columns(input: EventTypeFields, storedMetadata: unknown = null) {
  const fields = { ...input } as EventTypeFields & { teamId?: number; userId?: number };
  const { hosts: _hosts, teamId: _teamId, userId: _userId, locations, metadata: _metadata, multipleDuration: _durations, recurringEvent, ...scalars } = fields;
  const metadata = metadataColumn(input, storedMetadata);
  return {
    ...scalars,
    ...(recurringEvent !== undefined ? { recurringEvent: recurringEvent === null ? Prisma.DbNull : { ...recurringEvent } } : {}),
    ...(locations !== undefined ? { locations: locations as unknown as Prisma.InputJsonValue } : {}),
    ...(metadata !== undefined ? { metadata: jsonInput(metadata) } : {}),
  };
}

const hostRows = (hosts: EventTypeHostInput[]) =>
  hosts.map((h) => ({
    userId: h.userId,
    isFixed: h.isFixed ?? false,
    priority: h.priority ?? null,
    weight: h.weight ?? null,
    scheduleId: h.scheduleId ?? null,
  }));

export async function listEventTypes(
  auth: AuthContext,
  page: PageRequest,
  filter: EventTypeListFilter = {},
): Promise<Page<EventTypeWithHosts>> {
  const access = await accessOf(auth);
  if (filter.userId !== undefined) assertMayUseOwner(access, filter.userId, "Only admins can list another user's event types.");
  if (filter.teamId !== undefined) {
    assertTeam(access, filter.teamId, "read");
    await assertTeamExists(access, filter.teamId);
  }
  const prisma = await getPrisma();
  let userId = filter.userId;
  if (filter.username !== undefined) {
    const named = await prisma.user.findUnique({ where: { username: filter.username }, select: { id: true } });
    // Checked before saying whether the user exists: an unknown name is a 403 too, except to admins.
    assertMayUseOwner(access, named?.id ?? 0, "Only admins can list another user's event types.");
    if (!named) return { items: [], total: 0 };
    userId = named.id;
  }
  const where: Prisma.EventTypeWhereInput = {
    AND: [
      readableEventTypesWhere(access),
      userId !== undefined ? { userId, teamId: null } : {},
      filter.teamId !== undefined ? { teamId: filter.teamId } : {},
      filter.slug !== undefined ? { slug: filter.slug } : {},
    ],
  };
  return findPage(page, (window) => prisma.eventType.findMany({ where, include: withHosts, orderBy: { id: "asc" }, ...window }), () => prisma.eventType.count({ where }));
}

/** A team's event types, for its accepted members (and admins); anyone else gets a 404. */
export async function listTeamEventTypes(auth: AuthContext, teamId: number, page: PageRequest): Promise<Page<EventTypeWithHosts>> {
  const access = await accessOf(auth);
  assertTeam(access, teamId, "read");
  await assertTeamExists(access, teamId);
  const prisma = await getPrisma();
  const where = { teamId };
  return findPage(page, (window) => prisma.eventType.findMany({ where, include: withHosts, orderBy: { id: "asc" }, ...window }), () => prisma.eventType.count({ where }));
}

export async function getEventType(auth: AuthContext, id: number): Promise<EventTypeWithHosts> {
  return findAccessible(auth, id, "read");
}

export async function createEventType(auth: AuthContext, input: EventTypeCreateInput): Promise<EventTypeWithHosts> {
  const [prisma, access] = await Promise.all([getPrisma(), accessOf(auth)]);
  const teamId = input.teamId ?? null;
  let ownerId: number | null = null;
  if (teamId !== null) {
    if (input.userId !== undefined) {
      throw invalid([detail("userId", "exclusive", "An event type belongs to a user or to a team, not both: leave out userId")]);
    }
    assertTeam(access, teamId, "manage");
    await assertTeamExists(access, teamId);
  } else {
    ownerId = input.userId ?? auth.userId;
    assertMayUseOwner(access, ownerId, "Only admins can create event types for other users.");
    const owner = await prisma.user.findUnique({ where: { id: ownerId }, select: { id: true } });
    if (!owner) throw notFound("User", detail("userId", "reference", "No such user"));
  }
  await assertValid(
    {
      teamId,
      ownerId,
      periodType: input.periodType ?? "UNLIMITED",
      periodDays: input.periodDays ?? null,
      periodStartDate: input.periodStartDate ?? null,
      periodEndDate: input.periodEndDate ?? null,
      schedulingType: input.schedulingType ?? null,
    },
    input,
  );
  try {
    return await prisma.eventType.create({
      data: {
        ...columns(input),
        title: input.title,
        slug: input.slug,
        length: input.length,
        userId: ownerId,
        teamId,
        ...(teamId !== null && input.hosts?.length ? { hosts: { create: hostRows(input.hosts) } } : {}),
      },
      include: withHosts,
    });
  } catch (error) {
    throw clientError(error, input.slug, teamId !== null);
  }
}

export async function updateEventType(auth: AuthContext, id: number, input: EventTypeUpdateInput): Promise<EventTypeWithHosts> {
  const existing = await findAccessible(auth, id, "manage");
  await assertValid(
    {
      teamId: existing.teamId,
      ownerId: existing.userId,
      periodType: input.periodType ?? existing.periodType,
      periodDays: input.periodDays !== undefined ? input.periodDays : existing.periodDays,
      periodStartDate: input.periodStartDate !== undefined ? input.periodStartDate : existing.periodStartDate,
      periodEndDate: input.periodEndDate !== undefined ? input.periodEndDate : existing.periodEndDate,
      schedulingType: input.schedulingType !== undefined ? input.schedulingType : existing.schedulingType,
    },
    input,
  );
  const prisma = await getPrisma();
  try {
    // Nested writes run in one transaction: the host list is replaced all or nothing.
    return await prisma.eventType.update({
      where: { id },
      data: {
        ...columns(input, existing.metadata),
        ...(input.hosts !== undefined && existing.teamId !== null
          ? { hosts: { deleteMany: {}, create: hostRows(input.hosts) } }
          : {}),
      },
      include: withHosts,
    });
  } catch (error) {
    throw clientError(error, input.slug ?? existing.slug, existing.teamId !== null);
  }
}

/** Deletes the event type and returns it as it was. */
export async function deleteEventType(auth: AuthContext, id: number): Promise<EventTypeWithHosts> {
  const existing = await findAccessible(auth, id, "manage");
  const prisma = await getPrisma();
  const { count } = await prisma.eventType.deleteMany({ where: { id } });
  if (count === 0) throw notFound(EVENT_TYPE);
  return existing;
}
