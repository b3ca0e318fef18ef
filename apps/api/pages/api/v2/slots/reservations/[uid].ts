import { getHold, releaseHold, updateHold } from "@slotbase/features";
import { withMiddleware } from "../../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../../lib/route/endpoint";
import { ReservationDeletedResponse, ReservationResponse, ReservationUidQuery, ReservationUpdateBody } from "../../../../../lib/schemas/reservations";
import { toReservationV2 } from "../../../../../lib/mappers/reservations";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v2/slots/reservations/{uid}:
 *   get:
 *     operationId: getSlotReservation
 *     summary: Get a hold
 *     description: >
 *       Your own live hold (admins any); an expired or someone else's hold is a 404. Without a key
 *       (a booking page, as Cal.com allows): a hold that was made without a key, by its uid.
 *     tags: ["v2 · Slots"]
 *     x-access: reservation-read
 *     x-scope: slots:read
 *     x-query: ReservationUidQuery
 *     responses:
 *       200:
 *         description: The hold
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/ReservationResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *   patch:
 *     operationId: updateSlotReservation
 *     summary: Move or extend a hold
 *     description: >
 *       Moves the hold to another free slot, changes its duration, or restarts it for
 *       reservationDuration minutes from now. The new slot must be free (422 otherwise; the
 *       hold then stays as it was).
 *     tags: ["v2 · Slots"]
 *     x-access: reservation
 *     x-scope: slots:write
 *     x-query: ReservationUidQuery
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/ReservationUpdateBody" }
 *     responses:
 *       200:
 *         description: The hold
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/ReservationResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *       422: { $ref: "#/components/responses/Unprocessable" }
 *   delete:
 *     operationId: deleteSlotReservation
 *     summary: Release a hold
 *     tags: ["v2 · Slots"]
 *     x-access: reservation
 *     x-scope: slots:write
 *     x-query: ReservationUidQuery
 *     responses:
 *       200:
 *         description: Released
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/ReservationDeletedResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "slots:read",
    response: ReservationResponse,
    query: ReservationUidQuery,
    allowAnonymous: true,
    handler: async ({ caller, query }) => toReservationV2(await getHold(caller, query.uid)),
  }),
  PATCH: endpoint({
    scope: "slots:write",
    response: ReservationResponse,
    query: ReservationUidQuery,
    body: ReservationUpdateBody,
    handler: async ({ auth, query, body }) => toReservationV2(await updateHold(auth, query.uid, body)),
  }),
  DELETE: endpoint({
    scope: "slots:write",
    response: ReservationDeletedResponse,
    query: ReservationUidQuery,
    handler: async ({ auth, query }) => {
      await releaseHold(auth, query.uid);
      return { status: "success" as const };
    },
  }),
}, { optionalKey: true });
