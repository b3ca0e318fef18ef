import { getPrisma } from "@slotbase/prisma";
import { api } from "../../support/api";
import { describeAuthMatrix } from "../../support/auth-matrix";
import { useTestDatabase } from "../../support/database";
import { createAdmin, createCaller, type Caller } from "../../support/fixtures";
import { createSchedule } from "../../v1/schedules/fixtures";

useTestDatabase();

const NEW_SCHEDULE = { name: "Mine", timeZone: "Europe/Berlin", isDefault: false };

/** A schedule of `owner` made their default, as the API would. */
async function createDefaultSchedule(owner: Caller) {
  const schedule = await createSchedule(owner, { name: "Default" });
  const prisma = await getPrisma();
  await prisma.user.update({ where: { id: owner.user.id }, data: { defaultScheduleId: schedule.id } });
  return schedule;
}

const defaultOf = async (userId: number) => (await (await getPrisma()).user.findUniqueOrThrow({ where: { id: userId } })).defaultScheduleId;

describeAuthMatrix({ operation: "GET /v2/schedules", scope: "schedules:read", request: () => ({}) });
describeAuthMatrix({ operation: "POST /v2/schedules", scope: "schedules:write", request: () => ({ body: NEW_SCHEDULE }) });
describeAuthMatrix({
  operation: "GET /v2/schedules/default",
  scope: "schedules:read",
  request: async (owner) => {
    await createDefaultSchedule(owner);
    return {};
  },
});
describeAuthMatrix({
  operation: "GET /v2/schedules/{scheduleId}",
  scope: "schedules:read",
  ownedObject: true,
  request: async (owner) => ({ params: { scheduleId: (await createSchedule(owner)).id } }),
});
describeAuthMatrix({
  operation: "PATCH /v2/schedules/{scheduleId}",
  scope: "schedules:write",
  ownedObject: true,
  request: async (owner) => ({ params: { scheduleId: (await createSchedule(owner)).id }, body: { name: "Renamed" } }),
});
describeAuthMatrix({
  operation: "DELETE /v2/schedules/{scheduleId}",
  scope: "schedules:write",
  ownedObject: true,
  request: async (owner) => ({ params: { scheduleId: (await createSchedule(owner)).id } }),
});

describe("/v2/schedules — only the owner (and admins, by id)", () => {
  it("another user's schedule is a 404 on GET, PATCH and DELETE, and nothing of it changes", async () => {
    const owner = await createCaller();
    const intruder = await createCaller();
    const schedule = await createDefaultSchedule(owner);
    const params = { scheduleId: schedule.id };
    expect((await api("GET /v2/schedules/{scheduleId}", { params, key: intruder.key })).status).toBe(404);
    const patched = await api("PATCH /v2/schedules/{scheduleId}", {
      params,
      key: intruder.key,
      body: { name: "Pwned", availability: [], overrides: [], isDefault: true },
    });
    expect(patched.status).toBe(404);
    expect(patched.body.error.code).toBe("not_found");
    expect((await api("DELETE /v2/schedules/{scheduleId}", { params, key: intruder.key })).status).toBe(404);
    const prisma = await getPrisma();
    const after = await prisma.schedule.findUniqueOrThrow({ where: { id: schedule.id }, include: { availability: true } });
    expect(after.name).toBe("Default");
    expect(after.availability).toHaveLength(1);
    expect(await defaultOf(owner.user.id)).toBe(schedule.id);
    expect(await defaultOf(intruder.user.id)).toBeNull();
  });

  it("lists only the key's own schedules, an admin's key included", async () => {
    const owner = await createCaller();
    const admin = await createAdmin();
    const own = await createSchedule(owner);
    const adminOwn = await createSchedule(admin);
    const mine = await api("GET /v2/schedules", { key: owner.key });
    expect(mine.body.data.map((s: { id: number }) => s.id)).toEqual([own.id]);
    const admins = await api("GET /v2/schedules", { key: admin.key });
    expect(admins.body.data.map((s: { id: number }) => s.id)).toEqual([adminOwn.id]);
  });

  it("the default schedule is always the key's own user's", async () => {
    const owner = await createCaller();
    const admin = await createAdmin();
    await createDefaultSchedule(owner);
    expect((await api("GET /v2/schedules/default", { key: admin.key })).status).toBe(404);
    const adminDefault = await createDefaultSchedule(admin);
    const result = await api("GET /v2/schedules/default", { key: admin.key });
    expect(result.body.data).toMatchObject({ id: adminDefault.id, ownerId: admin.user.id });
  });

  it("a schedule is created for the key's user only: userId and ownerId are refused", async () => {
    const victim = await createCaller();
    const caller = await createCaller();
    for (const field of [{ userId: victim.user.id }, { ownerId: victim.user.id }]) {
      const refused = await api("POST /v2/schedules", { key: caller.key, body: { ...NEW_SCHEDULE, ...field } });
      expect(refused.status).toBe(400);
      expect(refused.body.error.details.map((d: { field: string }) => d.field)).toEqual([`body.${Object.keys(field)[0]}`]);
    }
    const prisma = await getPrisma();
    expect(await prisma.schedule.count({ where: { userId: victim.user.id } })).toBe(0);
  });

  it("an admin reads and edits anyone's schedule by id; isDefault moves the owner's default, not the admin's", async () => {
    const admin = await createAdmin();
    const owner = await createCaller();
    const first = await createDefaultSchedule(owner);
    const second = await createSchedule(owner, { name: "Second" });
    const params = { scheduleId: second.id };
    expect((await api("GET /v2/schedules/{scheduleId}", { params, key: admin.key })).body.data.ownerId).toBe(owner.user.id);
    const patched = await api("PATCH /v2/schedules/{scheduleId}", { params, key: admin.key, body: { isDefault: true } });
    expect(patched.body.data).toMatchObject({ ownerId: owner.user.id, isDefault: true });
    expect(await defaultOf(owner.user.id)).toBe(second.id);
    expect(await defaultOf(admin.user.id)).toBeNull();
    expect((await api("DELETE /v2/schedules/{scheduleId}", { params: { scheduleId: first.id }, key: admin.key })).status).toBe(200);
  });
});
