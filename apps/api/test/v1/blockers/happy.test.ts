import { getPrisma } from "@slotbase/prisma";
import { useTestDatabase } from "../../support/database";
import { api } from "../../support/api";
import { createAdmin, createCaller } from "../../support/fixtures";
import { createBlockerRow } from "../schedules/fixtures";
import { expectListPaging } from "../../support/list-paging";

useTestDatabase();

const ids = (body: { blockers: { id: number }[] }) => body.blockers.map((b) => b.id);

describe("blockers — happy paths", () => {
  it("blocks time for the caller, in UTC", async () => {
    const caller = await createCaller();
    const result = await api("POST /v1/blockers", {
      key: caller.key,
      body: { startTime: "2027-03-01T10:00:00+01:00", endTime: "2027-03-01T12:30:00+01:00", title: "Dentist", notes: "Bring the card" },
    });
    expect(result.status).toBe(201);
    expect(result.body.blocker).toEqual({
      id: expect.any(Number),
      uid: expect.stringMatching(/^[0-9a-f-]{36}$/),
      userId: caller.user.id,
      calendarId: null,
      title: "Dentist",
      notes: "Bring the card",
      startTime: "2027-03-01T09:00:00.000Z",
      endTime: "2027-03-01T11:30:00.000Z",
      createdAt: expect.any(String),
    });
    const fetched = await api("GET /v1/blockers/{id}", { params: { id: result.body.blocker.id }, key: caller.key });
    expect(fetched.body.blocker).toEqual(result.body.blocker);
  });

  it("title and notes are optional", async () => {
    const caller = await createCaller();
    const result = await api("POST /v1/blockers", { key: caller.key, body: { startTime: "2027-03-01T10:00:00Z", endTime: "2027-03-02T10:00:00Z" } });
    expect(result.status).toBe(201);
    expect(result.body.blocker).toMatchObject({ title: null, notes: null });
  });

  it("lists the caller's blockers by start time then id, a page at a time", async () => {
    const other = await createCaller();
    await createBlockerRow(other, { startTime: "2027-01-01T00:00:00Z", endTime: "2027-01-01T01:00:00Z" });
    const caller = await createCaller();
    const late = await createBlockerRow(caller, { startTime: "2027-05-01T10:00:00Z", endTime: "2027-05-01T11:00:00Z" });
    const early = await createBlockerRow(caller, { startTime: "2027-04-01T10:00:00Z", endTime: "2027-04-01T11:00:00Z" });
    const earlyToo = await createBlockerRow(caller, { startTime: "2027-04-01T10:00:00Z", endTime: "2027-04-01T10:30:00Z" });
    const all = await api("GET /v1/blockers", { key: caller.key });
    expect(all.status).toBe(200);
    expect(ids(all.body)).toEqual([early.id, earlyToo.id, late.id]);
    const page2 = await api("GET /v1/blockers", { key: caller.key, query: { take: "2", page: "2" } });
    expect(ids(page2.body)).toEqual([late.id]);
  });

  it("dateFrom/dateTo keep the blockers that overlap the range", async () => {
    const caller = await createCaller();
    const before = await createBlockerRow(caller, { startTime: "2027-06-01T08:00:00Z", endTime: "2027-06-01T09:00:00Z" });
    const straddling = await createBlockerRow(caller, { startTime: "2027-06-01T08:30:00Z", endTime: "2027-06-01T09:30:00Z" });
    const inside = await createBlockerRow(caller, { startTime: "2027-06-01T10:00:00Z", endTime: "2027-06-01T11:00:00Z" });
    const after = await createBlockerRow(caller, { startTime: "2027-06-01T12:00:00Z", endTime: "2027-06-01T13:00:00Z" });
    const result = await api("GET /v1/blockers", {
      key: caller.key,
      query: { dateFrom: "2027-06-01T09:00:00Z", dateTo: "2027-06-01T12:00:00Z" },
    });
    expect(ids(result.body)).toEqual([straddling.id, inside.id]);
    const from = await api("GET /v1/blockers", { key: caller.key, query: { dateFrom: "2027-06-01T11:00:00Z" } });
    expect(ids(from.body)).toEqual([after.id]);
    const to = await api("GET /v1/blockers", { key: caller.key, query: { dateTo: "2027-06-01T08:30:00Z" } });
    expect(ids(to.body)).toEqual([before.id]);
  });

  it("PATCH changes only what it sends and checks the merged range", async () => {
    const caller = await createCaller();
    const blocker = await createBlockerRow(caller);
    const params = { id: blocker.id };
    const retitled = await api("PATCH /v1/blockers/{id}", { params, key: caller.key, body: { title: "Moved dentist", notes: null } });
    expect(retitled.status).toBe(200);
    expect(retitled.body.blocker).toMatchObject({ title: "Moved dentist", notes: null, startTime: "2027-03-01T10:00:00.000Z" });
    const longer = await api("PATCH /v1/blockers/{id}", { params, key: caller.key, body: { endTime: "2027-03-01T15:00:00Z" } });
    expect(longer.body.blocker).toMatchObject({ startTime: "2027-03-01T10:00:00.000Z", endTime: "2027-03-01T15:00:00.000Z", title: "Moved dentist" });
  });

  it("deletes a blocker", async () => {
    const caller = await createCaller();
    const blocker = await createBlockerRow(caller);
    const result = await api("DELETE /v1/blockers/{id}", { params: { id: blocker.id }, key: caller.key });
    expect(result.status).toBe(200);
    expect(result.body.message).toBe(`Blocker with id: ${blocker.id} deleted successfully`);
    const prisma = await getPrisma();
    expect(await prisma.blocker.count({ where: { id: blocker.id } })).toBe(0);
  });

  it("an admin blocks another user's time and lists by userId", async () => {
    const admin = await createAdmin();
    const owner = await createCaller();
    const result = await api("POST /v1/blockers", {
      key: admin.key,
      body: { userId: owner.user.id, startTime: "2027-03-01T10:00:00Z", endTime: "2027-03-01T11:00:00Z" },
    });
    expect(result.status).toBe(201);
    expect(result.body.blocker.userId).toBe(owner.user.id);
    const list = await api("GET /v1/blockers", { key: admin.key, query: { userId: String(owner.user.id) } });
    expect(ids(list.body)).toEqual([result.body.blocker.id]);
    const own = await api("GET /v1/blockers", { key: owner.key });
    expect(ids(own.body)).toEqual([result.body.blocker.id]);
  });
});

describe("GET /v1/blockers list paging", () => {
  it("answers every blocker of the caller by start time, with X-Total-Count and Link rel=next", async () => {
    const caller = await createCaller();
    const rows = [];
    for (const day of ["01", "02", "03"]) rows.push(await createBlockerRow(caller, { startTime: `2027-03-${day}T10:00:00Z`, endTime: `2027-03-${day}T11:00:00Z` }));
    await createBlockerRow(await createCaller());
    await expectListPaging("GET /v1/blockers", { key: caller.key }, "blockers", rows.map((r) => r.id));
  });
});
