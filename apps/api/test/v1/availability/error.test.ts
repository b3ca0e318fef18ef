import { api } from "../../support/api";
import { useTestDatabase } from "../../support/database";
import { createCaller } from "../../support/fixtures";

useTestDatabase();

const fieldsOf = (body: { details: { field?: string }[] }) => body.details.map((d) => d.field);

describe("GET /v1/availability — bad input", () => {
  it("needs exactly one of userId, username, teamId", async () => {
    const caller = await createCaller();
    const none = await api("GET /v1/availability", { key: caller.key, query: { dateFrom: "2027-03-22", dateTo: "2027-03-23" } });
    expect(none.status).toBe(400);
    expect(fieldsOf(none.body)).toContain("query.userId");
    const two = await api("GET /v1/availability", { key: caller.key, query: { userId: "1", teamId: "1", dateFrom: "2027-03-22", dateTo: "2027-03-23" } });
    expect(two.status).toBe(400);
  });

  it("names a malformed or backwards range", async () => {
    const caller = await createCaller();
    const userId = String(caller.user.id);
    const bad = await api("GET /v1/availability", { key: caller.key, query: { userId, dateFrom: "2027-02-31", dateTo: "2027-03-23" } });
    expect(fieldsOf(bad.body)).toContain("query.dateFrom");
    const backwards = await api("GET /v1/availability", { key: caller.key, query: { userId, dateFrom: "2027-03-23", dateTo: "2027-03-21" } });
    expect(fieldsOf(backwards.body)).toContain("query.dateTo");
    const long = await api("GET /v1/availability", { key: caller.key, query: { userId, dateFrom: "2027-01-01", dateTo: "2027-12-31" } });
    expect(long.body.message).toMatch(/62 days/);
    const zone = await api("GET /v1/availability", { key: caller.key, query: { userId, dateFrom: "2027-03-22", dateTo: "2027-03-23", timeZone: "Nowhere/Land" } });
    expect(fieldsOf(zone.body)).toContain("query.timeZone");
  });

  it("answers 404 for an unknown user or team", async () => {
    const caller = await createCaller();
    const range = { dateFrom: "2027-03-22", dateTo: "2027-03-23" };
    expect((await api("GET /v1/availability", { key: caller.key, query: { ...range, userId: "987654" } })).status).toBe(404);
    expect((await api("GET /v1/availability", { key: caller.key, query: { ...range, username: "no-such-person" } })).status).toBe(404);
    expect((await api("GET /v1/availability", { key: caller.key, query: { ...range, teamId: "987654" } })).status).toBe(404);
  });

  it("has a user without a schedule free never, without failing", async () => {
    const caller = await createCaller();
    const result = await api("GET /v1/availability", { key: caller.key, query: { userId: String(caller.user.id), dateFrom: "2027-03-22", dateTo: "2027-03-23" } });
    expect(result.status).toBe(200);
    expect(result.body.dateRanges).toEqual([]);
    expect(result.body.workingHours).toEqual([]);
  });
});
