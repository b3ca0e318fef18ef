import { getPrisma } from "@slotbase/prisma";
import { api } from "../../support/api";
import { useTestDatabase } from "../../support/database";
import {
  addCalendar,
  CALENDAR,
  CALENDARS,
  createWorkspace,
  errorFields,
  expectWorkspaceError,
  inWorkspace,
  ofCalendar,
  ownedWorkspace,
  workspaceSnapshot,
} from "../../support/workspaces";

useTestDatabase();

describe("workspace calendars — invalid create bodies (400 naming the field, nothing created)", () => {
  it("requires a name", async () => {
    const { owner, team } = await ownedWorkspace();
    for (const body of [{}, { name: "" }, { name: "   " }, { name: null }, { name: 42 }, { name: "x".repeat(201) }, { description: "no name" }]) {
      const result = await api(`POST ${CALENDARS}`, { key: owner.key, params: inWorkspace(team), body });
      expectWorkspaceError(result, 400, "validation_error");
      expect(errorFields(result)).toContain("body.name");
    }
    expect(await workspaceSnapshot(team)).toEqual([]);
  });

  it("names each invalid field of one body, all at once", async () => {
    const { owner, team } = await ownedWorkspace();
    const result = await api(`POST ${CALENDARS}`, {
      key: owner.key,
      params: inWorkspace(team),
      body: {
        name: "Fine",
        description: "d".repeat(2001),
        timeZone: "Mars/Olympus",
        color: "blue",
        slug: "Not A Slug",
        isPublic: "yes",
        capacity: 0,
        parentId: "first",
        teamId: 1,
      },
    });
    const error = expectWorkspaceError(result, 400, "validation_error");
    expect(errorFields(result)).toEqual(
      expect.arrayContaining([
        "body.description",
        "body.timeZone",
        "body.color",
        "body.slug",
        "body.isPublic",
        "body.capacity",
        "body.parentId",
        "body.teamId",
      ]),
    );
    expect(error.message).toMatch(/timeZone must be an IANA time zone/);
    for (const detail of error.details) expect(detail).toEqual({ field: expect.any(String), rule: expect.any(String), message: expect.any(String) });
    expect(await workspaceSnapshot(team)).toEqual([]);
  });

  it("refuses an unknown timeZone, naming body.timeZone", async () => {
    const { owner, team } = await ownedWorkspace();
    for (const timeZone of ["Mars/Olympus", "Europe/Berlinn", "", "+02:00", "GMT+25", 1]) {
      const result = await api(`POST ${CALENDARS}`, { key: owner.key, params: inWorkspace(team), body: { name: "Zoned", timeZone } });
      expectWorkspaceError(result, 400, "validation_error");
      expect(errorFields(result)).toEqual(["body.timeZone"]);
    }
    expect(await workspaceSnapshot(team)).toEqual([]);
  });

  it("refuses a capacity below 1 (or not a whole number, or absurdly large), naming body.capacity", async () => {
    const { owner, team } = await ownedWorkspace();
    for (const capacity of [0, -1, 1.5, "2", null, 10_001]) {
      const result = await api(`POST ${CALENDARS}`, { key: owner.key, params: inWorkspace(team), body: { name: "Sized", capacity } });
      expectWorkspaceError(result, 400, "validation_error");
      expect(errorFields(result)).toEqual(["body.capacity"]);
    }
    expect(await workspaceSnapshot(team)).toEqual([]);
  });

  it("refuses slugs that are not lower-case words joined by single hyphens, or longer than 60", async () => {
    const { owner, team } = await ownedWorkspace();
    for (const slug of ["-room", "room-", "my--room", "Room", "room 1", "ünï", "", "a".repeat(61), null]) {
      const result = await api(`POST ${CALENDARS}`, { key: owner.key, params: inWorkspace(team), body: { name: "Slugged", slug } });
      expectWorkspaceError(result, 400, "validation_error");
      expect(errorFields(result)).toEqual(["body.slug"]);
    }
  });

  it("refuses a parentId of another workspace, or of no calendar, naming body.parentId (400), even for a member of both", async () => {
    const { owner, team } = await ownedWorkspace();
    const other = await createWorkspace(owner);
    const foreign = await addCalendar(other);
    for (const parentId of [foreign.id, 2_000_000_000]) {
      const result = await api(`POST ${CALENDARS}`, { key: owner.key, params: inWorkspace(team), body: { name: "Child", parentId } });
      const error = expectWorkspaceError(result, 400, "validation_error");
      expect(error.details).toEqual([{ field: "body.parentId", rule: "exists", message: expect.any(String) }]);
    }
    // The same answer for another workspace's calendar as for none at all.
    const a = await api(`POST ${CALENDARS}`, { key: owner.key, params: inWorkspace(team), body: { name: "Child", parentId: foreign.id } });
    const b = await api(`POST ${CALENDARS}`, { key: owner.key, params: inWorkspace(team), body: { name: "Child", parentId: 2_000_000_000 } });
    expect(a.body.error.details).toEqual(b.body.error.details);
    for (const parentId of [0, -1, 1.5, "abc"]) {
      const result = await api(`POST ${CALENDARS}`, { key: owner.key, params: inWorkspace(team), body: { name: "Child", parentId } });
      expectWorkspaceError(result, 400, "validation_error");
      expect(errorFields(result)).toEqual(["body.parentId"]);
    }
    expect(await workspaceSnapshot(team)).toEqual([]);
  });

  it("refuses fields the caller may not set (strict body)", async () => {
    const { owner, team } = await ownedWorkspace();
    for (const [field, value] of [["teamId", 1], ["ownerId", owner.user.id], ["uuid", "x"], ["id", 5], ["workspaceUuid", team.uuid], ["schedules", []]] as const) {
      const result = await api(`POST ${CALENDARS}`, { key: owner.key, params: inWorkspace(team), body: { name: "Strict", [field]: value } });
      expectWorkspaceError(result, 400, "validation_error");
      expect(errorFields(result)).toContain(`body.${field}`);
    }
    expect(await workspaceSnapshot(team)).toEqual([]);
  });

  it("refuses a body that is not a JSON object", async () => {
    const { owner, team } = await ownedWorkspace();
    for (const [text, code, rule] of [
      ['[{"name":"x"}]', "validation_error", "invalid_type"],
      ["42", "validation_error", "invalid_type"],
      ["just text", "bad_request", "invalid_json"],
    ] as const) {
      const result = await api(`POST ${CALENDARS}`, { key: owner.key, params: inWorkspace(team), body: text, headers: { "content-type": "application/json" } });
      expect(expectWorkspaceError(result, 400, code).details).toEqual([expect.objectContaining({ field: "body", rule })]);
    }
    expect(await workspaceSnapshot(team)).toEqual([]);
  });
});

