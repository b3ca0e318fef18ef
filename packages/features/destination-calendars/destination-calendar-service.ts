import { getPrisma, type DestinationCalendarModel } from "@slotbase/prisma";
import type { AuthContext } from "../auth/auth-context";
import { accessOf, type Access } from "../access/access";
import { bookingAccessFields } from "../access/booking-rules";
import {
  assertDestinationCalendar,
  assertMayTargetBooking,
  assertMayTargetEventType,
  assertMayUseDestinationsOf,
  destinationCalendarAccessFields,
  destinationCalendarsOfUserWhere,
  destinationOwnerKind,
  readableDestinationCalendarsWhere,
  type DestinationOwnerKind,
} from "../access/calendar-source-rules";
import { conflict, invalid, invalidField, notFound, type FieldIssue } from "../errors/domain-errors";
import { isForeignKeyViolation, isRecordNotFound, isUniqueViolation } from "../errors/database-errors";
import { findPage, mapPage, type Page, type PageRequest } from "../common/pagination";

/**
 * v1 destination calendars (Cal.com's resource): the external calendar new bookings are written
 * to. One belongs to exactly one owner: a user (their default), an event type (its bookings,
 * overriding the host's default) or a booking; each owner has at most one. There are no
 * calendar integrations yet: the choice is recorded and served, nothing is written to it.
 */
export interface DestinationCalendarInput {
  integration: string;
  externalId: string;
  /**
   * Alone: the user whose default this is (admins: anyone). With eventTypeId or bookingId:
   * Cal.com's "whose": it must be that event type's owner or that booking's host, and is not stored.
   */
  userId?: number;
  eventTypeId?: number;
  bookingId?: number;
}

export type DestinationCalendarUpdate = Partial<DestinationCalendarInput>;

export interface PublicDestinationCalendar {
  id: number;
  integration: string;
  externalId: string;
  userId: number | null;
  eventTypeId: number | null;
  bookingId: number | null;
}

export function toPublicDestinationCalendar(row: DestinationCalendarModel): PublicDestinationCalendar {
  return {
    id: row.id,
    integration: row.integration,
    externalId: row.externalId,
    userId: row.userId,
    eventTypeId: row.eventTypeId,
    bookingId: row.bookingId,
  };
}

type Owner = { kind: "user"; userId: number } | { kind: "eventType"; eventTypeId: number } | { kind: "booking"; bookingId: number };

const OWNER_NAMES: Record<DestinationOwnerKind, string> = { user: "a user", eventType: "an event type", booking: "a booking" };
const FIELD_OF: Record<DestinationOwnerKind, "userId" | "eventTypeId" | "bookingId"> = { user: "userId", eventType: "eventTypeId", booking: "bookingId" };

const ownerColumns = (owner: Owner) => ({
  userId: owner.kind === "user" ? owner.userId : null,
  eventTypeId: owner.kind === "eventType" ? owner.eventTypeId : null,
  bookingId: owner.kind === "booking" ? owner.bookingId : null,
});

function describeOwner(owner: Owner): string {
  if (owner.kind === "user") return `User ${owner.userId}`;
  if (owner.kind === "eventType") return `Event type ${owner.eventTypeId}`;
  return `Booking ${owner.bookingId}`;
}

/** A user named as the owner exists (the caller's own id needs no check). */
async function checkUserExists(access: Access, userId: number): Promise<void> {
  if (userId === access.userId) return;
  const prisma = await getPrisma();
  if (!(await prisma.user.findUnique({ where: { id: userId }, select: { id: true } }))) {
    throw notFound("User", { field: "userId", rule: "not_found", message: `No user ${userId}` });
  }
}

/** Cal.com's `userId` next to eventTypeId/bookingId: it must name whose they are (it is not stored). */
function checkNamedUser(named: number | undefined, actual: number | null, owner: Owner): void {
  if (named === undefined || named === actual) return;
  const what = owner.kind === "booking" ? "booking" : "event type";
  const whose = owner.kind === "booking" ? "hosted by" : "a personal event type of";
  throw invalidField("userId", "mismatch", `${describeOwner(owner)} is not ${whose} user ${named}: leave out userId (this destination calendar belongs to the ${what})`);
}

