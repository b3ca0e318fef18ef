import { getPrisma } from "@slotbase/prisma";
import { useTestDatabase } from "../../support/database";
import { api } from "../../support/api";
import { createAdmin, createCaller } from "../../support/fixtures";
import { bookingOf, bookingOfOwnersType, callerAttending, teamBooking } from "./fixtures";
import { expectListPaging } from "../../support/list-paging";

useTestDatabase();

const ids = (rows: { id: number }[]) => rows.map((row) => row.id);

describe("attendees — reading", () => {
  it("the host lists their bookings' attendees, ordered by id, a page at a time", async () => {
    const host = await createCaller();
    const first = await bookingOf(host, { attendees: 3 });
    const second = await bookingOf(host, { attendees: 2 });
    await bookingOf(await createCaller(), { attendees: 2 }); // someone else's
    const all = await api("GET /v1/attendees", { key: host.key, query: { take: "100" } });
    expect(all.status).toBe(200);
    expect(ids(all.body.attendees)).toEqual(ids([...first.attendees, ...second.attendees]));
    const page2 = await api("GET /v1/attendees", { key: host.key, query: { take: "2", page: "2" } });
    expect(ids(page2.body.attendees)).toEqual(ids(first.attendees.slice(2).concat(second.attendees.slice(0, 1))));
    const defaults = await api("GET /v1/attendees", { key: host.key });
    expect(defaults.body.attendees).toHaveLength(5);
  });

  it("filters by bookingId", async () => {
    const host = await createCaller();
    await bookingOf(host);
    const wanted = await bookingOf(host, { attendees: 3 });
    const result = await api("GET /v1/attendees", { key: host.key, query: { bookingId: String(wanted.booking.id) } });
    expect(ids(result.body.attendees)).toEqual(ids(wanted.attendees));
  });

  it("the host gets one attendee with every field", async () => {
    const host = await createCaller();
    const { booking, attendees } = await bookingOf(host);
    const result = await api("GET /v1/attendees/{id}", { params: { id: attendees[0]!.id }, key: host.key });
    expect(result.status).toBe(200);
    expect(result.body.attendee).toEqual({
      id: attendees[0]!.id,
      email: attendees[0]!.email,
      name: attendees[0]!.name,
      timeZone: "UTC",
      phoneNumber: null,
      locale: "en",
      bookingId: booking.id,
      noShow: false,
    });
  });

  it("an attendee sees the booking's attendees (their fellow guests), not other bookings'", async () => {
    const host = await createCaller();
    const { booking, attendees } = await bookingOf(host, { attendees: 3 });
    await bookingOf(host);
    const guest = await callerAttending(attendees[1]!);
    const list = await api("GET /v1/attendees", { key: guest.key });
    expect(ids(list.body.attendees)).toEqual(ids(attendees));
    const one = await api("GET /v1/attendees/{id}", { params: { id: attendees[0]!.id }, key: guest.key });
    expect(one.body.attendee.bookingId).toBe(booking.id);
  });

  it("an attendee is matched by email whatever its case", async () => {
    const host = await createCaller();
    const { attendees } = await bookingOf(host, { attendees: 1 });
    const prisma = await getPrisma();
    await prisma.attendee.update({ where: { id: attendees[0]!.id }, data: { email: attendees[0]!.email.toUpperCase() } });
    const guest = await callerAttending(attendees[0]!);
    expect((await api("GET /v1/attendees/{id}", { params: { id: attendees[0]!.id }, key: guest.key })).status).toBe(200);
  });

  it("an admin sees everyone's attendees", async () => {
    const admin = await createAdmin();
    const { attendees } = await bookingOf(await createCaller());
    const list = await api("GET /v1/attendees", { key: admin.key, query: { take: "100" } });
    expect(ids(list.body.attendees)).toEqual(expect.arrayContaining(ids(attendees)));
    expect((await api("GET /v1/attendees/{id}", { params: { id: attendees[0]!.id }, key: admin.key })).status).toBe(200);
  });
});

