import { api } from "../../support/api";
import { useTestDatabase } from "../../support/database";
import { createCaller } from "../../support/fixtures";
import { createTeam } from "../../support/teams";

useTestDatabase();

it("smoke", async () => {
  const owner = await createCaller();
  const team = await createTeam(owner);
  const params = { workspace_uuid: team.uuid };
  const created = await api("POST /api/v2/w/{workspace_uuid}/calendars", { key: owner.key, params, body: { name: "Room A", capacity: 2 } });
  expect(created.status).toBe(201);
  const sched = await api("POST /api/v2/w/{workspace_uuid}/calendars/{calendar_id}/schedules", {
    key: owner.key,
    params: { ...params, calendar_id: created.body.id },
    body: { name: "Hours", recurrence: "weekly", startTime: "09:00", endTime: "17:00", daysOfWeek: [1, 2, 3], startDate: "2026-01-05" },
  });
  expect(sched.status).toBe(201);
  const list = await api("GET /api/v2/w/{workspace_uuid}/calendars", { key: owner.key, params, query: { includeSchedules: "true" } });
  expect(list.body).toMatchObject({ total: 1, page: 1, pageSize: 20, totalPages: 1 });
  const bad = await api("POST /api/v2/w/{workspace_uuid}/calendars/{calendar_id}/schedules", {
    key: owner.key,
    params: { ...params, calendar_id: created.body.id },
    body: { name: "Bad", recurrence: "weekly", startTime: "09:00", endTime: "09:00", startDate: "2026-01-05", endDate: "2025-01-01" },
  });
  console.log(JSON.stringify(list.body), JSON.stringify(bad.body));
  const stranger = await createCaller();
  const nf = await api("GET /api/v2/w/{workspace_uuid}/calendars", { key: stranger.key, params });
  console.log(nf.status, JSON.stringify(nf.body));
  const del = await api("DELETE /api/v2/w/{workspace_uuid}/calendars/{calendar_id}", { key: owner.key, params: { ...params, calendar_id: created.body.id } });
  console.log(del.status, JSON.stringify(del.body));
});
