import { api, ok, single } from "./support/client";
import { raw } from "./support/http";

/**
 * One happy path per resource family, through the client generated from the OpenAPI document
 * (every response is checked against its documented schema, support/client.ts). The data is
 * made here, through the API, for a host who can be booked around the clock in UTC; every
 * date is computed from the current time (the suite also passes under faketime).
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

/** 00:00 UTC of the day `days` after today. */
function utcMidnight(days: number): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days));
}
const tomorrow = utcMidnight(1);
const dayAfter = utcMidnight(2);
const iso = (date: Date) => date.toISOString();
const ymd = (date: Date) => iso(date).slice(0, 10);

const admin = api();
// Filled in as the flow goes (the tests of this file run in order and build on each other).
const state = {} as {
  adminId: number;
  hostId: number;
  hostKey: string;
  apiKeyId: string;
  teamId: number;
  scheduleId: number;
  eventTypeId: number;
  slots: string[];
  bookingUid: string;
  bookingId: number;
  blockerId: number;
};

describe("users and /v1/me", () => {
  it("GET /v1/me is the key's user", async () => {
    const { user } = ok(await admin.GET("/v1/me"));
    expect(user).toEqual(expect.objectContaining({ email: "http-suite-admin@example.com", role: "ADMIN" }));
    state.adminId = user.id;
  });

  it("POST, GET, PATCH /v1/users and the list", async () => {
    const email = `host-${run}@example.com`;
    const { user } = ok(await admin.POST("/v1/users", { body: { email, name: "Ada Host", timeZone: "UTC", username: `host-${run}` } }));
    expect(user).toEqual(expect.objectContaining({ email, name: "Ada Host", timeZone: "UTC", role: "USER" }));
    state.hostId = user.id;
    const read = ok(await admin.GET("/v1/users/{id}", { params: { path: { id: user.id } } }));
    expect(read.user.email).toBe(email);
    const patched = ok(await admin.PATCH("/v1/users/{id}", { params: { path: { id: user.id } }, body: { bio: "Books well." } }));
    expect(patched.user.bio).toBe("Books well.");
    const list = ok(await admin.GET("/v1/users", { params: { query: { take: 100, page: 1 } } }));
    expect(list.users.map((u) => u.id)).toEqual(expect.arrayContaining([state.adminId, state.hostId]));
  });
});

describe("api-keys", () => {
  it("an admin mints a key for the host; the secret works once shown; it is listed without it", async () => {
    const created = ok(await admin.POST("/v1/api-keys", { body: { userId: state.hostId, note: "http suite" } }));
    expect(created.api_key).toEqual(expect.objectContaining({ userId: state.hostId, note: "http suite", key: expect.stringMatching(/^cal_/) }));
    state.hostKey = created.api_key.key;
    state.apiKeyId = created.api_key.id;
    const me = ok(await api(state.hostKey).GET("/v1/me"));
    expect(me.user.id).toBe(state.hostId);
    const read = ok(await admin.GET("/v1/api-keys/{id}", { params: { path: { id: state.apiKeyId } } }));
    expect(read.api_key).not.toHaveProperty("key");
    const list = ok(await api(state.hostKey).GET("/v1/api-keys"));
    expect(list.api_keys.map((k) => k.id)).toContain(state.apiKeyId);
    expect(JSON.stringify(list)).not.toContain(state.hostKey);
  });
});

