import { createSelectedCalendar, listSelectedCalendars } from "@slotbase/features";
import { withMiddleware } from "../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../lib/route/endpoint";
import { listed } from "../../../../lib/http/list-headers";
import {
  ListSelectedCalendarsQuery,
  SelectedCalendarCreateBody,
  SelectedCalendarCreatedResponse,
  SelectedCalendarListResponse,
} from "../../../../lib/schemas/selected-calendars";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/selected-calendars:
 *   get:
 *     operationId: listSelectedCalendars
 *     summary: List selected calendars
 *     description: >-
 *       Your selected calendars (admins: everyone's; `userId` keeps one user's, another user's for
 *       admins only, 403 otherwise), by userId, integration and externalId.
 *     tags: ["v1 · Calendars"]
 *     x-access: owned-list
 *     x-scope: selected-calendars:read
 *     x-query: ListSelectedCalendarsQuery
 *     responses:
 *       200:
 *         description: A page of selected calendars
 *         headers:
 *           X-Total-Count: { $ref: "#/components/headers/TotalCount" }
 *           Link: { $ref: "#/components/headers/NextPageLink" }
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/SelectedCalendarListResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *   post:
 *     operationId: addSelectedCalendar
 *     summary: Select a calendar to read busy time from
 *     description: >-
 *       Records that an external calendar is read for your busy time (admins: `userId`'s; anyone
 *       else naming another user gets 403). It is listed in your availability (`selectedCalendars` of
 *       GET /v1/availability); no calendar integration is connected yet, so it adds no busy time.
 *       Selecting the same calendar twice is a 409. The pair must read back from the id
 *       `<userId>_<integration>_<externalId>` (see the body's `integration`), else a 400.
 *     tags: ["v1 · Calendars"]
 *     x-access: owned-create
 *     x-scope: selected-calendars:write
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/SelectedCalendarCreateBody" }
 *     responses:
 *       201:
 *         description: The new selected calendar
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/SelectedCalendarCreatedResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *       409: { $ref: "#/components/responses/Conflict" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "selected-calendars:read",
    response: SelectedCalendarListResponse,
    query: ListSelectedCalendarsQuery,
    handler: async ({ req, res, auth, query: { take, page, userId } }) => ({
      selected_calendars: await listed({ req, res, query: { take, page } }, (paging) => listSelectedCalendars(auth, paging, { userId })),
    }),
  }),
  POST: endpoint({
    scope: "selected-calendars:write",
    response: SelectedCalendarCreatedResponse,
    body: SelectedCalendarCreateBody,
    status: 201,
    handler: async ({ auth, body }) => ({
      selected_calendar: await createSelectedCalendar(auth, body),
      message: "Selected Calendar created successfully",
    }),
  }),
});
