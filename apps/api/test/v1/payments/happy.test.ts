import { useTestDatabase } from "../../support/database";
import { api } from "../../support/api";
import { createAdmin, createCaller } from "../../support/fixtures";
import { bookingOf, bookingOfOwnersType, callerAttending, teamBooking } from "../attendees/fixtures";
import { paymentFor } from "./fixtures";
import { expectListPaging } from "../../support/list-paging";

useTestDatabase();

const ids = (rows: { id: number }[]) => rows.map((row) => row.id);

describe("payments — happy paths", () => {
  it("the host lists their bookings' payments, ordered by id, a page at a time, filtered by booking", async () => {
    const host = await createCaller();
    const one = await bookingOf(host);
    const two = await bookingOf(host);
    const payments = [await paymentFor(one.booking.id), await paymentFor(two.booking.id), await paymentFor(one.booking.id, { success: false })];
    await paymentFor((await bookingOf(await createCaller())).booking.id);
    const all = await api("GET /v1/payments", { key: host.key });
    expect(all.status).toBe(200);
    expect(ids(all.body.payments)).toEqual(ids(payments));
    const page = await api("GET /v1/payments", { key: host.key, query: { take: "2", page: "2" } });
    expect(ids(page.body.payments)).toEqual([payments[2]!.id]);
    const filtered = await api("GET /v1/payments", { key: host.key, query: { bookingId: String(two.booking.id) } });
    expect(ids(filtered.body.payments)).toEqual([payments[1]!.id]);
  });

  it("a payment shows every field but the provider's data", async () => {
    const host = await createCaller();
    const { booking } = await bookingOf(host);
    const payment = await paymentFor(booking.id, { amount: 1999 });
    const result = await api("GET /v1/payments/{id}", { params: { id: payment.id }, key: host.key });
    expect(result.status).toBe(200);
    expect(result.body.payment).toEqual({
      id: payment.id,
      uid: payment.uid,
      appId: "stripe",
      bookingId: booking.id,
      amount: 1999,
      fee: 145,
      currency: "eur",
      success: true,
      refunded: false,
      externalId: payment.externalId,
      paymentOption: "ON_BOOKING",
      createdAt: payment.createdAt.toISOString(),
    });
    expect(JSON.stringify(result.body)).not.toContain("secret_");
    const list = await api("GET /v1/payments", { key: host.key });
    expect(list.body.payments[0]).not.toHaveProperty("data");
  });

  it("an attendee sees the payments of the booking they attend", async () => {
    const { booking, attendees } = await bookingOf(await createCaller());
    const payment = await paymentFor(booking.id);
    const guest = await callerAttending(attendees[1]!);
    expect(ids((await api("GET /v1/payments", { key: guest.key })).body.payments)).toEqual([payment.id]);
    expect((await api("GET /v1/payments/{id}", { params: { id: payment.id }, key: guest.key })).status).toBe(200);
  });

  it("the event type's owner, team OWNERs/ADMINs and admins see the payments", async () => {
    const owner = await createCaller();
    const owned = await bookingOfOwnersType(owner, await createCaller());
    const ownedPayment = await paymentFor(owned.booking.id);
    const team = await teamBooking();
    const teamPayment = await paymentFor(team.booking.id);
    const admin = await createAdmin();
    for (const [caller, payment] of [
      [owner, ownedPayment],
      [team.owner, teamPayment],
      [team.admin, teamPayment],
      [admin, ownedPayment],
      [admin, teamPayment],
    ] as const) {
      expect((await api("GET /v1/payments/{id}", { params: { id: payment.id }, key: caller.key })).status).toBe(200);
    }
    expect(ids((await api("GET /v1/payments", { key: team.admin.key })).body.payments)).toEqual([teamPayment.id]);
  });
});

describe("GET /v1/payments list paging", () => {
  it("answers every payment of the caller's bookings, and counts only those", async () => {
    const host = await createCaller();
    const payments = [];
    for (let i = 0; i < 3; i += 1) payments.push(await paymentFor((await bookingOf(host)).booking.id));
    await paymentFor((await bookingOf(await createCaller())).booking.id);
    await expectListPaging("GET /v1/payments", { key: host.key }, "payments", payments.map((p) => p.id));
  });
});
