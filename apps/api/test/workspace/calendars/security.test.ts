import { randomUUID } from "node:crypto";
import type { Scope } from "@slotbase/features";
import { api, type ApiCall } from "../../support/api";
import { describeAuthMatrix } from "../../support/auth-matrix";
import { useTestDatabase } from "../../support/database";
import { addKey, createAdmin, createCaller, type Caller } from "../../support/fixtures";
import { memberOf, teamRestrictedAdmin } from "../../support/roles";
import {
  addCalendar,
  CALENDAR,
  CALENDARS,
  createWorkspace,
  errorFields,
  expectWorkspaceError,
  inWorkspace,
  ofCalendar,
  withoutRequestId,
  workspaceSnapshot,
} from "../../support/workspaces";

useTestDatabase();

// The matrix's owner OWNs a fresh workspace (and, for the item routes, a calendar in it).

const workspaceOf = async (owner: Caller) => ({ params: inWorkspace(await createWorkspace(owner)) });
const calendarOf = async (owner: Caller) => {
  const team = await createWorkspace(owner);
  return { params: ofCalendar(team, await addCalendar(team)) };
};

describeAuthMatrix({ operation: `GET ${CALENDARS}`, scope: "calendars:read", ownedObject: true, team: { need: "read" }, request: workspaceOf });
describeAuthMatrix({
  operation: `POST ${CALENDARS}`,
  scope: "calendars:write",
  ownedObject: true,
  team: { need: "manage" },
  request: async (owner) => ({ ...(await workspaceOf(owner)), body: { name: "Matrix room" } }),
});
describeAuthMatrix({ operation: `GET ${CALENDAR}`, scope: "calendars:read", ownedObject: true, team: { need: "read" }, request: calendarOf });
describeAuthMatrix({
  operation: `PUT ${CALENDAR}`,
  scope: "calendars:write",
  ownedObject: true,
  team: { need: "manage" },
  request: async (owner) => ({ ...(await calendarOf(owner)), body: { name: "Renamed" } }),
});
describeAuthMatrix({ operation: `DELETE ${CALENDAR}`, scope: "calendars:admin", ownedObject: true, team: { need: "manage" }, request: calendarOf });

type Team = Awaited<ReturnType<typeof createWorkspace>>;

/** Every operation of this resource on `team` (and on `calendarId` for the item routes). */
function everyOperation(team: Team, calendarId: number): [string, Omit<ApiCall, "key">][] {
  const params = ofCalendar(team, calendarId);
  return [
    [`GET ${CALENDARS}`, { params: inWorkspace(team) }],
    [`POST ${CALENDARS}`, { params: inWorkspace(team), body: { name: "Intruder's room" } }],
    [`GET ${CALENDAR}`, { params }],
    [`PUT ${CALENDAR}`, { params, body: { name: "Taken over" } }],
    [`DELETE ${CALENDAR}`, { params }],
  ];
}

const writes = (team: Team, calendarId: number) => everyOperation(team, calendarId).filter(([operation]) => !operation.startsWith("GET"));

