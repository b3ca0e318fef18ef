import { getPrisma } from "@slotbase/prisma";
import { useTestDatabase } from "../../support/database";
import { describeAuthMatrix } from "../../support/auth-matrix";
import { api } from "../../support/api";
import { createAdmin, createCaller, type Caller } from "../../support/fixtures";
import { teamRestrictedAdmin } from "../../support/roles";
import { createEventType } from "../../support/scheduling";
import { bookingOf, callerAttending, restrictedKey } from "../attendees/fixtures";
import { bookingWithDestination, destinationRow, eventTypeDestination, personalTypeDestination, teamType, userDestination } from "./fixtures";

useTestDatabase();

const fields = (body: { details: { field?: string }[] }) => body.details.map((d) => d.field);
const calendar = { integration: "google_calendar", externalId: "alex@example.com" };
const ids = (body: { destinationCalendars: { id: number }[] }) => body.destinationCalendars.map((d) => d.id);

// A user's own default -------------------------------------------------------------------
const ownDefault = async (owner: Caller) => ({ params: { id: (await userDestination(owner)).id } });

describeAuthMatrix({ operation: "GET /v1/destination-calendars", scope: "destination-calendars:read", request: () => ({}) });
describeAuthMatrix({ operation: "POST /v1/destination-calendars", scope: "destination-calendars:write", request: () => ({ body: calendar }) });
describeAuthMatrix({ operation: "GET /v1/destination-calendars/{id}", scope: "destination-calendars:read", ownedObject: true, request: ownDefault });
describeAuthMatrix({
  operation: "PATCH /v1/destination-calendars/{id}",
  scope: "destination-calendars:write",
  ownedObject: true,
  request: async (owner) => ({ ...(await ownDefault(owner)), body: { externalId: "renamed@example.com" } }),
});
describeAuthMatrix({ operation: "DELETE /v1/destination-calendars/{id}", scope: "destination-calendars:write", ownedObject: true, request: ownDefault });

// A team event type's: members read, OWNER/ADMIN manage --------------------------------------
const teamTypeDestination = async (owner: Caller) => ({ params: { id: (await eventTypeDestination((await teamType(owner)).eventType.id)).id } });

describeAuthMatrix({
  operation: "POST /v1/destination-calendars",
  scope: "destination-calendars:write",
  ownedObject: true,
  team: { need: "manage" },
  request: async (owner) => ({ body: { ...calendar, eventTypeId: (await teamType(owner)).eventType.id } }),
});
describeAuthMatrix({ operation: "GET /v1/destination-calendars/{id}", scope: "destination-calendars:read", ownedObject: true, team: { need: "read" }, request: teamTypeDestination });
describeAuthMatrix({
  operation: "PATCH /v1/destination-calendars/{id}",
  scope: "destination-calendars:write",
  ownedObject: true,
  team: { need: "manage" },
  request: async (owner) => ({ ...(await teamTypeDestination(owner)), body: { externalId: "team@example.com" } }),
});
describeAuthMatrix({ operation: "DELETE /v1/destination-calendars/{id}", scope: "destination-calendars:write", ownedObject: true, team: { need: "manage" }, request: teamTypeDestination });

// A booking's: the booking's readers read, its organizer side manages -------------------------
const onBooking = async (owner: Caller) => ({ params: { id: (await bookingWithDestination(owner)).destination.id } });

describeAuthMatrix({
  operation: "POST /v1/destination-calendars",
  scope: "destination-calendars:write",
  ownedObject: true,
  booking: { action: "manage" },
  request: async (owner) => ({ body: { ...calendar, bookingId: (await bookingOf(owner)).booking.id } }),
});
describeAuthMatrix({ operation: "GET /v1/destination-calendars/{id}", scope: "destination-calendars:read", ownedObject: true, booking: { action: "read" }, request: onBooking });
describeAuthMatrix({
  operation: "PATCH /v1/destination-calendars/{id}",
  scope: "destination-calendars:write",
  ownedObject: true,
  booking: { action: "manage" },
  request: async (owner) => ({ ...(await onBooking(owner)), body: { externalId: "booking@example.com" } }),
});
describeAuthMatrix({ operation: "DELETE /v1/destination-calendars/{id}", scope: "destination-calendars:write", ownedObject: true, booking: { action: "manage" }, request: onBooking });

