import { randomUUID } from "node:crypto";
import type { Scope } from "@slotbase/features";
import { api, type ApiCall, type ApiResult } from "../../support/api";
import { describeAuthMatrix } from "../../support/auth-matrix";
import { useTestDatabase } from "../../support/database";
import { addKey, createAdmin, createCaller, type Caller } from "../../support/fixtures";
import { memberOf, teamRestrictedAdmin } from "../../support/roles";
import {
  addCalendar,
  addSchedule,
  createWorkspace,
  expectWorkspaceError,
  ofCalendar,
  ofSchedule,
  SCHEDULE,
  SCHEDULES,
  withoutRequestId,
  workspaceSnapshot,
} from "../../support/workspaces";

useTestDatabase();

const NEW_SCHEDULE = { name: "Weekday hours", recurrence: "weekly", startTime: "08:00", endTime: "18:00", daysOfWeek: [1, 2, 3, 4, 5], startDate: "2026-01-05" };

// The matrix's owner OWNs a fresh workspace with a calendar (and, for the item routes, a schedule of it).

const calendarOf = async (owner: Caller) => {
  const team = await createWorkspace(owner);
  return { params: ofCalendar(team, await addCalendar(team)) };
};
const scheduleOf = async (owner: Caller) => {
  const team = await createWorkspace(owner);
  const calendar = await addCalendar(team);
  return { params: ofSchedule(team, calendar, await addSchedule(calendar.id)) };
};

describeAuthMatrix({ operation: `GET ${SCHEDULES}`, scope: "calendars:read", ownedObject: true, team: { need: "read" }, request: calendarOf });
describeAuthMatrix({
  operation: `POST ${SCHEDULES}`,
  scope: "calendars:write",
  ownedObject: true,
  team: { need: "manage" },
  request: async (owner) => ({ ...(await calendarOf(owner)), body: NEW_SCHEDULE }),
});
describeAuthMatrix({
  operation: `PUT ${SCHEDULE}`,
  scope: "calendars:write",
  ownedObject: true,
  team: { need: "manage" },
  request: async (owner) => ({ ...(await scheduleOf(owner)), body: { endTime: "19:00" } }),
});
describeAuthMatrix({ operation: `DELETE ${SCHEDULE}`, scope: "calendars:admin", ownedObject: true, team: { need: "manage" }, request: scheduleOf });

type Team = Awaited<ReturnType<typeof createWorkspace>>;

/** Every schedule operation on `calendarId` of `team` (and `scheduleId` for the item routes). */
function everyOperation(team: Team, calendarId: number, scheduleId: number): [string, Omit<ApiCall, "key">][] {
  return [
    [`GET ${SCHEDULES}`, { params: ofCalendar(team, calendarId) }],
    [`POST ${SCHEDULES}`, { params: ofCalendar(team, calendarId), body: NEW_SCHEDULE }],
    [`PUT ${SCHEDULE}`, { params: ofSchedule(team, calendarId, scheduleId), body: { name: "Taken over", endTime: "23:00" } }],
    [`DELETE ${SCHEDULE}`, { params: ofSchedule(team, calendarId, scheduleId) }],
  ];
}
const writes = (team: Team, calendarId: number, scheduleId: number) => everyOperation(team, calendarId, scheduleId).filter(([operation]) => !operation.startsWith("GET"));

async function workspaceWithSchedule(owner: Caller, members: Parameters<typeof createWorkspace>[1] = []) {
  const team = await createWorkspace(owner, members);
  const calendar = await addCalendar(team);
  const schedule = await addSchedule(calendar.id);
  return { team, calendar, schedule };
}

