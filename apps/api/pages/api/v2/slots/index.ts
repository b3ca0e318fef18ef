import { findSlotsWithCalcomOptions } from "@slotbase/features";
import { withMiddleware } from "../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../lib/route/endpoint";
import { SlotsQueryV2, SlotsResponseV2 } from "../../../../lib/schemas/slots";
import { NOTE_HEADER, pastRangeNote, rangeOf } from "../../../../lib/validation/time-range";
import { eventTypeRefV2, toSlotsV2 } from "../../../../lib/mappers/slots";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v2/slots:
 *   get:
 *     operationId: getSlotsV2
 *     summary: Free slots of an event type
 *     description: >
 *       The same engine as /v1/slots, in the v2 envelope. Name the event type by
 *       `eventTypeId`, or `eventTypeSlug` with `username`, `teamSlug` or `usernames` (several users
 *       together: the first user's event type of that slug, collective). `format=range` adds each
 *       slot's end. Seated types add seatsBooked, seatsRemaining and seatsTotal. An end date
 *       without a time is included whole. At most 62 days per request. No key is needed (a public
 *       booking page cannot keep one): without a key a hidden event type is a 404.
 *     tags: ["v2 · Slots"]
 *     x-access: slots-v2
 *     x-scope: slots:read
 *     x-query: SlotsQueryV2
 *     responses:
 *       200:
 *         description: Slots by day
 *         headers:
 *           X-Slotbase-Note:
 *             description: Set when the answer is empty for a reason the body cannot say, e.g. a range that ended before now (as in Cal.com, such a range is an empty 200, not an error)
 *             schema: { type: string }
 *             example: "The range is in the past (end is 2026-11-30T23:59:59.999Z, before now): no slot can be booked in it, so none are listed. Ask for a range that ends in the future."
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/SlotsResponseV2" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "slots:read",
    response: SlotsResponseV2,
    query: SlotsQueryV2,
    allowAnonymous: true,
    fields: { orgSlug: "query.organizationSlug" },
    handler: async ({ res, caller, query }) => {
      const range = rangeOf(query.start, query.end, query.timeZone);
      const { slots } = await findSlotsWithCalcomOptions(
        {
          anonymous: caller === null,
          eventType: eventTypeRefV2(query),
          range,
          duration: query.duration,
          rescheduleUid: query.bookingUidToReschedule,
          reservationUid: query.reservationUid,
        },
        { orgSlug: query.organizationSlug },
      );
      // A range that is over: Cal.com's empty 200, and a note saying why it is empty.
      const note = pastRangeNote(range, "end");
      if (note) res.setHeader(NOTE_HEADER, note);
      return toSlotsV2(slots, query.timeZone, query.format);
    },
  }),
}, { optionalKey: true });