describe("teams and memberships", () => {
  it("POST and GET /v1/teams; the creator owns it", async () => {
    const { team } = ok(await admin.POST("/v1/teams", { body: { name: `Team ${run}`, slug: `team-${run}`, timeZone: "UTC" } }));
    expect(team).toEqual(expect.objectContaining({ name: `Team ${run}`, slug: `team-${run}` }));
    state.teamId = team.id;
    const read = ok(await admin.GET("/v1/teams/{teamId}", { params: { path: { teamId: team.id } } }));
    expect(read.team.id).toBe(team.id);
  });

  it("POST and GET /v1/memberships ({userId}_{teamId}), and the list", async () => {
    const { membership } = ok(
      await admin.POST("/v1/memberships", { body: { userId: state.hostId, teamId: state.teamId, role: "MEMBER", accepted: true } }),
    );
    expect(membership).toEqual(expect.objectContaining({ userId: state.hostId, teamId: state.teamId, role: "MEMBER", accepted: true }));
    const read = ok(await admin.GET("/v1/memberships/{id}", { params: { path: { id: `${state.hostId}_${state.teamId}` } } }));
    expect(read.membership.userId).toBe(state.hostId);
    const list = ok(await api(state.hostKey).GET("/v1/memberships"));
    expect(list.memberships.map((m) => `${m.userId}_${m.teamId}`)).toEqual(
      expect.arrayContaining([`${state.hostId}_${state.teamId}`, `${state.adminId}_${state.teamId}`]),
    );
  });
});

describe("schedules and availabilities", () => {
  it("POST and GET /v1/schedules: the host is free around the clock in UTC", async () => {
    const { schedule } = ok(
      await admin.POST("/v1/schedules", {
        body: { name: "Always", timeZone: "UTC", userId: state.hostId, availability: [{ days: [0, 1, 2, 3, 4, 5, 6], startTime: "00:00", endTime: "24:00" }] },
      }),
    );
    expect(schedule).toEqual(expect.objectContaining({ userId: state.hostId, name: "Always", timeZone: "UTC" }));
    expect(schedule.availability).toHaveLength(1);
    state.scheduleId = schedule.id;
    const read = ok(await api(state.hostKey).GET("/v1/schedules/{id}", { params: { path: { id: schedule.id } } }));
    expect(read.schedule.id).toBe(schedule.id);
  });

  it("POST, GET, PATCH, DELETE /v1/availabilities (an extra rule, removed again)", async () => {
    const { availability } = ok(
      await api(state.hostKey).POST("/v1/availabilities", { body: { scheduleId: state.scheduleId, date: ymd(utcMidnight(30)), startTime: "10:00", endTime: "11:00" } }),
    );
    expect(availability).toEqual(expect.objectContaining({ scheduleId: state.scheduleId }));
    const read = ok(await api(state.hostKey).GET("/v1/availabilities/{id}", { params: { path: { id: availability.id } } }));
    expect(read.availability.id).toBe(availability.id);
    const patched = ok(
      await api(state.hostKey).PATCH("/v1/availabilities/{id}", { params: { path: { id: availability.id } }, body: { endTime: "12:00" } }),
    );
    expect(patched.availability.id).toBe(availability.id);
    ok(await api(state.hostKey).DELETE("/v1/availabilities/{id}", { params: { path: { id: availability.id } } }));
    const gone = await api(state.hostKey).GET("/v1/availabilities/{id}", { params: { path: { id: availability.id } } });
    expect(gone.response.status).toBe(404);
  });
});