describe("workspace calendars — conflicts", () => {
  it("409s an explicit slug already used in the workspace (naming body.slug) and creates nothing", async () => {
    const { owner, team } = await ownedWorkspace();
    await addCalendar(team, { slug: "orion" });
    const before = await workspaceSnapshot(team);
    const result = await api(`POST ${CALENDARS}`, { key: owner.key, params: inWorkspace(team), body: { name: "Another Orion", slug: "orion" } });
    const error = expectWorkspaceError(result, 409, "conflict");
    expect(error.details).toEqual([{ field: "body.slug", rule: "unique", message: expect.any(String) }]);
    expect(error.message).toContain('"orion"');
    expect(await workspaceSnapshot(team)).toEqual(before);
  });

  it("409s changing a slug to one in use and changes nothing (not even the other fields sent)", async () => {
    const { owner, team } = await ownedWorkspace();
    await addCalendar(team, { slug: "taken" });
    const calendar = await addCalendar(team, { slug: "mine", name: "Mine" });
    const before = await workspaceSnapshot(team);
    const result = await api(`PUT ${CALENDAR}`, { key: owner.key, params: ofCalendar(team, calendar), body: { slug: "taken", name: "Renamed" } });
    expectWorkspaceError(result, 409, "conflict");
    expect(errorFields(result)).toEqual(["body.slug"]);
    expect(await workspaceSnapshot(team)).toEqual(before);
  });
});