/** The event type the caller names as owner: they must manage it. Returns its owner user. */
async function targetEventType(access: Access, eventTypeId: number): Promise<number | null> {
  const prisma = await getPrisma();
  const eventType = await prisma.eventType.findUnique({ where: { id: eventTypeId }, select: { userId: true, teamId: true } });
  assertMayTargetEventType(access, eventType, eventTypeId);
  return eventType!.teamId === null ? eventType!.userId : null;
}

/** The booking the caller names as owner: they must be on its organizer side. Returns its host. */
async function targetBooking(access: Access, bookingId: number): Promise<number | null> {
  const prisma = await getPrisma();
  const booking = await prisma.booking.findUnique({ where: { id: bookingId }, select: bookingAccessFields });
  assertMayTargetBooking(access, booking);
  return booking!.userId;
}

/** 409 when the owner already has one (telling which, as the caller manages that owner). */
async function taken(owner: Owner, sent: readonly string[]): Promise<never> {
  const prisma = await getPrisma();
  const field = FIELD_OF[owner.kind];
  const existing = await prisma.destinationCalendar.findFirst({ where: { [field]: ownerColumns(owner)[field] }, select: { id: true } });
  const message = `${describeOwner(owner)} already has a destination calendar${existing ? ` (id ${existing.id})` : ""}: change that one, or delete it first.`;
  const issues: FieldIssue[] = sent.includes(field) ? [{ field, rule: "unique", message }] : [];
  throw conflict(message, issues);
}

function ownerMissing(owner: Owner) {
  if (owner.kind === "user") return notFound("User", { field: "userId", rule: "not_found", message: `No user ${owner.userId}` });
  if (owner.kind === "eventType") return notFound("Event type", { field: "eventTypeId", rule: "not_found", message: `No event type ${owner.eventTypeId}` });
  return notFound("Booking", { field: "bookingId", rule: "not_found", message: `No booking ${owner.bookingId}` });
}

async function findVisible(auth: AuthContext, id: number, need: "read" | "manage"): Promise<DestinationCalendarModel> {
  const prisma = await getPrisma();
  const [row, access] = await Promise.all([
    prisma.destinationCalendar.findUnique({ where: { id }, include: { eventType: destinationCalendarAccessFields.eventType, booking: destinationCalendarAccessFields.booking } }),
    accessOf(auth),
  ]);
  assertDestinationCalendar(access, row, need);
  const { eventType: _eventType, booking: _booking, ...calendar } = row!;
  return calendar;
}

/**
 * The destination calendars the caller may read (an unrestricted admin: all), by id: their own
 * default, those of event types they read (their own, their teams'), those of bookings they
 * read. `userId` keeps one user's (their default, their personal event types', the bookings
 * they host): the caller's own, or anyone's for an unrestricted admin (403 otherwise).
 */
export async function listDestinationCalendars(auth: AuthContext, page: PageRequest, filter: { userId?: number } = {}): Promise<Page<PublicDestinationCalendar>> {
  const access = await accessOf(auth);
  if (filter.userId !== undefined) assertMayUseDestinationsOf(access, filter.userId);
  const prisma = await getPrisma();
  const where = { AND: [readableDestinationCalendarsWhere(access), filter.userId !== undefined ? destinationCalendarsOfUserWhere(filter.userId) : {}] };
  const rows = await findPage(page, (window) => prisma.destinationCalendar.findMany({ where, orderBy: { id: "asc" }, ...window }), () => prisma.destinationCalendar.count({ where }));
  return mapPage(rows, toPublicDestinationCalendar);
}

export async function getDestinationCalendar(auth: AuthContext, id: number): Promise<PublicDestinationCalendar> {
  return toPublicDestinationCalendar(await findVisible(auth, id, "read"));
}

