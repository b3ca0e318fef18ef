import { notFound } from "../errors/domain-errors";
import { resolveEventType, type ResolvedEventType } from "./bookable-event";
import { findAvailableSlots, type SlotSearch, type SlotSearchResult } from "./slot-service";

/** Cal.com v1 slot parameters beyond the event type and range. */
export interface CalcomSlotOptions {
  /**
   * Cal.com's `teamMemberEmail` (its "contact owner"): for a round-robin team event type, the
   * slots of the non-fixed host with this email (with the fixed hosts), or of every host when
   * that one has none in the range. Ignored for other event types and for emails of no such host.
   */
  teamMemberEmail?: string;
  /** Cal.com's `orgSlug`: Slotbase has no organizations, so any org is one that does not exist. */
  orgSlug?: string;
}

/** Only the preferred round-robin host (and the fixed hosts), or null when the preference does not apply. */
export function narrowToPreferredHost(resolved: ResolvedEventType, email: string): ResolvedEventType | null {
  if (resolved.eventType.teamId === null || resolved.schedulingType !== "ROUND_ROBIN") return null;
  const wanted = email.trim().toLowerCase();
  const preferred = resolved.hostRows.find((host) => !host.fixed && host.user.email.toLowerCase() === wanted);
  if (!preferred) return null;
  return { ...resolved, hostRows: resolved.hostRows.filter((host) => host.fixed || host === preferred), busyAt: undefined };
}

/** findAvailableSlots with Cal.com's v1 options (CalcomSlotOptions). */
export async function findSlotsWithCalcomOptions(search: SlotSearch, options: CalcomSlotOptions = {}): Promise<SlotSearchResult> {
  if (options.orgSlug) {
    throw notFound("Organization", { field: "orgSlug", rule: "not_found", message: `No organization "${options.orgSlug}": Slotbase has no organizations (leave orgSlug out)` });
  }
  if (!options.teamMemberEmail) return findAvailableSlots(search);
  const resolved = search.resolved ?? (await resolveEventType(search.eventType, search.db));
  const narrowed = narrowToPreferredHost(resolved, options.teamMemberEmail);
  if (narrowed) {
    const preferred = await findAvailableSlots({ ...search, resolved: narrowed });
    if (preferred.slots.length > 0) return preferred;
  }
  return findAvailableSlots({ ...search, resolved });
}
