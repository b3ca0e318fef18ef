import { deleteCalendarSchedule, updateCalendarSchedule } from "@slotbase/features";
import { withMiddleware } from "../../../../../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../../../../../lib/route/endpoint";
import { toCalendarSchedule } from "../../../../../../../../lib/mappers/calendars";
import { CalendarDeletedResponse, CalendarSchedule, CalendarScheduleQuery, CalendarScheduleUpdateBody } from "../../../../../../../../lib/schemas/calendars";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /api/v2/w/{workspace_uuid}/calendars/{calendar_id}/schedules/{schedule_id}:
 *   put:
 *     operationId: updateWorkspaceCalendarSchedule
 *     summary: Update a schedule
 *     description: >-
 *       Changes only the fields sent; the rule as it will be is checked as a whole (switching to
 *       `weekly` needs `daysOfWeek`, say). A schedule id of another calendar, even in the same
 *       workspace, is a 404. For the workspace's OWNERs and ADMINs.
 *     tags: ["Workspace · Calendars"]
 *     x-access: workspace-write
 *     x-scope: calendars:write
 *     x-query: CalendarScheduleQuery
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/CalendarScheduleUpdateBody" }
 *     responses:
 *       200:
 *         description: The updated schedule
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/CalendarSchedule" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *   delete:
 *     operationId: deleteWorkspaceCalendarSchedule
 *     summary: Delete a schedule
 *     description: For the workspace's OWNERs and ADMINs. A schedule id of another calendar is a 404.
 *     tags: ["Workspace · Calendars"]
 *     x-access: workspace-write
 *     x-scope: calendars:admin
 *     x-query: CalendarScheduleQuery
 *     responses:
 *       200:
 *         description: Deleted
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/CalendarDeletedResponse" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 */
export default withMiddleware({
  PUT: endpoint({
    scope: "calendars:write",
    query: CalendarScheduleQuery,
    body: CalendarScheduleUpdateBody,
    response: CalendarSchedule,
    handler: async ({ auth, query, body }) =>
      toCalendarSchedule(await updateCalendarSchedule(auth, query.workspace_uuid, query.calendar_id, query.schedule_id, body)),
  }),
  DELETE: endpoint({
    scope: "calendars:admin",
    query: CalendarScheduleQuery,
    response: CalendarDeletedResponse,
    handler: async ({ auth, query }) => {
      await deleteCalendarSchedule(auth, query.workspace_uuid, query.calendar_id, query.schedule_id);
      return { deleted: true as const, id: query.schedule_id };
    },
  }),
});
