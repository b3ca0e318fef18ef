import { prepareCalendarEvents } from "@slotbase/features";
import { withMiddleware } from "../../../lib/middleware/with-middleware";
import { endpoint } from "../../../lib/route/endpoint";
import { conditionalBody } from "../../../lib/http/conditional";
import { toCalendarEventsResponse } from "../../../lib/mappers/calendar-events";
import { CalendarEventsQuery, CalendarEventsResponse } from "../../../lib/schemas/calendar-events";

export const config = { api: { bodyParser: false } };

/** Shared caches may keep an anonymous view this long (seconds); clients revalidate with If-None-Match after. */
const PUBLIC_MAX_AGE_SECONDS = 15;

/**
 * @swagger
 * /api/v1/calendar-events:
 *   get:
 *     operationId: getCalendarEvents
 *     summary: Calendar events of resources
 *     description: >-
 *       Everything a calendar UI draws for one or more resources (workspace calendars) over a range, in one
 *       response sorted by start, then resource, then type: `period` (each interval the resource is open, from
 *       its schedules; an always-open resource has one per local day), `period_fragment` (what is left of a
 *       period after bookings, holds and blockers: each stretch of constant occupancy below capacity),
 *       `booking` (accepted or pending; resources of capacity up to 25), `booking_count` (instead of bookings
 *       above capacity 25: each stretch with the same number of bookings, count in `booking_count`),
 *       `reserved_booking` (an unexpired hold) and `blocker`. Events are clipped to the range. Bookings are
 *       shown as booked (buffers are not drawn).
 *
 *
 *       No key is needed for public resources (`isPublic`): bookings then carry no personal data (label
 *       "Booked", no customers, no booking ids). With a key of a member of the resource's workspace every
 *       resource of the workspace is visible, with customers and booking ids. A resource the caller may not
 *       see is a 404. Responses carry an `ETag`; send it back as `If-None-Match` to get a 304 while nothing
 *       changed. Anonymous responses are `Cache-Control: public, max-age=15`, authenticated ones `private, no-cache`.
 *     tags: ["Calendar events · Events"]
 *     x-access: calendar-events
 *     x-scope: calendars:read
 *     x-query: CalendarEventsQuery
 *     responses:
 *       200:
 *         description: The events
 *         headers:
 *           ETag: { description: "Validator of this view", schema: { type: string } }
 *           Cache-Control: { description: "public, max-age=15 without a key; private, no-cache with one", schema: { type: string } }
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/CalendarEventsResponse" }
 *       304:
 *         description: Not modified since the ETag sent in If-None-Match
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 */
export default withMiddleware(
  {
    GET: endpoint({
      scope: "calendars:read",
      allowAnonymous: true,
      query: CalendarEventsQuery,
      response: CalendarEventsResponse,
      handler: async ({ caller, query }) => {
        const prepared = await prepareCalendarEvents(caller, {
          resourceIds: query.resource_id,
          startDate: query.start_date,
          endDate: query.end_date,
          timeZone: query.timezone,
          excludeChildResources: query["filter[exclude_child_resources]"],
        });
        const cacheControl = prepared.audience === "public" ? `public, max-age=${PUBLIC_MAX_AGE_SECONDS}` : "private, no-cache";
        return conditionalBody(prepared.etag, cacheControl, async () => toCalendarEventsResponse(await prepared.load()));
      },
    }),
  },
  { optionalKey: true },
);
