import { getPrisma, type Prisma } from "@slotbase/prisma";
import type { AuthContext } from "../auth/auth-context";
import { forbidden, notFound } from "../errors/http-error";
import { acceptedTeamIds, TEAM_MANAGER_ROLES } from "../teams/team-access";

/**
 * Who may see and act on a booking (Cal.com's rules, without its leaks): its host, an
 * attendee (matched by the caller's email), the owner of its event type, an accepted
 * OWNER/ADMIN of the event type's team, and system admins. Anyone else gets a 404.
 * So may the user whose key made the booking (a booking page or CRM acting for attendees).
 * Attendees and bookers may read, cancel and reschedule; changing the booking itself (confirm,
 * decline, location, no-shows, reassign, references) is for the organizer's side.
 */
export type BookingRole = "admin" | "host" | "owner" | "team-admin" | "attendee" | "booker";

export interface Viewer {
  auth: AuthContext;
  email: string;
  managedTeamIds: number[];
}

/** A system admin with an unrestricted key: every booking is theirs to see and manage. */
const seesEverything = (viewer: Viewer) => viewer.auth.isAdmin && viewer.auth.teamId === null;

export async function viewerOf(auth: AuthContext): Promise<Viewer> {
  const prisma = await getPrisma();
  const [user, managedTeamIds] = await Promise.all([
    prisma.user.findUnique({ where: { id: auth.userId }, select: { email: true } }),
    acceptedTeamIds(auth.userId, TEAM_MANAGER_ROLES),
  ]);
  const teams = auth.teamId === null ? managedTeamIds : managedTeamIds.filter((id) => id === auth.teamId);
  return { auth, email: (user?.email ?? "").toLowerCase(), managedTeamIds: teams };
}

/** Prisma `where` for the bookings a viewer may see (admins: all). */
export function visibleBookingsWhere(viewer: Viewer): Prisma.BookingWhereInput {
  if (seesEverything(viewer)) return {};
  const or: Prisma.BookingWhereInput[] = [
    { userId: viewer.auth.userId },
    { eventType: { userId: viewer.auth.userId } },
    { attendees: { some: { email: { equals: viewer.email, mode: "insensitive" } } } },
    { bookedById: viewer.auth.userId },
  ];
  if (viewer.managedTeamIds.length > 0) or.push({ eventType: { teamId: { in: viewer.managedTeamIds } } });
  return { OR: or };
}

type AccessibleBooking = { userId: number | null; bookedById?: number | null; eventType: { userId: number | null; teamId: number | null } | null; attendees: { email: string }[] };

/** The strongest role the viewer has on this booking, or null when they may not see it. */
export function roleOn(viewer: Viewer, booking: AccessibleBooking): BookingRole | null {
  if (seesEverything(viewer)) return "admin";
  if (booking.userId === viewer.auth.userId) return "host";
  if (booking.eventType?.userId === viewer.auth.userId) return "owner";
  if (booking.eventType?.teamId != null && viewer.managedTeamIds.includes(booking.eventType.teamId)) return "team-admin";
  if (booking.attendees.some((a) => a.email.toLowerCase() === viewer.email)) return "attendee";
  if (booking.bookedById != null && booking.bookedById === viewer.auth.userId) return "booker";
  return null;
}

/** Throws 404 when the viewer may not see the booking, 403 when they may see but not manage it. */
export function assertRole(viewer: Viewer, booking: AccessibleBooking, need: "read" | "attend" | "manage"): BookingRole {
  const role = roleOn(viewer, booking);
  if (!role) throw notFound("Booking");
  if (need === "manage" && (role === "attendee" || role === "booker")) throw forbidden("Only the host or the event type's owner can do this.");
  return role;
}