describe("workspace calendars — who is not in the workspace gets 404 for everything in it", () => {
  it("a user who is not a member: 404 on every operation, the same answer as for a workspace that does not exist, and nothing changes", async () => {
    const owner = await createCaller();
    const stranger = await createCaller();
    const team = await createWorkspace(owner);
    const calendar = await addCalendar(team);
    const before = await workspaceSnapshot(team);
    const missing = await api(`GET ${CALENDARS}`, { key: stranger.key, params: { workspace_uuid: randomUUID() } });
    for (const [operation, call] of everyOperation(team, calendar.id)) {
      const result = await api(operation, { ...call, key: stranger.key });
      expect(expectWorkspaceError(result, 404, "not_found").message).toBe("Workspace not found.");
      expect(withoutRequestId(result)).toEqual(withoutRequestId(missing));
    }
    expect(await workspaceSnapshot(team)).toEqual(before);
  });

  it("a pending member (even a pending OWNER or ADMIN): 404 on every operation, nothing changes", async () => {
    const owner = await createCaller();
    const pendingOwner = await createCaller();
    const pendingAdmin = await createCaller();
    const team = await createWorkspace(owner, [
      { caller: pendingOwner, role: "OWNER", accepted: false },
      { caller: pendingAdmin, role: "ADMIN", accepted: false },
    ]);
    const calendar = await addCalendar(team);
    const before = await workspaceSnapshot(team);
    for (const caller of [pendingOwner, pendingAdmin]) {
      for (const [operation, call] of everyOperation(team, calendar.id)) {
        expectWorkspaceError(await api(operation, { ...call, key: caller.key }), 404, "not_found");
      }
    }
    expect(await workspaceSnapshot(team)).toEqual(before);
  });

  it("a member of another workspace only: 404 here, while their own workspace works", async () => {
    const owner = await createCaller();
    const other = await createCaller();
    const team = await createWorkspace(owner);
    const theirs = await createWorkspace(other);
    const calendar = await addCalendar(team);
    expect((await api(`GET ${CALENDARS}`, { key: other.key, params: inWorkspace(theirs) })).status).toBe(200);
    for (const [operation, call] of everyOperation(team, calendar.id)) {
      expectWorkspaceError(await api(operation, { ...call, key: other.key }), 404, "not_found");
    }
  });

  it("an unknown or malformed workspace uuid is a 404 in this surface's error shape, even for a system admin", async () => {
    const admin = await createAdmin();
    const owner = await createCaller();
    const team = await createWorkspace(owner);
    const malformed = [
      randomUUID(),
      "not-a-uuid",
      "12345",
      team.uuid.replace(/-/g, ""),
      `${team.uuid}0`,
      team.uuid.slice(0, -1),
      `g${team.uuid.slice(1)}`,
      "x".repeat(100),
    ];
    for (const workspace_uuid of malformed) {
      for (const caller of [admin, owner]) {
        const list = await api(`GET ${CALENDARS}`, { key: caller.key, params: { workspace_uuid } });
        expect(expectWorkspaceError(list, 404, "not_found").details).toEqual([]);
        expectWorkspaceError(await api(`POST ${CALENDARS}`, { key: caller.key, params: { workspace_uuid }, body: { name: "Nowhere" } }), 404, "not_found");
        expectWorkspaceError(await api(`GET ${CALENDAR}`, { key: caller.key, params: { workspace_uuid, calendar_id: 1 } }), 404, "not_found");
        expectWorkspaceError(await api(`PUT ${CALENDAR}`, { key: caller.key, params: { workspace_uuid, calendar_id: 1 }, body: { name: "x" } }), 404, "not_found");
        expectWorkspaceError(await api(`DELETE ${CALENDAR}`, { key: caller.key, params: { workspace_uuid, calendar_id: 1 } }), 404, "not_found");
      }
    }
  });
});

describe("workspace calendars — roles", () => {
  it("a plain MEMBER reads, but every write and delete is a 403 that changes nothing", async () => {
    const owner = await createCaller();
    const member = await createCaller();
    const team = await createWorkspace(owner, [{ caller: member, role: "MEMBER" }]);
    const calendar = await addCalendar(team);
    const before = await workspaceSnapshot(team);

    expect((await api(`GET ${CALENDARS}`, { key: member.key, params: inWorkspace(team) })).body.items).toHaveLength(1);
    expect((await api(`GET ${CALENDAR}`, { key: member.key, params: ofCalendar(team, calendar) })).body.id).toBe(calendar.id);
    for (const [operation, call] of writes(team, calendar.id)) {
      const error = expectWorkspaceError(await api(operation, { ...call, key: member.key }), 403, "forbidden");
      expect(error.message).toMatch(/OWNER or ADMIN/);
    }
    expect(await workspaceSnapshot(team)).toEqual(before);
  });

  it("a MEMBER whose key holds calendars:admin is still refused (the role decides, not the scope)", async () => {
    const owner = await createCaller();
    const member = await createCaller();
    const team = await createWorkspace(owner, [{ caller: member }]);
    const calendar = await addCalendar(team);
    const before = await workspaceSnapshot(team);
    const key = (await addKey(member.user, { scopes: ["calendars:admin"] })).key;
    for (const [operation, call] of writes(team, calendar.id)) {
      expectWorkspaceError(await api(operation, { ...call, key }), 403, "forbidden");
    }
    expect(await workspaceSnapshot(team)).toEqual(before);
  });

  it("an ADMIN and a system admin create, update and delete", async () => {
    const owner = await createCaller();
    const teamAdmin = await createCaller();
    const team = await createWorkspace(owner, [{ caller: teamAdmin, role: "ADMIN" }]);
    for (const caller of [teamAdmin, await createAdmin()]) {
      const created = await api(`POST ${CALENDARS}`, { key: caller.key, params: inWorkspace(team), body: { name: "Desk pool" } });
      expect(created.status).toBe(201);
      const params = ofCalendar(team, created.body.id);
      expect((await api(`PUT ${CALENDAR}`, { key: caller.key, params, body: { capacity: 4 } })).body.capacity).toBe(4);
      expect((await api(`DELETE ${CALENDAR}`, { key: caller.key, params })).body).toEqual({ deleted: true, id: created.body.id });
    }
  });

  it("a calendar id of another workspace under this workspace's uuid is a 404, even for a member (OWNER) of both", async () => {
    const user = await createCaller();
    const here = await createWorkspace(user);
    const there = await createWorkspace(user);
    const mine = await addCalendar(here);
    const theirs = await addCalendar(there);
    const beforeThere = await workspaceSnapshot(there);
    const params = ofCalendar(here, theirs);
    for (const result of [
      await api(`GET ${CALENDAR}`, { key: user.key, params }),
      await api(`GET ${CALENDAR}`, { key: user.key, params, query: { includeSchedules: "true" } }),
      await api(`PUT ${CALENDAR}`, { key: user.key, params, body: { name: "Moved" } }),
      await api(`DELETE ${CALENDAR}`, { key: user.key, params }),
      await api(`DELETE ${CALENDAR}`, { key: user.key, params, query: { force: "true" } }),
    ]) {
      expect(expectWorkspaceError(result, 404, "not_found").message).toBe("Calendar not found.");
    }
    expect(await workspaceSnapshot(there)).toEqual(beforeThere);
    // Each under its own workspace works; the list of one never shows the other's.
    expect((await api(`GET ${CALENDAR}`, { key: user.key, params: ofCalendar(there, theirs) })).status).toBe(200);
    const list = await api(`GET ${CALENDARS}`, { key: user.key, params: inWorkspace(here) });
    expect(list.body.items.map((c: { id: number }) => c.id)).toEqual([mine.id]);
  });

  it("an unrestricted system admin who is not a member reads and manages any workspace", async () => {
    const owner = await createCaller();
    const admin = await createAdmin();
    const team = await createWorkspace(owner);
    const calendar = await addCalendar(team);
    expect((await api(`GET ${CALENDARS}`, { key: admin.key, params: inWorkspace(team) })).body.total).toBe(1);
    expect((await api(`PUT ${CALENDAR}`, { key: admin.key, params: ofCalendar(team, calendar), body: { isPublic: true } })).body.isPublic).toBe(true);
  });
});

