import { api } from "../../support/api";
import { describeAuthMatrix } from "../../support/auth-matrix";
import { useTestDatabase } from "../../support/database";
import { createAdmin, createCaller } from "../../support/fixtures";

useTestDatabase();

describeAuthMatrix({ operation: "GET /v2/me", scope: "users:read", request: () => ({}) });
describeAuthMatrix({ operation: "PATCH /v2/me", scope: "users:write", request: () => ({ body: { name: "Renamed" } }) });

describe("/v2/me — only ever the key's own user", () => {
  it("an admin's key changes the admin, never anyone else, and a user cannot make themself an admin", async () => {
    const admin = await createAdmin();
    const other = await createCaller();
    const renamed = await api("PATCH /v2/me", { key: admin.key, body: { timeZone: "Asia/Tokyo" } });
    expect(renamed.body.data.id).toBe(admin.user.id);
    expect((await api("GET /v2/me", { key: other.key })).body.data.timeZone).toBe(other.user.timeZone);
    expect((await api("PATCH /v2/me", { key: other.key, body: { role: "ADMIN" } })).status).toBe(400);
  });

  it("never sends the user's role, lock or pending email", async () => {
    const caller = await createCaller();
    const result = await api("GET /v2/me", { key: caller.key });
    expect(Object.keys(result.body.data).sort()).toEqual(["defaultScheduleId", "email", "id", "organizationId", "timeFormat", "timeZone", "username", "weekStart"]);
  });
});
