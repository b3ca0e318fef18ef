import { getPrisma } from "@slotbase/prisma";
import { api } from "../../support/api";
import { describeAuthMatrix } from "../../support/auth-matrix";
import { useTestDatabase } from "../../support/database";
import { createCaller, type Caller } from "../../support/fixtures";
import { createBooking, createEventType, createSchedule, createTeamEventType, nextWeekdaySlot, createHostedBooking } from "../../support/scheduling";
import { createTeam } from "../../support/teams";

useTestDatabase();

// The matrix's "owner" is the booking's host; each case books a slot of its own.

const byUid = async (owner: Caller) => ({ params: { bookingUid: (await createHostedBooking(owner)).booking.uid } });

describeAuthMatrix({ operation: "GET /v2/bookings", scope: "bookings:read", request: () => ({}) });
describeAuthMatrix({
  operation: "POST /v2/bookings",
  scope: "bookings:write",
  anonymousStatus: 201,
  request: async (owner) => {
    await createSchedule(owner.user.id, "Europe/Berlin");
    const eventType = await createEventType(owner.user.id);
    return { body: { eventTypeId: eventType.id, start: nextWeekdaySlot().start, attendee: { name: "A", email: "a@example.com", timeZone: "UTC" } } };
  },
});
describeAuthMatrix({ operation: "GET /v2/bookings/{bookingUid}", booking: { action: "read" }, scope: "bookings:read", ownedObject: true, request: byUid });
describeAuthMatrix({ operation: "GET /v2/bookings/{bookingUid}/references", booking: { action: "read" }, scope: "bookings:read", ownedObject: true, request: byUid });
describeAuthMatrix({ operation: "POST /v2/bookings/{bookingUid}/cancel", booking: { action: "cancel" }, scope: "bookings:write", ownedObject: true, request: async (o) => ({ ...(await byUid(o)), body: {} }) });
describeAuthMatrix({
  operation: "POST /v2/bookings/{bookingUid}/reschedule", booking: { action: "reschedule" },
  scope: "bookings:write",
  ownedObject: true,
  request: async (o) => ({ ...(await byUid(o)), body: { start: nextWeekdaySlot().start } }),
});
describeAuthMatrix({
  operation: "POST /v2/bookings/{bookingUid}/confirm", booking: { action: "manage" },
  scope: "bookings:write",
  ownedObject: true,
  request: async (o) => ({ params: { bookingUid: (await createHostedBooking(o, { status: "PENDING" })).booking.uid } }),
});
describeAuthMatrix({
  operation: "POST /v2/bookings/{bookingUid}/decline", booking: { action: "manage" },
  scope: "bookings:write",
  ownedObject: true,
  request: async (o) => ({ params: { bookingUid: (await createHostedBooking(o, { status: "PENDING" })).booking.uid }, body: {} }),
});
describeAuthMatrix({
  operation: "PATCH /v2/bookings/{bookingUid}/location", booking: { action: "manage" },
  scope: "bookings:write",
  ownedObject: true,
  request: async (o) => ({ ...(await byUid(o)), body: { location: "Room 1" } }),
});
let pastBookings = 0;
describeAuthMatrix({
  operation: "POST /v2/bookings/{bookingUid}/mark-absent", booking: { action: "manage" },
  scope: "bookings:write",
  ownedObject: true,
  request: async (o) => {
    const booking = await createBooking(o.user.id, "2026-01-05T08:00:00Z", `2026-01-05T08:${String(pastBookings++ % 50).padStart(2, "0")}:59Z`);
    return { params: { bookingUid: booking.uid }, body: { host: true } };
  },
});

async function roundRobinBookingOf(owner: Caller) {
  const mate = await createCaller();
  await createSchedule(owner.user.id, "Europe/Berlin");
  await createSchedule(mate.user.id, "Europe/Berlin");
  const team = await createTeam(owner, [{ caller: mate }]);
  const eventType = await createTeamEventType(team.id, [{ userId: owner.user.id }, { userId: mate.user.id }]);
  const { start, end } = nextWeekdaySlot();
  const booking = await createBooking(owner.user.id, start, end, { eventTypeId: eventType.id });
  return { booking, mate };
}
describeAuthMatrix({
  operation: "POST /v2/bookings/{bookingUid}/reassign", booking: { action: "manage" },
  scope: "bookings:write",
  ownedObject: true,
  request: async (o) => ({ params: { bookingUid: (await roundRobinBookingOf(o)).booking.uid } }),
});
describeAuthMatrix({
  operation: "POST /v2/bookings/{bookingUid}/reassign/{userId}", booking: { action: "manage" },
  scope: "bookings:write",
  ownedObject: true,
  request: async (o) => {
    const { booking, mate } = await roundRobinBookingOf(o);
    return { params: { bookingUid: booking.uid, userId: mate.user.id } };
  },
});

describe("v2 bookings — who sees what", () => {
  it("an attendee (by email) may read and cancel, not confirm or change the location", async () => {
    const host = await createCaller();
    const guest = await createCaller({ email: "guest.person@example.com" });
    const { booking } = await createHostedBooking(host);
    const prisma = await getPrisma();
    await prisma.attendee.create({ data: { bookingId: booking.id, email: "guest.person@example.com", name: "Guest", timeZone: "UTC" } });
    const params = { bookingUid: booking.uid };
    expect((await api("GET /v2/bookings/{bookingUid}", { key: guest.key, params })).status).toBe(200);
    expect((await api("PATCH /v2/bookings/{bookingUid}/location", { key: guest.key, params, body: { location: "x" } })).status).toBe(403);
    expect((await api("POST /v2/bookings/{bookingUid}/cancel", { key: guest.key, params, body: {} })).status).toBe(200);
  });

  it("lists never include other people's bookings", async () => {
    const host = await createCaller();
    await createHostedBooking(host);
    const stranger = await createCaller();
    expect((await api("GET /v2/bookings", { key: stranger.key })).body.data).toEqual([]);
  });

  it("a team OWNER sees the team's bookings; a plain member does not", async () => {
    const owner = await createCaller();
    const member = await createCaller();
    const team = await createTeam(owner, [{ caller: member }]);
    await createSchedule(owner.user.id, "Europe/Berlin");
    await createSchedule(member.user.id, "Europe/Berlin");
    const eventType = await createTeamEventType(team.id, [{ userId: member.user.id }]);
    const slot = nextWeekdaySlot();
    const teamBooking = await createBooking(member.user.id, slot.start, slot.end, { eventTypeId: eventType.id });
    const other = await createCaller();
    await createTeam(other, [{ caller: member, role: "MEMBER" }]);
    expect((await api("GET /v2/bookings/{bookingUid}", { key: owner.key, params: { bookingUid: teamBooking.uid } })).status).toBe(200);
    expect((await api("GET /v2/bookings/{bookingUid}", { key: other.key, params: { bookingUid: teamBooking.uid } })).status).toBe(404);
  });
});
