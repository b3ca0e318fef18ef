import handler from "../booking-references";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/event-references:
 *   get:
 *     operationId: listEventReferences
 *     summary: List booking references (alias)
 *     description: "The seed's name for `GET /v1/booking-references`, with the same resource, rules and answers."
 *     tags: ["v1 · Attendees, references & payments"]
 *     x-access: booking-children-list
 *     x-scope: booking-references:read
 *     x-query: ListBookingReferencesQuery
 *     responses:
 *       200:
 *         description: A page of booking references
 *         headers:
 *           X-Total-Count: { $ref: "#/components/headers/TotalCount" }
 *           Link: { $ref: "#/components/headers/NextPageLink" }
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/BookingReferenceListResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *   post:
 *     operationId: createEventReference
 *     summary: Create a booking reference (alias)
 *     description: The seed's name for `POST /v1/booking-references`.
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
export default handler;
