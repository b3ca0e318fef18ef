import { getPrisma } from "@slotbase/prisma";
import { useTestDatabase } from "../../support/database";
import { api } from "../../support/api";
import { createAdmin, createCaller } from "../../support/fixtures";
import { createBlockerRow } from "../schedules/fixtures";

useTestDatabase();

const fields = (body: { details: { field?: string }[] }) => body.details.map((d) => d.field);

describe("blockers — errors", () => {
  it("refuses an end at or before the start, naming body.endTime", async () => {
    const caller = await createCaller();
    for (const endTime of ["2027-03-01T09:00:00Z", "2027-03-01T10:00:00Z", "2027-03-01T11:00:00+01:00"]) {
      const result = await api("POST /v1/blockers", { key: caller.key, body: { startTime: "2027-03-01T10:00:00Z", endTime } });
      expect(result.status).toBe(400);
      expect(fields(result.body)).toContain("body.endTime");
    }
  });

  it("refuses a blocker longer than 366 days", async () => {
    const caller = await createCaller();
    const ok = await api("POST /v1/blockers", { key: caller.key, body: { startTime: "2027-01-01T00:00:00Z", endTime: "2028-01-02T00:00:00Z" } });
    expect(ok.status).toBe(201);
    const result = await api("POST /v1/blockers", { key: caller.key, body: { startTime: "2027-01-01T00:00:00Z", endTime: "2028-01-02T00:00:01Z" } });
    expect(result.status).toBe(400);
    expect(fields(result.body)).toContain("body.endTime");
  });

  it("needs ISO instants with an offset", async () => {
    const caller = await createCaller();
    const cases: [object, string][] = [
      [{ startTime: "2027-03-01T10:00:00", endTime: "2027-03-01T11:00:00Z" }, "body.startTime"],
      [{ startTime: "2027-03-01T10:00:00Z", endTime: "tomorrow" }, "body.endTime"],
      [{ startTime: "2027-02-30T10:00:00Z", endTime: "2027-03-01T11:00:00Z" }, "body.startTime"],
      [{ endTime: "2027-03-01T11:00:00Z" }, "body.startTime"],
      [{ startTime: 1_700_000_000, endTime: "2027-03-01T11:00:00Z" }, "body.startTime"],
    ];
    for (const [body, field] of cases) {
      const result = await api("POST /v1/blockers", { key: caller.key, body });
      expect(result.status).toBe(400);
      expect(fields(result.body)).toContain(field);
    }
  });

  it("bounds title and notes and refuses unknown fields", async () => {
    const caller = await createCaller();
    const base = { startTime: "2027-03-01T10:00:00Z", endTime: "2027-03-01T11:00:00Z" };
    const cases: [object, string][] = [
      [{ title: "x".repeat(201) }, "body.title"],
      [{ notes: "x".repeat(5001) }, "body.notes"],
      [{ calendarId: 0 }, "body.calendarId"],
      [{ uid: "mine" }, "body.uid"],
    ];
    for (const [extra, field] of cases) {
      const result = await api("POST /v1/blockers", { key: caller.key, body: { ...base, ...extra } });
      expect(result.status).toBe(400);
      expect(fields(result.body)).toContain(field);
    }
  });

  it("PATCH checks the merged range and changes nothing when it is invalid", async () => {
    const caller = await createCaller();
    const blocker = await createBlockerRow(caller);
    const params = { id: blocker.id };
    const late = await api("PATCH /v1/blockers/{id}", { params, key: caller.key, body: { startTime: "2027-03-01T12:00:00Z" } });
    expect(late.status).toBe(400);
    expect(fields(late.body)).toContain("body.endTime");
    const empty = await api("PATCH /v1/blockers/{id}", { params, key: caller.key, body: {} });
    expect(empty.status).toBe(400);
    const userId = await api("PATCH /v1/blockers/{id}", { params, key: caller.key, body: { userId: 1 } });
    expect(fields(userId.body)).toContain("body.userId");
    const prisma = await getPrisma();
    expect(await prisma.blocker.findUniqueOrThrow({ where: { id: blocker.id } })).toEqual(blocker);
  });

  it("validates the list filters", async () => {
    const caller = await createCaller();
    const reversed = await api("GET /v1/blockers", { key: caller.key, query: { dateFrom: "2027-06-02T00:00:00Z", dateTo: "2027-06-01T00:00:00Z" } });
    expect(reversed.status).toBe(400);
    expect(fields(reversed.body)).toContain("query.dateTo");
    const bad = await api("GET /v1/blockers", { key: caller.key, query: { dateFrom: "yesterday", take: "0" } });
    expect(fields(bad.body)).toEqual(expect.arrayContaining(["query.dateFrom", "query.take"]));
  });

  it("404s an admin naming a user who does not exist, naming body.userId", async () => {
    const admin = await createAdmin();
    const result = await api("POST /v1/blockers", {
      key: admin.key,
      body: { userId: 2_000_000_000, startTime: "2027-03-01T10:00:00Z", endTime: "2027-03-01T11:00:00Z" },
    });
    expect(result.status).toBe(404);
    expect(fields(result.body)).toContain("body.userId");
  });

  it("rejects bad ids with 400 and unknown ones with 404", async () => {
    const admin = await createAdmin();
    const bad = await api("DELETE /v1/blockers/{id}", { params: { id: "abc" }, key: admin.key });
    expect(bad.status).toBe(400);
    for (const op of ["GET", "PATCH", "DELETE"]) {
      const result = await api(`${op} /v1/blockers/{id}`, {
        params: { id: 2_000_000_000 },
        key: admin.key,
        ...(op === "PATCH" ? { body: { title: "x" } } : {}),
      });
      expect(result.status).toBe(404);
      expect(result.body.message).toBe("Blocker not found.");
    }
  });
});