describe("workspace calendars — scopes", () => {
  const setup = async (scopes: Scope[]) => {
    const owner = await createCaller();
    const team = await createWorkspace(owner);
    const calendar = await addCalendar(team);
    const key = (await addKey(owner.user, { scopes })).key;
    return { owner, team, calendar, key };
  };
  const expectScopeRefused = (result: Awaited<ReturnType<typeof api>>, scope: Scope) => {
    const error = expectWorkspaceError(result, 403, "insufficient_scope");
    expect(JSON.stringify(error)).toContain(scope);
  };

  it("calendars:read alone lists and gets, but cannot create (403 naming calendars:write), update or delete (naming calendars:admin)", async () => {
    const { team, calendar, key } = await setup(["calendars:read"]);
    const before = await workspaceSnapshot(team);
    expect((await api(`GET ${CALENDARS}`, { key, params: inWorkspace(team) })).status).toBe(200);
    expect((await api(`GET ${CALENDAR}`, { key, params: ofCalendar(team, calendar), query: { includeSchedules: "true" } })).status).toBe(200);
    expectScopeRefused(await api(`POST ${CALENDARS}`, { key, params: inWorkspace(team), body: { name: "New" } }), "calendars:write");
    expectScopeRefused(await api(`PUT ${CALENDAR}`, { key, params: ofCalendar(team, calendar), body: { name: "New" } }), "calendars:write");
    expectScopeRefused(await api(`DELETE ${CALENDAR}`, { key, params: ofCalendar(team, calendar) }), "calendars:admin");
    expect(await workspaceSnapshot(team)).toEqual(before);
  });

  it("calendars:write alone reads, creates and updates, but cannot delete (403 naming calendars:admin)", async () => {
    const { team, calendar, key } = await setup(["calendars:write"]);
    expect((await api(`GET ${CALENDARS}`, { key, params: inWorkspace(team) })).status).toBe(200);
    expect((await api(`GET ${CALENDAR}`, { key, params: ofCalendar(team, calendar) })).status).toBe(200);
    const created = await api(`POST ${CALENDARS}`, { key, params: inWorkspace(team), body: { name: "Written" } });
    expect(created.status).toBe(201);
    expect((await api(`PUT ${CALENDAR}`, { key, params: ofCalendar(team, calendar), body: { name: "Rewritten" } })).status).toBe(200);
    const before = await workspaceSnapshot(team);
    expectScopeRefused(await api(`DELETE ${CALENDAR}`, { key, params: ofCalendar(team, calendar) }), "calendars:admin");
    expectScopeRefused(await api(`DELETE ${CALENDAR}`, { key, params: ofCalendar(team, created.body.id), query: { force: "true" } }), "calendars:admin");
    expect(await workspaceSnapshot(team)).toEqual(before);
  });

  it("calendars:admin alone does everything (admin implies write implies read)", async () => {
    const { team, calendar, key } = await setup(["calendars:admin"]);
    expect((await api(`GET ${CALENDARS}`, { key, params: inWorkspace(team) })).status).toBe(200);
    expect((await api(`GET ${CALENDAR}`, { key, params: ofCalendar(team, calendar) })).status).toBe(200);
    expect((await api(`POST ${CALENDARS}`, { key, params: inWorkspace(team), body: { name: "Admin's" } })).status).toBe(201);
    expect((await api(`PUT ${CALENDAR}`, { key, params: ofCalendar(team, calendar), body: { capacity: 3 } })).status).toBe(200);
    expect((await api(`DELETE ${CALENDAR}`, { key, params: ofCalendar(team, calendar) })).status).toBe(200);
  });

  it("another resource's scopes (even admin) reach nothing here (403 naming the scope needed), whatever the role", async () => {
    const { team, calendar, key } = await setup(["bookings:admin", "teams:admin", "schedules:admin"]);
    const before = await workspaceSnapshot(team);
    expectScopeRefused(await api(`GET ${CALENDARS}`, { key, params: inWorkspace(team) }), "calendars:read");
    expectScopeRefused(await api(`GET ${CALENDAR}`, { key, params: ofCalendar(team, calendar) }), "calendars:read");
    expectScopeRefused(await api(`POST ${CALENDARS}`, { key, params: inWorkspace(team), body: { name: "x" } }), "calendars:write");
    expectScopeRefused(await api(`DELETE ${CALENDAR}`, { key, params: ofCalendar(team, calendar) }), "calendars:admin");
    expect(await workspaceSnapshot(team)).toEqual(before);
  });
});

