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
  const made = await createHostWithEventType();
  host = made.host;
  eventTypeId = String(made.eventType.id);
});

const slots = (query: Record<string, string>) => api("GET /v2/slots", { key: host.key, query: { eventTypeId, start: MON, end: day(1), ...query } });

function expectV2FieldError(result: { status: number; body: { status: string; error: { code: string; details: { field?: string }[] } } }, field: string) {
  expect(result.status).toBe(400);
  expect(result.body.status).toBe("error");
  expect(result.body.error.details.map((d) => d.field)).toContain(field);
}

describe("GET /v2/slots — bad input", () => {
  it("refuses an end before the start", async () => expectV2FieldError(await slots({ start: day(2) }), "query.end"));
  it("refuses a range over the maximum", async () => expectV2FieldError(await slots({ end: day(284) }), "query.end"));
  it("refuses a malformed date", async () => expectV2FieldError(await slots({ start: "2027-13-01" }), "query.start"));
  it("refuses an unknown zone", async () => expectV2FieldError(await slots({ timeZone: "Europe/Atlantis" }), "query.timeZone"));
  it("refuses an unknown format", async () => expectV2FieldError(await slots({ format: "xml" }), "query.format"));
  it("needs eventTypeId or a slug with its owner", async () => {
    const result = await api("GET /v2/slots", { key: host.key, query: { eventTypeSlug: "x", start: MON, end: day(1) } });
    expectV2FieldError(result, "query.eventTypeId");
  });
  it("answers 404 in the v2 shape for an unknown event type", async () => {
    const result = await slots({ eventTypeId: "424242" });
    expect(result.status).toBe(404);
    expect(result.body.status).toBe("error");
    expect(result.body.error.code).toBe("not_found");
  });
});
