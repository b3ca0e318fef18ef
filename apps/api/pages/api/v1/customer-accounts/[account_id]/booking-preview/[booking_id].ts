import { getBookingPreview } from "@slotbase/features";
import { withMiddleware } from "../../../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../../../lib/route/endpoint";
import { toBookingPreviewResponse } from "../../../../../../lib/mappers/calendar-events";
import { BookingPreviewQuery, BookingPreviewResponse } from "../../../../../../lib/schemas/calendar-events";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /api/v1/customer-accounts/{account_id}/booking-preview/{booking_id}:
 *   get:
 *     operationId: getBookingPreview
 *     summary: Preview one of a customer's bookings
 *     description: >-
 *       A summary of one booking for a calendar's detail view: status, times, resource, event type, location,
 *       the account's customers on it, its label, and the price when the event type has one. Readable by the
 *       workspace's members and by the account's own user. A booking that does not involve the account is a 404.
 *     tags: ["Calendar events · Customer accounts"]
 *     x-access: customer-account
 *     x-scope: calendars:read
 *     x-query: BookingPreviewQuery
 *     responses:
 *       200:
 *         description: The booking's summary
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/BookingPreviewResponse" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "calendars:read",
    query: BookingPreviewQuery,
    response: BookingPreviewResponse,
    handler: async ({ auth, query }) => toBookingPreviewResponse(await getBookingPreview(auth, query.account_id, query.booking_id)),
  }),
});
