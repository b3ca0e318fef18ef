import { assertPublicEventType } from "../access/event-type-rules";
import { randomBytes, randomUUID } from "node:crypto";
import { getPrisma, Prisma, type BookingModel } from "@slotbase/prisma";
import type { AuthContext } from "../auth/auth-context";
import { invalidField } from "../errors/domain-errors";
import { accessOf } from "../access/access";
import { visibleAttendees } from "../access/booking-rules";
import { resolveBookingLocation, type BookingLocationInput } from "./booking-location";
import { allowedDurations, resolveEventType, type Db, type EventTypeRef, type ResolvedEventType } from "../slots/bookable-event";
import { findFreeSlot } from "../slots/slot-service";
import { asBookingConflict, slotUnavailable } from "./booking-errors";
import { loadBookingRecord, type BookingRecord } from "./booking-record";
import { hostTimeTakenAfterWriters, lockCalendar, lockHosts } from "./booking-locks";
import { calendarLockId } from "../slots/calendar-resource";
import { insertAcceptedBooking, type NewBooking } from "./insert-booking";
import { notifyAfterCommit, notifyEmailsAfterCommit, notifyInTransaction } from "./notify";
import { customInputAnswers } from "../custom-inputs/custom-input-answers";
import { webhookPayloadOf } from "../webhooks/booking-payload";
import { sendHeldDeliveries } from "../webhooks/worker";
import { bookingNotificationRows } from "../notifications";

export interface AttendeeInput {
  name: string;
  email: string;
  timeZone: string;
  locale?: string | null;
  phoneNumber?: string | null;
}

export interface BookingCreateInput {
  eventTypeId: number;
  start: Date;
  /** Minutes: the event type's length or one of its durations. */
  lengthInMinutes?: number;
  attendee: AttendeeInput;
  guests?: string[];
  location?: string | null;
  title?: string;
  description?: string | null;
  metadata?: Record<string, unknown>;
  responses?: Record<string, unknown>;
  /** The answers to the event type's custom inputs, by label (checked by createBooking; carried over by reschedules). */
  customInputs?: Record<string, unknown>;
  /** The caller's hold on this slot: it does not block them, and is released. */
  reservationUid?: string | null;
  /** The user whose key makes the booking. */
  bookedById?: number | null;
  /** Only these hosts may take it (Cal.com's routing.teamMemberIds): the slot is unavailable when none of them is free. */
  eligibleHostIds?: number[];
  /** The series this occurrence belongs to (a recurring event type's booking). */
  recurringEventId?: string;
}

/** The free hosts this booking may go to. */
function eligibleHosts(free: number[], input: BookingCreateInput): number[] {
  if (!input.eligibleHostIds) return free;
  const eligible = free.filter((id) => input.eligibleHostIds!.includes(id));
  if (eligible.length === 0) throw slotUnavailable();
  return eligible;
}

/** What a client asks to book: the event type by id, or by slug with its owner's username or team slug. */
export type BookingRequest = Omit<BookingCreateInput, "eventTypeId" | "location"> & { location?: BookingLocationInput | null } & ({ eventTypeId: number } | { eventType: EventTypeRef });

/** How a booking is created inside its transaction (reschedule passes the old one). */
export interface CreateOptions {
  rescheduling?: {
    uid: string;
    iCalUID: string | null;
    iCalSequence: number;
    preferredHostId: number | null;
    /** Only the preferred host will do: the slot is unavailable when they are not free. */
    requirePreferredHost?: boolean;
    attendees: AttendeeInput[];
  };
}

const newUid = () => randomBytes(12).toString("base64url");

/** Pick the round-robin host: the preferred one when free, else the free host with the fewest upcoming bookings. */
async function pickHost(tx: Db, free: number[], preferred: number | null, start: Date): Promise<number> {
  if (preferred !== null && free.includes(preferred)) return preferred;
  if (free.length === 1) return free[0]!;
  const counts = await tx.booking.groupBy({
    by: ["userId"],
    where: { userId: { in: free }, status: { in: ["ACCEPTED", "PENDING"] }, startTime: { gte: start } },
    _count: { _all: true },
  });
  const load = new Map(counts.map((c) => [c.userId, c._count._all]));
  return [...free].sort((a, b) => (load.get(a) ?? 0) - (load.get(b) ?? 0) || a - b)[0]!;
}

function attendeeRows(input: BookingCreateInput, rescheduling: CreateOptions["rescheduling"]) {
  if (rescheduling) return rescheduling.attendees;
  const main = { ...input.attendee, email: input.attendee.email.toLowerCase(), locale: input.attendee.locale ?? "en" };
  const guests = (input.guests ?? [])
    .map((email) => email.toLowerCase())
    .filter((email, i, all) => email !== main.email && all.indexOf(email) === i)
    .map((email) => ({ name: email, email, timeZone: main.timeZone, locale: main.locale }));
  return [main, ...guests];
}

