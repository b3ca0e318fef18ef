import { randomBytes } from "node:crypto";
import { getPrisma, type AttendeeModel, type BookingModel, type Prisma } from "@slotbase/prisma";
import { createApiKey } from "@slotbase/features";
import { createAdmin, createCaller, type Caller } from "../../support/fixtures";
import { createBooking, createEventType, createTeamEventType } from "../../support/scheduling";
import { createTeam } from "../../support/teams";
import { addDays, instant, today, UTC } from "../../support/dates";

/**
 * Bookings with every kind of viewer, for the resources that hang off a booking (attendees,
 * booking references, payments, no-show).
 */
const HOUR = 3_600_000;
const PAST = Date.UTC(2020, 0, 6);
// A month from today, 00:00 UTC (computed: "future" must stay ahead whenever the tests run).
const FUTURE = Date.parse(instant(addDays(today(UTC), 30), "00:00", UTC));
let slot = 0;

/** A fresh half-hour, so no two bookings of one host overlap. */
export function nextSlot(when: "past" | "future" = "future"): [string, string] {
  const start = (when === "past" ? PAST : FUTURE) + slot++ * HOUR;
  return [new Date(start).toISOString(), new Date(start + HOUR / 2).toISOString()];
}

export interface BookedWith {
  booking: BookingModel;
  attendees: AttendeeModel[];
}

export async function bookingOf(
  host: Caller | number,
  options: { attendees?: number; when?: "past" | "future"; data?: Omit<Partial<Prisma.BookingUncheckedCreateInput>, "attendees"> } = {},
): Promise<BookedWith> {
  const [start, end] = nextSlot(options.when);
  const hostId = typeof host === "number" ? host : host.user.id;
  const booking = await createBooking(hostId, start, end, { attendees: options.attendees ?? 2, ...options.data });
  const prisma = await getPrisma();
  const attendees = await prisma.attendee.findMany({ where: { bookingId: booking.id }, orderBy: { id: "asc" } });
  return { booking, attendees };
}

/** A user (with a key) whose email is this attendee's: they attend the booking. */
export const callerAttending = (attendee: { email: string }) => createCaller({ email: attendee.email });

/** A key of `caller` restricted to one team. */
export async function restrictedKey(caller: Caller, teamId: number): Promise<string> {
  const prisma = await getPrisma();
  return (await createApiKey(prisma, { userId: caller.user.id, teamId })).key;
}

/** A booking of `host` for an event type owned by `owner`. */
export async function bookingOfOwnersType(owner: Caller, host: Caller, options: { when?: "past" | "future" } = {}): Promise<BookedWith> {
  const eventType = await createEventType(owner.user.id);
  return bookingOf(host, { ...options, data: { eventTypeId: eventType.id } });
}

/**
 * A team (OWNER, ADMIN, MEMBER, pending ADMIN) whose event type is hosted by `host` (a plain
 * MEMBER too), and a booking of it hosted by `host`.
 */
export async function teamBooking(options: { when?: "past" | "future"; attendees?: number } = {}) {
  const [owner, admin, member, pendingAdmin, host] = await Promise.all([createCaller(), createCaller(), createCaller(), createCaller(), createCaller()]);
  const team = await createTeam(owner, [
    { caller: admin, role: "ADMIN" },
    { caller: member },
    { caller: pendingAdmin, role: "ADMIN", accepted: false },
    { caller: host },
  ]);
  const eventType = await createTeamEventType(team.id, [{ userId: host.user.id }]);
  const booked = await bookingOf(host, { ...options, data: { eventTypeId: eventType.id } });
  return { team, owner, admin, member, pendingAdmin, host, eventType, ...booked };
}

export const unique = () => randomBytes(4).toString("hex");

/**
 * The team outsiders every booking child resource must treat as strangers: plain members,
 * pending ADMINs, another team's restricted key (even of a user who is ADMIN here too), and a
 * system admin's key restricted to another team. `expectStranger` asserts one caller sees
 * and changes nothing of `booked`.
 */
export function itTreatsTeamOutsidersAsStrangers(
  expectStranger: (caller: { key: string }, booked: BookedWith) => Promise<void>,
  options: { when?: "past" | "future" } = {},
): void {
  it("plain team members, pending team ADMINs and other teams' restricted keys are strangers", async () => {
    const world = await teamBooking(options);
    await expectStranger(world.member, world);
    await expectStranger(world.pendingAdmin, world);
    const other = await teamBooking(options);
    const prisma = await getPrisma();
    await prisma.membership.create({ data: { userId: other.admin.user.id, teamId: world.team.id, role: "ADMIN", accepted: true } });
    await expectStranger({ key: await restrictedKey(other.admin, other.team.id) }, world);
  });

  it("a system admin's team-restricted key is confined to its team", async () => {
    const admin = await createAdmin();
    const world = await teamBooking();
    await expectStranger({ key: await restrictedKey(admin, world.team.id) }, await bookingOf(await createCaller(), options));
  });
}
