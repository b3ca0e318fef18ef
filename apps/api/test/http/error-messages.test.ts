import { api, type ApiResult } from "../support/api";
import { useTestDatabase } from "../support/database";
import { createAdmin, createCaller, type Caller } from "../support/fixtures";
import { createHostWithEventType } from "../support/scheduling";
import { addDays, nextMonday } from "../support/dates";
import { CALENDAR, inWorkspace, ownedWorkspace } from "../support/workspaces";
import { CUSTOMER_ACCOUNT } from "../support/calendar-events";

/*
 * Messages a person understands (issue 16 §4), on every surface in its own error shape: a path
 * parameter is `path.<name>`, a query parameter `query.<name>`, a body field `body.<name>`;
 * each detail is a sentence that names its field, one per field, and no library text (zod's
 * "Invalid input: expected string, received undefined") reaches a client.
 */

useTestDatabase();

interface Detail {
  field?: string;
  rule?: string;
  message: string;
}

const MON = nextMonday();

/** The details of any surface's error answer (JSON:API's as `{ field, rule, message }`). */
function detailsOf(result: ApiResult): Detail[] {
  if (Array.isArray(result.body?.errors)) {
    return result.body.errors.map((e: { source?: { parameter?: string; pointer?: string }; meta?: { rule?: string }; detail: string }) => ({
      field: e.source?.parameter ?? e.source?.pointer,
      rule: e.meta?.rule,
      message: e.detail,
    }));
  }
  return result.body?.details ?? result.body?.error?.details ?? [];
}

const messageOf = (result: ApiResult): string => result.body?.message ?? result.body?.error?.message ?? result.body?.errors?.[0]?.detail;

/** Texts zod writes itself: none may reach a client. */
const LIBRARY_TEXT = /Invalid input|expected \w+, received|Too (small|big): expected|Invalid option|Invalid string|>=|<=/;

function expectPlainWords(result: ApiResult): void {
  expect(JSON.stringify(result.body)).not.toMatch(LIBRARY_TEXT);
  const fields = detailsOf(result).map((d) => d.field);
  expect(new Set(fields).size).toBe(fields.length);
}

let caller: Caller;
let host: Caller;
let eventTypeId: string;
beforeAll(async () => {
  caller = await createCaller();
  const made = await createHostWithEventType();
  host = made.host;
  eventTypeId = String(made.eventType.id);
});

describe("path parameters are path.<name>", () => {
  it("v1: a malformed id is path.id, and the message says what an id is", async () => {
    const result = await api("GET /v1/users/{id}", { params: { id: "abc" }, key: caller.key });
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({
      code: "validation_error",
      message: "Invalid request: id must be a positive integer.",
      details: [{ field: "path.id", rule: "invalid_type", message: "id must be a positive integer" }],
    });
  });

  it("the path's value wins over a query parameter of the same name, and is named as the path's", async () => {
    // Next merges the route's segments into req.query over the query string's values.
    const result = await api("GET /v1/users/{id}", { params: { id: "abc" }, query: { id: String(caller.user.id) }, key: caller.key });
    expect(result.status).toBe(400);
    expect(detailsOf(result).map((d) => d.field)).toEqual(["path.id"]);
  });

  it("v1: a path parameter beside query parameters (/v1/teams/{teamId}/event-types)", async () => {
    const result = await api("GET /v1/teams/{teamId}/event-types", { params: { teamId: "0" }, key: caller.key });
    expect(result.status).toBe(400);
    expect(detailsOf(result)).toEqual([{ field: "path.teamId", rule: "too_small", message: "teamId must be a positive integer" }]);
  });

  it("v2: path.scheduleId in the v2 shape", async () => {
    const result = await api("GET /v2/schedules/{scheduleId}", { params: { scheduleId: "nope" }, key: caller.key });
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ status: "error", error: { code: "validation_error", details: [{ field: "path.scheduleId" }] } });
  });

  it("v2: a service's not-found names the path parameter too", async () => {
    const result = await api("GET /v2/event-types/{eventTypeId}/webhooks", { params: { eventTypeId: 2_000_000_000 }, key: caller.key });
    expect(result.status).toBe(404);
    expect(result.body.error.code).toBe("not_found");
  });

  it("workspace: path.calendar_id in the workspace shape", async () => {
    const { owner, team } = await ownedWorkspace();
    const result = await api(`GET ${CALENDAR}`, { params: { ...inWorkspace(team), calendar_id: "x1" }, key: owner.key });
    expect(result.status).toBe(400);
    expect(result.body).toEqual({ error: expect.objectContaining({ code: "validation_error", details: [expect.objectContaining({ field: "path.calendar_id" })] }) });
  });

  it("calendar events (JSON:API): a path parameter is still its source.parameter", async () => {
    const admin = await createAdmin();
    const result = await api(CUSTOMER_ACCOUNT, { params: { account_id: "a\u0000b" }, key: admin.key });
    expect(result.status).toBe(422);
    expect(result.body.errors[0]).toMatchObject({ source: { parameter: "account_id" }, detail: "account_id must not contain NUL characters" });
  });

  it("a query parameter stays query.<name>", async () => {
    const result = await api("GET /v1/bookings", { query: { userId: "abc" }, key: caller.key });
    expect(result.status).toBe(400);
    expect(detailsOf(result).map((d) => d.field)).toEqual(["query.userId"]);
  });
});