interface Created {
  bookingId: number;
  kind: "created" | "requested";
  /** Joining a seated booking: only these attendees (and the host) hear of it. */
  newAttendeeIds?: number[];
  /** A new booking, as the API shows it, built from the rows just written (no read-back). */
  record?: BookingRecord;
}

export async function createInTransaction(tx: Db, resolved: ResolvedEventType, input: BookingCreateInput, options: CreateOptions): Promise<Created> {
  const eventType = resolved.eventType;
  const seated = Boolean(eventType.seatsPerTimeSlot);
  const hostIds = resolved.hostRows.map((h) => h.user.id);
  // Counted bookings (seats, pending, a calendar's capacity) need the locks; they also keep racing inserts from deadlocking in the constraint check.
  await lockHosts(tx, hostIds);
  if (eventType.calendarId !== null) await lockCalendar(tx, await calendarLockId(tx, eventType.calendarId));

  const { slot, calendar } = await findFreeSlot({
    eventType: { id: eventType.id },
    resolved,
    start: input.start.getTime(),
    duration: input.lengthInMinutes,
    reservationUid: input.reservationUid,
    rescheduleUid: options.rescheduling?.uid,
    db: tx,
  });
  if (!slot) throw slotUnavailable();
  if (input.reservationUid) await tx.slotReservation.deleteMany({ where: { uid: input.reservationUid } });

  const attendees = attendeeRows(input, options.rescheduling);
  if (slot.seats?.bookingUid) {
    // A seated slot someone already booked: join that booking, one attendee per seat.
    if (attendees.length > slot.seats.total - slot.seats.booked) throw slotUnavailable();
    const existing = await tx.booking.findUniqueOrThrow({ where: { uid: slot.seats.bookingUid }, select: { id: true } });
    const newAttendeeIds: number[] = [];
    for (const attendee of attendees) {
      const row = await tx.attendee.create({ data: { ...attendee, bookingId: existing.id } });
      await tx.bookingSeat.create({ data: { referenceUid: randomUUID(), bookingId: existing.id, attendeeId: row.id, bookedById: input.bookedById ?? null } });
      newAttendeeIds.push(row.id);
    }
    return { bookingId: existing.id, kind: "created", newAttendeeIds };
  }
  if (seated && attendees.length > eventType.seatsPerTimeSlot!) throw slotUnavailable();

  // A calendar booked without hosts: its booker organizes it, without their own time being taken.
  const hostless = slot.hostIds.length === 0;
  const preferredHostId = options.rescheduling?.preferredHostId ?? null;
  if (options.rescheduling?.requirePreferredHost && (preferredHostId === null || !slot.hostIds.includes(preferredHostId))) throw slotUnavailable();
  const hostId = hostless ? null : await pickHost(tx, eligibleHosts(slot.hostIds, input), preferredHostId, input.start);
  const organizerId = hostId ?? input.bookedById ?? null;
  if (organizerId === null) throw slotUnavailable();
  const values = newBookingValues(resolved, input, slot, organizerId, attendees, options.rescheduling);
  const status = eventType.requiresConfirmation ? "PENDING" : "ACCEPTED";
  const booking = await tx.booking.create({
    data: {
      ...values,
      exclusive: !hostless,
      ...(calendar ? { calendarId: calendar.calendarId, calendarExclusive: calendar.capacity === 1 } : {}),
      status,
      metadata: values.metadata as Prisma.InputJsonObject,
      responses: values.responses as Prisma.InputJsonObject,
      customInputs: values.customInputs as Prisma.InputJsonObject,
      fromReschedule: options.rescheduling?.uid ?? null,
      iCalSequence: options.rescheduling ? options.rescheduling.iCalSequence + 1 : 0,
      recurringEventId: input.recurringEventId ?? null,
    },
  });
  const saved = await tx.attendee.createManyAndReturn({ data: attendees.map((attendee) => ({ ...attendee, bookingId: booking.id })) });
  saved.sort((a, b) => a.id - b.id);
  const bookedById = input.bookedById ?? null;
  const seats = seated ? saved.map((row) => ({ referenceUid: randomUUID(), bookingId: booking.id, attendeeId: row.id, bookedById })) : [];
  if (seated) await tx.bookingSeat.createMany({ data: seats });
  const withSeats = saved.map((row, i) => ({ ...row, bookingSeat: seated ? { bookedById, referenceUid: seats[i]!.referenceUid, data: null } : null }));
  const kind = status === "PENDING" ? "requested" : "created";
  // Built from the rows just written when its organizer is a host; a booker organizing is read back.
  return { bookingId: booking.id, kind, record: hostless ? undefined : recordOf(resolved, { ...booking, attendees: withSeats }) };
}