describe("workspace calendars — team-restricted keys", () => {
  it("a key restricted to another team gets 404 here, even though its user OWNs this workspace", async () => {
    const user = await createCaller();
    const here = await createWorkspace(user);
    const elsewhere = await createWorkspace(user);
    const calendar = await addCalendar(here);
    const key = (await addKey(user.user, { teamId: elsewhere.id })).key;
    const before = await workspaceSnapshot(here);
    for (const [operation, call] of everyOperation(here, calendar.id)) {
      expectWorkspaceError(await api(operation, { ...call, key }), 404, "not_found");
    }
    expect(await workspaceSnapshot(here)).toEqual(before);
    // Its own team it reaches, with the user's role there.
    expect((await api(`POST ${CALENDARS}`, { key, params: inWorkspace(elsewhere), body: { name: "Allowed" } })).status).toBe(201);
  });

  it("a system admin's key restricted to another team gets 404; restricted to this one, it manages it", async () => {
    const owner = await createCaller();
    const team = await createWorkspace(owner);
    const calendar = await addCalendar(team);
    const outsider = await teamRestrictedAdmin();
    for (const [operation, call] of everyOperation(team, calendar.id)) {
      expectWorkspaceError(await api(operation, { ...call, key: outsider.key }), 404, "not_found");
    }
    const insider = await teamRestrictedAdmin(team.id);
    expect((await api(`PUT ${CALENDAR}`, { key: insider.key, params: ofCalendar(team, calendar), body: { name: "Admin's" } })).status).toBe(200);
    expect((await api(`DELETE ${CALENDAR}`, { key: insider.key, params: ofCalendar(team, calendar) })).status).toBe(200);
  });

  it("a MEMBER's key restricted to this workspace reads it and is still refused writes (403)", async () => {
    const owner = await createCaller();
    const team = await createWorkspace(owner);
    const member = await memberOf(team.id, "MEMBER");
    const calendar = await addCalendar(team);
    const key = (await addKey(member.user, { teamId: team.id })).key;
    expect((await api(`GET ${CALENDAR}`, { key, params: ofCalendar(team, calendar) })).status).toBe(200);
    const refused = await api(`PUT ${CALENDAR}`, { key, params: ofCalendar(team, calendar), body: { name: "No" } });
    expectWorkspaceError(refused, 403, "forbidden");
    expect(errorFields(refused)).toEqual([]);
  });
});