describe("messages name the field, in plain words, one per field", () => {
  const slotsV2 = (query: Record<string, string | string[]>) => api("GET /v2/slots", { key: host.key, query: { eventTypeId, ...query } });

  it("a missing parameter is '<name> is required'", async () => {
    const result = await slotsV2({});
    expect(result.status).toBe(400);
    expect(detailsOf(result)).toEqual([
      { field: "query.start", rule: "invalid_type", message: "start is required" },
      { field: "query.end", rule: "invalid_type", message: "end is required" },
    ]);
    expect(messageOf(result)).toBe("Invalid request: start is required; end is required.");
    expectPlainWords(result);
  });

  it("end=tomorrow is one message for end, saying what end must be", async () => {
    const result = await slotsV2({ start: MON, end: "tomorrow" });
    expect(result.status).toBe(400);
    expect(detailsOf(result)).toEqual([
      { field: "query.end", rule: "custom", message: "end must be a date (2027-03-22, in timeZone; an end date is included) or an ISO 8601 date-time" },
    ]);
    expectPlainWords(result);
  });

  it("a repeated parameter says so, once", async () => {
    const result = await slotsV2({ start: [MON, addDays(MON, 1)], end: addDays(MON, 2) });
    expect(result.status).toBe(400);
    expect(detailsOf(result)).toEqual([{ field: "query.start", rule: "invalid_type", message: "start must be sent once, not repeated" }]);
    expectPlainWords(result);
  });

  it("a value outside a list names the values (v1 surface)", async () => {
    const result = await api("GET /v1/slots", { key: host.key, query: { eventTypeId, startTime: MON, endTime: addDays(MON, 1), duration: "abc" } });
    expect(result.status).toBe(400);
    expect(detailsOf(result)).toEqual([{ field: "query.duration", rule: "invalid_type", message: "duration must be a number" }]);
    expectPlainWords(result);
  });

  it("body fields: required, wrong type (saying what was sent), format, a list of values", async () => {
    const admin = await createAdmin();
    const result = await api("POST /v1/users", { key: admin.key, body: { email: 5, timeFormat: 13, weekStart: "Funday", name: ["x"] } });
    expect(result.status).toBe(400);
    expect(detailsOf(result)).toEqual(
      expect.arrayContaining([
        { field: "body.email", rule: "invalid_type", message: "email must be a string, not a number" },
        { field: "body.timeFormat", rule: "invalid_union", message: "timeFormat must be one of: 12, 24" },
        { field: "body.weekStart", rule: "invalid_value", message: expect.stringMatching(/^weekStart must be one of: Monday, Tuesday, /) },
        { field: "body.name", rule: "invalid_type", message: "name must be a string, not a list" },
      ]),
    );
    expectPlainWords(result);
    const missing = await api("POST /v1/users", { key: admin.key, body: { name: "No Email" } });
    expect(detailsOf(missing)).toEqual([{ field: "body.email", rule: "invalid_type", message: "email is required" }]);
  });

  it("nested body fields are named as written (attendee.email), on v2", async () => {
    const result = await api("POST /v2/bookings", {
      key: host.key,
      headers: { "cal-api-version": "2024-08-13" },
      body: { start: 5, eventTypeId: Number(eventTypeId), attendee: { name: "Ann", email: "nope", timeZone: "Europe/Berlin" } },
    });
    expect(result.status).toBe(400);
    expect(detailsOf(result)).toEqual([
      { field: "body.start", rule: "invalid_type", message: "start must be an ISO 8601 date-time with a time zone offset, e.g. 2027-03-28T09:00:00Z" },
      { field: "body.attendee.email", rule: "invalid_format", message: "attendee.email must be an email address" },
    ]);
    expectPlainWords(result);
  });

  it("a service's own finding is located where it was sent, and the message names it", async () => {
    const result = await api("GET /v1/slots", { key: host.key, query: { eventTypeId, startTime: MON, endTime: addDays(MON, 1), duration: "45" } });
    expect(result.status).toBe(400);
    expect(detailsOf(result)).toEqual([{ field: "query.duration", rule: expect.any(String), message: expect.stringMatching(/can be booked for 30 minutes/) }]);
    expect(messageOf(result)).toMatch(/^Invalid request: duration: This event type can be booked for 30 minutes/);
  });
});
