import { api } from "../../support/api";
import { useTestDatabase } from "../../support/database";
import { createCaller } from "../../support/fixtures";
import { createBooking } from "../../support/scheduling";
import { getPrisma } from "@slotbase/prisma";

useTestDatabase();

/*
 * List filters whose SQL takes shortcuts for speed (booking-list-sql.ts): the shortcuts must
 * never change which bookings match.
 */
const HOUR = 3_600_000;
const at = (hoursFromNow: number) => new Date(Date.now() + hoursFromNow * HOUR).toISOString();
const list = (key: string, query: Record<string, string>, headers: Record<string, string> = {}) => api("GET /v2/bookings", { key, query, headers });
const uids = (result: { body: { data: { uid: string }[] } }) => result.body.data.map((b) => b.uid);

describe("GET /v2/bookings status filters", () => {
  it("upcoming includes a long booking that started days ago and has not ended, by offset and by cursor", async () => {
    const host = await createCaller();
    const ended = await createBooking(host.user.id, at(-100), at(-99));
    const longRunning = await createBooking(host.user.id, at(-72), at(24));
    const ahead = await createBooking(host.user.id, at(48), at(49));
    const byOffset = await list(host.key, { status: "upcoming" });
    expect(byOffset.status).toBe(200);
    expect(uids(byOffset)).toEqual([longRunning.uid, ahead.uid]);
    const byCursor = await list(host.key, { status: "upcoming" }, { "cal-api-version": "2026-05-01" });
    expect(uids(byCursor)).toEqual([longRunning.uid, ahead.uid]);
    const past = await list(host.key, { status: "past", sortStart: "desc" });
    expect(uids(past)).toEqual([ended.uid]);
  });

  it("unconfirmed and past see a booking by when it ends, however long it is", async () => {
    const host = await createCaller();
    const pendingLong = await createBooking(host.user.id, at(-500), at(1), { status: "PENDING" });
    const pastLong = await createBooking(host.user.id, at(-900), at(-600));
    expect(uids(await list(host.key, { status: "unconfirmed" }))).toEqual([pendingLong.uid]);
    expect(uids(await list(host.key, { status: "past" }))).toEqual([pastLong.uid]);
    expect(uids(await list(host.key, { beforeEnd: at(0) }))).toEqual([pastLong.uid]);
  });
});

describe("GET /v2/bookings attendee filters", () => {
  it("attendeeName matches its text anywhere, any case, with % and _ taken literally", async () => {
    const host = await createCaller();
    const percent = await createBooking(host.user.id, at(10), at(11));
    const plain = await createBooking(host.user.id, at(12), at(13));
    const prisma = await getPrisma();
    await prisma.attendee.updateMany({ where: { bookingId: percent.id }, data: { name: "Sure 100% Yes" } });
    await prisma.attendee.updateMany({ where: { bookingId: plain.id }, data: { name: "Sure 1000 Yes" } });
    expect(uids(await list(host.key, { attendeeName: "100%" }))).toEqual([percent.uid]);
    expect(uids(await list(host.key, { attendeeName: "sure 1_0" }))).toEqual([]);
    expect(uids(await list(host.key, { attendeeName: "SURE 10" }))).toEqual([percent.uid, plain.uid]);
  });

  it("attendeeEmail matches any case", async () => {
    const host = await createCaller();
    const booking = await createBooking(host.user.id, at(10), at(11));
    const prisma = await getPrisma();
    const attendee = await prisma.attendee.findFirstOrThrow({ where: { bookingId: booking.id } });
    expect(uids(await list(host.key, { attendeeEmail: attendee.email.toUpperCase() }))).toEqual([booking.uid]);
  });
});
