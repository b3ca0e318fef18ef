import { getPrisma } from "@slotbase/prisma";
import { useTestDatabase } from "../support/database";
import { createCaller } from "../support/fixtures";
import { addCalendar, addSchedule, createWorkspace, ownedWorkspace } from "../support/workspaces";
import { addDays, berlin, nextMonday, UTC, weekOfNextDstChange } from "../support/dates";
import { bookCalendar, blockCalendar, calendarEvents, calendarEventType, eventsOf, holdCalendar, spans } from "../support/calendar-events";

useTestDatabase();

/**
 * GET /api/v1/calendar-events (seed 001): periods from the schedules, what is left of them,
 * bookings (or counts above capacity 25), holds and blockers, clipped and sorted, for the
 * public and for members.
 */
const MON = nextMonday({ zones: [UTC] });
const TUE = addDays(MON, 1);
const at = (date: string, time: string) => `${date}T${time}:00Z`;
const dayOf = (date: string) => ({ start_date: at(date, "00:00"), end_date: at(addDays(date, 1), "00:00") });

async function publicRoom(capacity = 1) {
  const { owner, team } = await ownedWorkspace();
  const calendar = await addCalendar(team, { name: "Meeting room Orion", isPublic: true, capacity, color: "#3b82f6", timeZone: UTC });
  await addSchedule(calendar.id, { startMinute: 9 * 60, endMinute: 17 * 60, daysOfWeek: [1, 2, 3, 4, 5], startDate: new Date(`${addDays(MON, -7)}T00:00:00Z`) });
  return { owner, team, calendar };
}

describe("a public room of capacity 1", () => {
  it("shows its period, the fragments around a booking and the booking without personal data to anyone", async () => {
    const { calendar } = await publicRoom();
    await bookCalendar(calendar.id, at(MON, "10:00"), at(MON, "11:00"), { attendees: [{ name: "Jane Doe", email: "jane@example.com" }] });
    const result = await calendarEvents({ resource_id: calendar.uuid, ...dayOf(MON) });
    expect(result.status).toBe(200);
    expect(spans(result, "period")).toEqual([[at(MON, "09:00"), at(MON, "17:00")]]);
    expect(spans(result, "period_fragment")).toEqual([
      [at(MON, "09:00"), at(MON, "10:00")],
      [at(MON, "11:00"), at(MON, "17:00")],
    ]);
    const [booking] = eventsOf(result, "booking");
    expect(booking).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      type: "booking",
      start_date: at(MON, "10:00"),
      end_date: at(MON, "11:00"),
      resource_id: calendar.uuid,
      resource_name: "Meeting room Orion",
      quota: 1,
      occupancy: 1,
      is_available: false,
      is_blocker: false,
      display_label: "Booked",
      color_map: { bg: "#3b82f6", text: "#000000" },
    });
    expect(JSON.stringify(result.body)).not.toContain("jane");
    expect(result.body.data.resources_with_schedule).toEqual([calendar.uuid]);
    expect(result.headers["cache-control"]).toBe("public, max-age=15");
    expect(result.headers.etag).toMatch(/^"ce-/);
  });

  it("shows a member the customers, the booking's uid and status and a named label", async () => {
    const { owner, team, calendar } = await publicRoom();
    const eventType = await calendarEventType(team.id, calendar.id, { title: "Workshop" });
    const booking = await bookCalendar(calendar.id, at(MON, "10:00"), at(MON, "11:00"), {
      attendees: [{ name: "Jane Mary Doe", email: "Jane@Example.com" }],
      eventTypeId: eventType.id,
      status: "PENDING",
    });
    const result = await calendarEvents({ resource_id: calendar.uuid, ...dayOf(MON) }, { key: owner.key });
    expect(result.status).toBe(200);
    const [event] = eventsOf(result, "booking");
    const account = await (await getPrisma()).customerAccount.findUniqueOrThrow({ where: { teamId_email: { teamId: team.id, email: "jane@example.com" } } });
    expect(account).toMatchObject({ firstName: "Jane Mary", lastName: "Doe" });
    expect(event.customers).toEqual([{ id: account.uuid, first_name: "Jane Mary", last_name: "Doe" }]);
    expect(event.bookings).toEqual([{ id: booking.uid, status: "pending" }]);
    expect(event.display_label).toBe("Jane Mary Doe - Workshop");
    expect(result.headers["cache-control"]).toBe("private, no-cache");
  });

  it("subtracts unexpired holds and blockers, and shows them as reserved_booking and blocker", async () => {
    const { owner, team, calendar } = await publicRoom();
    const eventType = await calendarEventType(team.id, calendar.id);
    await holdCalendar(calendar.id, eventType.id, at(MON, "12:00"), at(MON, "13:00"), new Date(Date.now() + 3_600_000));
    await holdCalendar(calendar.id, eventType.id, at(MON, "14:00"), at(MON, "15:00"), new Date(Date.now() - 1_000));
    await blockCalendar(calendar.id, at(MON, "16:00"), at(MON, "18:00"), "Cleaning");
    const result = await calendarEvents({ resource_id: calendar.uuid, ...dayOf(MON) }, { key: owner.key });
    expect(spans(result, "reserved_booking")).toEqual([[at(MON, "12:00"), at(MON, "13:00")]]);
    expect(eventsOf(result, "reserved_booking")[0]).toMatchObject({ display_label: "Reserved", is_available: false });
    expect(eventsOf(result, "blocker")).toEqual([expect.objectContaining({ start_date: at(MON, "16:00"), end_date: at(MON, "18:00"), is_blocker: true, is_available: false, display_label: "Cleaning" })]);
    expect(spans(result, "period_fragment")).toEqual([
      [at(MON, "09:00"), at(MON, "12:00")],
      [at(MON, "13:00"), at(MON, "16:00")],
    ]);
    const anonymous = await calendarEvents({ resource_id: calendar.uuid, ...dayOf(MON) });
    expect(eventsOf(anonymous, "blocker")[0].display_label).toBe("Blocked");
  });

  it("clips events to the range and sorts them by start, resource and type", async () => {
    const { calendar } = await publicRoom();
    await bookCalendar(calendar.id, at(MON, "10:00"), at(MON, "12:00"));
    const result = await calendarEvents({ resource_id: calendar.uuid, start_date: at(MON, "11:00"), end_date: at(MON, "13:00") });
    expect(result.body.data.events.map((e: { type: string; start_date: string; end_date: string }) => [e.type, e.start_date, e.end_date])).toEqual([
      ["period", at(MON, "11:00"), at(MON, "13:00")],
      ["booking", at(MON, "11:00"), at(MON, "12:00")],
      ["period_fragment", at(MON, "12:00"), at(MON, "13:00")],
    ]);
  });

  it("answers 304 to If-None-Match while nothing changed, and a new ETag once something does", async () => {
    const { calendar } = await publicRoom();
    const query = { resource_id: calendar.uuid, ...dayOf(MON) };
    const first = await calendarEvents(query);
    const again = await calendarEvents(query, { headers: { "if-none-match": String(first.headers.etag) } });
    expect(again.status).toBe(304);
    expect(again.body).toBeUndefined();
    await bookCalendar(calendar.id, at(MON, "10:00"), at(MON, "11:00"));
    const changed = await calendarEvents(query, { headers: { "if-none-match": String(first.headers.etag) } });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(first.headers.etag);
    const ids = (r: typeof first) => r.body.data.events.map((e: { id: string }) => e.id);
    expect(ids(await calendarEvents(query))).toEqual(ids(changed));
  });
});

