import { markNoShow } from "@slotbase/features";
import { withMiddleware } from "../../../lib/middleware/with-middleware";
import { endpoint } from "../../../lib/route/endpoint";
import { NoShowBody, NoShowResponse } from "../../../lib/schemas/no-show";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/no-show:
 *   post:
 *     operationId: markNoShow
 *     summary: Mark attendees or the host as no-shows
 *     description: >-
 *       Marks (noShow true) or unmarks (false) attendees of a booking, and/or its host
 *       (noShowHost), once the booking has started (400 before). For the booking's host, its
 *       event type's owner, an OWNER/ADMIN of its team, or an admin; an attendee gets 403 and
 *       anyone else a 404 naming body.bookingUid. Every email must be an attendee of the
 *       booking (400 naming the entry). A cancelled, rejected or unconfirmed booking is a 409.
 *     tags: ["v1 · Bookings"]
 *     x-access: no-show
 *     x-scope: bookings:write
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/NoShowBody" }
 *     responses:
 *       200:
 *         description: What changed, and the host's flag now
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/NoShowResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *       409: { $ref: "#/components/responses/Conflict" }
 */
export default withMiddleware({
  POST: endpoint({
    scope: "bookings:write",
    response: NoShowResponse,
    body: NoShowBody,
    handler: async ({ auth, body }) => markNoShow(auth, body),
  }),
});
