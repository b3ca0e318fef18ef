import { captureLogs } from "@slotbase/features";
import { api, type ApiResult } from "../support/api";
import { useTestDatabase } from "../support/database";
import { createCaller, type Caller } from "../support/fixtures";
import { createHostWithEventType } from "../support/scheduling";
import { addDays, nextMonday } from "../support/dates";
import { CALENDARS, inWorkspace, ownedWorkspace } from "../support/workspaces";
import { CALENDAR_EVENTS } from "../support/calendar-events";

/*
 * Where an API key goes: `Authorization: Bearer <key>`, or the `apiKey` query parameter. A key
 * sent any other way (another scheme, no scheme, the X-API-Key header) is a 401 that says where
 * the key goes, even when the key itself is valid: it is never read from there, never silently
 * ignored (a misleading "no API key") and never repeated in an answer or a log line.
 */

useTestDatabase();

let caller: Caller;
beforeAll(async () => {
  caller = await createCaller();
});

const messageOf = (result: ApiResult): string => result.body?.message ?? result.body?.error?.message ?? result.body?.errors?.[0]?.detail;
const codeOf = (result: ApiResult): string => result.body?.code ?? result.body?.error?.code ?? result.body?.errors?.[0]?.code;

async function expectRefused(call: () => Promise<ApiResult>, message: RegExp): Promise<ApiResult> {
  const { result, lines } = await captureLogs(call);
  expect(result.status).toBe(401);
  expect(codeOf(result)).toBe("unauthorized");
  expect(messageOf(result)).toMatch(message);
  expect(JSON.stringify(result.body)).not.toContain(caller.key);
  expect(JSON.stringify(lines)).not.toContain(caller.key);
  return result;
}

const me = (headers: Record<string, string>) => api("GET /v1/me", { headers });

describe("the Authorization header takes the Bearer scheme only", () => {
  it.each([
    ["Token", `Token ${"KEY"}`],
    ["Basic", `Basic ${"KEY"}`],
    ["ApiKey", `ApiKey ${"KEY"}`],
    ["a bare key (no scheme)", "KEY"],
  ])("%s is a 401 saying the scheme must be Bearer, even with a valid key", async (_label, template) => {
    const result = await expectRefused(() => me({ authorization: template.replace("KEY", caller.key) }), /must use the Bearer scheme: Authorization: Bearer <key>/);
    expect(result.body).toEqual({ message: expect.any(String), code: "unauthorized", details: [], requestId: result.headers["x-request-id"] });
  });

  it("Bearer without a key, or with more than one word, says so", async () => {
    await expectRefused(() => me({ authorization: "Bearer" }), /Bearer carries no key/);
    await expectRefused(() => me({ authorization: "Bearer   " }), /Bearer carries no key/);
    await expectRefused(() => me({ authorization: `Bearer ${caller.key} ${caller.key}` }), /takes one API key, without spaces/);
  });

  it("the scheme's name is case-insensitive, as HTTP says", async () => {
    expect((await me({ authorization: `bearer ${caller.key}` })).status).toBe(200);
    expect((await me({ authorization: `BEARER  ${caller.key} ` })).status).toBe(200);
  });

  it("answers in each surface's shape", async () => {
    const authorization = `Token ${caller.key}`;
    const v2 = await expectRefused(() => api("GET /v2/me", { headers: { authorization } }), /Bearer/);
    expect(v2.body).toMatchObject({ status: "error", error: { code: "unauthorized" } });
    const { owner, team } = await ownedWorkspace();
    const workspace = await expectRefused(() => api(`GET ${CALENDARS}`, { params: inWorkspace(team), headers: { authorization: `Token ${owner.key}` } }), /Bearer/);
    expect(workspace.body).toEqual({ error: expect.objectContaining({ code: "unauthorized" }) });
    expect(JSON.stringify(workspace.body)).not.toContain(owner.key);
  });
});

describe("X-API-Key is not read: a 401 saying where the key goes", () => {
  it("alone, even with a valid key", async () => {
    await expectRefused(() => me({ "x-api-key": caller.key }), /does not read the X-API-Key header\. Send the API key as Authorization: Bearer <key>, or as the apiKey query parameter/);
  });

  it("beside a key where keys go, it is ignored", async () => {
    expect((await api("GET /v1/me", { key: caller.key, headers: { "x-api-key": "anything" } })).status).toBe(200);
    expect((await api("GET /v1/me", { key: caller.key, keyIn: "query", headers: { "x-api-key": "anything" } })).status).toBe(200);
  });

  it("an empty X-API-Key is no credential: the usual missing-key 401", async () => {
    await expectRefused(() => me({ "x-api-key": "" }), /No API key provided/);
  });
});

describe("operations that serve anonymous callers refuse a misplaced key too (never anonymous)", () => {
  it("GET /v2/slots: a Token scheme or an X-API-Key is a 401, no key at all is served", async () => {
    const { host, eventType } = await createHostWithEventType();
    const MON = nextMonday();
    const query = { eventTypeId: String(eventType.id), start: MON, end: addDays(MON, 1) };
    expect((await api("GET /v2/slots", { query })).status).toBe(200);
    await expectRefused(() => api("GET /v2/slots", { query, headers: { authorization: `Token ${host.key}` } }), /Bearer/);
    await expectRefused(() => api("GET /v2/slots", { query, headers: { "x-api-key": host.key } }), /X-API-Key/);
    expect((await api("GET /v2/slots", { query, key: host.key })).status).toBe(200);
  });

  it("GET /api/v1/calendar-events (JSON:API)", async () => {
    const result = await expectRefused(
      () => api(CALENDAR_EVENTS, { query: { resource_id: "1", start_date: "2027-03-01", end_date: "2027-03-02" }, headers: { "x-api-key": caller.key } }),
      /X-API-Key/,
    );
    expect(result.body.errors[0]).toMatchObject({ status: "401", code: "unauthorized" });
  });
});