describe("capacity", () => {
  it("shows fragments of constant occupancy below capacity for capacity 5", async () => {
    const { calendar } = await publicRoom(5);
    await bookCalendar(calendar.id, at(MON, "10:00"), at(MON, "12:00"));
    await bookCalendar(calendar.id, at(MON, "11:00"), at(MON, "13:00"));
    const result = await calendarEvents({ resource_id: calendar.uuid, ...dayOf(MON) });
    expect(eventsOf(result, "period_fragment").map((e) => [e.start_date, e.end_date, e.occupancy])).toEqual([
      [at(MON, "09:00"), at(MON, "10:00"), 0],
      [at(MON, "10:00"), at(MON, "11:00"), 0.2],
      [at(MON, "11:00"), at(MON, "12:00"), 0.4],
      [at(MON, "12:00"), at(MON, "13:00"), 0.2],
      [at(MON, "13:00"), at(MON, "17:00"), 0],
    ]);
    expect(eventsOf(result, "booking")).toHaveLength(2);
  });

  it("shows booking counts instead of bookings above capacity 25, without customers", async () => {
    const { owner, calendar } = await publicRoom(30);
    await bookCalendar(calendar.id, at(MON, "10:00"), at(MON, "12:00"));
    await bookCalendar(calendar.id, at(MON, "10:00"), at(MON, "11:00"));
    const result = await calendarEvents({ resource_id: calendar.uuid, ...dayOf(MON) }, { key: owner.key });
    expect(eventsOf(result, "booking")).toEqual([]);
    expect(eventsOf(result, "booking_count").map((e) => [e.start_date, e.end_date, e.booking_count, e.occupancy, e.customers])).toEqual([
      [at(MON, "10:00"), at(MON, "11:00"), 2, 2 / 30, undefined],
      [at(MON, "11:00"), at(MON, "12:00"), 1, 1 / 30, undefined],
    ]);
  });
});