describe("workspace calendars — invalid updates", () => {
  it("400s an empty PUT body, and unknown fields", async () => {
    const { owner, team } = await ownedWorkspace();
    const calendar = await addCalendar(team);
    const before = await workspaceSnapshot(team);
    const empty = await api(`PUT ${CALENDAR}`, { key: owner.key, params: ofCalendar(team, calendar), body: {} });
    expect(expectWorkspaceError(empty, 400, "validation_error").details).toEqual([expect.objectContaining({ field: "body" })]);
    const none = await api(`PUT ${CALENDAR}`, { key: owner.key, params: ofCalendar(team, calendar) });
    expectWorkspaceError(none, 400, "validation_error");
    const unknown = await api(`PUT ${CALENDAR}`, { key: owner.key, params: ofCalendar(team, calendar), body: { teamId: 7 } });
    expectWorkspaceError(unknown, 400, "validation_error");
    expect(errorFields(unknown)).toContain("body.teamId");
    expect(await workspaceSnapshot(team)).toEqual(before);
  });

  it("names each invalid field of an update and changes nothing", async () => {
    const { owner, team } = await ownedWorkspace();
    const calendar = await addCalendar(team);
    const before = await workspaceSnapshot(team);
    for (const [field, value] of [
      ["name", ""],
      ["name", null],
      ["timeZone", "Nowhere/Land"],
      ["timeZone", null],
      ["capacity", 0],
      ["capacity", -3],
      ["color", "#12345"],
      ["slug", "UPPER"],
      ["isPublic", "true"],
      ["description", 5],
    ] as const) {
      const result = await api(`PUT ${CALENDAR}`, { key: owner.key, params: ofCalendar(team, calendar), body: { [field]: value } });
      expectWorkspaceError(result, 400, "validation_error");
      expect(errorFields(result)).toEqual([`body.${field}`]);
    }
    expect(await workspaceSnapshot(team)).toEqual(before);
  });

  it("refuses a parentId of another workspace or of no calendar (400 naming body.parentId)", async () => {
    const { owner, team } = await ownedWorkspace();
    const other = await createWorkspace(owner);
    const foreign = await addCalendar(other);
    const calendar = await addCalendar(team);
    const before = await workspaceSnapshot(team);
    for (const parentId of [foreign.id, 2_000_000_000]) {
      const result = await api(`PUT ${CALENDAR}`, { key: owner.key, params: ofCalendar(team, calendar), body: { parentId, name: "Moved" } });
      expectWorkspaceError(result, 400, "validation_error");
      expect(errorFields(result)).toEqual(["body.parentId"]);
    }
    expect(await workspaceSnapshot(team)).toEqual(before);
  });

  it("refuses a cycle: the calendar itself or one of its descendants as its parent (400 naming body.parentId)", async () => {
    const { owner, team } = await ownedWorkspace();
    const building = await addCalendar(team);
    const floor = await addCalendar(team, { parentId: building.id });
    const room = await addCalendar(team, { parentId: floor.id });
    const before = await workspaceSnapshot(team);
    for (const [calendar, parent] of [
      [building, building],
      [room, room],
      [building, floor],
      [building, room],
      [floor, room],
    ] as const) {
      const result = await api(`PUT ${CALENDAR}`, { key: owner.key, params: ofCalendar(team, calendar), body: { parentId: parent.id } });
      const error = expectWorkspaceError(result, 400, "validation_error");
      expect(error.details).toEqual([{ field: "body.parentId", rule: "cycle", message: expect.any(String) }]);
    }
    expect(await workspaceSnapshot(team)).toEqual(before);
  });

  it("concurrent deletes of one calendar: one 200, the others 404 (not 500)", async () => {
    const { owner, team } = await ownedWorkspace();
    const calendar = await addCalendar(team);
    const results = await Promise.all(
      Array.from({ length: 3 }, () => api(`DELETE ${CALENDAR}`, { key: owner.key, params: ofCalendar(team, calendar) })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 404, 404]);
    for (const result of results.filter((r) => r.status === 404)) expectWorkspaceError(result, 404, "not_found");
    expect(await workspaceSnapshot(team)).toEqual([]);
  });

  it("a calendar nested deeper than 32 levels is refused (400 naming body.parentId), not a 500", async () => {
    const { owner, team } = await ownedWorkspace();
    let parentId: number | null = null;
    for (let level = 0; level < 40; level += 1) parentId = (await addCalendar(team, { parentId })).id;
    const before = await workspaceSnapshot(team);
    const result = await api(`POST ${CALENDARS}`, { key: owner.key, params: inWorkspace(team), body: { name: "Too deep", parentId } });
    expect(expectWorkspaceError(result, 400, "validation_error").details).toEqual([expect.objectContaining({ field: "body.parentId", rule: "too_deep" })]);
    expect(await workspaceSnapshot(team)).toEqual(before);
  });

  it("404s a calendar that does not exist, on every item method", async () => {
    const { owner, team } = await ownedWorkspace();
    const params = ofCalendar(team, 2_000_000_000);
    for (const result of [
      await api(`GET ${CALENDAR}`, { key: owner.key, params }),
      await api(`PUT ${CALENDAR}`, { key: owner.key, params, body: { name: "Ghost" } }),
      await api(`DELETE ${CALENDAR}`, { key: owner.key, params }),
      await api(`DELETE ${CALENDAR}`, { key: owner.key, params, query: { force: "true" } }),
    ]) {
      expect(expectWorkspaceError(result, 404, "not_found").message).toBe("Calendar not found.");
    }
  });
});