/** The new booking's columns, whichever way it is written. */
function newBookingValues(
  resolved: ResolvedEventType,
  input: BookingCreateInput,
  slot: { start: number; end: number },
  hostId: number,
  attendees: AttendeeInput[],
  rescheduling?: CreateOptions["rescheduling"],
): NewBooking {
  // A host's name in the title; a booker organizing (a calendar booked without hosts) is not one.
  const host = resolved.hostRows.find((h) => h.user.id === hostId)?.user;
  const uid = newUid();
  return {
    uid,
    userId: hostId,
    bookedById: input.bookedById ?? null,
    eventTypeId: resolved.eventType.id,
    title: input.title ?? (host ? `${resolved.eventType.title} between ${host.name ?? host.email} and ${attendees[0]!.name}` : `${resolved.eventType.title} for ${attendees[0]!.name}`),
    description: input.description ?? null,
    startTime: new Date(slot.start),
    endTime: new Date(slot.end),
    location: input.location ?? null,
    metadata: input.metadata ?? {},
    responses: input.responses ?? {},
    customInputs: input.customInputs ?? {},
    iCalUID: rescheduling?.iCalUID ?? `${uid}@slotbase`,
  };
}

const hostOf = (resolved: ResolvedEventType, hostId: number) => resolved.hostRows.find((h) => h.user.id === hostId)!.user;

/** A new booking, as the API shows it, built from the rows just written (no read-back). */
function recordOf(resolved: ResolvedEventType, booking: BookingModel & { attendees: BookingRecord["attendees"] }): BookingRecord {
  const host = hostOf(resolved, booking.userId!);
  const { id, title, slug, userId, teamId, length, schedulingType, seatsPerTimeSlot, seatsShowAttendees } = resolved.eventType;
  return {
    ...booking,
    user: { id: host.id, name: host.name, email: host.email, username: host.username, timeZone: host.timeZone },
    eventType: { id, title, slug, userId, teamId, length, schedulingType, seatsPerTimeSlot, seatsShowAttendees },
    references: [],
    rescheduledToUid: null,
  };
}

/**
 * A plain booking (one host's accepted time, no seats to count): checked, then written with
 * its attendees and notifications in one statement. No transaction is held open across the
 * check: the exclusion constraint decides any race, as it would inside one.
 */
async function createAcceptedBooking(resolved: ResolvedEventType, input: BookingCreateInput): Promise<BookingRecord> {
  const prisma = await getPrisma();
  const { slot } = await findFreeSlot({
    eventType: { id: resolved.eventType.id },
    resolved,
    start: input.start.getTime(),
    duration: input.lengthInMinutes,
    reservationUid: input.reservationUid,
    now: resolved.busyAt?.at.now,
    busy: resolved.busyAt?.busy,
    db: prisma,
  });
  if (!slot) throw slotUnavailable();
  const hostId = await pickHost(prisma, eligibleHosts(slot.hostIds, input), null, input.start);
  const attendees = attendeeRows(input, undefined);
  const values = newBookingValues(resolved, input, slot, hostId, attendees);
  const host = hostOf(resolved, hostId);
  const notifications = bookingNotificationRows(
    {
      ...values,
      status: "ACCEPTED",
      iCalSequence: 0,
      rejectionReason: null,
      cancellationReason: null,
      host,
      attendees,
      eventType: { seatsPerTimeSlot: null, seatsShowAttendees: resolved.eventType.seatsShowAttendees },
    },
    { kind: "created", bookingId: 0 },
  );
  const et = resolved.eventType;
  // Subscribers (read with the event type) get their deliveries from the same statement: the payload is
  // built here, and the statement adds the booking's id and destination calendar.
  const webhookPayload = et.hasWebhooks
    ? webhookPayloadOf({
        ...values,
        id: 0,
        status: "ACCEPTED",
        iCalSequence: 0,
        cancellationReason: null,
        rejectionReason: null,
        organizer: { ...host, locale: host.locale ?? null },
        attendees,
        destinationCalendar: null,
        eventType: {
          slug: et.slug,
          title: et.title,
          description: et.description,
          length: et.length,
          requiresConfirmation: et.requiresConfirmation,
          seatsPerTimeSlot: et.seatsPerTimeSlot,
          seatsShowAttendees: et.seatsShowAttendees,
          price: et.price,
          currency: et.currency,
        },
      })
    : null;
  const write = (lock: "try" | "wait") => insertAcceptedBooking(prisma, values, attendees, notifications, input.reservationUid ?? null, webhookPayload, lock);
  // A race for this host's time: the losers learn the slot is gone as soon as the winner commits,
  // all at once, instead of taking the host's lock one after another to fail the constraint.
  let inserted = await write("try");
  if (!inserted) {
    if (await hostTimeTakenAfterWriters(prisma, hostId, values.startTime, values.endTime)) throw slotUnavailable();
    inserted = (await write("wait"))!;
  }
  const { heldDeliveries, ...written } = inserted;
  if (heldDeliveries.length > 0) sendHeldDeliveries(heldDeliveries);
  // Not seated (seated bookings are counted, in a transaction): no attendee holds a seat.
  return recordOf(resolved, { ...written, attendees: written.attendees.map((row) => ({ ...row, bookingSeat: null })) });
}