describe("event types and slots", () => {
  it("POST and GET /v1/event-types: 30 minutes, no notice, on the host's schedule", async () => {
    const { event_type } = ok(
      await admin.POST("/v1/event-types", {
        body: { title: "Chat", slug: `chat-${run}`, length: 30, userId: state.hostId, scheduleId: state.scheduleId, minimumBookingNotice: 0 },
      }),
    );
    expect(event_type).toEqual(expect.objectContaining({ title: "Chat", length: 30 }));
    state.eventTypeId = event_type.id;
    const read = ok(await api(state.hostKey).GET("/v1/event-types/{id}", { params: { path: { id: event_type.id } } }));
    expect(read.event_type.id).toBe(event_type.id);
    const list = ok(await api(state.hostKey).GET("/v1/event-types"));
    expect(list.event_types.map((e) => e.id)).toContain(event_type.id);
  });

  it("GET /v1/slots: every half hour of tomorrow (UTC)", async () => {
    const { slots } = ok(
      await admin.GET("/v1/slots", { params: { query: { eventTypeId: state.eventTypeId, startTime: iso(tomorrow), endTime: iso(dayAfter), timeZone: "UTC" } } }),
    );
    const times = Object.values(slots).flat().map((slot) => Date.parse(slot.time));
    expect(times.filter((t) => t >= tomorrow.getTime() && t < dayAfter.getTime())).toHaveLength(48);
    expect(times).toContain(tomorrow.getTime() + 9 * HOUR);
  });

  it("GET /v2/slots: the same slots in the v2 envelope", async () => {
    const result = ok(
      await api(state.hostKey).GET("/v2/slots", { params: { query: { eventTypeId: state.eventTypeId, start: iso(tomorrow), end: iso(dayAfter), timeZone: "UTC" } } }),
    );
    expect(result.status).toBe("success");
    const starts = Object.values(result.data).flat().map((slot) => slot.start);
    const inTomorrow = starts.filter((s) => Date.parse(s) >= tomorrow.getTime() && Date.parse(s) < dayAfter.getTime());
    expect(inTomorrow).toHaveLength(48);
    state.slots = inTomorrow;
  });

  it("GET /v1/teams/{teamId}/event-types answers (the team has none)", async () => {
    const result = ok(await admin.GET("/v1/teams/{teamId}/event-types", { params: { path: { teamId: state.teamId } } }));
    expect(result.event_types).toEqual([]);
  });
});

describe("reservations (slot holds)", () => {
  it("POST, GET, DELETE /v2/slots/reservations; the held slot is busy for others meanwhile", async () => {
    const slotStart = state.slots[20]!;
    const created = ok(await admin.POST("/v2/slots/reservations", { body: { eventTypeId: state.eventTypeId, slotStart } }));
    expect(created.status).toBe("success");
    const uid = created.data.reservationUid;
    expect(Date.parse(created.data.slotStart)).toBe(Date.parse(slotStart));
    const read = ok(await admin.GET("/v2/slots/reservations/{uid}", { params: { path: { uid } } }));
    expect(read.data.reservationUid).toBe(uid);
    const other = ok(
      await api(state.hostKey).GET("/v2/slots", { params: { query: { eventTypeId: state.eventTypeId, start: iso(tomorrow), end: iso(dayAfter), timeZone: "UTC" } } }),
    );
    expect(Object.values(other.data).flat().map((slot) => Date.parse(slot.start))).not.toContain(Date.parse(slotStart));
    ok(await admin.DELETE("/v2/slots/reservations/{uid}", { params: { path: { uid } } }));
    const gone = await admin.GET("/v2/slots/reservations/{uid}", { params: { path: { uid } } });
    expect(gone.response.status).toBe(404);
  });
});