describe("calendar schedules — who is not in the workspace gets 404", () => {
  it("a user who is not a member: 404 for the workspace on every operation, as for a workspace that does not exist; nothing changes", async () => {
    const owner = await createCaller();
    const stranger = await createCaller();
    const { team, calendar, schedule } = await workspaceWithSchedule(owner);
    const before = await workspaceSnapshot(team);
    const missing = await api(`GET ${SCHEDULES}`, { key: stranger.key, params: { workspace_uuid: randomUUID(), calendar_id: calendar.id } });
    for (const [operation, call] of everyOperation(team, calendar.id, schedule.id)) {
      const result = await api(operation, { ...call, key: stranger.key });
      expect(expectWorkspaceError(result, 404, "not_found").message).toBe("Workspace not found.");
      expect(withoutRequestId(result)).toEqual(withoutRequestId(missing));
    }
    expect(await workspaceSnapshot(team)).toEqual(before);
  });

  it("a pending member (even a pending OWNER): 404 on every operation, nothing changes", async () => {
    const owner = await createCaller();
    const invitee = await createCaller();
    const { team, calendar, schedule } = await workspaceWithSchedule(owner, [{ caller: invitee, role: "OWNER", accepted: false }]);
    const before = await workspaceSnapshot(team);
    for (const [operation, call] of everyOperation(team, calendar.id, schedule.id)) {
      expectWorkspaceError(await api(operation, { ...call, key: invitee.key }), 404, "not_found");
    }
    expect(await workspaceSnapshot(team)).toEqual(before);
  });

  it("an unknown or malformed workspace uuid is a 404 in this surface's error shape, even for a system admin", async () => {
    const admin = await createAdmin();
    const owner = await createCaller();
    const { team, calendar, schedule } = await workspaceWithSchedule(owner);
    for (const workspace_uuid of [randomUUID(), "workspace", "0", team.uuid.slice(1), `${team.uuid}-0`, "z".repeat(80)]) {
      for (const caller of [admin, owner]) {
        const misplaced = { ...team, uuid: workspace_uuid };
        for (const [operation, call] of everyOperation(misplaced, calendar.id, schedule.id)) {
          expect(expectWorkspaceError(await api(operation, { ...call, key: caller.key }), 404, "not_found").details).toEqual([]);
        }
      }
    }
    expect((await workspaceSnapshot(team))[0]!.calendarSchedules).toEqual([schedule]);
  });
});

describe("calendar schedules — roles and where the ids belong", () => {
  it("a plain MEMBER lists, but every create, update and delete is a 403 that changes nothing", async () => {
    const owner = await createCaller();
    const member = await createCaller();
    const { team, calendar, schedule } = await workspaceWithSchedule(owner, [{ caller: member, role: "MEMBER" }]);
    const before = await workspaceSnapshot(team);
    const list = await api(`GET ${SCHEDULES}`, { key: member.key, params: ofCalendar(team, calendar) });
    expect(list.body.map((s: { id: number }) => s.id)).toEqual([schedule.id]);
    for (const [operation, call] of writes(team, calendar.id, schedule.id)) {
      expect(expectWorkspaceError(await api(operation, { ...call, key: member.key }), 403, "forbidden").message).toMatch(/OWNER or ADMIN/);
    }
    expect(await workspaceSnapshot(team)).toEqual(before);
  });

  it("an ADMIN of the workspace creates, updates and deletes schedules", async () => {
    const owner = await createCaller();
    const admin = await createCaller();
    const { team, calendar, schedule } = await workspaceWithSchedule(owner, [{ caller: admin, role: "ADMIN" }]);
    expect((await api(`POST ${SCHEDULES}`, { key: admin.key, params: ofCalendar(team, calendar), body: NEW_SCHEDULE })).status).toBe(201);
    expect((await api(`PUT ${SCHEDULE}`, { key: admin.key, params: ofSchedule(team, calendar, schedule), body: { name: "By admin" } })).status).toBe(200);
    expect((await api(`DELETE ${SCHEDULE}`, { key: admin.key, params: ofSchedule(team, calendar, schedule) })).status).toBe(200);
  });

  it("a calendar of another workspace under this workspace's uuid is a 404 on every operation, even for a member (OWNER) of both", async () => {
    const user = await createCaller();
    const here = await workspaceWithSchedule(user);
    const there = await workspaceWithSchedule(user);
    const beforeThere = await workspaceSnapshot(there.team);
    for (const [operation, call] of everyOperation(here.team, there.calendar.id, there.schedule.id)) {
      expect(expectWorkspaceError(await api(operation, { ...call, key: user.key }), 404, "not_found").message).toBe("Calendar not found.");
    }
    expect(await workspaceSnapshot(there.team)).toEqual(beforeThere);
  });

  it("a schedule id of another calendar of the same workspace is a 404 (PUT, DELETE), and that schedule is untouched", async () => {
    const owner = await createCaller();
    const { team, calendar, schedule } = await workspaceWithSchedule(owner);
    const sibling = await addCalendar(team);
    const siblingSchedule = await addSchedule(sibling.id);
    const before = await workspaceSnapshot(team);
    const params = ofSchedule(team, calendar, siblingSchedule);
    for (const result of [
      await api(`PUT ${SCHEDULE}`, { key: owner.key, params, body: { name: "Moved" } }),
      await api(`DELETE ${SCHEDULE}`, { key: owner.key, params }),
    ]) {
      expect(expectWorkspaceError(result, 404, "not_found").message).toBe("Schedule not found.");
    }
    expect(await workspaceSnapshot(team)).toEqual(before);
    // Under its own calendar it is found; the calendar's list shows only its own.
    expect((await api(`PUT ${SCHEDULE}`, { key: owner.key, params: ofSchedule(team, sibling, siblingSchedule), body: { name: "Fine" } })).status).toBe(200);
    const list = await api(`GET ${SCHEDULES}`, { key: owner.key, params: ofCalendar(team, calendar) });
    expect(list.body.map((s: { id: number }) => s.id)).toEqual([schedule.id]);
  });

  it("a schedule id of another workspace's calendar is a 404, even for a member of both", async () => {
    const user = await createCaller();
    const here = await workspaceWithSchedule(user);
    const there = await workspaceWithSchedule(user);
    const beforeThere = await workspaceSnapshot(there.team);
    const params = ofSchedule(here.team, here.calendar, there.schedule);
    expectWorkspaceError(await api(`PUT ${SCHEDULE}`, { key: user.key, params, body: { name: "Moved" } }), 404, "not_found");
    expectWorkspaceError(await api(`DELETE ${SCHEDULE}`, { key: user.key, params }), 404, "not_found");
    expect(await workspaceSnapshot(there.team)).toEqual(beforeThere);
  });
});