/** Every operation on `id` by `caller` is a 404 ("Destination calendar not found.") and the row stays as it was. */
async function expectStranger(caller: { key: string }, id: number) {
  const before = await destinationRow(id);
  const params = { id };
  for (const result of [
    await api("GET /v1/destination-calendars/{id}", { params, key: caller.key }),
    await api("PATCH /v1/destination-calendars/{id}", { params, key: caller.key, body: { externalId: "evil@example.com" } }),
    await api("DELETE /v1/destination-calendars/{id}", { params, key: caller.key }),
  ]) {
    expect(result.status).toBe(404);
    expect(result.body).toMatchObject({ code: "not_found", message: "Destination calendar not found." });
  }
  expect(ids((await api("GET /v1/destination-calendars", { key: caller.key, query: { take: "100" } })).body)).not.toContain(id);
  expect(await destinationRow(id)).toEqual(before);
}

describe("destination calendars — cross-user boundaries", () => {
  it("another user's default, event type's and booking's are 404s everywhere and stay unchanged", async () => {
    const owner = await createCaller();
    const intruder = await createCaller();
    await expectStranger(intruder, (await userDestination(owner)).id);
    await expectStranger(intruder, (await personalTypeDestination(owner)).destination.id);
    await expectStranger(intruder, (await bookingWithDestination(owner)).destination.id);
  });

  it("a plain user cannot set someone else's default (403) nor name their event type or booking (404), and nothing is written", async () => {
    const victim = await createCaller();
    const intruder = await createCaller();
    const forUser = await api("POST /v1/destination-calendars", { key: intruder.key, body: { ...calendar, userId: victim.user.id } });
    expect(forUser.status).toBe(403);
    expect(fields(forUser.body)).toEqual(["body.userId"]);
    const eventType = await createEventType(victim.user.id);
    const onType = await api("POST /v1/destination-calendars", { key: intruder.key, body: { ...calendar, eventTypeId: eventType.id } });
    expect(onType.status).toBe(404);
    expect(fields(onType.body)).toEqual(["body.eventTypeId"]);
    const { booking } = await bookingOf(victim);
    const onBookingResult = await api("POST /v1/destination-calendars", { key: intruder.key, body: { ...calendar, bookingId: booking.id } });
    expect(onBookingResult.status).toBe(404);
    expect(fields(onBookingResult.body)).toEqual(["body.bookingId"]);
    const prisma = await getPrisma();
    expect(await prisma.destinationCalendar.count({ where: { OR: [{ userId: { in: [victim.user.id, intruder.user.id] } }, { eventTypeId: eventType.id }, { bookingId: booking.id }] } })).toBe(0);
  });

  it("a plain user cannot move their destination calendar onto another user, event type or booking", async () => {
    const victim = await createCaller();
    const caller = await createCaller();
    const own = await userDestination(caller);
    const toUser = await api("PATCH /v1/destination-calendars/{id}", { params: { id: own.id }, key: caller.key, body: { userId: victim.user.id } });
    expect(toUser.status).toBe(403);
    const { destination } = await personalTypeDestination(caller);
    const victimsType = await createEventType(victim.user.id);
    const toType = await api("PATCH /v1/destination-calendars/{id}", { params: { id: destination.id }, key: caller.key, body: { eventTypeId: victimsType.id } });
    expect(toType.status).toBe(404);
    expect(fields(toType.body)).toEqual(["body.eventTypeId"]);
    const { destination: mine } = await bookingWithDestination(caller);
    const { booking } = await bookingOf(victim);
    const toBooking = await api("PATCH /v1/destination-calendars/{id}", { params: { id: mine.id }, key: caller.key, body: { bookingId: booking.id } });
    expect(toBooking.status).toBe(404);
    expect(await destinationRow(own.id)).toEqual(own);
    expect(await destinationRow(destination.id)).toEqual(destination);
    expect(await destinationRow(mine.id)).toEqual(mine);
  });

  it("a plain user's list is their own, and filtering by another user is a 403", async () => {
    const owner = await createCaller();
    const intruder = await createCaller();
    await userDestination(owner);
    const mine = await userDestination(intruder);
    expect(ids((await api("GET /v1/destination-calendars", { key: intruder.key, query: { take: "100" } })).body)).toEqual([mine.id]);
    const filtered = await api("GET /v1/destination-calendars", { key: intruder.key, query: { userId: String(owner.user.id) } });
    expect(filtered.status).toBe(403);
    expect(fields(filtered.body)).toEqual(["query.userId"]);
  });

  it("a booking's attendee and booker read it but may not change it (403, unchanged)", async () => {
    const host = await createCaller();
    const { attendees, destination } = await bookingWithDestination(host);
    const attendee = await callerAttending(attendees[0]!);
    const params = { id: destination.id };
    expect((await api("GET /v1/destination-calendars/{id}", { params, key: attendee.key })).status).toBe(200);
    const patched = await api("PATCH /v1/destination-calendars/{id}", { params, key: attendee.key, body: { externalId: "mine@example.com" } });
    expect(patched.status).toBe(403);
    expect((await api("DELETE /v1/destination-calendars/{id}", { params, key: attendee.key })).status).toBe(403);
    expect(await destinationRow(destination.id)).toEqual(destination);
  });
});

