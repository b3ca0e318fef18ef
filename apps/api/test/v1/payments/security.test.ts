import { useTestDatabase } from "../../support/database";
import { describeAuthMatrix } from "../../support/auth-matrix";
import { api } from "../../support/api";
import { createCaller, type Caller } from "../../support/fixtures";
import { bookingOf, callerAttending, itTreatsTeamOutsidersAsStrangers } from "../attendees/fixtures";
import { paymentFor } from "./fixtures";

useTestDatabase();

async function paymentOf(owner: Caller) {
  const { booking } = await bookingOf(owner);
  return { params: { id: (await paymentFor(booking.id)).id } };
}

describeAuthMatrix({ operation: "GET /v1/payments", scope: "payments:read", request: () => ({}) });
describeAuthMatrix({ operation: "GET /v1/payments/{id}", booking: { action: "read" }, scope: "payments:read", ownedObject: true, request: paymentOf });

/** `caller` neither gets the payment nor finds it in a list. */
async function expectStranger(caller: { key: string }, bookingId: number) {
  const payment = await paymentFor(bookingId);
  const one = await api("GET /v1/payments/{id}", { params: { id: payment.id }, key: caller.key });
  expect(one.status).toBe(404);
  expect(one.body.message).toBe("Payment not found.");
  expect((await api("GET /v1/payments", { key: caller.key, query: { bookingId: String(bookingId) } })).body.payments).toEqual([]);
}

describe("payments — strangers", () => {
  it("another user sees nothing of someone's payments", async () => {
    const { booking } = await bookingOf(await createCaller());
    const stranger = await createCaller();
    await expectStranger(stranger, booking.id);
    expect((await api("GET /v1/payments", { key: stranger.key })).body.payments).toEqual([]);
  });

  it("an attendee of one booking sees nothing of the host's other bookings' payments", async () => {
    const host = await createCaller();
    const mine = await bookingOf(host);
    const other = await bookingOf(host);
    await expectStranger(await callerAttending(mine.attendees[0]!), other.booking.id);
  });

  itTreatsTeamOutsidersAsStrangers((caller, booked) => expectStranger(caller, booked.booking.id));
});
