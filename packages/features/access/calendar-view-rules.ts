import { notFound } from "../errors/domain-errors";
import type { Access } from "./access";
import { canReadTeam } from "./team-rules";

/**
 * The calendar-events view (seed 001) and customer accounts. Accepted members of a
 * calendar's workspace (and system admins within what their key reaches) see everything on
 * it, customers included: the `detailed` view. Anyone else, without a key or with one,
 * sees a calendar only when it is public, and then without personal data: the `public`
 * view. A calendar neither applies to is not there for the caller (404).
 */
export type CalendarView = "detailed" | "public";

export function calendarViewOf(access: Access | null, calendar: { teamId: number; isPublic: boolean }): CalendarView | null {
  if (access && canReadTeam(access, calendar.teamId)) return "detailed";
  return calendar.isPublic ? "public" : null;
}

/**
 * A customer account is read by members of its workspace and by the person it records: the
 * user whose confirmed email is the account's. Anyone else gets a 404.
 */
export function assertCustomerAccount(access: Access, account: { teamId: number; email: string } | null): asserts account is { teamId: number; email: string } {
  if (!account) throw notFound("Customer account");
  if (canReadTeam(access, account.teamId)) return;
  if (access.confirmedEmail !== null && access.confirmedEmail === account.email.toLowerCase()) return;
  throw notFound("Customer account");
}