describe("resources", () => {
  it("gives an always-open resource one period per local day of the requested zone, and lists it without schedule", async () => {
    const { team } = await ownedWorkspace();
    const open = await addCalendar(team, { isPublic: true, timeZone: "Europe/Berlin" });
    const result = await calendarEvents({ resource_id: open.uuid, start_date: MON, end_date: TUE, timezone: UTC });
    expect(spans(result, "period")).toEqual([
      [at(MON, "00:00"), at(TUE, "00:00")],
      [at(TUE, "00:00"), at(addDays(TUE, 1), "00:00")],
    ]);
    expect(result.body.data.resources_with_schedule).toEqual([]);
  });

  it("keeps schedules in the calendar's zone and local days whole across a daylight-saving change", async () => {
    const { changeDate } = weekOfNextDstChange("Europe/Berlin");
    const { team } = await ownedWorkspace();
    const open = await addCalendar(team, { isPublic: true, timeZone: "Europe/Berlin" });
    const days = await calendarEvents({ resource_id: open.uuid, start_date: changeDate, end_date: changeDate });
    const [day] = eventsOf(days, "period");
    const hours = (Date.parse(day.end_date) - Date.parse(day.start_date)) / 3_600_000;
    expect([23, 25]).toContain(hours);
    const scheduled = await addCalendar(team, { isPublic: true, timeZone: "Europe/Berlin" });
    await addSchedule(scheduled.id, { recurrence: "daily", startMinute: 9 * 60, endMinute: 17 * 60, daysOfWeek: [], startDate: new Date(`${addDays(changeDate, -2)}T00:00:00Z`) });
    const around = await calendarEvents({ resource_id: scheduled.uuid, start_date: addDays(changeDate, -1), end_date: addDays(changeDate, 1), timezone: "Europe/Berlin" });
    const short = (iso: string) => iso.replace(/\.000Z$/, "Z");
    expect(spans(around, "period")).toEqual(
      [addDays(changeDate, -1), changeDate, addDays(changeDate, 1)].map((date) => [short(berlin(date, "09:00")), short(berlin(date, "17:00"))]),
    );
  });

  it("returns an empty events array for a resource closed over the whole range", async () => {
    const { calendar } = await publicRoom();
    const saturday = addDays(MON, 5);
    const result = await calendarEvents({ resource_id: calendar.uuid, ...dayOf(saturday) });
    expect(result.body.data).toEqual({ events: [], resources_with_schedule: [calendar.uuid] });
  });

  it("includes child resources with their own resource_id unless filter[exclude_child_resources]=true", async () => {
    const { team } = await ownedWorkspace();
    const building = await addCalendar(team, { isPublic: true, capacity: 10, name: "Building" });
    const room = await addCalendar(team, { isPublic: true, parentId: building.id, name: "Room" });
    const hidden = await addCalendar(team, { isPublic: false, parentId: building.id, name: "Private room" });
    await bookCalendar(room.id, at(MON, "10:00"), at(MON, "11:00"));
    const withChildren = await calendarEvents({ resource_id: building.uuid, ...dayOf(MON) });
    const resources = new Set(withChildren.body.data.events.map((e: { resource_id: string }) => e.resource_id));
    expect(resources).toEqual(new Set([building.uuid, room.uuid]));
    expect(resources.has(hidden.uuid)).toBe(false);
    expect(eventsOf(withChildren, "booking").map((e) => e.resource_id)).toEqual([room.uuid]);
    const only = await calendarEvents({ resource_id: building.uuid, ...dayOf(MON), "filter[exclude_child_resources]": "true" });
    expect(new Set(only.body.data.events.map((e: { resource_id: string }) => e.resource_id))).toEqual(new Set([building.uuid]));
  });

  it("takes several resources as resource_id[]", async () => {
    const owner = await createCaller();
    const team = await createWorkspace(owner);
    const a = await addCalendar(team, { isPublic: true, name: "A" });
    const b = await addCalendar(team, { isPublic: false, name: "B" });
    const result = await calendarEvents({ "resource_id[]": [a.uuid, b.uuid], ...dayOf(MON) }, { key: owner.key });
    expect(result.status).toBe(200);
    expect(new Set(result.body.data.events.map((e: { resource_id: string }) => e.resource_id))).toEqual(new Set([a.uuid, b.uuid]));
  });
});
