import { getPrisma } from "@slotbase/prisma";
import { api } from "../../support/api";
import { useTestDatabase } from "../../support/database";
import { addDays, today } from "../../support/dates";
import { createCaller } from "../../support/fixtures";
import { createTeam } from "../../support/teams";
import { createPersonalType, createSchedule, createTeamType, uniqueSlug } from "../../v1/event-types/helpers";

useTestDatabase();

/** What n8n's Cal.com node sends with every event type call. */
const CAL_API_VERSION = { "cal-api-version": "2024-06-14" };
const ids = (list: { id: number }[]) => list.map((item) => item.id);

describe("/v2/event-types — happy paths", () => {
  it("creates, reads, lists, changes and deletes a personal event type in Cal.com's shape", async () => {
    const caller = await createCaller();
    const schedule = await createSchedule(caller);
    const slug = uniqueSlug("intro");
    const first = addDays(today(), 3);
    const last = addDays(today(), 40);
    const created = await api("POST /v2/event-types", {
      key: caller.key,
      headers: CAL_API_VERSION,
      body: {
        title: "Intro call",
        slug,
        lengthInMinutes: 30,
        lengthInMinutesOptions: [15, 30, 60],
        description: "A first conversation.",
        locations: [
          { type: "address", address: "1 Main St", public: true },
          { type: "link", link: "https://meet.example.com/abc", public: false },
          { type: "phone", phone: "+4930123456", public: true },
          { type: "integration", integration: "cal-video" },
          { type: "attendeePhone" },
          { type: "attendeeAddress" },
          { type: "attendeeDefined" },
        ],
        disableGuests: true,
        slotInterval: 15,
        minimumBookingNotice: 240,
        beforeEventBuffer: 5,
        afterEventBuffer: 10,
        scheduleId: schedule.id,
        bookingWindow: { type: "range", value: [first, last] },
        confirmationPolicy: { type: "always", blockUnconfirmedBookingsInBooker: true },
        seats: { seatsPerTimeSlot: 4, showAttendeeInfo: true, showAvailabilityCount: true },
        customName: "{Event type title} with {Scheduler}",
        successRedirectUrl: "https://example.com/thanks",
        hideCalendarNotes: true,
        hidden: true,
        // Cal.com's off forms of settings Slotbase does not have.
        recurrence: { disabled: true },
        bookingLimitsCount: { disabled: true },
        bookingLimitsDuration: { disabled: true },
        onlyShowFirstAvailableSlot: false,
        offsetStart: 0,
        requiresBookerEmailVerification: false,
        lockTimeZoneToggleOnBookingPage: false,
        useDestinationCalendarEmail: false,
        hideCalendarEventDetails: false,
        hideOrganizerEmail: false,
        bookingRequiresAuthentication: false,
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe("success");
    const type = created.body.data;
    expect(type).toMatchObject({
      ownerId: caller.user.id,
      title: "Intro call",
      slug,
      lengthInMinutes: 30,
      lengthInMinutesOptions: [15, 30, 60],
      description: "A first conversation.",
      locations: [
        { type: "address", address: "1 Main St", public: true },
        { type: "link", link: "https://meet.example.com/abc", public: false },
        { type: "phone", phone: "+4930123456", public: true },
        { type: "integration", integration: "cal-video" },
        { type: "attendeePhone" },
        { type: "attendeeAddress" },
        { type: "attendeeDefined" },
      ],
      disableGuests: true,
      slotInterval: 15,
      minimumBookingNotice: 240,
      beforeEventBuffer: 5,
      afterEventBuffer: 10,
      scheduleId: schedule.id,
      bookingWindow: { type: "range", value: [first, last] },
      confirmationPolicy: { type: "always", blockUnconfirmedBookingsInBooker: true },
      seats: { seatsPerTimeSlot: 4, showAttendeeInfo: true, showAvailabilityCount: true },
      seatsPerTimeSlot: 4,
      customName: "{Event type title} with {Scheduler}",
      successRedirectUrl: "https://example.com/thanks",
      hideCalendarNotes: true,
      hidden: true,
      recurrence: null,
      metadata: { multipleDuration: [15, 30, 60] },
      users: [{ id: caller.user.id, username: caller.user.username, name: caller.user.name, avatarUrl: null, weekStart: "Monday", brandColor: null, darkBrandColor: null, metadata: {} }],
    });
    expect(type.bookingFields.find((f: { slug: string }) => f.slug === "guests")).toMatchObject({ hidden: true });

    // Stored as the event-type service (and v1) keep it.
    const prisma = await getPrisma();
    const row = await prisma.eventType.findUniqueOrThrow({ where: { id: type.id } });
    expect(row).toMatchObject({ length: 30, periodType: "RANGE", requiresConfirmation: true, seatsShowAttendees: true, eventName: "{Event type title} with {Scheduler}" });
    expect(row.locations).toEqual([
      { type: "inPerson", address: "1 Main St", displayLocationPublicly: true },
      { type: "link", link: "https://meet.example.com/abc", displayLocationPublicly: false },
      { type: "userPhone", phone: "+4930123456", displayLocationPublicly: true },
      { type: "integrations:daily" },
      { type: "phone" },
      { type: "attendeeInPerson" },
      { type: "somewhereElse" },
    ]);

    const read = await api("GET /v2/event-types/{eventTypeId}", { params: { eventTypeId: type.id }, key: caller.key, headers: CAL_API_VERSION });
    expect(read.status).toBe(200);
    expect(read.body.data).toEqual(type);

    const list = await api("GET /v2/event-types", { key: caller.key, headers: CAL_API_VERSION });
    expect(ids(list.body.data)).toEqual([type.id]);
    // Lists leave out the booking fields the booker does not see (guests are disabled here), as Cal.com does.
    expect(list.body.data[0].bookingFields.map((f: { slug: string }) => f.slug)).not.toContain("guests");

    const changed = await api("PATCH /v2/event-types/{eventTypeId}", {
      params: { eventTypeId: type.id },
      key: caller.key,
      body: { title: "Intro call (long)", lengthInMinutes: 45, bookingWindow: { type: "calendarDays", value: 10 }, seats: { disabled: true }, confirmationPolicy: { disabled: true } },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.data).toMatchObject({
      title: "Intro call (long)",
      lengthInMinutes: 45,
      slug,
      bookingWindow: { type: "calendarDays", value: 10, rolling: false },
      seats: { disabled: true },
      seatsPerTimeSlot: null,
      confirmationPolicy: { disabled: true },
      lengthInMinutesOptions: [15, 30, 60],
    });

    const deleted = await api("DELETE /v2/event-types/{eventTypeId}", { params: { eventTypeId: type.id }, key: caller.key });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ status: "success", data: { id: type.id, lengthInMinutes: 45, title: "Intro call (long)", slug } });
    expect((await api("GET /v2/event-types/{eventTypeId}", { params: { eventTypeId: type.id }, key: caller.key })).status).toBe(404);
  });

  it("fills Cal.com's defaults for a minimal type", async () => {
    const caller = await createCaller();
    const created = await api("POST /v2/event-types", { key: caller.key, body: { title: "Chat", slug: uniqueSlug(), lengthInMinutes: 20 } });
    expect(created.status).toBe(201);
    const type = created.body.data;
    expect(type).toMatchObject({
      description: "",
      locations: [],
      bookingWindow: { disabled: true },
      seats: { disabled: true },
      confirmationPolicy: { disabled: true },
      recurrence: null,
      metadata: {},
      minimumBookingNotice: 120,
      slotInterval: null,
      scheduleId: null,
      price: 0,
      currency: "usd",
      hidden: false,
      isInstantEvent: false,
      lockTimeZoneToggleOnBookingPage: false,
      bookingRequiresAuthentication: false,
    });
    expect(type).not.toHaveProperty("lengthInMinutesOptions");
    expect(type).not.toHaveProperty("customName");
    expect(type.bookingFields.map((f: { slug: string }) => f.slug)).toEqual(["name", "email", "location", "notes", "guests", "rescheduleReason"]);
  });

  it("lengthInMinutesOptions keeps the other metadata, and slots offer those durations", async () => {
    const caller = await createCaller();
    const type = await createPersonalType(caller);
    const prisma = await getPrisma();
    await prisma.eventType.update({ where: { id: type.id }, data: { metadata: { source: "import" } } });
    const changed = await api("PATCH /v2/event-types/{eventTypeId}", { params: { eventTypeId: type.id }, key: caller.key, body: { lengthInMinutesOptions: [30, 90] } });
    expect(changed.body.data.metadata).toEqual({ source: "import", multipleDuration: [30, 90] });
    expect(changed.body.data.lengthInMinutesOptions).toEqual([30, 90]);
    const renamed = await api("PATCH /v2/event-types/{eventTypeId}", { params: { eventTypeId: type.id }, key: caller.key, body: { title: "Renamed" } });
    expect(renamed.body.data.lengthInMinutesOptions).toEqual([30, 90]);
    const day = addDays(today(), 7);
    const slots = (duration: string) => api("GET /v2/slots", { key: caller.key, query: { eventTypeId: String(type.id), start: day, end: day, duration } });
    expect((await slots("90")).status).toBe(200);
    expect((await slots("45")).status).toBe(400);
  });

  it("lists by username, by username and slug (still an array), and nothing for an organization", async () => {
    const caller = await createCaller();
    const a = await createPersonalType(caller, { slug: uniqueSlug("a") });
    const b = await createPersonalType(caller, { slug: uniqueSlug("b") });
    const username = caller.user.username!;
    const all = await api("GET /v2/event-types", { key: caller.key, query: { username } });
    expect(ids(all.body.data)).toEqual([a.id, b.id]);
    const one = await api("GET /v2/event-types", { key: caller.key, query: { username, eventSlug: b.slug } });
    expect(one.status).toBe(200);
    expect(ids(one.body.data)).toEqual([b.id]);
    const none = await api("GET /v2/event-types", { key: caller.key, query: { username, eventSlug: "no-such-slug" } });
    expect(none.body).toEqual({ status: "success", data: [] });
    for (const org of [{ orgSlug: "acme" }, { orgId: "3" }] as Record<string, string>[]) {
      const result = await api("GET /v2/event-types", { key: caller.key, query: { username, ...org } });
      expect(result.body).toEqual({ status: "success", data: [] });
    }
  });

  it("lists only the key's own personal types: not team types, not other users'", async () => {
    const caller = await createCaller();
    const other = await createCaller();
    const mine = await createPersonalType(caller);
    await createPersonalType(other);
    const team = await createTeam(caller);
    await createTeamType(team.id, [caller.user.id]);
    const list = await api("GET /v2/event-types", { key: caller.key });
    expect(ids(list.body.data)).toEqual([mine.id]);
  });

  it("shows a team type to its members with ownerId null, its team and its hosts as users", async () => {
    const owner = await createCaller();
    const member = await createCaller();
    const team = await createTeam(owner, [{ caller: member }]);
    const type = await createTeamType(team.id, [owner.user.id, member.user.id]);
    const read = await api("GET /v2/event-types/{eventTypeId}", { params: { eventTypeId: type.id }, key: member.key });
    expect(read.status).toBe(200);
    expect(read.body.data).toMatchObject({ id: type.id, ownerId: null, teamId: team.id });
    expect(ids(read.body.data.users).sort((x, y) => x - y)).toEqual([owner.user.id, member.user.id].sort((x, y) => x - y));
  });

  it("shows what v1 stored in v2's terms: ROLLING as businessDays, Cal.com's internal locations, unknown ones as text", async () => {
    const caller = await createCaller();
    const created = await api("POST /v1/event-types", {
      key: caller.key,
      body: {
        title: "From v1",
        slug: uniqueSlug(),
        length: 30,
        periodType: "ROLLING",
        periodDays: 14,
        locations: [{ type: "inPerson", address: "Here" }, { type: "integrations:zoom" }, { type: "phone", phone: "+15550100" }, { type: "carrier-pigeon" }],
      },
    });
    const read = await api("GET /v2/event-types/{eventTypeId}", { params: { eventTypeId: created.body.event_type.id }, key: caller.key });
    expect(read.body.data.bookingWindow).toEqual({ type: "businessDays", value: 14, rolling: false });
    expect(read.body.data.locations).toEqual([
      { type: "address", address: "Here", public: false },
      { type: "integration", integration: "zoom" },
      { type: "phone", phone: "+15550100", public: false },
      { type: "unknown", location: JSON.stringify({ type: "carrier-pigeon" }) },
    ]);
  });
});

describe("n8n's Cal.com node", () => {
  it("lists event types for its pickers (id and title) and reads one by id, with a Bearer key and cal-api-version", async () => {
    const caller = await createCaller();
    const type = await createPersonalType(caller, { title: "Demo" });
    const list = await api("GET /v2/event-types", { key: caller.key, keyIn: "header", headers: CAL_API_VERSION });
    expect(list.status).toBe(200);
    expect(list.body.data.map(({ id, title }: { id: number; title: string }) => ({ id, title }))).toEqual([{ id: type.id, title: "Demo" }]);
    const one = await api("GET /v2/event-types/{eventTypeId}", { params: { eventTypeId: String(type.id) }, key: caller.key, headers: CAL_API_VERSION });
    expect(one.status).toBe(200);
    expect(one.body.data).toMatchObject({ id: type.id, title: "Demo", lengthInMinutes: 30 });
  });

  it("gets the same shape whatever cal-api-version says", async () => {
    const caller = await createCaller();
    await createPersonalType(caller);
    const versions = await Promise.all(
      ([{}, { "cal-api-version": "2024-04-15" }, { "cal-api-version": "2024-06-14" }] as Record<string, string>[]).map((headers) => api("GET /v2/event-types", { key: caller.key, headers })),
    );
    expect(versions.map((v) => v.body)).toEqual([versions[0]!.body, versions[0]!.body, versions[0]!.body]);
  });
});
