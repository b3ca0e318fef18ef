import { getPrisma } from "@slotbase/prisma";
import { api } from "../../support/api";
import { useTestDatabase } from "../../support/database";
import { addDays, today } from "../../support/dates";
import { createCaller } from "../../support/fixtures";
import { createPersonalType, createSchedule, uniqueSlug } from "../../v1/event-types/helpers";

useTestDatabase();

const fields = (result: { body: { error: { details: { field?: string }[] } } }) => result.body.error.details.map((d) => d.field);
const valid = () => ({ title: "Call", slug: uniqueSlug(), lengthInMinutes: 30 });

describe("POST /v2/event-types — bad input", () => {
  it("names every missing, invalid and unknown field in v2's error shape, and creates nothing", async () => {
    const caller = await createCaller();
    const result = await api("POST /v2/event-types", {
      key: caller.key,
      body: { slug: "Not A Slug", lengthInMinutes: 0, minimumBookingNotice: -1, locations: [{ type: "carrier-pigeon" }], length: 30 },
    });
    expect(result.status).toBe(400);
    expect(result.body.status).toBe("error");
    expect(fields(result)).toEqual(
      expect.arrayContaining(["body.title", "body.slug", "body.lengthInMinutes", "body.minimumBookingNotice", "body.locations.0.type", "body.length"]),
    );
    const prisma = await getPrisma();
    expect(await prisma.eventType.count({ where: { userId: caller.user.id } })).toBe(0);
  });

  it("refuses settings of features Slotbase lacks unless they are off, naming each", async () => {
    const caller = await createCaller();
    const unsupported = {
      bookingFields: [{ type: "text", slug: "company", label: "Company" }],
      bookingLimitsCount: { day: 2 },
      bookingLimitsDuration: { week: 120 },
      onlyShowFirstAvailableSlot: true,
      offsetStart: 5,
      bookerLayouts: { defaultLayout: "month", enabledLayouts: ["month"] },
      requiresBookerEmailVerification: true,
      lockTimeZoneToggleOnBookingPage: true,
      color: { lightThemeHex: "#292929", darkThemeHex: "#fafafa" },
      destinationCalendar: { integration: "google_calendar", externalId: "primary" },
      useDestinationCalendarEmail: true,
      hideCalendarEventDetails: true,
      hideOrganizerEmail: true,
      calVideoSettings: { disableRecordingForGuests: true },
      bookingRequiresAuthentication: true,
      bookingWindow: { type: "businessDays", value: 5, rolling: true },
      confirmationPolicy: { type: "time", noticeThreshold: { unit: "hours", count: 6 }, blockUnconfirmedBookingsInBooker: true },
      seats: { seatsPerTimeSlot: 3, showAttendeeInfo: false, showAvailabilityCount: false },
    };
    const result = await api("POST /v2/event-types", { key: caller.key, body: { ...valid(), ...unsupported } });
    expect(result.status).toBe(400);
    const named = fields(result);
    for (const field of Object.keys(unsupported)) expect(named.some((f) => f === `body.${field}` || f?.startsWith(`body.${field}.`))).toBe(true);
    expect(JSON.stringify(result.body)).toContain("Slotbase has no");
  });

  it("a slug the user already has is a 409; a schedule of someone else is a 400 naming scheduleId", async () => {
    const caller = await createCaller();
    const other = await createCaller();
    const taken = await createPersonalType(caller);
    const duplicate = await api("POST /v2/event-types", { key: caller.key, body: { ...valid(), slug: taken.slug } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.status).toBe("error");
    const theirs = await createSchedule(other);
    const foreign = await api("POST /v2/event-types", { key: caller.key, body: { ...valid(), scheduleId: theirs.id } });
    expect(foreign.status).toBe(400);
    expect(fields(foreign)).toContain("body.scheduleId");
  });

  it("checks the booking window: real dates, the end not before the start, and a number of days", async () => {
    const caller = await createCaller();
    const start = addDays(today(), 10);
    for (const bookingWindow of [
      { type: "range", value: [start, addDays(start, -1)] },
      { type: "range", value: ["2027-02-30", start] },
      { type: "calendarDays", value: 0 },
      { type: "weeks", value: 2 },
      { disabled: false },
    ]) {
      const result = await api("POST /v2/event-types", { key: caller.key, body: { ...valid(), bookingWindow } });
      expect(result.status).toBe(400);
      expect(fields(result).some((f) => f?.startsWith("body.bookingWindow"))).toBe(true);
    }
  });

  it("refuses a body that is not JSON", async () => {
    const caller = await createCaller();
    const result = await api("POST /v2/event-types", { key: caller.key, body: "{not json", headers: { "content-type": "application/json" } });
    expect(result.status).toBe(400);
    expect(result.body.status).toBe("error");
  });
});

describe("PATCH /v2/event-types/{eventTypeId} — bad input", () => {
  it("refuses an empty change and unknown fields, and changes nothing", async () => {
    const caller = await createCaller();
    const type = await createPersonalType(caller);
    expect((await api("PATCH /v2/event-types/{eventTypeId}", { params: { eventTypeId: type.id }, key: caller.key, body: {} })).status).toBe(400);
    const unknown = await api("PATCH /v2/event-types/{eventTypeId}", { params: { eventTypeId: type.id }, key: caller.key, body: { title: "x", userId: 1 } });
    expect(unknown.status).toBe(400);
    expect(fields(unknown)).toContain("body.userId");
    const prisma = await getPrisma();
    expect((await prisma.eventType.findUniqueOrThrow({ where: { id: type.id } })).title).toBe(type.title);
  });

  it("a slug taken by another of the user's types is a 409", async () => {
    const caller = await createCaller();
    const a = await createPersonalType(caller);
    const b = await createPersonalType(caller);
    const result = await api("PATCH /v2/event-types/{eventTypeId}", { params: { eventTypeId: b.id }, key: caller.key, body: { slug: a.slug } });
    expect(result.status).toBe(409);
  });
});

describe("/v2/event-types/{eventTypeId} — ids", () => {
  it("a malformed id is a 400, an unknown one a 404, for every method", async () => {
    const caller = await createCaller();
    for (const [operation, body] of [
      ["GET /v2/event-types/{eventTypeId}", undefined],
      ["PATCH /v2/event-types/{eventTypeId}", { title: "x" }],
      ["DELETE /v2/event-types/{eventTypeId}", undefined],
    ] as const) {
      const malformed = await api(operation, { params: { eventTypeId: "abc" }, key: caller.key, body });
      expect(malformed.status).toBe(400);
      expect(fields(malformed)).toContain("path.eventTypeId");
      const unknown = await api(operation, { params: { eventTypeId: 2_000_000_000 }, key: caller.key, body });
      expect(unknown.status).toBe(404);
      expect(unknown.body.status).toBe("error");
    }
  });

  it("answers other methods 405 in v2's error shape", async () => {
    const caller = await createCaller();
    const type = await createPersonalType(caller);
    const result = await api("PUT /v2/event-types/{eventTypeId}", { params: { eventTypeId: type.id }, key: caller.key, unchecked: true });
    expect(result.status).toBe(405);
    expect(result.body.status).toBe("error");
  });
});

describe("GET /v2/event-types — bad filters", () => {
  it("eventSlug needs username; usernames (dynamic group types) and unknown parameters are refused", async () => {
    const caller = await createCaller();
    const slugOnly = await api("GET /v2/event-types", { key: caller.key, query: { eventSlug: "intro" } });
    expect(slugOnly.status).toBe(400);
    expect(fields(slugOnly)).toContain("query.username");
    const group = await api("GET /v2/event-types", { key: caller.key, query: { usernames: "alice,bob" } });
    expect(group.status).toBe(400);
    expect(fields(group)).toContain("query.usernames");
    const unknown = await api("GET /v2/event-types", { key: caller.key, query: { teamId: "3" } });
    expect(unknown.status).toBe(400);
    expect(fields(unknown)).toContain("query.teamId");
    const badOrg = await api("GET /v2/event-types", { key: caller.key, query: { orgId: "x" } });
    expect(badOrg.status).toBe(400);
  });
});
