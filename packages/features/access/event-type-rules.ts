import type { Prisma } from "@slotbase/prisma";
import { forbidden, notFound } from "../errors/domain-errors";
import type { Access } from "./access";
import { assertTeam, canManageTeam, readableTeamIds } from "./team-rules";

/**
 * Event types: a personal one belongs to its owner (and an unrestricted admin); a team's is
 * read by its accepted members and changed by its OWNERs and ADMINs (a plain member gets
 * 403). To anyone else it does not exist (404).
 */
const EVENT_TYPE = "Event type";

interface EventTypeOwnership {
  userId: number | null;
  teamId: number | null;
}

export function assertEventType(access: Access, eventType: EventTypeOwnership, need: "read" | "manage"): void {
  if (eventType.teamId !== null) {
    assertTeam(access, eventType.teamId, need, EVENT_TYPE);
    return;
  }
  if (eventType.userId !== access.userId && !access.seesEverything) throw notFound(EVENT_TYPE);
}

/** A caller without a key (a public booking page) may only reach event types that are not hidden. */
export function assertPublicEventType(eventType: { hidden: boolean }): void {
  if (eventType.hidden) throw notFound(EVENT_TYPE);
}

/** Owner-side powers over an event type (e.g. holding its slots longer than anyone else may). */
export function canManageEventType(access: Access, eventType: EventTypeOwnership): boolean {
  if (access.seesEverything) return true;
  if (eventType.teamId !== null) return canManageTeam(access, eventType.teamId);
  return eventType.userId === access.userId;
}

/** Prisma `where` for the event types the caller may read. */
export function readableEventTypesWhere(access: Access): Prisma.EventTypeWhereInput {
  if (access.seesEverything) return {};
  return { OR: [{ userId: access.userId, teamId: null }, { teamId: { in: readableTeamIds(access) ?? [] } }] };
}

/** Another user's personal event types: listing or creating them is for unrestricted admins. */
export function assertMayUseOwner(access: Access, ownerId: number, message: string): void {
  if (ownerId !== access.userId && !access.seesEverything) throw forbidden(message, { field: "userId", rule: "forbidden", message });
}
