import { randomBytes } from "node:crypto";
import { getPrisma, type DestinationCalendarModel } from "@slotbase/prisma";
import type { Caller } from "../../support/fixtures";
import { createEventType, createTeamEventType } from "../../support/scheduling";
import { createTeam, type TeamMemberSpec } from "../../support/teams";
import { bookingOf } from "../attendees/fixtures";

/** Destination calendars written straight to the database, one per kind of owner. */
const calendarId = () => `cal-${randomBytes(4).toString("hex")}@example.com`;

export async function userDestination(owner: Caller | number, data: { integration?: string; externalId?: string } = {}): Promise<DestinationCalendarModel> {
  const prisma = await getPrisma();
  const userId = typeof owner === "number" ? owner : owner.user.id;
  return prisma.destinationCalendar.create({ data: { integration: "google_calendar", externalId: calendarId(), ...data, userId } });
}

export async function eventTypeDestination(eventTypeId: number): Promise<DestinationCalendarModel> {
  const prisma = await getPrisma();
  return prisma.destinationCalendar.create({ data: { integration: "office365_calendar", externalId: calendarId(), eventTypeId } });
}

export async function bookingDestination(bookingId: number): Promise<DestinationCalendarModel> {
  const prisma = await getPrisma();
  return prisma.destinationCalendar.create({ data: { integration: "caldav_calendar", externalId: calendarId(), bookingId } });
}

/** A personal event type of `owner` with a destination calendar. */
export async function personalTypeDestination(owner: Caller) {
  const eventType = await createEventType(owner.user.id);
  return { eventType, destination: await eventTypeDestination(eventType.id) };
}

/** A team `owner` OWNs (with these members) and a team event type of it (hosted by the owner). */
export async function teamType(owner: Caller, members: TeamMemberSpec[] = []) {
  const team = await createTeam(owner, members);
  const eventType = await createTeamEventType(team.id, [{ userId: owner.user.id }]);
  return { team, eventType };
}

/** A booking `owner` hosts (no event type, two attendees) with a destination calendar. */
export async function bookingWithDestination(owner: Caller) {
  const booked = await bookingOf(owner);
  return { ...booked, destination: await bookingDestination(booked.booking.id) };
}

export const destinationRow = async (id: number) => (await getPrisma()).destinationCalendar.findUnique({ where: { id } });
