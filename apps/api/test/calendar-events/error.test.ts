import { api } from "../support/api";
import { useTestDatabase } from "../support/database";
import { addCalendar, ownedWorkspace } from "../support/workspaces";
import { addDays, nextMonday, UTC } from "../support/dates";
import { calendarEvents, firstError } from "../support/calendar-events";

useTestDatabase();

/** Invalid parameters are 422s in JSON:API error objects naming the parameter (seed 001). */
const MON = nextMonday({ zones: [UTC] });

async function publicCalendar() {
  const { team } = await ownedWorkspace();
  return addCalendar(team, { isPublic: true });
}

function expectInvalid(result: Awaited<ReturnType<typeof calendarEvents>>, parameter: string, detail?: RegExp) {
  expect(result.status).toBe(422);
  const error = result.body.errors.find((e: { source?: { parameter?: string } }) => e.source?.parameter === parameter);
  expect(error).toMatchObject({ status: "422", code: "validation_error", title: "Invalid parameter", id: result.headers["x-request-id"] });
  if (detail) expect(error.detail).toMatch(detail);
}

describe("GET /api/v1/calendar-events — invalid input", () => {
  it("requires resource_id (422)", async () => {
    expectInvalid(await calendarEvents({}), "resource_id", /Required/);
  });

  it("refuses a malformed uuid, and more than 50 resources (422)", async () => {
    expectInvalid(await calendarEvents({ resource_id: "room-1" }), "resource_id", /uuid/);
    const many = Array.from({ length: 51 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
    expectInvalid(await calendarEvents({ "resource_id[]": many }), "resource_id", /At most 50/);
  });

  it("refuses bad dates, an end before the start, a range over 62 days and an unknown zone, naming each", async () => {
    const calendar = await publicCalendar();
    const resource_id = calendar.uuid;
    expectInvalid(await calendarEvents({ resource_id, start_date: "2027-02-30" }), "start_date");
    expectInvalid(await calendarEvents({ resource_id, end_date: "tomorrow" }), "end_date");
    expectInvalid(await calendarEvents({ resource_id, start_date: MON, end_date: addDays(MON, -1) }), "end_date", /after start_date/);
    expectInvalid(await calendarEvents({ resource_id, start_date: MON, end_date: addDays(MON, 62) }), "end_date", /62 days/);
    expectInvalid(await calendarEvents({ resource_id, timezone: "Mars/Olympus" }), "timezone", /IANA/);
    expectInvalid(await calendarEvents({ resource_id, "filter[exclude_child_resources]": "maybe" }), "filter[exclude_child_resources]");
  });

  it("accepts a 62-day range, and defaults to seven days from now", async () => {
    const calendar = await publicCalendar();
    expect((await calendarEvents({ resource_id: calendar.uuid, start_date: MON, end_date: addDays(MON, 61) })).status).toBe(200);
    const defaulted = await calendarEvents({ resource_id: calendar.uuid });
    const periods = defaulted.body.data.events.filter((e: { type: string }) => e.type === "period");
    // Day-long periods over [the current minute, 7 days later]: 8, the first and last cut at the
    // window's ends, or 7 whole days when the current minute is the start of a day.
    expect([7, 8]).toContain(periods.length);
    for (let i = 1; i < periods.length; i += 1) expect(periods[i].start_date).toBe(periods[i - 1].end_date);
    expect(Date.parse(periods[0].start_date)).toBeLessThanOrEqual(Date.now());
    expect(Date.parse(periods[periods.length - 1].end_date) - Date.parse(periods[0].start_date)).toBe(7 * 86_400_000);
  });

  it("refuses parameters it does not know (422 naming them)", async () => {
    const calendar = await publicCalendar();
    expectInvalid(await calendarEvents({ resource_id: calendar.uuid, status: "accepted" }), "status", /Unknown query parameter/);
  });

  it("answers an unknown resource with a JSON:API 404", async () => {
    const result = await calendarEvents({ resource_id: "00000000-0000-4000-8000-000000000000" });
    expect(result.status).toBe(404);
    expect(result.body).toEqual({ errors: [expect.objectContaining({ status: "404", code: "not_found", title: "Not found", source: { parameter: "resource_id" } })] });
  });

  it("answers other methods with a JSON:API 405", async () => {
    const result = await api(`POST /api/v1/calendar-events`, { body: {}, unchecked: true });
    expect(result.status).toBe(405);
    expect(firstError(result)).toMatchObject({ status: "405", code: "method_not_allowed" });
    expect(result.headers.allow).toBe("GET, HEAD, OPTIONS");
  });
});

describe("customer accounts — invalid input", () => {
  it("answers a malformed or unknown account id with a JSON:API 404", async () => {
    const { owner } = await ownedWorkspace();
    for (const account_id of ["nope", "00000000-0000-4000-8000-000000000000"]) {
      const result = await api("GET /api/v1/customer-accounts/{account_id}", { params: { account_id }, key: owner.key });
      expect(result.status).toBe(404);
      expect(firstError(result)).toMatchObject({ status: "404", code: "not_found" });
    }
  });

  it("needs a key (401 in JSON:API shape)", async () => {
    const result = await api("GET /api/v1/customer-accounts/{account_id}", { params: { account_id: "00000000-0000-4000-8000-000000000000" } });
    expect(result.status).toBe(401);
    expect(firstError(result)).toMatchObject({ status: "401", code: "unauthorized" });
  });
});
