import { api } from "../../support/api";
import { useTestDatabase } from "../../support/database";
import { createCaller } from "../../support/fixtures";
import { addCalendar, addSchedule, CALENDAR, createWorkspace, ofCalendar, ofSchedule, SCHEDULE, CALENDARS, inWorkspace } from "../../support/workspaces";

useTestDatabase();

it("probe", async () => {
  const owner = await createCaller();
  const team = await createWorkspace(owner);
  for (let i = 0; i < 3; i++) {
    const calendar = await addCalendar(team);
    const rs = await Promise.all([1, 2, 3].map(() => api(`DELETE ${CALENDAR}`, { key: owner.key, params: ofCalendar(team, calendar), unchecked: true })));
    console.log("concurrent delete", rs.map((r) => r.status));
    const c2 = await addCalendar(team);
    const s = await addSchedule(c2.id);
    const rs2 = await Promise.all([
      api(`PUT ${SCHEDULE}`, { key: owner.key, params: ofSchedule(team, c2, s), body: { name: "x" }, unchecked: true }),
      api(`DELETE ${SCHEDULE}`, { key: owner.key, params: ofSchedule(team, c2, s), unchecked: true }),
      api(`PUT ${CALENDAR}`, { key: owner.key, params: ofCalendar(team, c2), body: { name: "y" }, unchecked: true }),
      api(`DELETE ${CALENDAR}`, { key: owner.key, params: ofCalendar(team, c2), unchecked: true }),
    ]);
    console.log("mixed", rs2.map((r) => r.status));
    const rs3 = await Promise.all([1, 2, 3].map(() => api(`POST ${CALENDARS}`, { key: owner.key, params: inWorkspace(team), body: { name: "Same" }, unchecked: true })));
    console.log("concurrent create", rs3.map((r) => `${r.status} ${r.body.slug ?? r.body.error?.code}`));
  }
});
