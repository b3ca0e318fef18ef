import { getPrisma } from "@slotbase/prisma";
import { useTestDatabase } from "../../support/database";
import { describeAuthMatrix } from "../../support/auth-matrix";
import { api } from "../../support/api";
import { createAdmin, createCaller } from "../../support/fixtures";
import { createSchedule } from "./fixtures";

useTestDatabase();

describeAuthMatrix({ operation: "GET /v1/schedules", scope: "schedules:read", request: () => ({}) });
describeAuthMatrix({ operation: "POST /v1/schedules", scope: "schedules:write", request: () => ({ body: { name: "Mine" } }) });
describeAuthMatrix({
  operation: "GET /v1/schedules/{id}",
  scope: "schedules:read",
  ownedObject: true,
  request: async (owner) => ({ params: { id: (await createSchedule(owner)).id } }),
});
describeAuthMatrix({
  operation: "PATCH /v1/schedules/{id}",
  scope: "schedules:write",
  ownedObject: true,
  request: async (owner) => ({ params: { id: (await createSchedule(owner)).id }, body: { name: "Renamed" } }),
});
describeAuthMatrix({
  operation: "DELETE /v1/schedules/{id}",
  scope: "schedules:write",
  ownedObject: true,
  request: async (owner) => ({ params: { id: (await createSchedule(owner)).id } }),
});

describe("schedules — cross-user boundaries", () => {
  it("a plain user cannot create a schedule for someone else (403), but may name themself", async () => {
    const victim = await createCaller();
    const caller = await createCaller();
    const refused = await api("POST /v1/schedules", { key: caller.key, body: { name: "Yours now", userId: victim.user.id } });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe("forbidden");
    const prisma = await getPrisma();
    expect(await prisma.schedule.count({ where: { userId: victim.user.id } })).toBe(0);
    const own = await api("POST /v1/schedules", { key: caller.key, body: { name: "Mine", userId: caller.user.id } });
    expect(own.status).toBe(201);
  });

  it("another user's schedule is a 404 on GET, PATCH and DELETE, and stays unchanged", async () => {
    const owner = await createCaller();
    const intruder = await createCaller();
    const schedule = await createSchedule(owner, { name: "Private" });
    const params = { id: schedule.id };
    expect((await api("GET /v1/schedules/{id}", { params, key: intruder.key })).status).toBe(404);
    expect((await api("PATCH /v1/schedules/{id}", { params, key: intruder.key, body: { name: "Pwned" } })).status).toBe(404);
    expect((await api("DELETE /v1/schedules/{id}", { params, key: intruder.key })).status).toBe(404);
    const prisma = await getPrisma();
    const after = await prisma.schedule.findUniqueOrThrow({ where: { id: schedule.id } });
    expect(after.name).toBe("Private");
  });

  it("a plain user's list never shows another user's schedules, even when filtering by their id", async () => {
    const owner = await createCaller();
    const intruder = await createCaller();
    await createSchedule(owner);
    const list = await api("GET /v1/schedules", { key: intruder.key, query: { userId: String(owner.user.id) } });
    expect(list.status).toBe(200);
    expect(list.body.schedules).toEqual([]);
  });

  it("an admin reads, edits and deletes anyone's schedule", async () => {
    const admin = await createAdmin();
    const owner = await createCaller();
    const schedule = await createSchedule(owner);
    const params = { id: schedule.id };
    expect((await api("GET /v1/schedules/{id}", { params, key: admin.key })).body.schedule.userId).toBe(owner.user.id);
    const patched = await api("PATCH /v1/schedules/{id}", { params, key: admin.key, body: { name: "By admin" } });
    expect(patched.body.schedule).toMatchObject({ name: "By admin", userId: owner.user.id });
    expect((await api("DELETE /v1/schedules/{id}", { params, key: admin.key })).status).toBe(200);
  });
});
