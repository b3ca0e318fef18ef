import { getPrisma } from "@slotbase/prisma";
import { useTestDatabase } from "../../support/database";
import { describeAuthMatrix } from "../../support/auth-matrix";
import { api } from "../../support/api";
import { createAdmin, createCaller } from "../../support/fixtures";
import { createRule, createSchedule } from "../schedules/fixtures";

useTestDatabase();

describeAuthMatrix({ operation: "GET /v1/availabilities", scope: "availabilities:read", request: () => ({}) });
describeAuthMatrix({
  operation: "POST /v1/availabilities",
  scope: "availabilities:write",
  // The rule goes into the owner's schedule: anyone else naming it gets a 404.
  ownedObject: true,
  request: async (owner) => ({
    body: { scheduleId: (await createSchedule(owner)).id, days: [1, 2, 3, 4, 5], startTime: "12:00", endTime: "13:00", unavailable: true },
  }),
});
describeAuthMatrix({
  operation: "GET /v1/availabilities/{id}",
  scope: "availabilities:read",
  ownedObject: true,
  request: async (owner) => ({ params: { id: (await createRule(owner)).id } }),
});
describeAuthMatrix({
  operation: "PATCH /v1/availabilities/{id}",
  scope: "availabilities:write",
  ownedObject: true,
  request: async (owner) => ({ params: { id: (await createRule(owner)).id }, body: { endTime: "18:00" } }),
});
describeAuthMatrix({
  operation: "DELETE /v1/availabilities/{id}",
  scope: "availabilities:write",
  ownedObject: true,
  request: async (owner) => ({ params: { id: (await createRule(owner)).id } }),
});

describe("availabilities — cross-user boundaries", () => {
  it("adding a rule to another user's schedule is a 404 naming that scheduleId, and adds nothing", async () => {
    const owner = await createCaller();
    const intruder = await createCaller();
    const schedule = await createSchedule(owner);
    const result = await api("POST /v1/availabilities", {
      key: intruder.key,
      body: { scheduleId: schedule.id, date: "2027-01-01", startTime: "00:00", endTime: "00:00" },
    });
    expect(result.status).toBe(404);
    expect(result.body.details).toEqual([expect.objectContaining({ field: "body.scheduleId" })]);
    expect(result.body.message).toContain(String(schedule.id));
    const prisma = await getPrisma();
    expect(await prisma.availability.count({ where: { scheduleId: schedule.id } })).toBe(1);
  });

  it("another user's rule is a 404 on GET, PATCH and DELETE, and stays unchanged", async () => {
    const owner = await createCaller();
    const intruder = await createCaller();
    const rule = await createRule(owner);
    const params = { id: rule.id };
    expect((await api("GET /v1/availabilities/{id}", { params, key: intruder.key })).status).toBe(404);
    expect((await api("PATCH /v1/availabilities/{id}", { params, key: intruder.key, body: { startTime: "00:00" } })).status).toBe(404);
    expect((await api("DELETE /v1/availabilities/{id}", { params, key: intruder.key })).status).toBe(404);
    const prisma = await getPrisma();
    expect(await prisma.availability.findUniqueOrThrow({ where: { id: rule.id } })).toEqual(rule);
  });

  it("a rule cannot be moved into another user's schedule", async () => {
    const owner = await createCaller();
    const caller = await createCaller();
    const theirs = await createSchedule(owner);
    const rule = await createRule(caller);
    const result = await api("PATCH /v1/availabilities/{id}", { params: { id: rule.id }, key: caller.key, body: { scheduleId: theirs.id } });
    expect(result.status).toBe(404);
    expect(result.body.details).toEqual([expect.objectContaining({ field: "body.scheduleId" })]);
    const prisma = await getPrisma();
    expect((await prisma.availability.findUniqueOrThrow({ where: { id: rule.id } })).scheduleId).toBe(rule.scheduleId);
  });

  it("a plain user's list never shows another user's rules, even filtering by their schedule", async () => {
    const owner = await createCaller();
    const intruder = await createCaller();
    const schedule = await createSchedule(owner);
    const all = await api("GET /v1/availabilities", { key: intruder.key });
    expect(all.body.availabilities).toEqual([]);
    const filtered = await api("GET /v1/availabilities", { key: intruder.key, query: { scheduleId: String(schedule.id) } });
    expect(filtered.body.availabilities).toEqual([]);
  });

  it("an admin edits and deletes anyone's rule and may move it between that user's schedules", async () => {
    const admin = await createAdmin();
    const owner = await createCaller();
    const rule = await createRule(owner);
    const other = await createSchedule(owner);
    const params = { id: rule.id };
    const patched = await api("PATCH /v1/availabilities/{id}", { params, key: admin.key, body: { scheduleId: other.id, days: [0] } });
    expect(patched.status).toBe(200);
    expect(patched.body.availability).toMatchObject({ scheduleId: other.id, userId: owner.user.id, days: [0] });
    expect((await api("DELETE /v1/availabilities/{id}", { params, key: admin.key })).status).toBe(200);
  });
});
