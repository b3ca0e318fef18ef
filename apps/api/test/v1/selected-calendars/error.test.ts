import { useTestDatabase } from "../../support/database";
import { api } from "../../support/api";
import { createAdmin, createCaller } from "../../support/fixtures";
import { idOf, selectedCalendar, selectedRows } from "./fixtures";

useTestDatabase();

type Detail = { field?: string; rule?: string; message: string };
const fields = (body: { details: Detail[] }) => body.details.map((d) => d.field);
const calendar = { integration: "google_calendar", externalId: "alex@example.com" };

describe("selected calendars — errors", () => {
  it("needs integration and externalId, trimmed, 1–200 characters, and names each bad field", async () => {
    const caller = await createCaller();
    const missing = await api("POST /v1/selected-calendars", { key: caller.key, body: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe("validation_error");
    expect(fields(missing.body)).toEqual(expect.arrayContaining(["body.integration", "body.externalId"]));
    const cases: [object, string, string][] = [
      [{ ...calendar, integration: " " }, "body.integration", "too_small"],
      [{ ...calendar, externalId: "" }, "body.externalId", "too_small"],
      [{ ...calendar, integration: "x".repeat(201) }, "body.integration", "too_big"],
      [{ ...calendar, externalId: "x".repeat(201) }, "body.externalId", "too_big"],
      [{ ...calendar, externalId: 7 }, "body.externalId", "invalid_type"],
      [{ ...calendar, userId: "5" }, "body.userId", "invalid_type"],
      [{ ...calendar, userId: 0 }, "body.userId", "too_small"],
      // Cal.com's credentialId and eventTypeId have no column here: not accepted rather than ignored.
      [{ ...calendar, credentialId: 3 }, "body.credentialId", "unrecognized_key"],
      [{ ...calendar, eventTypeId: 3 }, "body.eventTypeId", "unrecognized_key"],
    ];
    for (const [body, field, rule] of cases) {
      const result = await api("POST /v1/selected-calendars", { key: caller.key, body });
      expect({ status: result.status, details: result.body.details }).toEqual({ status: 400, details: expect.arrayContaining([expect.objectContaining({ field, rule })]) });
    }
    expect(await selectedRows(caller.user.id)).toEqual([]);
  });

  it("refuses an integration and externalId that would not read back from their id (400 naming the field)", async () => {
    const caller = await createCaller();
    const cases: [object, string][] = [
      [{ integration: "my_app", externalId: "x" }, "body.integration"],
      [{ integration: "a_calendar_b_calendar", externalId: "x" }, "body.integration"],
      [{ integration: "_calendar", externalId: "x" }, "body.integration"],
      [{ integration: "caldav", externalId: "home_calendar_2" }, "body.externalId"],
      [{ integration: "caldav", externalId: "calendar_2" }, "body.externalId"],
    ];
    for (const [body, field] of cases) {
      const result = await api("POST /v1/selected-calendars", { key: caller.key, body });
      expect(result.status).toBe(400);
      expect(result.body.details).toEqual([expect.objectContaining({ field, rule: "ambiguous_id" })]);
    }
    const row = await selectedCalendar(caller, { integration: "caldav", externalId: "home" });
    const patched = await api("PATCH /v1/selected-calendars/{id}", { params: { id: idOf(row) }, key: caller.key, body: { externalId: "x_calendar_y" } });
    expect(patched.status).toBe(400);
    expect(fields(patched.body)).toEqual(["body.externalId"]);
    expect(await selectedRows(caller.user.id)).toEqual([row]);
  });

  it("selecting the same calendar twice is a 409; so is editing one into another's place, which changes nothing", async () => {
    const caller = await createCaller();
    const first = await api("POST /v1/selected-calendars", { key: caller.key, body: calendar });
    expect(first.status).toBe(201);
    const again = await api("POST /v1/selected-calendars", { key: caller.key, body: { integration: "google_calendar ", externalId: " alex@example.com" } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("conflict");
    expect(again.body.message).toBe(`User ${caller.user.id} has already selected the google_calendar calendar "alex@example.com" (id ${caller.user.id}_google_calendar_alex@example.com).`);
    expect(fields(again.body)).toEqual(["body.integration", "body.externalId"]);

    const other = await selectedCalendar(caller, { externalId: "other@example.com" });
    const clash = await api("PATCH /v1/selected-calendars/{id}", { params: { id: idOf(other) }, key: caller.key, body: { externalId: "alex@example.com" } });
    expect(clash.status).toBe(409);
    expect(fields(clash.body)).toEqual(["body.externalId"]);
    expect((await selectedRows(caller.user.id)).map((r) => r.externalId)).toEqual(["alex@example.com", "other@example.com"]);
  });

  it("a malformed id is a 400 naming path.id on every operation", async () => {
    const caller = await createCaller();
    const malformed = [
      "abc",
      "5",
      "5_",
      "x_google_calendar_a",
      "0_google_calendar_a",
      "99999999999_google_calendar_a",
      "5_google_calendar_",
      "5__calendar_a",
      "5_google",
      "5__a",
      `5_google_calendar_${"x".repeat(201)}`,
    ];
    for (const id of malformed) {
      for (const operation of ["GET", "PATCH", "DELETE"]) {
        const result = await api(`${operation} /v1/selected-calendars/{id}`, { params: { id }, key: caller.key, ...(operation === "PATCH" ? { body: { externalId: "x" } } : {}) });
        expect({ id, status: result.status, fields: fields(result.body) }).toEqual({ id, status: 400, fields: ["path.id"] });
      }
    }
  });

  it("answers 404 for a well-formed id nobody selected", async () => {
    const caller = await createCaller();
    const id = `${caller.user.id}_google_calendar_nobody@example.com`;
    for (const operation of ["GET", "DELETE"]) {
      const result = await api(`${operation} /v1/selected-calendars/{id}`, { params: { id }, key: caller.key });
      expect(result.status).toBe(404);
      expect(result.body.message).toBe("Selected calendar not found.");
    }
  });

  it("PATCH needs a field and validates each; an admin naming a user who does not exist gets 404", async () => {
    const caller = await createCaller();
    const row = await selectedCalendar(caller);
    const params = { id: idOf(row) };
    const empty = await api("PATCH /v1/selected-calendars/{id}", { params, key: caller.key, body: {} });
    expect(empty.status).toBe(400);
    expect(empty.body.message).toContain("Send at least one field to change");
    for (const [body, field] of [
      [{ integration: "" }, "body.integration"],
      [{ externalId: null }, "body.externalId"],
      [{ id: "x" }, "body.id"],
    ] as [object, string][]) {
      const result = await api("PATCH /v1/selected-calendars/{id}", { params, key: caller.key, body });
      expect(result.status).toBe(400);
      expect(fields(result.body)).toContain(field);
    }
    const admin = await createAdmin();
    const nobody = await api("PATCH /v1/selected-calendars/{id}", { params, key: admin.key, body: { userId: 2_000_000_000 } });
    expect(nobody.status).toBe(404);
    expect(fields(nobody.body)).toEqual(["body.userId"]);
    const create = await api("POST /v1/selected-calendars", { key: admin.key, body: { ...calendar, userId: 2_000_000_000 } });
    expect(create.status).toBe(404);
    expect(fields(create.body)).toEqual(["body.userId"]);
    expect(await selectedRows(caller.user.id)).toEqual([row]);
  });

  it("validates the list's query", async () => {
    const caller = await createCaller();
    for (const [query, field] of [
      [{ take: "0" }, "query.take"],
      [{ page: "-1" }, "query.page"],
      [{ userId: "abc" }, "query.userId"],
      [{ integration: "google_calendar" }, "query.integration"],
    ] as [Record<string, string>, string][]) {
      const result = await api("GET /v1/selected-calendars", { key: caller.key, query });
      expect(result.status).toBe(400);
      expect(fields(result.body)).toContain(field);
    }
  });
});
