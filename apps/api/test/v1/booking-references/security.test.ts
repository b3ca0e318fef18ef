import { getPrisma } from "@slotbase/prisma";
import { useTestDatabase } from "../../support/database";
import { describeAuthMatrix } from "../../support/auth-matrix";
import { api } from "../../support/api";
import { createCaller, type Caller } from "../../support/fixtures";
import { bookingOf, callerAttending, itTreatsTeamOutsidersAsStrangers } from "../attendees/fixtures";

useTestDatabase();

const fields = (body: { details: { field?: string }[] }) => body.details.map((d) => d.field);

async function referenceOn(bookingId: number) {
  const prisma = await getPrisma();
  return prisma.bookingReference.create({ data: { bookingId, type: "daily_video", uid: `uid-${bookingId}`, meetingPassword: "s3cret" } });
}

async function referenceOf(owner: Caller) {
  const { booking } = await bookingOf(owner);
  return { params: { id: (await referenceOn(booking.id)).id } };
}

describeAuthMatrix({ operation: "GET /v1/booking-references", scope: "booking-references:read", request: () => ({}) });
describeAuthMatrix({
  operation: "POST /v1/booking-references", booking: { action: "manage" },
  scope: "booking-references:write",
  ownedObject: true,
  request: async (owner) => ({ body: { bookingId: (await bookingOf(owner)).booking.id, type: "x", uid: "y" } }),
});
describeAuthMatrix({ operation: "GET /v1/booking-references/{id}", booking: { action: "read" }, scope: "booking-references:read", ownedObject: true, request: referenceOf });
describeAuthMatrix({
  operation: "PATCH /v1/booking-references/{id}", booking: { action: "manage" },
  scope: "booking-references:write",
  ownedObject: true,
  request: async (owner) => ({ ...(await referenceOf(owner)), body: { deleted: true } }),
});
describeAuthMatrix({ operation: "DELETE /v1/booking-references/{id}", booking: { action: "manage" }, scope: "booking-references:write", ownedObject: true, request: referenceOf });

/** Every operation on the booking's reference by `caller` is a 404, and nothing changes. */
async function expectStranger(caller: { key: string }, bookingId: number) {
  const prisma = await getPrisma();
  const ref = await referenceOn(bookingId);
  const params = { id: ref.id };
  for (const result of [
    await api("GET /v1/booking-references/{id}", { params, key: caller.key }),
    await api("PATCH /v1/booking-references/{id}", { params, key: caller.key, body: { meetingUrl: "https://evil.example.com" } }),
    await api("DELETE /v1/booking-references/{id}", { params, key: caller.key }),
  ]) {
    expect(result.status).toBe(404);
    expect(result.body.message).toBe("Booking reference not found.");
  }
  const create = await api("POST /v1/booking-references", { key: caller.key, body: { bookingId, type: "x", uid: "y" } });
  expect(create.status).toBe(404);
  expect(fields(create.body)).toEqual(["body.bookingId"]);
  const list = await api("GET /v1/booking-references", { key: caller.key, query: { bookingId: String(bookingId) } });
  expect(list.body.booking_references).toEqual([]);
  expect(await prisma.bookingReference.findUnique({ where: { id: ref.id } })).toEqual(ref);
  expect(await prisma.bookingReference.count({ where: { bookingId, type: "x" } })).toBe(0);
}

describe("booking references — strangers", () => {
  it("another user sees and changes nothing", async () => {
    const { booking } = await bookingOf(await createCaller());
    await expectStranger(await createCaller(), booking.id);
  });

  itTreatsTeamOutsidersAsStrangers((caller, booked) => expectStranger(caller, booked.booking.id));
});

describe("booking references — attendees", () => {
  it("an attendee reads (without the password) but gets 403 creating, editing or deleting", async () => {
    const { booking, attendees } = await bookingOf(await createCaller());
    const guest = await callerAttending(attendees[0]!);
    const ref = await referenceOn(booking.id);
    const params = { id: ref.id };
    const read = await api("GET /v1/booking-references/{id}", { params, key: guest.key });
    expect(read.status).toBe(200);
    expect(JSON.stringify(read.body)).not.toContain("s3cret");
    const create = await api("POST /v1/booking-references", { key: guest.key, body: { bookingId: booking.id, type: "x", uid: "y" } });
    expect(create.status).toBe(403);
    expect(fields(create.body)).toEqual(["body.bookingId"]);
    expect((await api("PATCH /v1/booking-references/{id}", { params, key: guest.key, body: { meetingPassword: "mine" } })).status).toBe(403);
    expect((await api("DELETE /v1/booking-references/{id}", { params, key: guest.key })).status).toBe(403);
    const prisma = await getPrisma();
    expect(await prisma.bookingReference.findMany({ where: { bookingId: booking.id } })).toEqual([ref]);
  });
});
