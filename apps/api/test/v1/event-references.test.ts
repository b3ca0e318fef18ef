import { getPrisma } from "@slotbase/prisma";
import { api } from "../support/api";
import { describeAuthMatrix } from "../support/auth-matrix";
import { useTestDatabase } from "../support/database";
import { createCaller, type Caller } from "../support/fixtures";
import { bookingOf } from "./attendees/fixtures";

useTestDatabase();

/** /v1/event-references is the seed's name for /v1/booking-references: the same rules and answers. */
async function referenceOf(owner: Caller) {
  const { booking } = await bookingOf(owner);
  const prisma = await getPrisma();
  const reference = await prisma.bookingReference.create({ data: { bookingId: booking.id, type: "daily_video", uid: `uid-${booking.id}`, meetingPassword: "s3cret" } });
  return { params: { id: reference.id } };
}

describeAuthMatrix({ operation: "GET /v1/event-references", scope: "booking-references:read", request: () => ({}) });
describeAuthMatrix({
  operation: "POST /v1/event-references",
  booking: { action: "manage" },
  scope: "booking-references:write",
  ownedObject: true,
  request: async (owner) => ({ body: { bookingId: (await bookingOf(owner)).booking.id, type: "x", uid: "y" } }),
});
describeAuthMatrix({ operation: "GET /v1/event-references/{id}", booking: { action: "read" }, scope: "booking-references:read", ownedObject: true, request: referenceOf });
describeAuthMatrix({
  operation: "PATCH /v1/event-references/{id}",
  booking: { action: "manage" },
  scope: "booking-references:write",
  ownedObject: true,
  request: async (owner) => ({ ...(await referenceOf(owner)), body: { deleted: true } }),
});
describeAuthMatrix({ operation: "DELETE /v1/event-references/{id}", booking: { action: "manage" }, scope: "booking-references:write", ownedObject: true, request: referenceOf });

it("answers exactly as /v1/booking-references does, for the same rows", async () => {
  const owner = await createCaller();
  const { params } = await referenceOf(owner);
  const [alias, original] = await Promise.all([
    api("GET /v1/event-references/{id}", { key: owner.key, params }),
    api("GET /v1/booking-references/{id}", { key: owner.key, params }),
  ]);
  expect(alias.status).toBe(200);
  expect(alias.body).toEqual(original.body);
  const made = await api("POST /v1/event-references", { key: owner.key, body: { bookingId: (await bookingOf(owner)).booking.id, type: "zoom_video", uid: "zoom-1" } });
  expect(made.status).toBe(201);
  const listed = await api("GET /v1/booking-references", { key: owner.key });
  expect(listed.body.booking_references.map((r: { uid: string }) => r.uid)).toContain("zoom-1");
});
