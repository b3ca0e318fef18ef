import { minutesBetween } from "@slotbase/scheduling";
import { randomUUID } from "node:crypto";
import { getPrisma, type SlotReservationModel } from "@slotbase/prisma";
import type { AuthContext } from "../auth/auth-context";
import { accessOf } from "../access/access";
import { canManageEventType } from "../access/event-type-rules";
import { assertMadeAnonymously, assertOwnedBy } from "../access/owner-rules";
import { forbidden, notFound, UnprocessableError } from "../errors/domain-errors";
import { findFreeSlot } from "../slots/slot-service";

export const DEFAULT_HOLD_MINUTES = 5;
export const MAX_HOLD_MINUTES = 60;

export interface HoldRequest {
  eventTypeId: number;
  slotStart: Date;
  /** Minutes; the event type's length when absent. */
  slotDuration?: number;
  /** Minutes the hold lasts; more than the default only for the event type's owner. */
  reservationDuration?: number;
}

export interface Hold {
  reservationUid: string;
  eventTypeId: number;
  slotStart: Date;
  slotEnd: Date;
  slotDuration: number;
  reservationDuration: number;
  reservationUntil: Date;
  /** The host whose time is held (round robin: the one picked). */
  hostId: number | null;
  isSeat: boolean;
}

const slotTaken = () =>
  new UnprocessableError("This slot is not available.", [{ field: "slotStart", rule: "slot_available", message: "Not a free slot of this event type" }], {
    reason: "slot_unavailable",
  });

function toHold(row: SlotReservationModel): Hold {
  const slotDuration = minutesBetween(row.slotUtcStartDate, row.slotUtcEndDate);
  return {
    reservationUid: row.uid,
    eventTypeId: row.eventTypeId,
    slotStart: row.slotUtcStartDate,
    slotEnd: row.slotUtcEndDate,
    slotDuration,
    reservationDuration: minutesBetween(row.createdAt, row.releaseAt),
    reservationUntil: row.releaseAt,
    hostId: row.userId,
    isSeat: row.isSeat,
  };
}

/** The host a hold takes: the one it already had when still free, else the first free one. */
function pickHost(hostIds: number[], preferred: number | null): number | null {
  if (preferred !== null && hostIds.includes(preferred)) return preferred;
  return hostIds[0] ?? null;
}

/**
 * Checks the slot and takes it. The hold is written first and the slot checked again
 * without it (but with every other hold): two concurrent holds on the last place then see
 * each other and neither can slip through, with no lock held across queries.
 */
async function takeSlot(auth: AuthContext | null, request: HoldRequest, existing?: SlotReservationModel): Promise<Hold> {
  const prisma = await getPrisma();
  const start = request.slotStart.getTime();
  const search = { eventType: { id: request.eventTypeId }, start, duration: request.slotDuration, reservationUid: existing?.uid, anonymous: auth === null };
  const before = await findFreeSlot(search);
  const reservationDuration = request.reservationDuration ?? DEFAULT_HOLD_MINUTES;
  if (reservationDuration > DEFAULT_HOLD_MINUTES && (auth === null || !canManageEventType(await accessOf(auth), before.event.eventType))) {
    const message = `Only the event type's owner can hold a slot for longer than ${DEFAULT_HOLD_MINUTES} minutes.`;
    throw forbidden(message, { field: "reservationDuration", rule: "forbidden", message });
  }
  if (!before.slot) throw slotTaken();
  const hostId = pickHost(before.slot.hostIds, existing?.userId ?? null);
  const now = new Date();
  const data = {
    eventTypeId: request.eventTypeId,
    userId: hostId,
    // A calendar's hold takes one unit of its capacity.
    calendarId: before.calendar?.calendarId ?? null,
    reservedById: auth?.userId ?? null,
    slotUtcStartDate: new Date(before.slot.start),
    slotUtcEndDate: new Date(before.slot.end),
    releaseAt: new Date(now.getTime() + reservationDuration * 60_000),
    createdAt: now,
    isSeat: Boolean(before.event.eventType.seatsPerTimeSlot),
  };
  const row = existing
    ? await prisma.slotReservation.update({ where: { id: existing.id }, data })
    : await prisma.slotReservation.create({ data: { ...data, uid: randomUUID() } });

  const after = await findFreeSlot({ ...search, reservationUid: row.uid, resolved: before.resolved });
  if (!after.slot || (hostId !== null && !after.slot.hostIds.includes(hostId))) {
    if (existing) await prisma.slotReservation.update({ where: { id: existing.id }, data: existing });
    else await prisma.slotReservation.delete({ where: { id: row.id } });
    throw slotTaken();
  }
  return toHold(row);
}

/** Forgets holds that ended a day ago or more; expired ones never block anyway. */
async function sweepExpired(): Promise<void> {
  const prisma = await getPrisma();
  await prisma.slotReservation.deleteMany({ where: { releaseAt: { lt: new Date(Date.now() - 86_400_000) } } });
}

/** Holds a slot; without a key (a public booking page) for an event type that is not hidden, and for the default time only. */
export async function createHold(auth: AuthContext | null, request: HoldRequest): Promise<Hold> {
  await sweepExpired();
  return takeSlot(auth, request);
}

/** A live hold the caller made (admins: anyone's; without a key: one made without a key); expired or someone else's → 404. */
async function findOwnHold(auth: AuthContext | null, uid: string): Promise<SlotReservationModel> {
  const prisma = await getPrisma();
  const row = await prisma.slotReservation.findUnique({ where: { uid } });
  if (!row || row.releaseAt.getTime() <= Date.now()) throw notFound("Reservation");
  if (auth === null) assertMadeAnonymously(row.reservedById, "Reservation");
  else assertOwnedBy(await accessOf(auth), row.reservedById, "Reservation");
  return row;
}

export async function getHold(auth: AuthContext | null, uid: string): Promise<Hold> {
  return toHold(await findOwnHold(auth, uid));
}

export async function updateHold(auth: AuthContext, uid: string, request: Partial<HoldRequest>): Promise<Hold> {
  const existing = await findOwnHold(auth, uid);
  const current = toHold(existing);
  return takeSlot(
    auth,
    {
      eventTypeId: request.eventTypeId ?? existing.eventTypeId,
      slotStart: request.slotStart ?? existing.slotUtcStartDate,
      slotDuration: request.slotDuration ?? (request.eventTypeId !== undefined && request.eventTypeId !== existing.eventTypeId ? undefined : current.slotDuration),
      reservationDuration: request.reservationDuration ?? current.reservationDuration,
    },
    existing,
  );
}

export async function releaseHold(auth: AuthContext, uid: string): Promise<void> {
  const row = await findOwnHold(auth, uid);
  const prisma = await getPrisma();
  await prisma.slotReservation.deleteMany({ where: { id: row.id } });
}