export async function createDestinationCalendar(auth: AuthContext, input: DestinationCalendarInput): Promise<PublicDestinationCalendar> {
  const access = await accessOf(auth);
  if (input.eventTypeId !== undefined && input.bookingId !== undefined) {
    const message = "A destination calendar belongs to one event type or one booking, not both: leave out one of them";
    throw invalid(message, [
      { field: "eventTypeId", rule: "exclusive", message },
      { field: "bookingId", rule: "exclusive", message },
    ]);
  }
  if (input.userId !== undefined) assertMayUseDestinationsOf(access, input.userId);
  let owner: Owner;
  if (input.eventTypeId !== undefined) {
    owner = { kind: "eventType", eventTypeId: input.eventTypeId };
    checkNamedUser(input.userId, await targetEventType(access, input.eventTypeId), owner);
  } else if (input.bookingId !== undefined) {
    owner = { kind: "booking", bookingId: input.bookingId };
    checkNamedUser(input.userId, await targetBooking(access, input.bookingId), owner);
  } else {
    const userId = input.userId ?? access.userId;
    await checkUserExists(access, userId);
    owner = { kind: "user", userId };
  }
  const prisma = await getPrisma();
  try {
    const row = await prisma.destinationCalendar.create({ data: { integration: input.integration, externalId: input.externalId, ...ownerColumns(owner) } });
    return toPublicDestinationCalendar(row);
  } catch (error) {
    if (isUniqueViolation(error)) return taken(owner, Object.keys(input));
    if (isForeignKeyViolation(error)) throw ownerMissing(owner);
    throw error;
  }
}

/**
 * Changes the calendar (integration, externalId) or moves it to another owner of the same kind:
 * another event type or booking the caller manages, or (admins) another user. Changing the kind
 * of owner is a 400: delete it and create one for the new owner.
 */
export async function updateDestinationCalendar(auth: AuthContext, id: number, input: DestinationCalendarUpdate): Promise<PublicDestinationCalendar> {
  const existing = await findVisible(auth, id, "manage");
  const access = await accessOf(auth);
  const kind = destinationOwnerKind(existing);
  for (const other of ["eventType", "booking"] as const) {
    const field = FIELD_OF[other];
    if (input[field] !== undefined && kind !== other) {
      const noun = other === "eventType" ? "event type" : "booking";
      throw invalidField(field, "owner_kind", `This destination calendar belongs to ${OWNER_NAMES[kind]}, not to ${OWNER_NAMES[other]}: only a ${noun}'s can move to another ${noun} (create one for the ${noun} instead)`);
    }
  }
  if (input.userId !== undefined) assertMayUseDestinationsOf(access, input.userId, "Only admins can move a destination calendar to another user.");
  // The new owner, when it changes (of the same kind), else null.
  let moved: Owner | null = null;
  if (kind === "eventType") {
    const owner: Owner = { kind, eventTypeId: input.eventTypeId ?? existing.eventTypeId! };
    const changes = owner.eventTypeId !== existing.eventTypeId;
    const ownerId = changes || input.userId !== undefined ? await targetEventType(access, owner.eventTypeId) : null;
    checkNamedUser(input.userId, ownerId, owner);
    if (changes) moved = owner;
  } else if (kind === "booking") {
    const owner: Owner = { kind, bookingId: input.bookingId ?? existing.bookingId! };
    const changes = owner.bookingId !== existing.bookingId;
    const hostId = changes || input.userId !== undefined ? await targetBooking(access, owner.bookingId) : null;
    checkNamedUser(input.userId, hostId, owner);
    if (changes) moved = owner;
  } else if (input.userId !== undefined && input.userId !== existing.userId) {
    await checkUserExists(access, input.userId);
    moved = { kind, userId: input.userId };
  }
  const prisma = await getPrisma();
  try {
    const row = await prisma.destinationCalendar.update({
      where: { id },
      data: {
        ...(input.integration !== undefined ? { integration: input.integration } : {}),
        ...(input.externalId !== undefined ? { externalId: input.externalId } : {}),
        ...(moved ? ownerColumns(moved) : {}),
      },
    });
    return toPublicDestinationCalendar(row);
  } catch (error) {
    if (moved && isUniqueViolation(error)) return taken(moved, Object.keys(input));
    if (isRecordNotFound(error)) throw notFound("Destination calendar");
    if (moved && isForeignKeyViolation(error)) throw ownerMissing(moved);
    throw error;
  }
}

export async function deleteDestinationCalendar(auth: AuthContext, id: number): Promise<void> {
  await findVisible(auth, id, "manage");
  const prisma = await getPrisma();
  const { count } = await prisma.destinationCalendar.deleteMany({ where: { id } });
  if (count === 0) throw notFound("Destination calendar");
}