describe("calendar schedules — scopes", () => {
  const expectScopeRefused = (result: ApiResult, scope: Scope) => {
    expect(JSON.stringify(expectWorkspaceError(result, 403, "insufficient_scope"))).toContain(scope);
  };
  const setup = async (scopes: Scope[]) => {
    const owner = await createCaller();
    const { team, calendar, schedule } = await workspaceWithSchedule(owner);
    return { team, calendar, schedule, key: (await addKey(owner.user, { scopes })).key };
  };

  it("calendars:read alone lists, but cannot create or update (403 naming calendars:write) or delete (naming calendars:admin)", async () => {
    const { team, calendar, schedule, key } = await setup(["calendars:read"]);
    const before = await workspaceSnapshot(team);
    expect((await api(`GET ${SCHEDULES}`, { key, params: ofCalendar(team, calendar) })).status).toBe(200);
    expectScopeRefused(await api(`POST ${SCHEDULES}`, { key, params: ofCalendar(team, calendar), body: NEW_SCHEDULE }), "calendars:write");
    expectScopeRefused(await api(`PUT ${SCHEDULE}`, { key, params: ofSchedule(team, calendar, schedule), body: { name: "x" } }), "calendars:write");
    expectScopeRefused(await api(`DELETE ${SCHEDULE}`, { key, params: ofSchedule(team, calendar, schedule) }), "calendars:admin");
    expect(await workspaceSnapshot(team)).toEqual(before);
  });

  it("calendars:write alone lists, creates and updates, but cannot delete (403 naming calendars:admin)", async () => {
    const { team, calendar, schedule, key } = await setup(["calendars:write"]);
    expect((await api(`GET ${SCHEDULES}`, { key, params: ofCalendar(team, calendar) })).status).toBe(200);
    expect((await api(`POST ${SCHEDULES}`, { key, params: ofCalendar(team, calendar), body: NEW_SCHEDULE })).status).toBe(201);
    expect((await api(`PUT ${SCHEDULE}`, { key, params: ofSchedule(team, calendar, schedule), body: { name: "Written" } })).status).toBe(200);
    const before = await workspaceSnapshot(team);
    expectScopeRefused(await api(`DELETE ${SCHEDULE}`, { key, params: ofSchedule(team, calendar, schedule) }), "calendars:admin");
    expect(await workspaceSnapshot(team)).toEqual(before);
  });

  it("calendars:admin alone does everything (admin implies write implies read)", async () => {
    const { team, calendar, schedule, key } = await setup(["calendars:admin"]);
    expect((await api(`GET ${SCHEDULES}`, { key, params: ofCalendar(team, calendar) })).status).toBe(200);
    expect((await api(`POST ${SCHEDULES}`, { key, params: ofCalendar(team, calendar), body: NEW_SCHEDULE })).status).toBe(201);
    expect((await api(`PUT ${SCHEDULE}`, { key, params: ofSchedule(team, calendar, schedule), body: { name: "Admin's" } })).status).toBe(200);
    expect((await api(`DELETE ${SCHEDULE}`, { key, params: ofSchedule(team, calendar, schedule) })).status).toBe(200);
  });

  it("schedules:admin (the users' schedules, another resource) reaches nothing here", async () => {
    const { team, calendar, schedule, key } = await setup(["schedules:admin", "availabilities:admin"]);
    const before = await workspaceSnapshot(team);
    expectScopeRefused(await api(`GET ${SCHEDULES}`, { key, params: ofCalendar(team, calendar) }), "calendars:read");
    expectScopeRefused(await api(`POST ${SCHEDULES}`, { key, params: ofCalendar(team, calendar), body: NEW_SCHEDULE }), "calendars:write");
    expectScopeRefused(await api(`DELETE ${SCHEDULE}`, { key, params: ofSchedule(team, calendar, schedule) }), "calendars:admin");
    expect(await workspaceSnapshot(team)).toEqual(before);
  });
});

