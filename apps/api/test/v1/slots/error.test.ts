import { api } from "../../support/api";
import { useTestDatabase } from "../../support/database";
import { type Caller } from "../../support/fixtures";
import { createHostWithEventType } from "../../support/scheduling";
import { addDays, nextMonday } from "../../support/dates";

useTestDatabase();

// MON is a Monday ahead (computed from today).
const MON = nextMonday();
const day = (n: number) => addDays(MON, n);

let host: Caller;
let eventTypeId: string;
beforeAll(async () => {
  const made = await createHostWithEventType({ metadata: { multipleDuration: [30, 60] } });
  host = made.host;
  eventTypeId = String(made.eventType.id);
});

const slots = (query: Record<string, string>) =>
  api("GET /v1/slots", { key: host.key, query: { eventTypeId, startTime: MON, endTime: day(1), ...query } });

function expectFieldError(result: { status: number; body: { code: string; details: { field?: string }[] } }, field: string) {
  expect(result.status).toBe(400);
  expect(result.body.code).toBe("validation_error");
  expect(result.body.details.map((d) => d.field)).toContain(field);
}

describe("GET /v1/slots — bad input", () => {
  it("needs a start and an end", async () => {
    expectFieldError(await api("GET /v1/slots", { key: host.key, query: { eventTypeId } }), "query.startTime");
  });

  it("refuses an end before the start", async () => {
    expectFieldError(await slots({ startTime: day(1), endTime: MON }), "query.endTime");
  });

  it("refuses a range longer than the documented maximum", async () => {
    const result = await slots({ startTime: MON, endTime: day(151) });
    expectFieldError(result, "query.endTime");
    expect(result.body.message).toMatch(/62 days/);
  });

  it.each(["2027-02-30", "22-03-2027", "tomorrow", "2027-03-22T25:00:00Z"])("refuses the malformed date %s", async (value) => {
    expectFieldError(await slots({ startTime: value }), "query.startTime");
  });

  it("refuses an unknown time zone", async () => {
    expectFieldError(await slots({ timeZone: "Mars/Olympus_Mons" }), "query.timeZone");
  });

  it("needs an event type reference", async () => {
    const result = await api("GET /v1/slots", { key: host.key, query: { startTime: MON, endTime: day(1) } });
    expectFieldError(result, "query.eventTypeId");
  });

  it("refuses a malformed event type id", async () => {
    expectFieldError(await slots({ eventTypeId: "abc" }), "query.eventTypeId");
    expectFieldError(await slots({ eventTypeId: "99999999999" }), "query.eventTypeId");
  });

  it("answers 404 for an event type that does not exist", async () => {
    const result = await slots({ eventTypeId: "999999" });
    expect(result.status).toBe(404);
    expect(result.body.code).toBe("not_found");
  });

  it("answers 404 for an unknown slug or user", async () => {
    const result = await api("GET /v1/slots", {
      key: host.key,
      query: { eventTypeSlug: "nope", usernameList: "nobody-here", startTime: MON, endTime: day(1) },
    });
    expect(result.status).toBe(404);
  });

  it("accepts only the event type's durations", async () => {
    expect((await slots({ duration: "60" })).status).toBe(200);
    const result = await slots({ duration: "45" });
    expectFieldError(result, "query.duration");
    expect(result.body.message).toMatch(/30, 60/);
    expectFieldError(await slots({ duration: "0" }), "query.duration");
  });
});

describe("GET /v1/slots — Cal.com's teamMemberEmail and orgSlug", () => {
  it("names a teamMemberEmail that is not an email, and an overlong orgSlug", async () => {
    expectFieldError(await slots({ teamMemberEmail: "not-an-email" }), "query.teamMemberEmail");
    expectFieldError(await slots({ orgSlug: "x".repeat(101) }), "query.orgSlug");
  });
});
