import { getPrisma } from "@slotbase/prisma";
import { useTestDatabase } from "../../support/database";
import { api } from "../../support/api";
import { createAdmin, createCaller } from "../../support/fixtures";
import { bookingOf, bookingOfOwnersType, callerAttending, teamBooking } from "../attendees/fixtures";
import { expectListPaging } from "../../support/list-paging";

useTestDatabase();

const ids = (rows: { id: number }[]) => rows.map((row) => row.id);

async function referenceOn(bookingId: number, data: { type?: string; meetingPassword?: string | null } = {}) {
  const prisma = await getPrisma();
  return prisma.bookingReference.create({
    data: { bookingId, type: data.type ?? "daily_video", uid: `uid-${bookingId}-${Math.random()}`, meetingId: "m-1", meetingPassword: data.meetingPassword ?? "s3cret", meetingUrl: "https://video.example.com/m-1" },
  });
}

describe("booking references — reading", () => {
  it("the host lists their bookings' references, ordered by id, a page at a time, and filters by booking", async () => {
    const host = await createCaller();
    const one = await bookingOf(host);
    const two = await bookingOf(host);
    const refs = [await referenceOn(one.booking.id), await referenceOn(two.booking.id), await referenceOn(one.booking.id)];
    await referenceOn((await bookingOf(await createCaller())).booking.id);
    const all = await api("GET /v1/booking-references", { key: host.key });
    expect(all.status).toBe(200);
    expect(ids(all.body.booking_references)).toEqual(ids(refs));
    const page = await api("GET /v1/booking-references", { key: host.key, query: { take: "1", page: "2" } });
    expect(ids(page.body.booking_references)).toEqual([refs[1]!.id]);
    const filtered = await api("GET /v1/booking-references", { key: host.key, query: { bookingId: String(one.booking.id) } });
    expect(ids(filtered.body.booking_references)).toEqual([refs[0]!.id, refs[2]!.id]);
  });

  it("the host gets a reference with every field, meetingPassword included", async () => {
    const host = await createCaller();
    const { booking } = await bookingOf(host);
    const ref = await referenceOn(booking.id);
    const result = await api("GET /v1/booking-references/{id}", { params: { id: ref.id }, key: host.key });
    expect(result.status).toBe(200);
    expect(result.body.booking_reference).toEqual({
      id: ref.id,
      type: "daily_video",
      uid: ref.uid,
      meetingId: "m-1",
      meetingPassword: "s3cret",
      meetingUrl: "https://video.example.com/m-1",
      externalCalendarId: null,
      deleted: null,
      bookingId: booking.id,
    });
  });

  it("an attendee sees the booking's references without meetingPassword", async () => {
    const host = await createCaller();
    const { booking, attendees } = await bookingOf(host);
    const ref = await referenceOn(booking.id);
    const guest = await callerAttending(attendees[0]!);
    const one = await api("GET /v1/booking-references/{id}", { params: { id: ref.id }, key: guest.key });
    expect(one.status).toBe(200);
    expect(one.body.booking_reference).not.toHaveProperty("meetingPassword");
    expect(one.body.booking_reference).toMatchObject({ id: ref.id, meetingUrl: ref.meetingUrl });
    const list = await api("GET /v1/booking-references", { key: guest.key });
    expect(ids(list.body.booking_references)).toEqual([ref.id]);
    expect(list.body.booking_references[0]).not.toHaveProperty("meetingPassword");
  });

  it("a list mixes both: passwords of bookings you host, none of bookings you attend", async () => {
    const me = await createCaller();
    const hosted = await bookingOf(me);
    const attended = await bookingOf(await createCaller());
    const prisma = await getPrisma();
    await prisma.attendee.update({ where: { id: attended.attendees[0]!.id }, data: { email: me.user.email } });
    const mine = await referenceOn(hosted.booking.id);
    const theirs = await referenceOn(attended.booking.id);
    const list = await api("GET /v1/booking-references", { key: me.key });
    const byId = new Map(list.body.booking_references.map((r: { id: number }) => [r.id, r]));
    expect(byId.get(mine.id)).toHaveProperty("meetingPassword", "s3cret");
    expect(byId.get(theirs.id)).not.toHaveProperty("meetingPassword");
  });
});

describe("booking references — changing", () => {
  it("the host creates, edits and deletes a reference", async () => {
    const host = await createCaller();
    const { booking } = await bookingOf(host);
    const created = await api("POST /v1/booking-references", {
      key: host.key,
      body: { bookingId: booking.id, type: "zoom_video", uid: "zoom-123", meetingId: "123", meetingPassword: "pw", meetingUrl: "https://zoom.example.com/j/123" },
    });
    expect(created.status).toBe(201);
    expect(created.body.booking_reference).toMatchObject({
      bookingId: booking.id,
      type: "zoom_video",
      uid: "zoom-123",
      meetingId: "123",
      meetingPassword: "pw",
      meetingUrl: "https://zoom.example.com/j/123",
      externalCalendarId: null,
      deleted: null,
    });
    const id = created.body.booking_reference.id;
    const edited = await api("PATCH /v1/booking-references/{id}", { params: { id }, key: host.key, body: { deleted: true, meetingPassword: null, externalCalendarId: "primary" } });
    expect(edited.status).toBe(200);
    expect(edited.body.booking_reference).toMatchObject({ deleted: true, meetingPassword: null, externalCalendarId: "primary", uid: "zoom-123" });
    const removed = await api("DELETE /v1/booking-references/{id}", { params: { id }, key: host.key });
    expect(removed.body).toEqual({ message: `Booking reference with id: ${id} deleted successfully` });
    const prisma = await getPrisma();
    expect(await prisma.bookingReference.findUnique({ where: { id } })).toBeNull();
  });

  it("the event type's owner, team OWNERs/ADMINs and admins manage references", async () => {
    const owner = await createCaller();
    const owned = await bookingOfOwnersType(owner, await createCaller());
    const team = await teamBooking();
    const admin = await createAdmin();
    for (const [caller, bookingId] of [
      [owner, owned.booking.id],
      [team.owner, team.booking.id],
      [team.admin, team.booking.id],
      [admin, owned.booking.id],
    ] as const) {
      const created = await api("POST /v1/booking-references", { key: caller.key, body: { bookingId, type: "google_calendar", uid: `ev-${caller.user.id}` } });
      expect(created.status).toBe(201);
      expect(created.body.booking_reference.meetingPassword).toBeNull();
      const params = { id: created.body.booking_reference.id };
      expect((await api("GET /v1/booking-references/{id}", { params, key: caller.key })).body.booking_reference).toHaveProperty("meetingPassword");
      expect((await api("PATCH /v1/booking-references/{id}", { params, key: caller.key, body: { meetingId: "x" } })).status).toBe(200);
      expect((await api("DELETE /v1/booking-references/{id}", { params, key: caller.key })).status).toBe(200);
    }
  });
});

describe("GET /v1/booking-references list paging", () => {
  it("answers every reference on the caller's bookings, and counts only those", async () => {
    const host = await createCaller();
    const { booking } = await bookingOf(host);
    const { booking: foreign } = await bookingOf(await createCaller());
    const prisma = await getPrisma();
    const refs = [];
    for (const uid of ["a", "b", "c"]) refs.push(await prisma.bookingReference.create({ data: { bookingId: booking.id, type: "google_calendar", uid: `evt-${uid}` } }));
    await prisma.bookingReference.create({ data: { bookingId: foreign.id, type: "google_calendar", uid: "evt-foreign" } });
    await expectListPaging("GET /v1/booking-references", { key: host.key }, "booking_references", refs.map((r) => r.id));
  });
});