describe("calendar schedules — team-restricted keys", () => {
  it("a key restricted to another team gets 404 here, even though its user OWNs this workspace", async () => {
    const user = await createCaller();
    const { team, calendar, schedule } = await workspaceWithSchedule(user);
    const elsewhere = await createWorkspace(user);
    const key = (await addKey(user.user, { teamId: elsewhere.id })).key;
    const before = await workspaceSnapshot(team);
    for (const [operation, call] of everyOperation(team, calendar.id, schedule.id)) {
      expectWorkspaceError(await api(operation, { ...call, key }), 404, "not_found");
    }
    expect(await workspaceSnapshot(team)).toEqual(before);
  });

  it("a system admin's key restricted to another team gets 404; restricted to this one, it manages the schedules", async () => {
    const owner = await createCaller();
    const { team, calendar, schedule } = await workspaceWithSchedule(owner);
    const outsider = await teamRestrictedAdmin();
    for (const [operation, call] of everyOperation(team, calendar.id, schedule.id)) {
      expectWorkspaceError(await api(operation, { ...call, key: outsider.key }), 404, "not_found");
    }
    const insider = await teamRestrictedAdmin(team.id);
    expect((await api(`PUT ${SCHEDULE}`, { key: insider.key, params: ofSchedule(team, calendar, schedule), body: { name: "Admin's" } })).status).toBe(200);
    expect((await api(`DELETE ${SCHEDULE}`, { key: insider.key, params: ofSchedule(team, calendar, schedule) })).status).toBe(200);
  });

  it("a MEMBER's key restricted to this workspace lists, and is refused writes (403)", async () => {
    const owner = await createCaller();
    const { team, calendar, schedule } = await workspaceWithSchedule(owner);
    const member = await memberOf(team.id, "MEMBER");
    const key = (await addKey(member.user, { teamId: team.id })).key;
    expect((await api(`GET ${SCHEDULES}`, { key, params: ofCalendar(team, calendar) })).status).toBe(200);
    expectWorkspaceError(await api(`DELETE ${SCHEDULE}`, { key, params: ofSchedule(team, calendar, schedule) }), 403, "forbidden");
  });
});
