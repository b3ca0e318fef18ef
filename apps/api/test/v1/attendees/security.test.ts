import { getPrisma } from "@slotbase/prisma";
import { useTestDatabase } from "../../support/database";
import { describeAuthMatrix } from "../../support/auth-matrix";
import { api, type ApiResult } from "../../support/api";
import { createAdmin, createCaller, type Caller } from "../../support/fixtures";
import { bookingOf, callerAttending, restrictedKey, teamBooking } from "./fixtures";

useTestDatabase();

const fields = (body: { details: { field?: string }[] }) => body.details.map((d) => d.field);
const ids = (rows: { id: number }[]) => rows.map((row) => row.id);
const newAttendee = (bookingId: number) => ({ bookingId, email: `new-${bookingId}@example.com`, name: "New", timeZone: "UTC" });

/** The owner's booking with two attendees; the call targets the first. */
async function attendeeOf(owner: Caller) {
  const { attendees } = await bookingOf(owner, { attendees: 2 });
  return { params: { id: attendees[0]!.id } };
}

describeAuthMatrix({ operation: "GET /v1/attendees", scope: "attendees:read", request: () => ({}) });
describeAuthMatrix({
  operation: "POST /v1/attendees", booking: { action: "manage" },
  scope: "attendees:write",
  ownedObject: true,
  request: async (owner) => ({ body: newAttendee((await bookingOf(owner)).booking.id) }),
});
describeAuthMatrix({ operation: "GET /v1/attendees/{id}", booking: { action: "read" }, scope: "attendees:read", ownedObject: true, request: attendeeOf });
describeAuthMatrix({
  operation: "PATCH /v1/attendees/{id}", booking: { action: "manage" },
  scope: "attendees:write",
  ownedObject: true,
  request: async (owner) => ({ ...(await attendeeOf(owner)), body: { name: "Changed" } }),
});
describeAuthMatrix({ operation: "DELETE /v1/attendees/{id}", booking: { action: "manage" }, scope: "attendees:write", ownedObject: true, request: attendeeOf });

function expectNotFound(result: ApiResult) {
  expect(result.status).toBe(404);
  expect(result.body.code).toBe("not_found");
}

/** Every operation on the booking's attendees by `caller` is a 404, and nothing changes. */
async function expectStranger(caller: { key: string }, booking: { id: number }, attendees: { id: number }[]) {
  const prisma = await getPrisma();
  const before = await prisma.attendee.findMany({ where: { bookingId: booking.id }, orderBy: { id: "asc" } });
  const params = { id: attendees[0]!.id };
  for (const result of [
    await api("GET /v1/attendees/{id}", { params, key: caller.key }),
    await api("PATCH /v1/attendees/{id}", { params, key: caller.key, body: { name: "Hijacked" } }),
    await api("DELETE /v1/attendees/{id}", { params, key: caller.key }),
  ]) {
    expectNotFound(result);
    expect(result.body.message).toBe("Attendee not found.");
  }
  const create = await api("POST /v1/attendees", { key: caller.key, body: newAttendee(booking.id) });
  expectNotFound(create);
  expect(fields(create.body)).toEqual(["body.bookingId"]);
  const list = await api("GET /v1/attendees", { key: caller.key, query: { bookingId: String(booking.id) } });
  expect(list.body.attendees).toEqual([]);
  expect(await prisma.attendee.findMany({ where: { bookingId: booking.id }, orderBy: { id: "asc" } })).toEqual(before);
}

