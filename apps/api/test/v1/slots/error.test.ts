import { api } from "../../support/api";
import { useTestDatabase } from "../../support/database";
import { type Caller } from "../../support/fixtures";
import { createHostWithEventType } from "../../support/scheduling";

useTestDatabase();

let host: Caller;
let eventTypeId: string;
beforeAll(async () => {
  const made = await createHostWithEventType({ metadata: { multipleDuration: [30, 60] } });
  host = made.host;
  eventTypeId = String(made.eventType.id);
});

const slots = (query: Record<string, string>) =>
  api("GET /v1/slots", { key: host.key, query: { eventTypeId, startTime: "2027-03-22", endTime: "2027-03-23", ...query } });

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
    expectFieldError(await slots({ startTime: "2027-03-23", endTime: "2027-03-22" }), "query.endTime");
  });

  it("refuses a range longer than the documented maximum", async () => {
    const result = await slots({ startTime: "2027-01-01", endTime: "2027-06-01" });
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
    const result = await api("GET /v1/slots", { key: host.key, query: { startTime: "2027-03-22", endTime: "2027-03-23" } });
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
      query: { eventTypeSlug: "nope", usernameList: "nobody-here", startTime: "2027-03-22", endTime: "2027-03-23" },
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
