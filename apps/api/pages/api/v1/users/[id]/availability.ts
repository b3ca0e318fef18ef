import { getUserAvailability } from "@slotbase/features";
import { withMiddleware } from "../../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../../lib/route/endpoint";
import { UserAvailability } from "../../../../../lib/schemas/availability";
import { UserAvailabilityPathQuery } from "../../../../../lib/schemas/availability-paths";
import { rangeOf } from "../../../../../lib/validation/time-range";
import { toAvailabilityV1 } from "../../../../../lib/mappers/availability";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/users/{id}/availability:
 *   get:
 *     operationId: getUserAvailabilityById
 *     summary: A user's availability
 *     description: >
 *       The same as `GET /v1/availability?userId=…` (Cal.com serves both): working hours, date overrides, free
 *       date ranges and busy time between dateFrom and dateTo (at most 62 days), with the same privacy rules
 *       (what busy time is, only for the user, OWNER/ADMINs of their teams and system admins), and
 *       the same `eventTypeId` (an event type the caller may read, else 404).
 *     tags: ["v1 · Slots & availability"]
 *     x-access: user-availability
 *     x-scope: availabilities:read
 *     x-query: UserAvailabilityPathQuery
 *     responses:
 *       200:
 *         description: The user's availability
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/UserAvailability" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "availabilities:read",
    response: UserAvailability,
    query: UserAvailabilityPathQuery,
    handler: async ({ auth, query }) =>
      toAvailabilityV1(await getUserAvailability(auth, { userId: query.id }, rangeOf(query.dateFrom, query.dateTo, query.timeZone), { eventTypeId: query.eventTypeId })),
  }),
});
