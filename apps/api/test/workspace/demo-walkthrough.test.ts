import { getPrisma } from "@slotbase/prisma";
import { seedDemoData } from "@slotbase/features/scripts/seed-demo-data";
import { api } from "../support/api";
import { useTestDatabase } from "../support/database";
import { nextMonday } from "../support/dates";

useTestDatabase();

/** The README's workspace-calendars walkthrough, on the demo data, as a new user would try it. */
it("lists the demo workspace's calendars, creates a room with hours and a lunch break, books it until full", async () => {
  const { adminKey: key } = await seedDemoData(await getPrisma());
  const teams = await api("GET /v1/teams", { key });
  const { uuid: workspace_uuid, id: teamId } = teams.body.teams[0];

  const listed = await api("GET /api/v2/w/{workspace_uuid}/calendars", { key, params: { workspace_uuid }, query: { includeSchedules: "true" } });
  expect(listed.status).toBe(200);
  expect(listed.body.items.map((c: { slug: string }) => c.slug)).toEqual(["room-orion", "desk-pool", "studio", "studio-booth"]);
  const desks = listed.body.items.find((c: { slug: string }) => c.slug === "desk-pool");
  expect(desks).toMatchObject({ capacity: 30, schedules: [expect.objectContaining({ availabilityType: "available" }), expect.objectContaining({ name: "Lunch break", availabilityType: "unavailable" })] });

  const room = await api("POST /api/v2/w/{workspace_uuid}/calendars", { key, params: { workspace_uuid }, body: { name: "Focus room", timeZone: "Europe/Berlin", capacity: 2 } });
  expect(room.status).toBe(201);
  const MON = nextMonday();
  const params = { workspace_uuid, calendar_id: room.body.id };
  const weekdays = { name: "Weekdays", recurrence: "weekly", daysOfWeek: [1, 2, 3, 4, 5], startTime: "08:00", endTime: "18:00", startDate: MON };
  expect((await api("POST /api/v2/w/{workspace_uuid}/calendars/{calendar_id}/schedules", { key, params, body: weekdays })).status).toBe(201);
  const lunch = { name: "Lunch", availabilityType: "unavailable", recurrence: "daily", startTime: "12:00", endTime: "13:00", startDate: MON };
  expect((await api("POST /api/v2/w/{workspace_uuid}/calendars/{calendar_id}/schedules", { key, params, body: lunch })).status).toBe(201);
  const eventType = await api("POST /v1/event-types", {
    key,
    body: { title: "Focus room", slug: "focus-room", length: 60, teamId, schedulingType: "ROUND_ROBIN", calendarId: room.body.id, minimumBookingNotice: 0 },
  });
  expect(eventType.status).toBe(201);

  const slots = await api("GET /v2/slots", { key, query: { eventTypeId: String(eventType.body.event_type.id), start: MON, end: MON, timeZone: "Europe/Berlin" } });
  const day = slots.body.data[MON] as { start: string; capacityRemaining: number }[];
  expect(day.map((s) => s.start.slice(11, 16))).toEqual(["08:00", "09:00", "10:00", "11:00", "13:00", "14:00", "15:00", "16:00", "17:00"]);
  expect(day[0]!.capacityRemaining).toBe(2);

  const book = (i: number) =>
    api("POST /v2/bookings", { key, body: { eventTypeId: eventType.body.event_type.id, start: day[0]!.start, attendee: { name: `Guest ${i}`, email: `guest${i}@example.com`, timeZone: "Europe/Berlin" } } });
  expect((await book(1)).status).toBe(201);
  expect((await book(2)).status).toBe(201);
  const full = await book(3);
  expect(full.status).toBe(409);
  expect(full.body.error.message).toMatch(/not available/);
});
