import { api } from "../../support/api";
import { useTestDatabase } from "../../support/database";
import { addDays, nextMonday } from "../../support/dates";
import { createCaller } from "../../support/fixtures";

useTestDatabase();

// MON is a Monday ahead (computed from today).
const MON = nextMonday();
const day = (n: number) => addDays(MON, n);

const fieldsOf = (body: { details: { field?: string }[] }) => body.details.map((d) => d.field);

describe("GET /v1/availability — bad input", () => {
  it("needs exactly one of userId, username, teamId", async () => {
    const caller = await createCaller();
    const none = await api("GET /v1/availability", { key: caller.key, query: { dateFrom: MON, dateTo: day(1) } });
    expect(none.status).toBe(400);
    expect(fieldsOf(none.body)).toContain("query.userId");
    const two = await api("GET /v1/availability", { key: caller.key, query: { userId: "1", teamId: "1", dateFrom: MON, dateTo: day(1) } });
    expect(two.status).toBe(400);
  });

  it("names a malformed or backwards range", async () => {
    const caller = await createCaller();
    const userId = String(caller.user.id);
    const bad = await api("GET /v1/availability", { key: caller.key, query: { userId, dateFrom: "2027-02-31", dateTo: day(1) } });
    expect(fieldsOf(bad.body)).toContain("query.dateFrom");
    const backwards = await api("GET /v1/availability", { key: caller.key, query: { userId, dateFrom: day(1), dateTo: day(-1) } });
    expect(fieldsOf(backwards.body)).toContain("query.dateTo");
    const long = await api("GET /v1/availability", { key: caller.key, query: { userId, dateFrom: MON, dateTo: day(364) } });
    expect(long.body.message).toMatch(/62 days/);
    const zone = await api("GET /v1/availability", { key: caller.key, query: { userId, dateFrom: MON, dateTo: day(1), timeZone: "Nowhere/Land" } });
    expect(fieldsOf(zone.body)).toContain("query.timeZone");
  });

  it("answers 404 for an unknown user or team", async () => {
    const caller = await createCaller();
    const range = { dateFrom: MON, dateTo: day(1) };
    expect((await api("GET /v1/availability", { key: caller.key, query: { ...range, userId: "987654" } })).status).toBe(404);
    expect((await api("GET /v1/availability", { key: caller.key, query: { ...range, username: "no-such-person" } })).status).toBe(404);
    expect((await api("GET /v1/availability", { key: caller.key, query: { ...range, teamId: "987654" } })).status).toBe(404);
  });

  it("has a user without a schedule free never, without failing", async () => {
    const caller = await createCaller();
    const result = await api("GET /v1/availability", { key: caller.key, query: { userId: String(caller.user.id), dateFrom: MON, dateTo: day(1) } });
    expect(result.status).toBe(200);
    expect(result.body.dateRanges).toEqual([]);
    expect(result.body.workingHours).toEqual([]);
  });
});
