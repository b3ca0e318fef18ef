import { createApiKey } from "@slotbase/features";
import { getPrisma } from "@slotbase/prisma";
import { api } from "../../support/api";
import { describeAuthMatrix } from "../../support/auth-matrix";
import { useTestDatabase } from "../../support/database";
import { createAdmin, createCaller, type Caller } from "../../support/fixtures";
import { createBooking, createEventType, createSchedule, createTeamEventType, nextWeekdaySlot, createHostedBooking } from "../../support/scheduling";
import { createTeam } from "../../support/teams";

useTestDatabase();

// See happy.test.ts: an empty body stands for "no body" with the test double.
const NO_BODY = "";

// The matrix's "owner" is the booking's host; each case books a slot of its own.

const byId = async (owner: Caller) => ({ params: { id: (await createHostedBooking(owner)).booking.id } });

describeAuthMatrix({ operation: "GET /v1/bookings", scope: "bookings:read", request: () => ({}) });
describeAuthMatrix({
  operation: "POST /v1/bookings",
  scope: "bookings:write",
  request: async (owner) => {
    await createSchedule(owner.user.id, "Europe/Berlin");
    const eventType = await createEventType(owner.user.id);
    return { body: { eventTypeId: eventType.id, start: nextWeekdaySlot().start, name: "A", email: "a@example.com", timeZone: "UTC" } };
  },
});
describeAuthMatrix({ operation: "GET /v1/bookings/{id}", booking: { action: "read" }, scope: "bookings:read", ownedObject: true, request: byId });
describeAuthMatrix({
  operation: "PATCH /v1/bookings/{id}", booking: { action: "manage" },
  scope: "bookings:write",
  ownedObject: true,
  request: async (o) => ({ ...(await byId(o)), body: { title: "Renamed" } }),
});
describeAuthMatrix({ operation: "DELETE /v1/bookings/{id}", booking: { action: "cancel" }, scope: "bookings:write", ownedObject: true, request: byId });
describeAuthMatrix({
  operation: "DELETE /v1/bookings/{id}/cancel", booking: { action: "cancel" },
  scope: "bookings:write",
  ownedObject: true,
  request: async (o) => ({ ...(await byId(o)), body: NO_BODY }),
});
describeAuthMatrix({
  operation: "POST /v1/bookings/{id}/confirm", booking: { action: "manage" },
  scope: "bookings:write",
  ownedObject: true,
  request: async (o) => ({ params: { id: (await createHostedBooking(o, { status: "PENDING" })).booking.id } }),
});

const codeOf = (result: { body: { code: string } }) => result.body.code;

/** Every operation on one booking, as `caller`; manage operations on fresh bookings of the same host. */
async function everyOperation(caller: Caller, bookingId: number, fresh: () => Promise<number>, freshPending: () => Promise<number>) {
  return {
    get: await api("GET /v1/bookings/{id}", { key: caller.key, params: { id: bookingId } }),
    patch: await api("PATCH /v1/bookings/{id}", { key: caller.key, params: { id: await fresh() }, body: { title: "Mine now" } }),
    delete: await api("DELETE /v1/bookings/{id}", { key: caller.key, params: { id: await fresh() } }),
    confirm: await api("POST /v1/bookings/{id}/confirm", { key: caller.key, params: { id: await freshPending() } }),
    cancel: await api("DELETE /v1/bookings/{id}/cancel", { key: caller.key, params: { id: await fresh() }, body: NO_BODY }),
  };
}

