import handler from "../booking-references/[id]";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/event-references/{id}:
 *   get:
 *     operationId: getEventReference
 *     summary: Get a booking reference (alias)
 *     description: "The seed's name for `GET /v1/booking-references/{id}`, with the same resource, rules and answers."
 *     tags: ["v1 · Attendees, references & payments"]
 *     x-access: booking-child-read
 *     x-scope: booking-references:read
 *     x-query: IdQuery
 *     responses:
 *       200:
 *         description: The booking reference
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/BookingReferenceResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *   patch:
 *     operationId: updateEventReference
 *     summary: Edit a booking reference (alias)
 *     description: The seed's name for `PATCH /v1/booking-references/{id}`.
 *     tags: ["v1 · Attendees, references & payments"]
 *     x-access: booking-child-manage
 *     x-scope: booking-references:write
 *     x-query: IdQuery
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/BookingReferenceUpdateBody" }
 *     responses:
 *       200:
 *         description: The changed booking reference
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/BookingReferenceResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *   delete:
 *     operationId: deleteEventReference
 *     summary: Delete a booking reference (alias)
 *     description: The seed's name for `DELETE /v1/booking-references/{id}`.
 *     tags: ["v1 · Attendees, references & payments"]
 *     x-access: booking-child-manage
 *     x-scope: booking-references:write
 *     x-query: IdQuery
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
export default handler;
