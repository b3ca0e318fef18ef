import { randomBytes } from "node:crypto";
import { getPrisma, type MembershipRole } from "@slotbase/prisma";
import { addKey, createAdmin, createCaller, type Caller } from "./fixtures";
import { createTeam } from "./teams";

/**
 * Callers who hold one role on an object the matrix's owner made: the cases of the shared auth
 * matrix that go beyond "another user" (see auth-matrix.ts).
 */

/** The booking the owner's request built: the newest one they host. */
export async function latestHostedBooking(owner: Caller) {
  const prisma = await getPrisma();
  const booking = await prisma.booking.findFirst({ where: { userId: owner.user.id }, orderBy: { id: "desc" }, include: { eventType: true } });
  if (!booking) throw new Error("the matrix request built no booking hosted by its owner");
  return booking;
}

/** The team the owner's request built: the newest one they OWN. */
export async function latestOwnedTeamId(owner: Caller): Promise<number> {
  const prisma = await getPrisma();
  const membership = await prisma.membership.findFirst({ where: { userId: owner.user.id, role: "OWNER", accepted: true }, orderBy: { teamId: "desc" } });
  if (!membership) throw new Error("the matrix request built no team owned by its owner");
  return membership.teamId;
}

/**
 * The team of the owner's latest booking: its event type's team, or (a personal event type)
 * the event type turned into a round-robin type of a new team the owner OWNs and hosts.
 */
export async function teamOfLatestBooking(owner: Caller): Promise<number> {
  const prisma = await getPrisma();
  const booking = await latestHostedBooking(owner);
  if (booking.eventType?.teamId != null) return booking.eventType.teamId;
  const team = await createTeam(owner);
  if (booking.eventType) {
    await prisma.eventType.update({
      where: { id: booking.eventType.id },
      data: { teamId: team.id, userId: null, schedulingType: "ROUND_ROBIN", hosts: { create: { userId: owner.user.id } } },
    });
  } else {
    const id = randomBytes(3).toString("hex");
    const eventType = await prisma.eventType.create({
      data: { title: `Team ${id}`, slug: `team-${id}`, length: 30, teamId: team.id, schedulingType: "ROUND_ROBIN", hosts: { create: { userId: owner.user.id } } },
    });
    await prisma.booking.update({ where: { id: booking.id }, data: { eventTypeId: eventType.id } });
  }
  return team.id;
}

/** A new user with this role in the team (accepted unless said otherwise). */
export async function memberOf(teamId: number, role: MembershipRole, accepted = true): Promise<Caller> {
  const caller = await createCaller();
  const prisma = await getPrisma();
  await prisma.membership.create({ data: { userId: caller.user.id, teamId, role, accepted } });
  return caller;
}

/** A system admin whose key is restricted to a team: `teamId`, or a team of their own. */
export async function teamRestrictedAdmin(teamId?: number): Promise<Caller> {
  const admin = await createAdmin();
  const restrictedTo = teamId ?? (await createTeam(admin)).id;
  if (teamId !== undefined) {
    const prisma = await getPrisma();
    await prisma.membership.create({ data: { userId: admin.user.id, teamId, role: "MEMBER", accepted: true } });
  }
  return addKey(admin.user, { teamId: restrictedTo });
}

/** A booker: the user whose key made the owner's latest booking. */
export async function bookerOfLatestBooking(owner: Caller): Promise<Caller> {
  const booker = await createCaller();
  const prisma = await getPrisma();
  await prisma.booking.update({ where: { id: (await latestHostedBooking(owner)).id }, data: { bookedById: booker.user.id } });
  return booker;
}

/** An attendee of the owner's latest booking, whose email is confirmed or not. */
export async function attendeeOfLatestBooking(owner: Caller, emailConfirmed: boolean): Promise<Caller> {
  const attendee = await createCaller({ emailConfirmed });
  const prisma = await getPrisma();
  await prisma.attendee.create({
    data: { bookingId: (await latestHostedBooking(owner)).id, email: attendee.user.email, name: "Invited", timeZone: "UTC" },
  });
  return attendee;
}