/** Checks the duration the client asked for against the event type's. */
function checkDuration(resolved: ResolvedEventType, lengthInMinutes: number | undefined): void {
  const durations = allowedDurations(resolved.eventType);
  if (lengthInMinutes !== undefined && !durations.includes(lengthInMinutes)) {
    throw invalidField("lengthInMinutes", "duration", `This event type can be booked for ${durations.join(", ")} minutes`);
  }
}

/**
 * Books a slot: the engine checks it (rules, notice, window, buffers, holds, other
 * bookings) and the database has the last word (an exclusion constraint on each host's
 * accepted bookings, written under the host's lock). A plain accepted booking is checked,
 * then written with its queued notifications in one statement; seated and pending ones,
 * which must be counted, are checked and written in one transaction under the lock.
 */
/** The event type a request names, checked for this caller, and the request as the writers take it. */
export async function prepareBooking(auth: AuthContext | null, request: BookingRequest): Promise<{ resolved: ResolvedEventType; input: BookingCreateInput }> {
  // The hosts' busy time around this slot comes with the event type: one round trip for the check.
  const busyAt = { start: request.start.getTime(), minutes: request.lengthInMinutes, now: Date.now(), ignoreReservationUid: request.reservationUid };
  const resolved = await resolveEventType("eventType" in request ? request.eventType : { id: request.eventTypeId }, undefined, busyAt);
  // Without a key (a public booking page): only event types that are not hidden, and nobody is the booker.
  if (auth === null) assertPublicEventType(resolved.eventType);
  checkDuration(resolved, request.lengthInMinutes);
  const input: BookingCreateInput = {
    ...request,
    eventTypeId: resolved.eventType.id,
    location: resolveBookingLocation(resolved.eventType.locations, request.location),
    customInputs: customInputAnswers(resolved.eventType.customInputs ?? [], request.responses),
    bookedById: auth?.userId ?? null,
  };
  return { resolved, input };
}

export async function createBooking(auth: AuthContext | null, request: BookingRequest): Promise<BookingRecord> {
  return createPreparedBooking(auth, await prepareBooking(auth, request));
}

/** createBooking for a request prepareBooking has already read and checked (no second read of the event type). */
export async function createPreparedBooking(auth: AuthContext | null, { resolved, input }: { resolved: ResolvedEventType; input: BookingCreateInput }): Promise<BookingRecord> {
  const prisma = await getPrisma();
  const counted = Boolean(resolved.eventType.seatsPerTimeSlot) || resolved.eventType.requiresConfirmation || resolved.eventType.calendarId !== null;
  try {
    if (!counted) {
      const record = await createAcceptedBooking(resolved, input);
      notifyEmailsAfterCommit();
      return record;
    }
    const created = await prisma.$transaction(async (tx) => {
      const made = await createInTransaction(tx, resolved, input, {});
      await notifyInTransaction(tx, { kind: made.kind, bookingId: made.bookingId, attendeeIds: made.newAttendeeIds });
      return made;
    }, { timeout: 15_000, maxWait: 15_000 });
    notifyAfterCommit();
    if (created.record) return created.record;
    // Joined a seated booking: the joiner sees the seats they took, not other people's.
    const joined = await loadBookingRecord({ id: created.bookingId });
    const attendees = auth
      ? visibleAttendees(await accessOf(auth), joined, created.newAttendeeIds)
      : joined.attendees.filter((attendee) => created.newAttendeeIds!.includes(attendee.id));
    return { ...joined, attendees };
  } catch (error) {
    throw asBookingConflict(error);
  }
}

/** For reschedule: the same creation inside the caller's transaction. */
export async function createRescheduledBooking(tx: Db, input: BookingCreateInput, options: Required<CreateOptions>): Promise<number> {
  const resolved = await resolveEventType({ id: input.eventTypeId }, tx);
  checkDuration(resolved, input.lengthInMinutes);
  return (await createInTransaction(tx, resolved, input, options)).bookingId;
}