describe("bookings (v2), attendees, booking references, payments", () => {
  it("POST /v2/bookings books a slot taken from /v2/slots; GET /v2/bookings/{uid} reads it", async () => {
    const start = state.slots[18]!; // 09:00 tomorrow
    const created = await admin.POST("/v2/bookings", {
      body: { start, eventTypeId: state.eventTypeId, attendee: { name: "Grace Guest", email: `guest-${run}@example.com`, timeZone: "Europe/Berlin" } },
    });
    expect(created.response.status).toBe(201);
    const booking = single(ok(created).data);
    expect(booking).toEqual(expect.objectContaining({ status: "accepted", duration: 30 }));
    expect(Date.parse(booking.start)).toBe(Date.parse(start));
    expect(Date.parse(booking.end) - Date.parse(booking.start)).toBe(30 * 60_000);
    state.bookingUid = booking.uid;
    state.bookingId = booking.id;
    const read = ok(await api(state.hostKey).GET("/v2/bookings/{bookingUid}", { params: { path: { bookingUid: booking.uid } } }));
    expect(single(read.data).uid).toBe(booking.uid);
    const list = ok(await api(state.hostKey).GET("/v2/bookings"));
    expect(list.data.map((b) => b.uid)).toContain(booking.uid);
    const v1 = ok(await admin.GET("/v1/bookings/{id}", { params: { path: { id: booking.id } } }));
    expect(v1.booking.uid).toBe(booking.uid);
  });

  it("the booked slot is no longer offered", async () => {
    const result = ok(
      await admin.GET("/v2/slots", { params: { query: { eventTypeId: state.eventTypeId, start: iso(tomorrow), end: iso(dayAfter), timeZone: "UTC" } } }),
    );
    expect(Object.values(result.data).flat().map((slot) => Date.parse(slot.start))).not.toContain(Date.parse(state.slots[18]!));
  });

  it("POST and GET /v1/attendees on the booking", async () => {
    const email = `second-${run}@example.com`;
    const { attendee } = ok(
      await api(state.hostKey).POST("/v1/attendees", { body: { bookingId: state.bookingId, email, name: "Second Guest", timeZone: "UTC" } }),
    );
    expect(attendee).toEqual(expect.objectContaining({ email, bookingId: state.bookingId }));
    const list = ok(await api(state.hostKey).GET("/v1/attendees", { params: { query: { bookingId: state.bookingId } } }));
    expect(list.attendees.map((a) => a.email)).toEqual(expect.arrayContaining([email, `guest-${run}@example.com`]));
  });

  it("POST and GET /v1/booking-references; GET /v2/bookings/{uid}/references lists it", async () => {
    const { booking_reference } = ok(
      await api(state.hostKey).POST("/v1/booking-references", { body: { bookingId: state.bookingId, type: "daily_video", uid: `daily-${run}` } }),
    );
    expect(booking_reference).toEqual(expect.objectContaining({ type: "daily_video", uid: `daily-${run}` }));
    const read = ok(await api(state.hostKey).GET("/v1/booking-references/{id}", { params: { path: { id: booking_reference.id } } }));
    expect(read.booking_reference.id).toBe(booking_reference.id);
    const v2 = ok(await api(state.hostKey).GET("/v2/bookings/{bookingUid}/references", { params: { path: { bookingUid: state.bookingUid } } }));
    expect(JSON.stringify(v2.data)).toContain(`daily-${run}`);
  });

  it("GET /v1/payments lists (none for a free event type)", async () => {
    const result = ok(await api(state.hostKey).GET("/v1/payments"));
    expect(result.payments).toEqual([]);
  });

  it("POST /v2/bookings/{uid}/cancel cancels it, and the slot is offered again", async () => {
    const cancelled = ok(
      await api(state.hostKey).POST("/v2/bookings/{bookingUid}/cancel", { params: { path: { bookingUid: state.bookingUid } }, body: { cancellationReason: "Plans changed" } }),
    );
    expect(cancelled.data).toEqual(expect.objectContaining({ uid: state.bookingUid, status: "cancelled" }));
    const read = ok(await admin.GET("/v2/bookings/{bookingUid}", { params: { path: { bookingUid: state.bookingUid } } }));
    expect(single(read.data).status).toBe("cancelled");
    const result = ok(
      await admin.GET("/v2/slots", { params: { query: { eventTypeId: state.eventTypeId, start: iso(tomorrow), end: iso(dayAfter), timeZone: "UTC" } } }),
    );
    expect(Object.values(result.data).flat().map((slot) => Date.parse(slot.start))).toContain(Date.parse(state.slots[18]!));
  });
});

