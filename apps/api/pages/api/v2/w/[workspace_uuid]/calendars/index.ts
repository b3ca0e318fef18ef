import { createCalendar, listCalendars } from "@slotbase/features";
import { withMiddleware } from "../../../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../../../lib/route/endpoint";
import { toCalendar, toCalendarPage } from "../../../../../../lib/mappers/calendars";
import { Calendar, CalendarCreateBody, CalendarListQuery, CalendarPageResponse, WorkspaceQuery } from "../../../../../../lib/schemas/calendars";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /api/v2/w/{workspace_uuid}/calendars:
 *   get:
 *     operationId: listWorkspaceCalendars
 *     summary: List calendars
 *     description: >-
 *       The workspace's calendars (bookable resources: a person's diary, a room, a desk pool), oldest
 *       first, a page at a time; with `includeSchedules=true` each with its schedules. Accepted
 *       members of the workspace (a team) may call it; anyone else gets a 404 for the workspace.
 *     tags: ["Workspace · Calendars"]
 *     x-access: workspace-read
 *     x-scope: calendars:read
 *     x-query: CalendarListQuery
 *     responses:
 *       200:
 *         description: A page of calendars
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/CalendarPageResponse" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *   post:
 *     operationId: createWorkspaceCalendar
 *     summary: Create a calendar
 *     description: >-
 *       A new calendar is open: with no schedules it can be booked at every moment; add schedules
 *       to give it hours. `timeZone` defaults to the workspace's, `slug` to one derived from the name
 *       (an explicit slug already in use is a 409), `capacity` to 1 (how many bookings may overlap).
 *       `parentId` makes it part of another calendar of the workspace. For the workspace's
 *       OWNERs and ADMINs; other members get 403.
 *     tags: ["Workspace · Calendars"]
 *     x-access: workspace-write
 *     x-scope: calendars:write
 *     x-query: WorkspaceQuery
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/CalendarCreateBody" }
 *     responses:
 *       201:
 *         description: The new calendar
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/Calendar" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *       409: { $ref: "#/components/responses/Conflict" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "calendars:read",
    query: CalendarListQuery,
    response: CalendarPageResponse,
    handler: async ({ auth, query }) =>
      toCalendarPage(await listCalendars(auth, query.workspace_uuid, { page: query.page, pageSize: query.pageSize, includeSchedules: query.includeSchedules })),
  }),
  POST: endpoint({
    scope: "calendars:write",
    query: WorkspaceQuery,
    body: CalendarCreateBody,
    response: Calendar,
    status: 201,
    handler: async ({ auth, query, body }) => toCalendar(await createCalendar(auth, query.workspace_uuid, body)),
  }),
});