describe("attendees — strangers", () => {
  it("another user neither sees nor changes a booking's attendees, nor learns the booking exists", async () => {
    const host = await createCaller();
    const stranger = await createCaller();
    const { booking, attendees } = await bookingOf(host);
    await expectStranger(stranger, booking, attendees);
    expect((await api("GET /v1/attendees", { key: stranger.key })).body.attendees).toEqual([]);
  });

  it("a not-found and a not-yours bookingId answer alike", async () => {
    const stranger = await createCaller();
    const { booking } = await bookingOf(await createCaller());
    const theirs = await api("POST /v1/attendees", { key: stranger.key, body: newAttendee(booking.id) });
    const missing = await api("POST /v1/attendees", { key: stranger.key, body: newAttendee(2_000_000_000) });
    expect(theirs.status).toBe(missing.status);
    expect(theirs.body.message).toBe(missing.body.message);
    expect(theirs.body.details).toEqual(missing.body.details);
  });

  it("an attendee of one booking sees nothing of the host's other bookings", async () => {
    const host = await createCaller();
    const mine = await bookingOf(host);
    const other = await bookingOf(host);
    const guest = await callerAttending(mine.attendees[0]!);
    await expectStranger(guest, other.booking, other.attendees);
  });

  it("plain team members and pending team ADMINs are strangers to the team's bookings", async () => {
    const { member, pendingAdmin, booking, attendees } = await teamBooking();
    await expectStranger(member, booking, attendees);
    await expectStranger(pendingAdmin, booking, attendees);
  });

  it("a team-restricted key of a team ADMIN sees no other team's bookings", async () => {
    const world = await teamBooking();
    const otherTeam = await teamBooking();
    const prisma = await getPrisma();
    await prisma.membership.create({ data: { userId: world.admin.user.id, teamId: otherTeam.team.id, role: "ADMIN", accepted: true } });
    const key = await restrictedKey(world.admin, world.team.id);
    await expectStranger({ key }, otherTeam.booking, otherTeam.attendees);
    expect((await api("GET /v1/attendees/{id}", { params: { id: world.attendees[0]!.id }, key })).status).toBe(200);
    // Without the restriction the same user manages both teams' bookings.
    expect((await api("GET /v1/attendees/{id}", { params: { id: otherTeam.attendees[0]!.id }, key: world.admin.key })).status).toBe(200);
  });

  it("a system admin's team-restricted key is confined to its team", async () => {
    const admin = await createAdmin();
    const world = await teamBooking();
    const key = await restrictedKey(admin, world.team.id);
    const { booking, attendees } = await bookingOf(await createCaller());
    await expectStranger({ key }, booking, attendees);
  });
});

describe("attendees — an attendee may look, not touch", () => {
  it("an attendee gets 403 adding, editing or removing attendees, and nothing changes", async () => {
    const host = await createCaller();
    const { booking, attendees } = await bookingOf(host, { attendees: 3 });
    const guest = await callerAttending(attendees[0]!);
    const prisma = await getPrisma();
    const before = await prisma.attendee.findMany({ where: { bookingId: booking.id }, orderBy: { id: "asc" } });
    const create = await api("POST /v1/attendees", { key: guest.key, body: newAttendee(booking.id) });
    expect(create.status).toBe(403);
    expect(fields(create.body)).toEqual(["body.bookingId"]);
    for (const target of [attendees[0]!, attendees[1]!]) {
      const params = { id: target.id };
      expect((await api("PATCH /v1/attendees/{id}", { params, key: guest.key, body: { name: "Me" } })).status).toBe(403);
      expect((await api("DELETE /v1/attendees/{id}", { params, key: guest.key })).status).toBe(403);
      expect((await api("GET /v1/attendees/{id}", { params, key: guest.key })).status).toBe(200);
    }
    expect(await prisma.attendee.findMany({ where: { bookingId: booking.id }, orderBy: { id: "asc" } })).toEqual(before);
  });

  it("the host of a booking who also attends another is only an attendee there", async () => {
    const someone = await createCaller();
    const host = await createCaller();
    const { booking, attendees } = await bookingOf(someone);
    const prisma = await getPrisma();
    await prisma.attendee.update({ where: { id: attendees[0]!.id }, data: { email: host.user.email } });
    expect((await api("PATCH /v1/attendees/{id}", { params: { id: attendees[1]!.id }, key: host.key, body: { name: "x" } })).status).toBe(403);
    expect(ids((await api("GET /v1/attendees", { key: host.key, query: { bookingId: String(booking.id) } })).body.attendees)).toEqual(ids(attendees));
  });
});