describe("blockers and availability", () => {
  it("POST and GET /v1/blockers: blocked time is not offered", async () => {
    const startTime = new Date(tomorrow.getTime() + 14 * HOUR);
    const endTime = new Date(tomorrow.getTime() + 15 * HOUR);
    const { blocker } = ok(await api(state.hostKey).POST("/v1/blockers", { body: { startTime: iso(startTime), endTime: iso(endTime), title: "Dentist" } }));
    expect(blocker).toEqual(expect.objectContaining({ userId: state.hostId, title: "Dentist" }));
    state.blockerId = blocker.id;
    const read = ok(await api(state.hostKey).GET("/v1/blockers/{id}", { params: { path: { id: blocker.id } } }));
    expect(Date.parse(read.blocker.startTime)).toBe(startTime.getTime());
    const result = ok(
      await admin.GET("/v2/slots", { params: { query: { eventTypeId: state.eventTypeId, start: iso(tomorrow), end: iso(dayAfter), timeZone: "UTC" } } }),
    );
    const starts = Object.values(result.data).flat().map((slot) => Date.parse(slot.start));
    expect(starts).not.toContain(startTime.getTime());
    expect(starts).not.toContain(startTime.getTime() + 30 * 60_000);
    expect(starts).toContain(endTime.getTime());
  });

  it("GET /v1/availability: the host's free ranges and busy time (the blocker)", async () => {
    const result = ok(
      await admin.GET("/v1/availability", { params: { query: { userId: state.hostId, dateFrom: iso(tomorrow), dateTo: iso(dayAfter) } } }),
    );
    expect(result).toEqual(expect.objectContaining({ userId: state.hostId, timeZone: "UTC" }));
    const busy = (result as { busy: { start: string; end: string; source: string }[] }).busy;
    expect(busy).toEqual(expect.arrayContaining([expect.objectContaining({ source: "blocker" })]));
    const blocker = busy.find((b) => b.source === "blocker")!;
    expect(Date.parse(blocker.start)).toBe(tomorrow.getTime() + 14 * HOUR);
  });

  it("GET /v1/blockers lists it, and DELETE removes it", async () => {
    const list = ok(await api(state.hostKey).GET("/v1/blockers"));
    expect(list.blockers.map((b) => b.id)).toContain(state.blockerId);
    ok(await api(state.hostKey).DELETE("/v1/blockers/{id}", { params: { path: { id: state.blockerId } } }));
  });
});

describe("workspace calendars", () => {
  it("a room of the team's workspace: created, given hours, listed with them, booked through a hostless event type, deleted", async () => {
    const { team } = ok(await admin.GET("/v1/teams/{teamId}", { params: { path: { teamId: state.teamId } } }));
    const workspace = { workspace_uuid: team.uuid };
    const room = ok(await admin.POST("/api/v2/w/{workspace_uuid}/calendars", { params: { path: workspace }, body: { name: "Room", timeZone: "UTC", capacity: 2 } }));
    expect(room).toEqual(expect.objectContaining({ name: "Room", capacity: 2, workspaceUuid: team.uuid, slug: "room" }));
    const calendar = { ...workspace, calendar_id: room.id };
    const hours = { name: "Hours", recurrence: "daily" as const, startTime: "06:00", endTime: "18:00", startDate: ymd(tomorrow) };
    ok(await admin.POST("/api/v2/w/{workspace_uuid}/calendars/{calendar_id}/schedules", { params: { path: calendar }, body: hours }));
    const page = ok(await admin.GET("/api/v2/w/{workspace_uuid}/calendars", { params: { path: workspace, query: { includeSchedules: "true" } } }));
    expect(page.items.find((c) => c.id === room.id)?.schedules).toEqual([expect.objectContaining({ startTime: "06:00", endTime: "18:00" })]);

    const { event_type } = ok(
      await admin.POST("/v1/event-types", {
        body: { title: "Room", slug: `room-${run}`, length: 60, teamId: state.teamId, schedulingType: "ROUND_ROBIN", calendarId: room.id, minimumBookingNotice: 0 },
      }),
    );
    const slots = ok(await admin.GET("/v2/slots", { params: { query: { eventTypeId: event_type.id, start: ymd(tomorrow), end: ymd(tomorrow), timeZone: "UTC" } } }));
    const day = slots.data[ymd(tomorrow)] ?? [];
    expect(day.map((slot) => slot.start.slice(11, 16))).toEqual(["06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16", "17"].map((h) => `${h}:00`));
    expect(day[0]).toEqual(expect.objectContaining({ capacityRemaining: 2, capacityTotal: 2 }));
    const attendee = { name: "Guest", email: `guest-${run}@example.com`, timeZone: "UTC" };
    ok(await admin.POST("/v2/bookings", { body: { eventTypeId: event_type.id, start: day[0]!.start, attendee } }));

    const refused = await admin.DELETE("/api/v2/w/{workspace_uuid}/calendars/{calendar_id}", { params: { path: calendar } });
    expect(refused.response.status).toBe(409);
    const deleted = ok(await admin.DELETE("/api/v2/w/{workspace_uuid}/calendars/{calendar_id}", { params: { path: calendar, query: { force: "true" } } }));
    expect(deleted).toEqual({ deleted: true, id: room.id });
  });
});

