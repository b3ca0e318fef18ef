import { createHold } from "@slotbase/features";
import { withMiddleware } from "../../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../../lib/route/endpoint";
import { ReservationCreateBody, ReservationResponse } from "../../../../../lib/schemas/reservations";
import { toReservationV2 } from "../../../../../lib/mappers/reservations";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v2/slots/reservations:
 *   post:
 *     operationId: reserveSlot
 *     summary: Hold a slot
 *     description: >
 *       Holds a free slot (default 5 minutes; longer, up to 60, only for the event type's owner
 *       or its team's OWNER/ADMIN). Until it expires the slot is busy for everyone else: send
 *       the returned reservationUid to GET /v2/slots to still see it. Seated types hold one
 *       seat. A slot that is not free is a 422. No key is needed (a public booking page): without
 *       one, the event type must not be hidden (else 404) and the hold lasts the default 5 minutes;
 *       only GET with its uid reads it back.
 *     tags: ["v2 · Slots"]
 *     x-access: reservation-create
 *     x-scope: slots:write
 *     x-idempotent: true
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/ReservationCreateBody" }
 *     responses:
 *       201:
 *         description: The hold
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/ReservationResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *       422: { $ref: "#/components/responses/Unprocessable" }
 */
export default withMiddleware({
  POST: endpoint({
    scope: "slots:write",
    response: ReservationResponse,
    body: ReservationCreateBody,
    status: 201,
    idempotent: true,
    allowAnonymous: true,
    handler: async ({ caller, body }) => toReservationV2(await createHold(caller, body)),
  }),
}, { optionalKey: true });
