import { api } from "../../support/api";
import { describeAuthMatrix } from "../../support/auth-matrix";
import { useTestDatabase } from "../../support/database";
import { createAdmin, createCaller } from "../../support/fixtures";

useTestDatabase();

// Cal.com v1 operations that need integrations Slotbase does not have: a 501 that says so,
// in v1's error shape, after the key is verified as everywhere (never a 404 that reads as
// "no such path" or "no such booking").
const OPERATIONS: { operation: string; scope: "selected-calendars:read" | "users:admin" | "bookings:read"; params?: Record<string, string | number>; body?: unknown; why: RegExp }[] = [
  { operation: "GET /v1/connected-calendars", scope: "selected-calendars:read", why: /calendar integrations/ },
  { operation: "GET /v1/credential-sync", scope: "users:admin", why: /credentials of third-party app integrations/ },
  { operation: "POST /v1/credential-sync", scope: "users:admin", body: {}, why: /credentials/ },
  { operation: "PATCH /v1/credential-sync", scope: "users:admin", body: {}, why: /credentials/ },
  { operation: "DELETE /v1/credential-sync", scope: "users:admin", why: /credentials/ },
  { operation: "GET /v1/bookings/{id}/recordings", scope: "bookings:read", params: { id: 1 }, why: /video-conferencing integration/ },
  { operation: "GET /v1/bookings/{id}/transcripts", scope: "bookings:read", params: { id: 1 }, why: /video-conferencing integration/ },
  { operation: "GET /v1/bookings/{id}/transcripts/{recordingId}", scope: "bookings:read", params: { id: 1, recordingId: "rec_1" }, why: /video-conferencing integration/ },
];

describe("Cal.com v1 operations Slotbase does not support", () => {
  it.each(OPERATIONS)("$operation answers 501 not_implemented naming the reason", async ({ operation, params, body, why }) => {
    const admin = await createAdmin();
    const result = await api(operation, { key: admin.key, params, ...(body === undefined ? {} : { body }) });
    expect(result.status).toBe(501);
    expect(result.body).toMatchObject({ code: "not_implemented", message: expect.stringMatching(why), requestId: result.headers["x-request-id"] });
  });

  it("validates the path as the operation would (a bad booking id is a 400 naming it)", async () => {
    const caller = await createCaller();
    const result = await api("GET /v1/bookings/{id}/recordings", { key: caller.key, params: { id: "abc" } });
    expect(result.status).toBe(400);
    expect(result.body.details.map((d: { field?: string }) => d.field)).toContain("path.id");
  });
});

for (const { operation, scope, params, body } of OPERATIONS) {
  describeAuthMatrix({ operation, scope, ownerStatus: 501, request: () => ({ params, ...(body === undefined ? {} : { body }) }) });
}
