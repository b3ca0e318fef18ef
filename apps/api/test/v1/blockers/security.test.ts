import { getPrisma } from "@slotbase/prisma";
import { useTestDatabase } from "../../support/database";
import { describeAuthMatrix } from "../../support/auth-matrix";
import { api } from "../../support/api";
import { createAdmin, createCaller } from "../../support/fixtures";
import { createTeam } from "../../support/teams";
import { createBlockerRow } from "../schedules/fixtures";

useTestDatabase();

const range = { startTime: "2027-03-01T10:00:00Z", endTime: "2027-03-01T11:00:00Z" };

describeAuthMatrix({ operation: "GET /v1/blockers", scope: "blockers:read", request: () => ({}) });
describeAuthMatrix({ operation: "POST /v1/blockers", scope: "blockers:write", request: () => ({ body: range }) });
describeAuthMatrix({
  operation: "GET /v1/blockers/{id}",
  scope: "blockers:read",
  ownedObject: true,
  request: async (owner) => ({ params: { id: (await createBlockerRow(owner)).id } }),
});
describeAuthMatrix({
  operation: "PATCH /v1/blockers/{id}",
  scope: "blockers:write",
  ownedObject: true,
  request: async (owner) => ({ params: { id: (await createBlockerRow(owner)).id }, body: { title: "Renamed" } }),
});
describeAuthMatrix({
  operation: "DELETE /v1/blockers/{id}",
  scope: "blockers:write",
  ownedObject: true,
  request: async (owner) => ({ params: { id: (await createBlockerRow(owner)).id } }),
});

describe("blockers — cross-user boundaries", () => {
  it("a plain user cannot block someone else's time (403), but may name themself", async () => {
    const victim = await createCaller();
    const caller = await createCaller();
    const refused = await api("POST /v1/blockers", { key: caller.key, body: { ...range, userId: victim.user.id } });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe("forbidden");
    const prisma = await getPrisma();
    expect(await prisma.blocker.count({ where: { userId: victim.user.id } })).toBe(0);
    expect((await api("POST /v1/blockers", { key: caller.key, body: { ...range, userId: caller.user.id } })).status).toBe(201);
  });

  it("another user's blocker is a 404 on GET, PATCH and DELETE, and stays unchanged", async () => {
    const owner = await createCaller();
    const intruder = await createCaller();
    const blocker = await createBlockerRow(owner);
    const params = { id: blocker.id };
    expect((await api("GET /v1/blockers/{id}", { params, key: intruder.key })).status).toBe(404);
    expect((await api("PATCH /v1/blockers/{id}", { params, key: intruder.key, body: { endTime: "2027-03-02T00:00:00Z" } })).status).toBe(404);
    expect((await api("DELETE /v1/blockers/{id}", { params, key: intruder.key })).status).toBe(404);
    const prisma = await getPrisma();
    expect(await prisma.blocker.findUniqueOrThrow({ where: { id: blocker.id } })).toEqual(blocker);
  });

  it("a plain user's list never shows another user's blockers, even filtering by their id", async () => {
    const owner = await createCaller();
    const intruder = await createCaller();
    await createBlockerRow(owner);
    const list = await api("GET /v1/blockers", { key: intruder.key, query: { userId: String(owner.user.id) } });
    expect(list.status).toBe(200);
    expect(list.body.blockers).toEqual([]);
  });

  it("a calendar's blockers are its workspace's: an outsider does not see them; an unrestricted admin does", async () => {
    const admin = await createAdmin();
    const owner = await createCaller();
    const outsider = await createCaller();
    const team = await createTeam(owner);
    const prisma = await getPrisma();
    const calendar = await prisma.calendar.create({ data: { teamId: team.id, name: "Room 2" } });
    const blocker = await prisma.blocker.create({ data: { calendarId: calendar.id, startTime: new Date(range.startTime), endTime: new Date(range.endTime) } });
    expect((await api("GET /v1/blockers/{id}", { params: { id: blocker.id }, key: outsider.key })).status).toBe(404);
    const list = await api("GET /v1/blockers", { key: outsider.key, query: { take: "100" } });
    expect(list.body.blockers.map((b: { id: number }) => b.id)).not.toContain(blocker.id);
    expect((await api("GET /v1/blockers/{id}", { params: { id: blocker.id }, key: owner.key })).status).toBe(200);
    expect((await api("GET /v1/blockers/{id}", { params: { id: blocker.id }, key: admin.key })).status).toBe(200);
  });

  it("an admin edits and deletes anyone's blocker", async () => {
    const admin = await createAdmin();
    const owner = await createCaller();
    const blocker = await createBlockerRow(owner);
    const params = { id: blocker.id };
    const patched = await api("PATCH /v1/blockers/{id}", { params, key: admin.key, body: { title: "By admin" } });
    expect(patched.body.blocker).toMatchObject({ title: "By admin", userId: owner.user.id });
    expect((await api("DELETE /v1/blockers/{id}", { params, key: admin.key })).status).toBe(200);
  });
});
