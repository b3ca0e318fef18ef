import { api } from "../../support/api";
import { useTestDatabase } from "../../support/database";
import { createCaller } from "../../support/fixtures";

useTestDatabase();

const fields = (result: { body: { error: { details: { field?: string }[] } } }) => result.body.error.details.map((d) => d.field);

describe("PATCH /v2/me — bad input", () => {
  it("names each invalid field in v2's error shape, and changes nothing", async () => {
    const caller = await createCaller();
    const result = await api("PATCH /v2/me", { key: caller.key, body: { timeZone: "Mars/Olympus", timeFormat: 13, weekStart: "Someday", email: "not-an-email", role: "ADMIN" } });
    expect(result.status).toBe(400);
    expect(result.body.status).toBe("error");
    expect(fields(result)).toEqual(expect.arrayContaining(["body.timeZone", "body.timeFormat", "body.weekStart", "body.email", "body.role"]));
    expect((await api("GET /v2/me", { key: caller.key })).body.data.timeZone).toBe(caller.user.timeZone);
  });

  it("refuses an empty change and a body that is not JSON", async () => {
    const caller = await createCaller();
    expect((await api("PATCH /v2/me", { key: caller.key, body: {} })).status).toBe(400);
    const malformed = await api("PATCH /v2/me", { key: caller.key, body: "{not json", headers: { "content-type": "application/json" } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.status).toBe("error");
  });

  it("answers other methods 405 in v2's error shape", async () => {
    const caller = await createCaller();
    const result = await api("DELETE /v2/me", { key: caller.key, unchecked: true });
    expect(result.status).toBe(405);
    expect(result.body.status).toBe("error");
  });
});
