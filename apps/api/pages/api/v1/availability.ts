import { getTeamAvailability, getUserAvailability } from "@slotbase/features";
import { withMiddleware } from "../../../lib/middleware/with-middleware";
import { endpoint } from "../../../lib/route/endpoint";
import { AvailabilityLookupResponse, AvailabilityQuery } from "../../../lib/schemas/availability";
import { rangeOf } from "../../../lib/validation/time-range";
import { toAvailabilityV1 } from "../../../lib/mappers/availability";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/availability:
 *   get:
 *     operationId: getAvailability
 *     summary: A user's or a team's availability
 *     description: >
 *       For `userId` or `username`: working hours, date overrides, free date ranges and busy
 *       time between dateFrom and dateTo (at most 62 days). Busy time shows what it is (title)
 *       only to the user, OWNER/ADMINs of a team they belong to, and system admins; anyone else
 *       sees start and end only. The user themself and admins also get `selectedCalendars`: the
 *       external calendars chosen to be read for busy time (see /v1/selected-calendars; none is
 *       read yet, so they add no busy time). For `teamId`: an array with every accepted member's
 *       availability, for team members only (anyone else gets 404). With `eventTypeId` (an event
 *       type the caller may read, else 404; with teamId, one of that team's), its hosts are shown
 *       on the schedule that type books them on, and a seated type's bookings come as
 *       `currentSeats` instead of busy time. `datesOutOfOffice` is always empty.
 *     tags: ["v1 · Slots & availability"]
 *     x-access: availability-lookup
 *     x-scope: availabilities:read
 *     x-query: AvailabilityQuery
 *     responses:
 *       200:
 *         description: The availability (an array of members for teamId)
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/AvailabilityLookupResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "availabilities:read",
    response: AvailabilityLookupResponse,
    query: AvailabilityQuery,
    handler: async ({ auth, query }) => {
      const range = rangeOf(query.dateFrom, query.dateTo, query.timeZone);
      if (query.teamId !== undefined) {
        const members = await getTeamAvailability(auth, query.teamId, range, { eventTypeId: query.eventTypeId });
        return members.map((member) => ({ userId: member.userId, availability: toAvailabilityV1(member.availability) }));
      }
      const subject = query.userId !== undefined ? { userId: query.userId } : { username: query.username! };
      return toAvailabilityV1(await getUserAvailability(auth, subject, range, { eventTypeId: query.eventTypeId }));
    },
  }),
});
