import { findSlotsWithCalcomOptions } from "@slotbase/features";
import { withMiddleware } from "../../../lib/middleware/with-middleware";
import { endpoint } from "../../../lib/route/endpoint";
import { SlotsQueryV1, SlotsResponseV1 } from "../../../lib/schemas/slots";
import { NOTE_HEADER, pastRangeNote, rangeOf } from "../../../lib/validation/time-range";
import { eventTypeRefV1, toSlotsV1 } from "../../../lib/mappers/slots";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/slots:
 *   get:
 *     operationId: getSlots
 *     summary: Free slots of an event type
 *     description: >
 *       The slots an event type can be booked in, from its hosts' schedules minus their busy
 *       time (accepted and pending bookings, unexpired holds, blockers, with buffers), after
 *       minimum notice and within its booking window; seated types keep a slot until its seats
 *       are full. Round-robin team types offer a slot when any host is free, collective ones
 *       when all are. Days are keyed and times shown in `timeZone`. At most 62 days per request.
 *       `teamMemberEmail` (Cal.com's contact owner) narrows a round-robin team type to that host
 *       (with its fixed hosts) while that host has slots in the range. Slotbase has no
 *       organizations: a non-empty `orgSlug` is a 404 naming it.
 *     tags: ["v1 · Slots & availability"]
 *     x-access: slots-v1
 *     x-scope: slots:read
 *     x-query: SlotsQueryV1
 *     responses:
 *       200:
 *         description: Slots by day
 *         headers:
 *           X-Slotbase-Note:
 *             description: Set when the answer is empty for a reason the body cannot say, e.g. a range that ended before now (as in Cal.com, such a range is an empty 200, not an error)
 *             schema: { type: string }
 *             example: "The range is in the past (endTime is 2026-11-30T23:59:59.999Z, before now): no slot can be booked in it, so none are listed. Ask for a range that ends in the future."
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/SlotsResponseV1" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "slots:read",
    response: SlotsResponseV1,
    query: SlotsQueryV1,
    handler: async ({ res, query }) => {
      const range = rangeOf(query.startTime, query.endTime, query.timeZone);
      const { slots } = await findSlotsWithCalcomOptions(
        {
          eventType: eventTypeRefV1(query),
          range,
          duration: query.duration,
          rescheduleUid: query.rescheduleUid,
          reservationUid: query.reservationUid,
        },
        { teamMemberEmail: query.teamMemberEmail, orgSlug: query.orgSlug },
      );
      // A range that is over: Cal.com's empty 200, and a note saying why it is empty.
      const note = pastRangeNote(range, "endTime");
      if (note) res.setHeader(NOTE_HEADER, note);
      return toSlotsV1(slots, query.timeZone);
    },
  }),
});
