import { createBookingRef, listBookingRefs } from "@slotbase/features";
import { withMiddleware } from "../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../lib/route/endpoint";
import { listed } from "../../../../lib/http/list-headers";
import { BookingReferenceCreateBody, BookingReferenceListResponse, BookingReferenceCreatedResponse, ListBookingReferencesQuery } from "../../../../lib/schemas/booking-references";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/booking-references:
 *   get:
 *     operationId: listBookingReferences
 *     summary: List booking references
 *     description: >-
 *       References of the bookings you may see (as a host, an attendee, the event type's owner,
 *       or an OWNER/ADMIN of its team; admins: all), ordered by id. `meetingPassword` is
 *       left out of references of bookings you only attend.
 *     tags: ["v1 · Attendees, references & payments"]
 *     x-access: booking-children-list
 *     x-scope: booking-references:read
 *     x-query: ListBookingReferencesQuery
 *     responses:
 *       200:
 *         description: A page of booking references
 *         headers:
 *           X-Total-Count: { $ref: "#/components/headers/TotalCount" }
 *           X-Total-Count-Exact: { $ref: "#/components/headers/TotalCountExact" }
 *           Link: { $ref: "#/components/headers/NextPageLink" }
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/BookingReferenceListResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *   post:
 *     operationId: createBookingReference
 *     summary: Create a booking reference
 *     description: >-
 *       For the booking's host, its event type's owner, an OWNER/ADMIN of its team, or an
 *       admin. An attendee of the booking gets 403; a booking you may not see is a 404 naming
 *       body.bookingId.
 *     tags: ["v1 · Attendees, references & payments"]
 *     x-access: booking-child-create
 *     x-scope: booking-references:write
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/BookingReferenceCreateBody" }
 *     responses:
 *       201:
 *         description: The new booking reference
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/BookingReferenceCreatedResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "booking-references:read",
    response: BookingReferenceListResponse,
    query: ListBookingReferencesQuery,
    handler: async ({ req, res, auth, query: { take, page, ...filter } }) => ({
      booking_references: await listed({ req, res, query: { take, page } }, (paging) => listBookingRefs(auth, { ...paging, ...filter })),
    }),
  }),
  POST: endpoint({
    scope: "booking-references:write",
    response: BookingReferenceCreatedResponse,
    body: BookingReferenceCreateBody,
    status: 201,
    handler: async ({ auth, body }) => ({ booking_reference: await createBookingRef(auth, body), message: "Booking reference created successfully" }),
  }),
});
