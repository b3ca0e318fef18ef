import { getPrisma } from "@slotbase/prisma";
import { useTestDatabase } from "../../support/database";
import { describeAuthMatrix } from "../../support/auth-matrix";
import { api } from "../../support/api";
import { createCaller } from "../../support/fixtures";
import { bookingOf, callerAttending, itTreatsTeamOutsidersAsStrangers } from "../attendees/fixtures";

useTestDatabase();

const fields = (body: { details: { field?: string }[] }) => body.details.map((d) => d.field);

describeAuthMatrix({
  operation: "POST /v1/no-show", booking: { action: "manage" },
  scope: "bookings:write",
  ownedObject: true,
  request: async (owner) => {
    const { booking, attendees } = await bookingOf(owner, { when: "past" });
    return { body: { bookingUid: booking.uid, attendees: [{ email: attendees[0]!.email, noShow: true }], noShowHost: true } };
  },
});

async function flags(bookingId: number) {
  const prisma = await getPrisma();
  return prisma.booking.findUnique({ where: { id: bookingId }, select: { noShowHost: true, attendees: { select: { noShow: true }, orderBy: { id: "asc" } } } });
}

/** `caller` gets a 404 naming body.bookingUid, and nothing changes. */
async function expectStranger(caller: { key: string }, booked: { booking: { id: number; uid: string }; attendees: { email: string }[] }) {
  const before = await flags(booked.booking.id);
  for (const body of [
    { bookingUid: booked.booking.uid, noShowHost: true },
    { bookingUid: booked.booking.uid, attendees: [{ email: booked.attendees[0]!.email, noShow: true }] },
    { bookingUid: booked.booking.uid, attendees: [{ email: "not-an-attendee@example.com", noShow: true }] },
  ]) {
    const result = await api("POST /v1/no-show", { key: caller.key, body });
    expect(result.status).toBe(404);
    expect(fields(result.body)).toEqual(["body.bookingUid"]);
  }
  expect(await flags(booked.booking.id)).toEqual(before);
}

describe("no-show — strangers", () => {
  it("another user cannot mark anyone, nor learn whether the booking exists", async () => {
    const booked = await bookingOf(await createCaller(), { when: "past" });
    const stranger = await createCaller();
    await expectStranger(stranger, booked);
    const missing = await api("POST /v1/no-show", { key: stranger.key, body: { bookingUid: "does-not-exist", noShowHost: true } });
    expect(missing.body.message).toBe("Booking not found.");
  });

  it("a future booking of someone else is a 404 too, not a 400 that reveals it", async () => {
    const booked = await bookingOf(await createCaller(), { when: "future" });
    await expectStranger(await createCaller(), booked);
  });

  itTreatsTeamOutsidersAsStrangers(expectStranger, { when: "past" });
});

describe("no-show — attendees", () => {
  it("an attendee gets 403: they can mark neither the host nor their fellow attendees (nor themself)", async () => {
    const booked = await bookingOf(await createCaller(), { when: "past" });
    const guest = await callerAttending(booked.attendees[0]!);
    const before = await flags(booked.booking.id);
    for (const body of [
      { bookingUid: booked.booking.uid, noShowHost: true },
      { bookingUid: booked.booking.uid, attendees: [{ email: booked.attendees[1]!.email, noShow: true }] },
      { bookingUid: booked.booking.uid, attendees: [{ email: booked.attendees[0]!.email, noShow: true }] },
    ]) {
      const result = await api("POST /v1/no-show", { key: guest.key, body });
      expect(result.status).toBe(403);
      expect(result.body.code).toBe("forbidden");
    }
    expect(await flags(booked.booking.id)).toEqual(before);
  });

  it("a key with only bookings:read cannot mark no-shows", async () => {
    const host = await createCaller({ scopes: ["bookings:read"] });
    const { booking } = await bookingOf(host, { when: "past" });
    const result = await api("POST /v1/no-show", { key: host.key, body: { bookingUid: booking.uid, noShowHost: true } });
    expect(result.status).toBe(403);
    expect(result.body.code).toBe("insufficient_scope");
  });
});
