import { getPrisma } from "@slotbase/prisma";
import { useTestDatabase } from "../../support/database";
import { api } from "../../support/api";
import { createAdmin, createCaller } from "../../support/fixtures";
import { bookingOf } from "./fixtures";

useTestDatabase();

const fields = (body: { details: { field?: string }[] }) => body.details.map((d) => d.field);
const valid = { email: "ok@example.com", name: "Ok", timeZone: "UTC" };

describe("attendees — errors", () => {
  it("rejects malformed ids with 400 naming path.id", async () => {
    const admin = await createAdmin();
    for (const id of ["abc", "0", "-1", "1.5", "99999999999"]) {
      for (const operation of ["GET /v1/attendees/{id}", "DELETE /v1/attendees/{id}"]) {
        const result = await api(operation, { params: { id }, key: admin.key });
        expect(result.status).toBe(400);
        expect(fields(result.body)).toContain("path.id");
      }
    }
  });

  it("404s an unknown attendee, even for an admin", async () => {
    const admin = await createAdmin();
    const params = { id: 2_000_000_000 };
    const get = await api("GET /v1/attendees/{id}", { params, key: admin.key });
    expect(get.status).toBe(404);
    expect(get.body).toMatchObject({ code: "not_found", message: "Attendee not found." });
    expect((await api("PATCH /v1/attendees/{id}", { params, key: admin.key, body: { name: "x" } })).status).toBe(404);
    expect((await api("DELETE /v1/attendees/{id}", { params, key: admin.key })).status).toBe(404);
  });

  it("rejects bad list queries", async () => {
    const caller = await createCaller();
    for (const query of [{ take: "0" }, { take: "101" }, { page: "0" }, { bookingId: "x" }, { bookingId: "0" }] as Record<string, string>[]) {
      const result = await api("GET /v1/attendees", { key: caller.key, query });
      expect(result.status).toBe(400);
      expect(fields(result.body)[0]).toBe(`query.${Object.keys(query)[0]}`);
    }
  });

  it("names each missing or invalid field of a create body", async () => {
    const host = await createCaller();
    const missing = await api("POST /v1/attendees", { key: host.key, body: {} });
    expect(missing.status).toBe(400);
    expect(fields(missing.body)).toEqual(expect.arrayContaining(["body.bookingId", "body.email", "body.name", "body.timeZone"]));
    const invalid = await api("POST /v1/attendees", {
      key: host.key,
      body: {
        bookingId: "1",
        email: "not-an-email",
        name: "",
        timeZone: "Mars/Olympus",
        locale: "English",
        phoneNumber: "0044 20 7946 0958",
        noShow: true,
        id: 5,
      },
    });
    expect(invalid.status).toBe(400);
    expect(fields(invalid.body)).toEqual(
      expect.arrayContaining(["body.bookingId", "body.email", "body.name", "body.timeZone", "body.locale", "body.phoneNumber", "body.noShow", "body.id"]),
    );
  });

  it("bounds every string and number", async () => {
    const host = await createCaller();
    const result = await api("POST /v1/attendees", {
      key: host.key,
      body: { bookingId: 2 ** 31, email: `${"a".repeat(250)}@example.com`, name: "n".repeat(201), timeZone: "UTC", locale: `en-${"x".repeat(40)}` },
    });
    expect(result.status).toBe(400);
    expect(fields(result.body)).toEqual(expect.arrayContaining(["body.bookingId", "body.email", "body.name", "body.locale"]));
    const blank = await api("POST /v1/attendees", { key: host.key, body: { bookingId: 1, email: "a@example.com", name: "   ", timeZone: "UTC" } });
    expect(fields(blank.body)).toEqual(["body.name"]);
  });

  it("rejects an empty PATCH, and fields a PATCH may not change (noShow, bookingId, id)", async () => {
    const host = await createCaller();
    const { attendees } = await bookingOf(host);
    const params = { id: attendees[0]!.id };
    const empty = await api("PATCH /v1/attendees/{id}", { params, key: host.key, body: {} });
    expect(empty.status).toBe(400);
    for (const body of [{ noShow: true }, { bookingId: 1 }, { id: 9 }]) {
      const result = await api("PATCH /v1/attendees/{id}", { params, key: host.key, body });
      expect(result.status).toBe(400);
      expect(fields(result.body)).toContain(`body.${Object.keys(body)[0]}`);
    }
    const prisma = await getPrisma();
    expect((await prisma.attendee.findUnique({ where: { id: attendees[0]!.id } }))?.noShow).toBe(false);
  });

  it("rejects a body that is not a JSON object", async () => {
    const host = await createCaller();
    for (const body of ["[1,2]", "null", "\"text\"", "{bad json"]) {
      const result = await api("POST /v1/attendees", { key: host.key, body, headers: { "content-type": "application/json" } });
      expect(result.status).toBe(400);
    }
  });

  it("404s a booking that does not exist, naming body.bookingId, even for an admin", async () => {
    const admin = await createAdmin();
    const result = await api("POST /v1/attendees", { key: admin.key, body: { ...valid, bookingId: 2_000_000_000 } });
    expect(result.status).toBe(404);
    expect(result.body.message).toBe("Booking not found.");
    expect(fields(result.body)).toEqual(["body.bookingId"]);
  });

  it("409s an email already on the booking (any case), on create and on edit", async () => {
    const host = await createCaller();
    const { booking, attendees } = await bookingOf(host);
    const create = await api("POST /v1/attendees", { key: host.key, body: { ...valid, bookingId: booking.id, email: attendees[0]!.email.toUpperCase() } });
    expect(create.status).toBe(409);
    expect(fields(create.body)).toEqual(["body.email"]);
    const edit = await api("PATCH /v1/attendees/{id}", { params: { id: attendees[1]!.id }, key: host.key, body: { email: attendees[0]!.email } });
    expect(edit.status).toBe(409);
    const prisma = await getPrisma();
    expect(await prisma.attendee.count({ where: { bookingId: booking.id } })).toBe(2);
    expect((await prisma.attendee.findUnique({ where: { id: attendees[1]!.id } }))?.email).toBe(attendees[1]!.email);
  });

  it("the same email may attend two different bookings", async () => {
    const host = await createCaller();
    const one = await bookingOf(host);
    const two = await bookingOf(host);
    const result = await api("POST /v1/attendees", { key: host.key, body: { ...valid, bookingId: two.booking.id, email: one.attendees[0]!.email } });
    expect(result.status).toBe(201);
  });

  it("409s removing a booking's last attendee, and keeps it", async () => {
    const host = await createCaller();
    const { attendees } = await bookingOf(host, { attendees: 1 });
    const result = await api("DELETE /v1/attendees/{id}", { params: { id: attendees[0]!.id }, key: host.key });
    expect(result.status).toBe(409);
    expect(result.body.code).toBe("conflict");
    const prisma = await getPrisma();
    expect(await prisma.attendee.findUnique({ where: { id: attendees[0]!.id } })).not.toBeNull();
  });

  it("two removals at once never leave a booking without attendees", async () => {
    const host = await createCaller();
    const { booking, attendees } = await bookingOf(host, { attendees: 2 });
    const results = await Promise.all(attendees.map((a) => api("DELETE /v1/attendees/{id}", { params: { id: a.id }, key: host.key })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const prisma = await getPrisma();
    expect(await prisma.attendee.count({ where: { bookingId: booking.id } })).toBe(1);
  });

  it("409s an attendee beyond a seated booking's seats, also when two are added at once", async () => {
    const host = await createCaller();
    const prisma = await getPrisma();
    const eventType = await prisma.eventType.create({
      data: { title: "Class", slug: `class-${host.user.id}`, length: 30, userId: host.user.id, seatsPerTimeSlot: 3 },
    });
    const { booking } = await bookingOf(host, { attendees: 2, data: { eventTypeId: eventType.id } });
    const results = await Promise.all(
      ["x@example.com", "y@example.com"].map((email) => api("POST /v1/attendees", { key: host.key, body: { ...valid, email, bookingId: booking.id } })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await prisma.attendee.count({ where: { bookingId: booking.id } })).toBe(3);
  });
});