describe("calendar events", () => {
  it("a public room's day: anonymous with an ETag and a 304 on revalidation, customers for members", async () => {
    const { team } = ok(await admin.GET("/v1/teams/{teamId}", { params: { path: { teamId: state.teamId } } }));
    const room = ok(await admin.POST("/api/v2/w/{workspace_uuid}/calendars", { params: { path: { workspace_uuid: team.uuid } }, body: { name: "Public room", timeZone: "UTC", isPublic: true } }));
    const { event_type } = ok(
      await admin.POST("/v1/event-types", {
        body: { title: "Public room", slug: `public-room-${run}`, length: 60, teamId: state.teamId, schedulingType: "ROUND_ROBIN", calendarId: room.id, minimumBookingNotice: 0 },
      }),
    );
    const start = new Date(tomorrow.getTime() + 10 * HOUR);
    ok(await admin.POST("/v2/bookings", { body: { eventTypeId: event_type.id, start: iso(start), attendee: { name: "Ada Lovelace", email: `ada-${run}@example.com`, timeZone: "UTC" } } }));
    const path = `/api/v1/calendar-events?resource_id=${room.uuid}&start_date=${ymd(tomorrow)}&end_date=${ymd(tomorrow)}&timezone=UTC`;

    const anonymous = await raw("GET", path);
    expect(anonymous.status).toBe(200);
    expect(anonymous.headers.get("cache-control")).toBe("public, max-age=15");
    const events = (anonymous.json as { data: { events: { type: string; display_label?: string; customers?: unknown }[] } }).data.events;
    expect(events.map((e) => e.type)).toEqual(["period", "period_fragment", "booking", "period_fragment"]);
    expect(events[2]).toEqual(expect.objectContaining({ display_label: "Booked" }));
    expect(events[2]!.customers).toBeUndefined();
    // The view's own validator (not a hash of the finished body), so a 304 is answered before the body is built.
    expect(anonymous.headers.get("etag")).toMatch(/^"ce-[\w-]+"$/);
    const revalidated = await raw("GET", path, { headers: { "if-none-match": anonymous.headers.get("etag")! } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.text).toBe("");

    const member = ok(await admin.GET("/api/v1/calendar-events", { params: { query: { resource_id: room.uuid, start_date: ymd(tomorrow), end_date: ymd(tomorrow), timezone: "UTC" } } }));
    const booking = member.data.events.find((e) => e.type === "booking")!;
    expect(booking.customers).toEqual([expect.objectContaining({ first_name: "Ada", last_name: "Lovelace" })]);
    const preview = ok(
      await admin.GET("/api/v1/customer-accounts/{account_id}/booking-preview/{booking_id}", {
        params: { path: { account_id: booking.customers![0]!.id, booking_id: booking.bookings![0]!.id } },
      }),
    );
    expect(preview.data).toEqual(expect.objectContaining({ status: "accepted", start_date: `${iso(start).slice(0, 19)}Z`, display_label: "Ada Lovelace - Public room" }));
  });
});

describe("clean-up through the API", () => {
  it("DELETE /v1/api-keys/{id}: the host's key stops working", async () => {
    ok(await admin.DELETE("/v1/api-keys/{id}", { params: { path: { id: state.apiKeyId } } }));
    const after = await api(state.hostKey).GET("/v1/me");
    expect(after.response.status).toBe(401);
  });
});

// Keep the date helpers honest under faketime: tomorrow is after now.
it("computes its dates from the current clock", () => {
  expect(tomorrow.getTime()).toBeGreaterThan(Date.now());
  expect(tomorrow.getTime() - Date.now()).toBeLessThanOrEqual(DAY);
});