describe("workspace calendars — query parameters and ids", () => {
  it("rejects calendar ids that are not positive 32-bit integers with 400 naming path.calendar_id", async () => {
    const { owner, team } = await ownedWorkspace();
    for (const calendar_id of ["abc", "0", "-1", "1.5", "1e3x", "99999999999", " "]) {
      const params = { workspace_uuid: team.uuid, calendar_id };
      for (const result of [
        await api(`GET ${CALENDAR}`, { key: owner.key, params }),
        await api(`PUT ${CALENDAR}`, { key: owner.key, params, body: { name: "x" } }),
        await api(`DELETE ${CALENDAR}`, { key: owner.key, params }),
      ]) {
        expectWorkspaceError(result, 400, "validation_error");
        expect(errorFields(result)).toContain("path.calendar_id");
      }
    }
  });

  it("400s unknown query parameters on every operation, naming them", async () => {
    const { owner, team } = await ownedWorkspace();
    const calendar = await addCalendar(team);
    const before = await workspaceSnapshot(team);
    const query = { sort: "name" };
    for (const result of [
      await api(`GET ${CALENDARS}`, { key: owner.key, params: inWorkspace(team), query }),
      await api(`POST ${CALENDARS}`, { key: owner.key, params: inWorkspace(team), query, body: { name: "x" } }),
      await api(`GET ${CALENDAR}`, { key: owner.key, params: ofCalendar(team, calendar), query }),
      await api(`PUT ${CALENDAR}`, { key: owner.key, params: ofCalendar(team, calendar), query, body: { name: "x" } }),
      await api(`DELETE ${CALENDAR}`, { key: owner.key, params: ofCalendar(team, calendar), query }),
      // Parameters of other operations are unknown here too.
      await api(`POST ${CALENDARS}`, { key: owner.key, params: inWorkspace(team), query: { includeSchedules: "true" }, body: { name: "x" } }),
      await api(`PUT ${CALENDAR}`, { key: owner.key, params: ofCalendar(team, calendar), query: { force: "true" }, body: { name: "x" } }),
      await api(`GET ${CALENDAR}`, { key: owner.key, params: ofCalendar(team, calendar), query: { page: "1" } }),
    ]) {
      const error = expectWorkspaceError(result, 400, "validation_error");
      expect(error.details[0]).toMatchObject({ rule: "unrecognized_key" });
      expect(error.details[0]!.field).toMatch(/^query\.(sort|includeSchedules|force|page)$/);
    }
    expect(await workspaceSnapshot(team)).toEqual(before);
  });

  it("validates page, pageSize and the booleans", async () => {
    const { owner, team } = await ownedWorkspace();
    const calendar = await addCalendar(team);
    for (const [query, field] of [
      [{ page: "0" }, "query.page"],
      [{ page: "-1" }, "query.page"],
      [{ page: "abc" }, "query.page"],
      [{ page: "1.5" }, "query.page"],
      [{ pageSize: "0" }, "query.pageSize"],
      [{ pageSize: "101" }, "query.pageSize"],
      [{ pageSize: "ten" }, "query.pageSize"],
      [{ includeSchedules: "yes" }, "query.includeSchedules"],
      [{ includeSchedules: "" }, "query.includeSchedules"],
    ] as const) {
      const result = await api(`GET ${CALENDARS}`, { key: owner.key, params: inWorkspace(team), query });
      expectWorkspaceError(result, 400, "validation_error");
      expect(errorFields(result)).toEqual([field]);
    }
    const get = await api(`GET ${CALENDAR}`, { key: owner.key, params: ofCalendar(team, calendar), query: { includeSchedules: "TRUE!" } });
    expect(errorFields(get)).toEqual(["query.includeSchedules"]);
    const del = await api(`DELETE ${CALENDAR}`, { key: owner.key, params: ofCalendar(team, calendar), query: { force: "maybe" } });
    expectWorkspaceError(del, 400, "validation_error");
    expect(errorFields(del)).toEqual(["query.force"]);
    expect(await workspaceSnapshot(team)).toHaveLength(1);
  });

  it("answers malformed JSON with 400, not 500", async () => {
    const { owner, team } = await ownedWorkspace();
    const calendar = await addCalendar(team);
    const before = await workspaceSnapshot(team);
    for (const result of [
      await api(`POST ${CALENDARS}`, { key: owner.key, params: inWorkspace(team), body: '{"name": ', headers: { "content-type": "application/json" } }),
      await api(`PUT ${CALENDAR}`, { key: owner.key, params: ofCalendar(team, calendar), body: "{name: 'x'}", headers: { "content-type": "application/json" } }),
    ]) {
      const error = expectWorkspaceError(result, 400, "bad_request");
      expect(error.details[0]).toMatchObject({ field: "body", rule: "invalid_json" });
    }
    expect(await workspaceSnapshot(team)).toEqual(before);
  });

  it("405s unsupported methods with an Allow header, in this surface's shape", async () => {
    const { owner, team } = await ownedWorkspace();
    const calendar = await addCalendar(team);
    for (const [operation, params, allow] of [
      [`PUT ${CALENDARS}`, inWorkspace(team), "GET, POST, HEAD, OPTIONS"],
      [`PATCH ${CALENDARS}`, inWorkspace(team), "GET, POST, HEAD, OPTIONS"],
      [`DELETE ${CALENDARS}`, inWorkspace(team), "GET, POST, HEAD, OPTIONS"],
      [`POST ${CALENDAR}`, ofCalendar(team, calendar), "GET, PUT, DELETE, HEAD, OPTIONS"],
      [`PATCH ${CALENDAR}`, ofCalendar(team, calendar), "GET, PUT, DELETE, HEAD, OPTIONS"],
    ] as const) {
      const result = await api(operation, { key: owner.key, params, unchecked: true });
      expect(result.headers.allow).toBe(allow);
      expect(expectWorkspaceError(result, 405, "method_not_allowed").message).toContain(operation.split(" ")[0]!);
    }
    expect(await workspaceSnapshot(team)).toHaveLength(1);
  });

  it("answers a request without a key with 401 in this surface's shape", async () => {
    const { team } = await ownedWorkspace();
    const result = await api(`GET ${CALENDARS}`, { params: inWorkspace(team) });
    expectWorkspaceError(result, 401, "unauthorized");
  });

  it("never reveals database internals in an error", async () => {
    const { owner, team } = await ownedWorkspace();
    await addCalendar(team, { slug: "dup" });
    const result = await api(`POST ${CALENDARS}`, { key: owner.key, params: inWorkspace(team), body: { name: "Dup", slug: "dup" } });
    const text = JSON.stringify(result.body);
    for (const leak of ["prisma", "Prisma", "P2002", "unique constraint", "Calendar_teamId_slug", "stack"]) expect(text).not.toContain(leak);
    const prisma = await getPrisma();
    expect(await prisma.calendar.count({ where: { teamId: team.id } })).toBe(1);
  });
});