describe("attendees — changing", () => {
  it("the host adds an attendee (email stored lower-case)", async () => {
    const host = await createCaller();
    const { booking } = await bookingOf(host, { attendees: 1 });
    const result = await api("POST /v1/attendees", {
      key: host.key,
      body: { bookingId: booking.id, email: "Ada.Lovelace@Example.com", name: " Ada Lovelace ", timeZone: "Europe/London", locale: "pt-BR", phoneNumber: "+447700900123" },
    });
    expect(result.status).toBe(201);
    expect(result.body.attendee).toMatchObject({
      bookingId: booking.id,
      email: "ada.lovelace@example.com",
      name: "Ada Lovelace",
      timeZone: "Europe/London",
      locale: "pt-BR",
      phoneNumber: "+447700900123",
      noShow: false,
    });
    const prisma = await getPrisma();
    expect(await prisma.attendee.count({ where: { bookingId: booking.id } })).toBe(2);
  });

  it("a new attendee gets locale en and no phone number by default", async () => {
    const host = await createCaller();
    const { booking } = await bookingOf(host, { attendees: 1 });
    const result = await api("POST /v1/attendees", { key: host.key, body: { bookingId: booking.id, email: "b@example.com", name: "B", timeZone: "UTC" } });
    expect(result.body.attendee).toMatchObject({ locale: "en", phoneNumber: null });
  });

  it("the host edits an attendee; a PATCH changes only what it sends", async () => {
    const host = await createCaller();
    const { attendees } = await bookingOf(host);
    const params = { id: attendees[0]!.id };
    const first = await api("PATCH /v1/attendees/{id}", { params, key: host.key, body: { name: "Grace", timeZone: "Asia/Kolkata", phoneNumber: "+14155550123" } });
    expect(first.status).toBe(200);
    expect(first.body.attendee).toMatchObject({ name: "Grace", timeZone: "Asia/Kolkata", phoneNumber: "+14155550123", email: attendees[0]!.email });
    const second = await api("PATCH /v1/attendees/{id}", { params, key: host.key, body: { phoneNumber: null, locale: null, email: "NEW@example.com" } });
    expect(second.body.attendee).toMatchObject({ name: "Grace", timeZone: "Asia/Kolkata", phoneNumber: null, locale: null, email: "new@example.com" });
  });

  it("an attendee keeps their own email on a PATCH that resends it", async () => {
    const host = await createCaller();
    const { attendees } = await bookingOf(host);
    const result = await api("PATCH /v1/attendees/{id}", { params: { id: attendees[0]!.id }, key: host.key, body: { email: attendees[0]!.email.toUpperCase() } });
    expect(result.status).toBe(200);
  });

  it("the host removes an attendee", async () => {
    const host = await createCaller();
    const { attendees } = await bookingOf(host);
    const result = await api("DELETE /v1/attendees/{id}", { params: { id: attendees[0]!.id }, key: host.key });
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ message: `Attendee with id: ${attendees[0]!.id} deleted successfully` });
    const prisma = await getPrisma();
    expect(await prisma.attendee.findUnique({ where: { id: attendees[0]!.id } })).toBeNull();
    expect(await prisma.attendee.findUnique({ where: { id: attendees[1]!.id } })).not.toBeNull();
  });

  it("the event type's owner manages attendees of a booking someone else hosts", async () => {
    const owner = await createCaller();
    const host = await createCaller();
    const { booking, attendees } = await bookingOfOwnersType(owner, host);
    expect((await api("GET /v1/attendees", { key: owner.key })).body.attendees).toHaveLength(2);
    expect((await api("POST /v1/attendees", { key: owner.key, body: { bookingId: booking.id, email: "c@example.com", name: "C", timeZone: "UTC" } })).status).toBe(201);
    expect((await api("PATCH /v1/attendees/{id}", { params: { id: attendees[0]!.id }, key: owner.key, body: { name: "Renamed" } })).status).toBe(200);
    expect((await api("DELETE /v1/attendees/{id}", { params: { id: attendees[1]!.id }, key: owner.key })).status).toBe(200);
  });

  it("accepted team OWNERs and ADMINs manage attendees of the team's event type's bookings", async () => {
    const { owner, admin, booking, attendees } = await teamBooking({ attendees: 3 });
    for (const manager of [owner, admin]) {
      const list = await api("GET /v1/attendees", { key: manager.key, query: { bookingId: String(booking.id) } });
      expect(list.body.attendees.length).toBeGreaterThan(0);
      expect((await api("PATCH /v1/attendees/{id}", { params: { id: attendees[0]!.id }, key: manager.key, body: { name: `By ${manager.user.id}` } })).status).toBe(200);
    }
    expect((await api("POST /v1/attendees", { key: admin.key, body: { bookingId: booking.id, email: "d@example.com", name: "D", timeZone: "UTC" } })).status).toBe(201);
    expect((await api("DELETE /v1/attendees/{id}", { params: { id: attendees[2]!.id }, key: owner.key })).status).toBe(200);
  });

  it("an admin manages anyone's attendees", async () => {
    const admin = await createAdmin();
    const { booking, attendees } = await bookingOf(await createCaller());
    expect((await api("POST /v1/attendees", { key: admin.key, body: { bookingId: booking.id, email: "e@example.com", name: "E", timeZone: "UTC" } })).status).toBe(201);
    expect((await api("PATCH /v1/attendees/{id}", { params: { id: attendees[0]!.id }, key: admin.key, body: { name: "Admin edit" } })).status).toBe(200);
    expect((await api("DELETE /v1/attendees/{id}", { params: { id: attendees[0]!.id }, key: admin.key })).status).toBe(200);
  });

  it("a seated booking takes attendees up to its seats", async () => {
    const host = await createCaller();
    const prisma = await getPrisma();
    const eventType = await prisma.eventType.create({
      data: { title: "Class", slug: `class-${host.user.id}`, length: 30, userId: host.user.id, seatsPerTimeSlot: 3 },
    });
    const { booking } = await bookingOf(host, { attendees: 2, data: { eventTypeId: eventType.id } });
    const result = await api("POST /v1/attendees", { key: host.key, body: { bookingId: booking.id, email: "seat3@example.com", name: "Third", timeZone: "UTC" } });
    expect(result.status).toBe(201);
  });
});

describe("GET /v1/attendees list paging", () => {
  it("answers every attendee the caller may read, and counts only those", async () => {
    const host = await createCaller();
    const { attendees } = await bookingOf(host, { attendees: 3 });
    await bookingOf(await createCaller(), { attendees: 2 }); // someone else's guests
    await expectListPaging("GET /v1/attendees", { key: host.key }, "attendees", attendees.map((a) => a.id));
  });
});