describe("destination calendars — teams and admins", () => {
  it("team event types: ADMINs manage, MEMBERs read (403 on change), pending ADMINs and outsiders see nothing", async () => {
    const owner = await createCaller();
    const [admin, member, pending, outsider] = await Promise.all([createCaller(), createCaller(), createCaller(), createCaller()]);
    const { team, eventType } = await teamType(owner, [{ caller: admin, role: "ADMIN" }, { caller: member }, { caller: pending, role: "ADMIN", accepted: false }]);
    const destination = await eventTypeDestination(eventType.id);
    const params = { id: destination.id };
    expect((await api("PATCH /v1/destination-calendars/{id}", { params, key: admin.key, body: { externalId: "by-admin@example.com" } })).status).toBe(200);
    const current = await destinationRow(destination.id);
    expect((await api("GET /v1/destination-calendars/{id}", { params, key: member.key })).status).toBe(200);
    const memberPatch = await api("PATCH /v1/destination-calendars/{id}", { params, key: member.key, body: { externalId: "by-member@example.com" } });
    expect(memberPatch.status).toBe(403);
    expect(memberPatch.body.code).toBe("forbidden");
    expect((await api("DELETE /v1/destination-calendars/{id}", { params, key: member.key })).status).toBe(403);
    expect(await destinationRow(destination.id)).toEqual(current);
    await expectStranger(pending, destination.id);
    await expectStranger(outsider, destination.id);
    // A key the ADMIN restricted to another team reaches nothing of this one.
    const elsewhere = await teamType(admin);
    await expectStranger({ key: await restrictedKey(admin, elsewhere.team.id) }, destination.id);
    // Moving it needs managing the target too: the ADMIN of this team does not manage another team's type.
    const foreign = await teamType(await createCaller());
    const move = await api("PATCH /v1/destination-calendars/{id}", { params, key: owner.key, body: { eventTypeId: foreign.eventType.id } });
    expect(move.status).toBe(404);
    expect(team.id).not.toBe(foreign.team.id);
  });

  it("an unrestricted admin acts for anyone; a team-restricted admin only within its team", async () => {
    const admin = await createAdmin();
    const owner = await createCaller();
    const own = await userDestination(owner);
    const theirs = await api("GET /v1/destination-calendars", { key: admin.key, query: { userId: String(owner.user.id) } });
    expect(ids(theirs.body)).toEqual([own.id]);
    expect((await api("PATCH /v1/destination-calendars/{id}", { params: { id: own.id }, key: admin.key, body: { externalId: "admin@example.com" } })).body.destinationCalendar).toMatchObject({
      externalId: "admin@example.com",
      userId: owner.user.id,
    });
    const { eventType } = await teamType(owner);
    const restricted = await teamRestrictedAdmin(eventType.teamId!);
    const created = await api("POST /v1/destination-calendars", { key: restricted.key, body: { ...calendar, eventTypeId: eventType.id } });
    expect(created.status).toBe(201);
    await expectStranger(restricted, own.id);
    const forUser = await api("POST /v1/destination-calendars", { key: restricted.key, body: { ...calendar, userId: owner.user.id } });
    expect(forUser.status).toBe(403);
  });
});
