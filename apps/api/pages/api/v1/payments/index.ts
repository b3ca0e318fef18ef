import { listPayments } from "@slotbase/features";
import { withMiddleware } from "../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../lib/route/endpoint";
import { listed } from "../../../../lib/http/list-headers";
import { ListPaymentsQuery, PaymentListResponse } from "../../../../lib/schemas/payments";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/payments:
 *   get:
 *     operationId: listPayments
 *     summary: List payments
 *     description: >-
 *       Payments of the bookings you may see (as a host, an attendee, the event type's owner,
 *       or an OWNER/ADMIN of its team; admins: all), ordered by id. Read-only: payments are
 *       made by the booking flow, not through this API.
 *     tags: ["v1 · Attendees, references & payments"]
 *     x-access: booking-children-list
 *     x-scope: payments:read
 *     x-query: ListPaymentsQuery
 *     responses:
 *       200:
 *         description: A page of payments
 *         headers:
 *           X-Total-Count: { $ref: "#/components/headers/TotalCount" }
 *           X-Total-Count-Exact: { $ref: "#/components/headers/TotalCountExact" }
 *           Link: { $ref: "#/components/headers/NextPageLink" }
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/PaymentListResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "payments:read",
    response: PaymentListResponse,
    query: ListPaymentsQuery,
    handler: async ({ req, res, auth, query: { take, page, ...filter } }) => ({
      payments: await listed({ req, res, query: { take, page } }, (paging) => listPayments(auth, { ...paging, ...filter })),
    }),
  }),
});
