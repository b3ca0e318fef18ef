import { getPrisma } from "@slotbase/prisma";
import { useTestDatabase } from "../../support/database";
import { api } from "../../support/api";
import { createAdmin, createCaller } from "../../support/fixtures";
import { bookingOf } from "../attendees/fixtures";

useTestDatabase();

const fields = (body: { details: { field?: string }[] }) => body.details.map((d) => d.field);

describe("booking references — errors", () => {
  it("rejects malformed ids with 400 naming path.id", async () => {
    const admin = await createAdmin();
    for (const id of ["abc", "0", "-3", "2.5", "3000000000"]) {
      const result = await api("GET /v1/booking-references/{id}", { params: { id }, key: admin.key });
      expect(result.status).toBe(400);
      expect(fields(result.body)).toContain("path.id");
    }
  });

  it("404s an unknown reference, even for an admin", async () => {
    const admin = await createAdmin();
    const params = { id: 2_000_000_000 };
    const get = await api("GET /v1/booking-references/{id}", { params, key: admin.key });
    expect(get.status).toBe(404);
    expect(get.body.message).toBe("Booking reference not found.");
    expect((await api("PATCH /v1/booking-references/{id}", { params, key: admin.key, body: { deleted: true } })).status).toBe(404);
    expect((await api("DELETE /v1/booking-references/{id}", { params, key: admin.key })).status).toBe(404);
  });

  it("rejects bad list queries", async () => {
    const caller = await createCaller();
    for (const query of [{ take: "101" }, { page: "-1" }, { bookingId: "abc" }] as Record<string, string>[]) {
      const result = await api("GET /v1/booking-references", { key: caller.key, query });
      expect(result.status).toBe(400);
      expect(fields(result.body)[0]).toBe(`query.${Object.keys(query)[0]}`);
    }
  });

  it("names each missing or invalid field of a create body", async () => {
    const host = await createCaller();
    const missing = await api("POST /v1/booking-references", { key: host.key, body: {} });
    expect(missing.status).toBe(400);
    expect(fields(missing.body)).toEqual(expect.arrayContaining(["body.bookingId", "body.type", "body.uid"]));
    const invalid = await api("POST /v1/booking-references", {
      key: host.key,
      body: {
        bookingId: -1,
        type: "t".repeat(101),
        uid: "",
        meetingId: 5,
        meetingPassword: "p".repeat(256),
        meetingUrl: "javascript:alert(1)",
        externalCalendarId: "c".repeat(1025),
        deleted: "yes",
        id: 1,
      },
    });
    expect(invalid.status).toBe(400);
    expect(fields(invalid.body)).toEqual(
      expect.arrayContaining(["body.bookingId", "body.type", "body.uid", "body.meetingId", "body.meetingPassword", "body.meetingUrl", "body.externalCalendarId", "body.deleted", "body.id"]),
    );
    for (const meetingUrl of ["ftp://example.com/x", "not a url", `https://example.com/${"a".repeat(2000)}`]) {
      const result = await api("POST /v1/booking-references", { key: host.key, body: { bookingId: 1, type: "x", uid: "y", meetingUrl } });
      expect(fields(result.body)).toEqual(["body.meetingUrl"]);
    }
  });

  it("rejects an empty PATCH and a PATCH that moves the reference to another booking", async () => {
    const host = await createCaller();
    const { booking } = await bookingOf(host);
    const other = await bookingOf(host);
    const prisma = await getPrisma();
    const ref = await prisma.bookingReference.create({ data: { bookingId: booking.id, type: "x", uid: "y" } });
    const params = { id: ref.id };
    expect((await api("PATCH /v1/booking-references/{id}", { params, key: host.key, body: {} })).status).toBe(400);
    const move = await api("PATCH /v1/booking-references/{id}", { params, key: host.key, body: { bookingId: other.booking.id } });
    expect(move.status).toBe(400);
    expect(fields(move.body)).toContain("body.bookingId");
    expect((await prisma.bookingReference.findUnique({ where: { id: ref.id } }))?.bookingId).toBe(booking.id);
  });

  it("404s a booking that does not exist, naming body.bookingId", async () => {
    const admin = await createAdmin();
    const result = await api("POST /v1/booking-references", { key: admin.key, body: { bookingId: 2_000_000_000, type: "x", uid: "y" } });
    expect(result.status).toBe(404);
    expect(fields(result.body)).toEqual(["body.bookingId"]);
  });
});
