import { createAttendee, listAttendees } from "@slotbase/features";
import { withMiddleware } from "../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../lib/route/endpoint";
import { listed } from "../../../../lib/http/list-headers";
import { AttendeeCreateBody, AttendeeListResponse, AttendeeCreatedResponse, ListAttendeesQuery } from "../../../../lib/schemas/attendees";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/attendees:
 *   get:
 *     operationId: listAttendees
 *     summary: List attendees
 *     description: >-
 *       Attendees of the bookings you may see: those you host, those you attend (you see
 *       your fellow attendees), those of your event types, and those of event types of teams
 *       you are an accepted OWNER or ADMIN of (admins: all). Ordered by id.
 *     tags: ["v1 · Attendees, references & payments"]
 *     x-access: booking-children-list
 *     x-scope: attendees:read
 *     x-query: ListAttendeesQuery
 *     responses:
 *       200:
 *         description: A page of attendees
 *         headers:
 *           X-Total-Count: { $ref: "#/components/headers/TotalCount" }
 *           X-Total-Count-Exact: { $ref: "#/components/headers/TotalCountExact" }
 *           Link: { $ref: "#/components/headers/NextPageLink" }
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/AttendeeListResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *   post:
 *     operationId: createAttendee
 *     summary: Add an attendee to a booking
 *     description: >-
 *       For the booking's host, its event type's owner, an OWNER/ADMIN of its team, or an
 *       admin. An attendee of the booking gets 403; a booking you may not see is a 404 naming
 *       body.bookingId. An email already on the booking, or a seated booking with no seat
 *       left, is a 409.
 *     tags: ["v1 · Attendees, references & payments"]
 *     x-access: booking-child-create
 *     x-scope: attendees:write
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/AttendeeCreateBody" }
 *     responses:
 *       201:
 *         description: The new attendee
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/AttendeeCreatedResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *       409: { $ref: "#/components/responses/Conflict" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "attendees:read",
    response: AttendeeListResponse,
    query: ListAttendeesQuery,
    handler: async ({ req, res, auth, query: { take, page, ...filter } }) => ({
      attendees: await listed({ req, res, query: { take, page } }, (paging) => listAttendees(auth, { ...paging, ...filter })),
    }),
  }),
  POST: endpoint({
    scope: "attendees:write",
    response: AttendeeCreatedResponse,
    body: AttendeeCreateBody,
    status: 201,
    handler: async ({ auth, body }) => ({ attendee: await createAttendee(auth, body), message: "Attendee created successfully" }),
  }),
});
