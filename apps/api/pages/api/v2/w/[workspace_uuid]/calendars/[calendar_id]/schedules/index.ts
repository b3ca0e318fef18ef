import { createCalendarSchedule, listCalendarSchedules } from "@slotbase/features";
import { withMiddleware } from "../../../../../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../../../../../lib/route/endpoint";
import { toCalendarSchedule } from "../../../../../../../../lib/mappers/calendars";
import { CalendarQuery, CalendarSchedule, CalendarScheduleCreateBody, CalendarScheduleListResponse } from "../../../../../../../../lib/schemas/calendars";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /api/v2/w/{workspace_uuid}/calendars/{calendar_id}/schedules:
 *   get:
 *     operationId: listWorkspaceCalendarSchedules
 *     summary: List a calendar's schedules
 *     description: >-
 *       The calendar's recurring rules, oldest first. The calendar is available when it has no
 *       `available` schedules at all, or when one covers the moment; never when an `unavailable`
 *       one does. For accepted members of the workspace.
 *     tags: ["Workspace · Calendars"]
 *     x-access: workspace-read
 *     x-scope: calendars:read
 *     x-query: CalendarQuery
 *     responses:
 *       200:
 *         description: The schedules
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/CalendarScheduleListResponse" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *   post:
 *     operationId: createWorkspaceCalendarSchedule
 *     summary: Add a schedule to a calendar
 *     description: >-
 *       A recurring rule in the calendar's zone: `once` (on `startDate`), `daily`, `weekly` (on
 *       `daysOfWeek`, 0 = Sunday) or `monthly` (on `dayOfMonth`; months without that day are
 *       skipped), from `startDate` to `endDate` (inclusive, optional), `startTime`–`endTime` as
 *       "HH:mm" (`endTime` may be "24:00"; an end before the start runs past midnight).
 *       `availabilityType: unavailable` closes the calendar (a lunch break) and always wins. Each
 *       invalid field is named in the 400. For the workspace's OWNERs and ADMINs.
 *     tags: ["Workspace · Calendars"]
 *     x-access: workspace-write
 *     x-scope: calendars:write
 *     x-query: CalendarQuery
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/CalendarScheduleCreateBody" }
 *     responses:
 *       201:
 *         description: The new schedule
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/CalendarSchedule" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *       409: { $ref: "#/components/responses/Conflict" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "calendars:read",
    query: CalendarQuery,
    response: CalendarScheduleListResponse,
    handler: async ({ auth, query }) => (await listCalendarSchedules(auth, query.workspace_uuid, query.calendar_id)).map(toCalendarSchedule),
  }),
  POST: endpoint({
    scope: "calendars:write",
    query: CalendarQuery,
    body: CalendarScheduleCreateBody,
    response: CalendarSchedule,
    status: 201,
    handler: async ({ auth, query, body }) => toCalendarSchedule(await createCalendarSchedule(auth, query.workspace_uuid, query.calendar_id, body)),
  }),
});
