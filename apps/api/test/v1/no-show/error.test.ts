import { getPrisma } from "@slotbase/prisma";
import { useTestDatabase } from "../../support/database";
import { api } from "../../support/api";
import { createAdmin, createCaller } from "../../support/fixtures";
import { bookingOf } from "../attendees/fixtures";

useTestDatabase();

const fields = (body: { details: { field?: string }[] }) => body.details.map((d) => d.field);

async function snapshot(bookingId: number) {
  const prisma = await getPrisma();
  const booking = await prisma.booking.findUnique({ where: { id: bookingId }, select: { noShowHost: true, attendees: { select: { id: true, noShow: true }, orderBy: { id: "asc" } } } });
  return booking;
}

describe("no-show — errors", () => {
  it("names each invalid field of the body", async () => {
    const host = await createCaller();
    const empty = await api("POST /v1/no-show", { key: host.key, body: {} });
    expect(empty.status).toBe(400);
    expect(fields(empty.body)).toContain("body.bookingUid");
    const nothing = await api("POST /v1/no-show", { key: host.key, body: { bookingUid: "abc" } });
    expect(nothing.status).toBe(400);
    expect(fields(nothing.body)).toEqual(["body.attendees"]);
    const invalid = await api("POST /v1/no-show", {
      key: host.key,
      body: {
        bookingUid: 5,
        attendees: [{ email: "nope", noShow: "yes" }, { email: "a@example.com", noShow: true, name: "x" }],
        noShowHost: "true",
        extra: 1,
      },
    });
    expect(invalid.status).toBe(400);
    expect(fields(invalid.body)).toEqual(
      expect.arrayContaining(["body.bookingUid", "body.attendees.0.email", "body.attendees.0.noShow", "body.attendees.1.name", "body.noShowHost", "body.extra"]),
    );
  });

  it("rejects an empty attendee list, more than 100 entries, and an email listed twice", async () => {
    const host = await createCaller();
    const empty = await api("POST /v1/no-show", { key: host.key, body: { bookingUid: "abc", attendees: [] } });
    expect(fields(empty.body)).toEqual(["body.attendees"]);
    const many = Array.from({ length: 101 }, (_, i) => ({ email: `g${i}@example.com`, noShow: true }));
    expect(fields((await api("POST /v1/no-show", { key: host.key, body: { bookingUid: "abc", attendees: many } })).body)).toEqual(["body.attendees"]);
    const twice = await api("POST /v1/no-show", {
      key: host.key,
      body: { bookingUid: "abc", attendees: [{ email: "a@example.com", noShow: true }, { email: "A@Example.com", noShow: false }] },
    });
    expect(twice.status).toBe(400);
    expect(fields(twice.body)).toEqual(["body.attendees.1.email"]);
  });

  it("404s an unknown booking uid, naming body.bookingUid, even for an admin", async () => {
    const admin = await createAdmin();
    const result = await api("POST /v1/no-show", { key: admin.key, body: { bookingUid: "no-such-booking", noShowHost: true } });
    expect(result.status).toBe(404);
    expect(result.body.message).toBe("Booking not found.");
    expect(fields(result.body)).toEqual(["body.bookingUid"]);
  });

  it("400s an email that is not an attendee of the booking, naming the entry, and changes nothing", async () => {
    const host = await createCaller();
    const { booking, attendees } = await bookingOf(host, { when: "past" });
    const other = await bookingOf(host, { when: "past" });
    const before = await snapshot(booking.id);
    const result = await api("POST /v1/no-show", {
      key: host.key,
      body: {
        bookingUid: booking.uid,
        attendees: [{ email: attendees[0]!.email, noShow: true }, { email: other.attendees[0]!.email, noShow: true }, { email: "ghost@example.com", noShow: true }],
        noShowHost: true,
      },
    });
    expect(result.status).toBe(400);
    expect(fields(result.body)).toEqual(["body.attendees.1.email", "body.attendees.2.email"]);
    expect(await snapshot(booking.id)).toEqual(before);
  });

  it("400s a booking that has not started yet, and changes nothing", async () => {
    const host = await createCaller();
    const { booking, attendees } = await bookingOf(host, { when: "future" });
    const before = await snapshot(booking.id);
    const result = await api("POST /v1/no-show", { key: host.key, body: { bookingUid: booking.uid, attendees: [{ email: attendees[0]!.email, noShow: true }], noShowHost: true } });
    expect(result.status).toBe(400);
    expect(result.body.message).toMatch(/started/);
    expect(fields(result.body)).toEqual(["body.bookingUid"]);
    expect(await snapshot(booking.id)).toEqual(before);
  });

  it("409s a cancelled, rejected or unconfirmed booking", async () => {
    const host = await createCaller();
    for (const status of ["CANCELLED", "REJECTED", "PENDING"] as const) {
      const { booking } = await bookingOf(host, { when: "past", data: { status } });
      const result = await api("POST /v1/no-show", { key: host.key, body: { bookingUid: booking.uid, noShowHost: true } });
      expect(result.status).toBe(409);
      expect(result.body.code).toBe("conflict");
      expect((await snapshot(booking.id))?.noShowHost).toBe(false);
    }
  });
});
