import { deleteCalendar, getCalendar, updateCalendar } from "@slotbase/features";
import { withMiddleware } from "../../../../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../../../../lib/route/endpoint";
import { toCalendar } from "../../../../../../../lib/mappers/calendars";
import {
  Calendar,
  CalendarDeletedResponse,
  CalendarDeleteQuery,
  CalendarGetQuery,
  CalendarQuery,
  CalendarUpdateBody,
} from "../../../../../../../lib/schemas/calendars";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /api/v2/w/{workspace_uuid}/calendars/{calendar_id}:
 *   get:
 *     operationId: getWorkspaceCalendar
 *     summary: Get a calendar
 *     description: >-
 *       One calendar of the workspace, with its schedules when `includeSchedules=true`. A calendar
 *       id of another workspace is a 404, even for a member of both. For accepted members.
 *     tags: ["Workspace · Calendars"]
 *     x-access: workspace-read
 *     x-scope: calendars:read
 *     x-query: CalendarGetQuery
 *     responses:
 *       200:
 *         description: The calendar
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/Calendar" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *   put:
 *     operationId: updateWorkspaceCalendar
 *     summary: Update a calendar
 *     description: >-
 *       Changes only the fields sent. A `parentId` that is not a calendar of the workspace, or that
 *       would put the calendar inside itself, is a 400 naming `parentId`. For the workspace's OWNERs
 *       and ADMINs.
 *     tags: ["Workspace · Calendars"]
 *     x-access: workspace-write
 *     x-scope: calendars:write
 *     x-query: CalendarQuery
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/CalendarUpdateBody" }
 *     responses:
 *       200:
 *         description: The updated calendar
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/Calendar" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *       409: { $ref: "#/components/responses/Conflict" }
 *   delete:
 *     operationId: deleteWorkspaceCalendar
 *     summary: Delete a calendar
 *     description: >-
 *       Deletes the calendar, its schedules and the calendars inside it. A calendar with upcoming
 *       accepted or pending bookings (its own or its children's) is a 409 saying how many, unless
 *       `force=true`, which cancels them as a cancellation does (their attendees get the email).
 *       For the workspace's OWNERs and ADMINs.
 *     tags: ["Workspace · Calendars"]
 *     x-access: workspace-write
 *     x-scope: calendars:admin
 *     x-query: CalendarDeleteQuery
 *     responses:
 *       200:
 *         description: Deleted
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/CalendarDeletedResponse" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *       409: { $ref: "#/components/responses/Conflict" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "calendars:read",
    query: CalendarGetQuery,
    response: Calendar,
    handler: async ({ auth, query }) =>
      toCalendar(await getCalendar(auth, query.workspace_uuid, query.calendar_id, { includeSchedules: query.includeSchedules })),
  }),
  PUT: endpoint({
    scope: "calendars:write",
    query: CalendarQuery,
    body: CalendarUpdateBody,
    response: Calendar,
    handler: async ({ auth, query, body }) => toCalendar(await updateCalendar(auth, query.workspace_uuid, query.calendar_id, body)),
  }),
  DELETE: endpoint({
    scope: "calendars:admin",
    query: CalendarDeleteQuery,
    response: CalendarDeletedResponse,
    handler: async ({ auth, query }) => {
      await deleteCalendar(auth, query.workspace_uuid, query.calendar_id, { force: query.force });
      return { deleted: true as const, id: query.calendar_id };
    },
  }),
});
