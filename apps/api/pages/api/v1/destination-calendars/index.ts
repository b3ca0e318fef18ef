import { createDestinationCalendar, listDestinationCalendars } from "@slotbase/features";
import { withMiddleware } from "../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../lib/route/endpoint";
import { listed } from "../../../../lib/http/list-headers";
import {
  DestinationCalendarCreateBody,
  DestinationCalendarCreatedResponse,
  DestinationCalendarListResponse,
  ListDestinationCalendarsQuery,
} from "../../../../lib/schemas/destination-calendars";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/destination-calendars:
 *   get:
 *     operationId: listDestinationCalendars
 *     summary: List destination calendars
 *     description: >-
 *       The destination calendars you may see, by id: your own default, those of event types you can
 *       read (yours, your teams'), and those of bookings you can read (admins see everyone's).
 *       `userId` keeps one user's: their default, their personal event types' and the bookings they
 *       host (another user's: admins only, 403 otherwise). An empty page is `[]`, not a 404.
 *     tags: ["v1 · Calendars"]
 *     x-access: destination-calendars-list
 *     x-scope: destination-calendars:read
 *     x-query: ListDestinationCalendarsQuery
 *     responses:
 *       200:
 *         description: A page of destination calendars
 *         headers:
 *           X-Total-Count: { $ref: "#/components/headers/TotalCount" }
 *           Link: { $ref: "#/components/headers/NextPageLink" }
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/DestinationCalendarListResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *   post:
 *     operationId: addDestinationCalendar
 *     summary: Choose where bookings are written
 *     description: >-
 *       Sets the external calendar new bookings are written to, for exactly one owner: yourself (or,
 *       admins only, `userId`), an event type you manage (`eventTypeId`: its owner, its team's OWNERs
 *       and ADMINs) or a booking you organize (`bookingId`). An event type or booking you cannot see is
 *       a 404 naming the field; one you may see but not manage (a plain team member, an attendee) a 403.
 *       Each user, event type and booking has at most one: a second is a 409 (change or delete the
 *       first). No calendar integration is connected yet: the choice is stored, nothing is written to
 *       it, and Cal.com's `credentialId` is not accepted.
 *     tags: ["v1 · Calendars"]
 *     x-access: destination-calendar-create
 *     x-scope: destination-calendars:write
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/DestinationCalendarCreateBody" }
 *     responses:
 *       201:
 *         description: The new destination calendar
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/DestinationCalendarCreatedResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *       409: { $ref: "#/components/responses/Conflict" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "destination-calendars:read",
    response: DestinationCalendarListResponse,
    query: ListDestinationCalendarsQuery,
    handler: async ({ req, res, auth, query: { take, page, userId } }) => ({
      destinationCalendars: await listed({ req, res, query: { take, page } }, (paging) => listDestinationCalendars(auth, paging, { userId })),
    }),
  }),
  POST: endpoint({
    scope: "destination-calendars:write",
    response: DestinationCalendarCreatedResponse,
    body: DestinationCalendarCreateBody,
    status: 201,
    handler: async ({ auth, body }) => ({
      destinationCalendar: await createDestinationCalendar(auth, body),
      message: "Destination calendar created successfully",
    }),
  }),
});
