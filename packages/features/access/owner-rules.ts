import { scopeSatisfied, type Scope } from "../auth/scopes";
import { forbidden, notFound } from "../errors/domain-errors";
import type { Access } from "./access";

/**
 * Objects that belong to one user: the user record itself, API keys, schedules (and their
 * availability rules), blockers, slot holds. Their user (through any key) and an unrestricted
 * system admin may see and change them; to anyone else they do not exist (404). A system
 * admin whose key is restricted to a team is, here, just a user: a team key never manages
 * other users or their keys.
 */

/** 404 (as `what`) unless the caller is the owner or an unrestricted admin. */
export function assertOwnedBy(access: Access, ownerId: number | null, what: string): void {
  if (ownerId === null || (ownerId !== access.userId && !access.seesEverything)) throw notFound(what);
}

/** Without a key, only a row made without one (its unguessable uid is the capability); anything else does not exist. */
export function assertMadeAnonymously(ownerId: number | null, what: string): void {
  if (ownerId !== null) throw notFound(what);
}

/** Prisma `where` on `userId` for the owned rows the caller may see. */
export function ownedRowsWhere(access: Access): { userId: number | { not: null } } {
  return access.seesEverything ? { userId: { not: null } } : { userId: access.userId };
}

/** Acting for another user (creating their schedule, blocker, key, team): unrestricted admins only. */
export function assertMayActFor(access: Access, ownerId: number, message: string, field = "userId"): void {
  if (ownerId !== access.userId && !access.seesEverything) throw forbidden(message, { field, rule: "forbidden", message });
}

// Users ---------------------------------------------------------------------------------

export const assertUserVisible = (access: Access, userId: number) => assertOwnedBy(access, userId, "User");

export function visibleUsersWhere(access: Access): { id?: number } {
  return access.seesEverything ? {} : { id: access.userId };
}

/** Creating users, setting roles, setting an email without confirmation: trust in an unrestricted admin. */
export function assertUserAdmin(access: Access, message: string, field?: string): void {
  if (!access.seesEverything) throw forbidden(message, field ? { field, rule: "forbidden", message } : undefined);
}

/** Whether an email the caller sets is trusted as it is (an admin's word) or must be confirmed by its mailbox. */
export const emailChangeIsTrusted = (access: Access) => access.seesEverything;

// API keys ------------------------------------------------------------------------------

interface KeyRow {
  userId: number;
  teamId: number | null;
}

/**
 * A key sees its user's keys; a team-restricted key only those restricted to the same team;
 * an unrestricted admin every key.
 */
export function assertKeyVisible(access: Access, key: KeyRow | null): void {
  const visible = key !== null && (access.seesEverything || (key.userId === access.userId && (access.keyTeamId === null || key.teamId === access.keyTeamId)));
  if (!visible) throw notFound("API key");
}

export function visibleKeysWhere(access: Access, requestedUserId?: number): { userId: number; teamId?: number } {
  if (access.seesEverything) return { userId: requestedUserId ?? access.userId };
  return { userId: access.userId, ...(access.keyTeamId !== null ? { teamId: access.keyTeamId } : {}) };
}

/**
 * A key may not mint or widen a key beyond itself: a scoped key only grants scopes it holds,
 * and a team-restricted key only keys for its team. Otherwise `api-keys:write` alone would be
 * a way to an unrestricted key.
 */
export function assertNoKeyEscalation(access: Access, scopes: Scope[] | undefined, teamId: number | null | undefined): void {
  if (access.scopes.length > 0) {
    if (!scopes || scopes.length === 0) {
      throw forbidden("A key with scopes can only create or change keys with scopes it holds itself.", { field: "scopes", rule: "escalation", message: "Name scopes this key holds" });
    }
    const missing = scopes.filter((scope) => !scopeSatisfied(access.scopes, scope));
    if (missing.length > 0) {
      const message = `This API key cannot grant scopes it does not hold: ${missing.join(", ")}.`;
      throw forbidden(message, { field: "scopes", rule: "escalation", message });
    }
  }
  if (access.keyTeamId !== null && teamId !== access.keyTeamId) {
    const message = "A team-restricted key can only create keys restricted to the same team.";
    throw forbidden(message, { field: "teamId", rule: "escalation", message });
  }
}

/** A key's own rate limit is the operator's decision: only an unrestricted system admin sets it. */
export function assertMaySetRateLimit(access: Access): void {
  if (!access.seesEverything) {
    const message = "Only a system admin can set a key's rate limit.";
    throw forbidden(message, { field: "rateLimitPerMinute", rule: "forbidden", message });
  }
}