describe("v1 bookings — who may do what", () => {
  it("an attendee (by email) may read and cancel (DELETE too, which cancels), not edit or confirm (403)", async () => {
    const host = await createCaller();
    const guest = await createCaller({ email: "guest.person@example.com" });
    const prisma = await getPrisma();
    const withGuest = async (status?: "PENDING") => {
      const { booking } = await createHostedBooking(host, status ? { status } : {});
      await prisma.attendee.create({ data: { bookingId: booking.id, email: "guest.person@example.com", name: "Guest", timeZone: "UTC" } });
      return booking.id;
    };
    const results = await everyOperation(guest, await withGuest(), withGuest, () => withGuest("PENDING"));
    expect(results.get.status).toBe(200);
    expect(results.cancel.status).toBe(200);
    expect(results.delete.status).toBe(200);
    for (const denied of [results.patch, results.confirm]) {
      expect(denied.status).toBe(403);
      expect(codeOf(denied)).toBe("forbidden");
    }
    expect(await prisma.booking.count({ where: { title: "Mine now" } })).toBe(0);
  });

  it("the booker (whose key made it) may read, list and cancel (DELETE too), not edit or confirm (403)", async () => {
    const host = await createCaller();
    await createSchedule(host.user.id, "Europe/Berlin");
    const plain = await createEventType(host.user.id);
    const confirmable = await createEventType(host.user.id, { requiresConfirmation: true });
    const booker = await createCaller();
    const make = async (eventTypeId: number) => {
      const result = await api("POST /v1/bookings", { key: booker.key, body: { eventTypeId, start: nextWeekdaySlot().start, name: "Someone Else", email: "someone.else@example.com", timeZone: "UTC" } });
      expect(result.status).toBe(200);
      return result.body.booking.id as number;
    };
    const first = await make(plain.id);
    const results = await everyOperation(booker, first, () => make(plain.id), () => make(confirmable.id));
    expect(results.get.status).toBe(200);
    expect(results.cancel.status).toBe(200);
    expect(results.delete.status).toBe(200);
    for (const denied of [results.patch, results.confirm]) expect(denied.status).toBe(403);
    const listed = await api("GET /v1/bookings", { key: booker.key, query: { take: "100" } });
    expect(listed.body.bookings.map((b: { id: number }) => b.id)).toContain(first);
  });

  it("a stranger gets 404 on every operation, and an empty list", async () => {
    const host = await createCaller();
    const stranger = await createCaller();
    const { booking } = await createHostedBooking(host);
    const fresh = async () => (await createHostedBooking(host)).booking.id;
    const results = await everyOperation(stranger, booking.id, fresh, async () => (await createHostedBooking(host, { status: "PENDING" })).booking.id);
    for (const result of Object.values(results)) {
      expect(result.status).toBe(404);
      expect(result.body).toMatchObject({ code: "not_found", message: "Booking not found." });
    }
    expect((await api("GET /v1/bookings", { key: stranger.key })).body.bookings).toEqual([]);
    // nothing changed: five bookings, none renamed, cancelled or confirmed
    const prisma = await getPrisma();
    const rows = await prisma.booking.findMany({ where: { userId: host.user.id }, select: { title: true, status: true } });
    expect(rows).toHaveLength(5);
    expect(rows.filter((r) => r.title !== "Booked" || r.status === "CANCELLED")).toEqual([]);
    expect(rows.filter((r) => r.status === "PENDING")).toHaveLength(1);
  });

  it("a non-admin naming another userId gets 403; an admin gets that host's bookings", async () => {
    const host = await createCaller();
    const { booking } = await createHostedBooking(host);
    const other = await createCaller();
    const refused = await api("GET /v1/bookings", { key: other.key, query: { userId: String(host.user.id) } });
    expect(refused.status).toBe(403);
    expect(codeOf(refused)).toBe("forbidden");
    const admin = await createAdmin();
    const listed = await api("GET /v1/bookings", { key: admin.key, query: { userId: String(host.user.id) } });
    expect(listed.body.bookings.map((b: { id: number }) => b.id)).toEqual([booking.id]);
  });

  it("the event type's owner manages a booking hosted by someone else", async () => {
    const owner = await createCaller();
    const host = await createCaller();
    await createSchedule(owner.user.id, "Europe/Berlin");
    const eventType = await createEventType(owner.user.id);
    const { start, end } = nextWeekdaySlot();
    const booking = await createBooking(host.user.id, start, end, { eventTypeId: eventType.id });
    const edited = await api("PATCH /v1/bookings/{id}", { key: owner.key, params: { id: booking.id }, body: { location: "Room 2" } });
    expect(edited.status).toBe(200);
    expect(edited.body.booking.location).toBe("Room 2");
  });

  it("a team OWNER manages the team's bookings; a plain member, another team and a key for another team do not see them", async () => {
    const owner = await createCaller();
    const member = await createCaller();
    const host = await createCaller();
    const team = await createTeam(owner, [{ caller: member }, { caller: host }]);
    await createSchedule(host.user.id, "Europe/Berlin");
    const eventType = await createTeamEventType(team.id, [{ userId: host.user.id }]);
    const { start, end } = nextWeekdaySlot();
    const booking = await createBooking(host.user.id, start, end, { eventTypeId: eventType.id, status: "PENDING" });
    const params = { id: booking.id };

    expect((await api("GET /v1/bookings/{id}", { key: member.key, params })).status).toBe(404);
    const outsider = await createCaller();
    await createTeam(outsider, [{ caller: member }]);
    expect((await api("GET /v1/bookings/{id}", { key: outsider.key, params })).status).toBe(404);

    const otherTeam = await createTeam(owner);
    const prisma = await getPrisma();
    const restricted = await createApiKey(prisma, { userId: owner.user.id, teamId: otherTeam.id });
    expect((await api("GET /v1/bookings/{id}", { key: restricted.key, params })).status).toBe(404);
    expect((await api("GET /v1/bookings", { key: restricted.key })).body.bookings).toEqual([]);

    const listed = await api("GET /v1/bookings", { key: owner.key });
    expect(listed.body.bookings.map((b: { id: number }) => b.id)).toEqual([booking.id]);
    const confirmed = await api("POST /v1/bookings/{id}/confirm", { key: owner.key, params });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.booking.status).toBe("ACCEPTED");
  });

  it("never shows a reference's meeting password in a booking", async () => {
    const host = await createCaller();
    const { booking } = await createHostedBooking(host);
    const prisma = await getPrisma();
    await prisma.bookingReference.create({ data: { bookingId: booking.id, type: "zoom_video", uid: "z-1", meetingPassword: "s3cret", meetingUrl: "https://zoom.us/j/1" } });
    const got = await api("GET /v1/bookings/{id}", { key: host.key, params: { id: booking.id } });
    expect(got.body.booking.references).toEqual([expect.objectContaining({ type: "zoom_video", uid: "z-1", meetingUrl: "https://zoom.us/j/1" })]);
    expect(JSON.stringify(got.body)).not.toContain("s3cret");
  });
});
