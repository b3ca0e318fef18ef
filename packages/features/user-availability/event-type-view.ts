import { getPrisma } from "@slotbase/prisma";
import type { Access } from "../access/access";
import { assertEventType } from "../access/event-type-rules";
import { notFound, NotFoundError } from "../errors/domain-errors";

/**
 * Availability as seen for one event type (Cal.com v1's `eventTypeId` on /availability): its
 * hosts' schedules as the slots engine reads them (bookable-event.ts: a personal type's own
 * schedule, else the owner's default; a team host's own, else their default), and, for a seated
 * type, its bookings as seats rather than busy time. Users who do not host it are unaffected.
 */
export interface EventTypeView {
  eventTypeId: number;
  /** The schedule each host is booked on (null: their default). */
  hostSchedules: Map<number, number | null>;
  /** Seats per slot, or null when the type is not seated. */
  seatsPerTimeSlot: number | null;
}

/** The event type `eventTypeId` if the caller may read it (404 otherwise); `teamId`: it must be that team's. */
export async function loadEventTypeView(access: Access, eventTypeId: number, teamId?: number): Promise<EventTypeView> {
  const prisma = await getPrisma();
  const eventType = await prisma.eventType.findUnique({
    where: { id: eventTypeId },
    select: { id: true, userId: true, teamId: true, scheduleId: true, seatsPerTimeSlot: true, hosts: { select: { userId: true, scheduleId: true } } },
  });
  const missing = () => notFound("Event type", { field: "eventTypeId", rule: "not_found", message: `No event type ${eventTypeId} you may read${teamId === undefined ? "" : ` in team ${teamId}`}` });
  if (!eventType) throw missing();
  try {
    assertEventType(access, eventType, "read");
  } catch (error) {
    // The same answer as for a missing one: nothing tells the two apart.
    throw error instanceof NotFoundError ? missing() : error;
  }
  if (teamId !== undefined && eventType.teamId !== teamId) throw missing();
  const hostSchedules =
    eventType.teamId === null
      ? new Map(eventType.userId === null ? [] : [[eventType.userId, eventType.scheduleId]])
      : new Map(eventType.hosts.map((host) => [host.userId, host.scheduleId]));
  return { eventTypeId: eventType.id, hostSchedules, seatsPerTimeSlot: eventType.seatsPerTimeSlot };
}
