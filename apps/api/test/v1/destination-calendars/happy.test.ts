import { getPrisma } from "@slotbase/prisma";
import { useTestDatabase } from "../../support/database";
import { api } from "../../support/api";
import { createAdmin, createCaller } from "../../support/fixtures";
import { createEventType } from "../../support/scheduling";
import { bookingOf, callerAttending } from "../attendees/fixtures";
import { bookingWithDestination, destinationRow, personalTypeDestination, teamType, userDestination } from "./fixtures";
import { expectListPaging } from "../../support/list-paging";

useTestDatabase();

const ids = (body: { destinationCalendars: { id: number }[] }) => body.destinationCalendars.map((d) => d.id);

describe("destination calendars — happy paths", () => {
  it("lives through create, list, get, edit and delete with Cal.com's envelopes", async () => {
    const caller = await createCaller();
    const created = await api("POST /v1/destination-calendars", {
      key: caller.key,
      body: { integration: "  google_calendar ", externalId: " alex@example.com" },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      destinationCalendar: {
        id: expect.any(Number),
        integration: "google_calendar",
        externalId: "alex@example.com",
        userId: caller.user.id,
        eventTypeId: null,
        bookingId: null,
      },
      message: "Destination calendar created successfully",
    });
    const { id } = created.body.destinationCalendar;

    const list = await api("GET /v1/destination-calendars", { key: caller.key });
    expect(list.status).toBe(200);
    expect(list.body).toEqual({ destinationCalendars: [created.body.destinationCalendar] });

    const fetched = await api("GET /v1/destination-calendars/{id}", { params: { id }, key: caller.key });
    expect(fetched.status).toBe(200);
    expect(fetched.body).toEqual({ destinationCalendar: created.body.destinationCalendar });

    const edited = await api("PATCH /v1/destination-calendars/{id}", { params: { id }, key: caller.key, body: { externalId: "work@example.com" } });
    expect(edited.status).toBe(200);
    expect(edited.body).toEqual({ destinationCalendar: { ...created.body.destinationCalendar, externalId: "work@example.com" } });

    const integration = await api("PATCH /v1/destination-calendars/{id}", { params: { id }, key: caller.key, body: { integration: "office365_calendar" } });
    expect(integration.body.destinationCalendar).toMatchObject({ integration: "office365_calendar", externalId: "work@example.com" });

    const deleted = await api("DELETE /v1/destination-calendars/{id}", { params: { id }, key: caller.key });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ message: "OK, Destination Calendar removed successfully" });
    expect((await api("GET /v1/destination-calendars/{id}", { params: { id }, key: caller.key })).status).toBe(404);
    expect(await destinationRow(id)).toBeNull();
  });

  it("sets an event type's destination calendar: it belongs to the event type, not the user", async () => {
    const caller = await createCaller();
    const eventType = await createEventType(caller.user.id);
    const created = await api("POST /v1/destination-calendars", {
      key: caller.key,
      body: { integration: "google_calendar", externalId: "sales@example.com", eventTypeId: eventType.id },
    });
    expect(created.status).toBe(201);
    expect(created.body.destinationCalendar).toMatchObject({ userId: null, eventTypeId: eventType.id, bookingId: null });
    // The user's own default can exist next to it.
    const own = await api("POST /v1/destination-calendars", { key: caller.key, body: { integration: "google_calendar", externalId: "me@example.com" } });
    expect(own.status).toBe(201);
    const list = await api("GET /v1/destination-calendars", { key: caller.key, query: { userId: String(caller.user.id) } });
    expect(ids(list.body)).toEqual([created.body.destinationCalendar.id, own.body.destinationCalendar.id]);
  });

  it("accepts Cal.com's admin form: userId next to eventTypeId names the event type's owner and is not stored", async () => {
    const admin = await createAdmin();
    const owner = await createCaller();
    const eventType = await createEventType(owner.user.id);
    const created = await api("POST /v1/destination-calendars", {
      key: admin.key,
      body: { integration: "google_calendar", externalId: "x@example.com", userId: owner.user.id, eventTypeId: eventType.id },
    });
    expect(created.status).toBe(201);
    expect(created.body.destinationCalendar).toMatchObject({ userId: null, eventTypeId: eventType.id });
  });

  it("sets a booking's destination calendar for its host; its attendee reads it", async () => {
    const host = await createCaller();
    const { booking, attendees } = await bookingOf(host);
    const created = await api("POST /v1/destination-calendars", {
      key: host.key,
      body: { integration: "caldav_calendar", externalId: "https://dav.example.com/cal/work/", bookingId: booking.id },
    });
    expect(created.status).toBe(201);
    expect(created.body.destinationCalendar).toMatchObject({ userId: null, eventTypeId: null, bookingId: booking.id });
    const attendee = await callerAttending(attendees[0]!);
    const read = await api("GET /v1/destination-calendars/{id}", { params: { id: created.body.destinationCalendar.id }, key: attendee.key });
    expect(read.status).toBe(200);
    expect(read.body.destinationCalendar).toEqual(created.body.destinationCalendar);
    const list = await api("GET /v1/destination-calendars", { key: attendee.key });
    expect(ids(list.body)).toEqual([created.body.destinationCalendar.id]);
  });

  it("a team's OWNERs and ADMINs set a team event type's destination calendar; members read it", async () => {
    const owner = await createCaller();
    const admin = await createCaller();
    const member = await createCaller();
    const { eventType } = await teamType(owner, [{ caller: admin, role: "ADMIN" }, { caller: member }]);
    const created = await api("POST /v1/destination-calendars", {
      key: admin.key,
      body: { integration: "google_calendar", externalId: "team@example.com", eventTypeId: eventType.id },
    });
    expect(created.status).toBe(201);
    const { id } = created.body.destinationCalendar;
    const read = await api("GET /v1/destination-calendars/{id}", { params: { id }, key: member.key });
    expect(read.status).toBe(200);
    expect(ids((await api("GET /v1/destination-calendars", { key: member.key })).body)).toEqual([id]);
    const edited = await api("PATCH /v1/destination-calendars/{id}", { params: { id }, key: owner.key, body: { externalId: "team-2@example.com" } });
    expect(edited.body.destinationCalendar).toMatchObject({ externalId: "team-2@example.com", eventTypeId: eventType.id });
  });

  it("moves an event type's destination calendar to another event type, and a booking's to another booking", async () => {
    const caller = await createCaller();
    const { destination } = await personalTypeDestination(caller);
    const other = await createEventType(caller.user.id);
    const moved = await api("PATCH /v1/destination-calendars/{id}", { params: { id: destination.id }, key: caller.key, body: { eventTypeId: other.id } });
    expect(moved.status).toBe(200);
    expect(moved.body.destinationCalendar).toMatchObject({ id: destination.id, eventTypeId: other.id, userId: null, externalId: destination.externalId });

    const { destination: onBooking } = await bookingWithDestination(caller);
    const { booking } = await bookingOf(caller);
    const rebooked = await api("PATCH /v1/destination-calendars/{id}", { params: { id: onBooking.id }, key: caller.key, body: { bookingId: booking.id } });
    expect(rebooked.body.destinationCalendar).toMatchObject({ bookingId: booking.id, eventTypeId: null, userId: null });
  });

  it("lists by id, a page at a time, and filters by user", async () => {
    const caller = await createCaller();
    const own = await userDestination(caller);
    const { destination: onType } = await personalTypeDestination(caller);
    const { destination: onBooking } = await bookingWithDestination(caller);
    const all = await api("GET /v1/destination-calendars", { key: caller.key });
    expect(ids(all.body)).toEqual([own.id, onType.id, onBooking.id]);
    const page2 = await api("GET /v1/destination-calendars", { key: caller.key, query: { take: "2", page: "2" } });
    expect(ids(page2.body)).toEqual([onBooking.id]);
  });

  it("lets an admin set, list, move and delete anyone's", async () => {
    const admin = await createAdmin();
    const owner = await createCaller();
    const other = await createCaller();
    const created = await api("POST /v1/destination-calendars", { key: admin.key, body: { integration: "google_calendar", externalId: "o@example.com", userId: owner.user.id } });
    expect(created.status).toBe(201);
    expect(created.body.destinationCalendar.userId).toBe(owner.user.id);
    const { id } = created.body.destinationCalendar;
    const everyone = await api("GET /v1/destination-calendars", { key: admin.key, query: { take: "100", userId: String(owner.user.id) } });
    expect(ids(everyone.body)).toEqual([id]);
    const moved = await api("PATCH /v1/destination-calendars/{id}", { params: { id }, key: admin.key, body: { userId: other.user.id } });
    expect(moved.body.destinationCalendar.userId).toBe(other.user.id);
    expect((await api("GET /v1/destination-calendars/{id}", { params: { id }, key: other.key })).status).toBe(200);
    expect((await api("DELETE /v1/destination-calendars/{id}", { params: { id }, key: admin.key })).status).toBe(200);
    const prisma = await getPrisma();
    expect(await prisma.destinationCalendar.count({ where: { userId: { in: [owner.user.id, other.user.id] } } })).toBe(0);
  });
});

describe("GET /v1/destination-calendars list paging", () => {
  it("answers every destination calendar the caller may read, with X-Total-Count and Link rel=next", async () => {
    const caller = await createCaller();
    const rows = [await userDestination(caller), await personalTypeDestination(caller), await bookingWithDestination(caller)];
    await userDestination(await createCaller());
    const prisma = await getPrisma();
    const visible = await prisma.destinationCalendar.findMany({ where: { id: { in: rows.map((r) => ("id" in r ? r.id : r.destination.id)) } }, orderBy: { id: "asc" } });
    await expectListPaging("GET /v1/destination-calendars", { key: caller.key }, "destinationCalendars", visible.map((r) => r.id));
  });
});
