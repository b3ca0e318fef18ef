import { deleteSelectedCalendar, formatSelectedCalendarId, getSelectedCalendar, updateSelectedCalendar } from "@slotbase/features";
import { withMiddleware } from "../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../lib/route/endpoint";
import { DeletedResponse } from "../../../../lib/schemas/common";
import { SelectedCalendarIdQuery, SelectedCalendarResponse, SelectedCalendarUpdateBody } from "../../../../lib/schemas/selected-calendars";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/selected-calendars/{id}:
 *   get:
 *     operationId: getSelectedCalendarById
 *     summary: Get a selected calendar
 *     description: >-
 *       `id` is Cal.com's `<userId>_<integration>_<externalId>`, e.g. `7_google_calendar_alex@example.com`
 *       (percent-encode what a path cannot hold). Another user's is a 404 (admins see any); a malformed
 *       id is a 400 naming `id`.
 *     tags: ["v1 · Calendars"]
 *     x-access: owned
 *     x-scope: selected-calendars:read
 *     x-query: SelectedCalendarIdQuery
 *     responses:
 *       200:
 *         description: The selected calendar
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/SelectedCalendarResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *   patch:
 *     operationId: editSelectedCalendarById
 *     summary: Edit a selected calendar
 *     description: >-
 *       Changes its integration or externalId, or (admins) moves it to another user; its id changes
 *       with them. Taking another selected calendar's place is a 409.
 *     tags: ["v1 · Calendars"]
 *     x-access: owned
 *     x-scope: selected-calendars:write
 *     x-query: SelectedCalendarIdQuery
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/SelectedCalendarUpdateBody" }
 *     responses:
 *       200:
 *         description: The updated selected calendar
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/SelectedCalendarResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *       409: { $ref: "#/components/responses/Conflict" }
 *   delete:
 *     operationId: removeSelectedCalendarById
 *     summary: Stop reading a calendar
 *     tags: ["v1 · Calendars"]
 *     x-access: owned
 *     x-scope: selected-calendars:write
 *     x-query: SelectedCalendarIdQuery
 *     responses:
 *       200:
 *         description: Deleted
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/DeletedResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "selected-calendars:read",
    response: SelectedCalendarResponse,
    query: SelectedCalendarIdQuery,
    handler: async ({ auth, query }) => ({ selected_calendar: await getSelectedCalendar(auth, query.id) }),
  }),
  PATCH: endpoint({
    scope: "selected-calendars:write",
    response: SelectedCalendarResponse,
    query: SelectedCalendarIdQuery,
    body: SelectedCalendarUpdateBody,
    handler: async ({ auth, query, body }) => ({ selected_calendar: await updateSelectedCalendar(auth, query.id, body) }),
  }),
  DELETE: endpoint({
    scope: "selected-calendars:write",
    response: DeletedResponse,
    query: SelectedCalendarIdQuery,
    handler: async ({ auth, query }) => {
      await deleteSelectedCalendar(auth, query.id);
      return { message: `Selected Calendar with id: ${formatSelectedCalendarId(query.id)} deleted successfully` };
    },
  }),
});
