import { getCustomerAccount } from "@slotbase/features";
import { withMiddleware } from "../../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../../lib/route/endpoint";
import { toCustomerAccountResponse } from "../../../../../lib/mappers/calendar-events";
import { CustomerAccountQuery, CustomerAccountResponse } from "../../../../../lib/schemas/calendar-events";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /api/v1/customer-accounts/{account_id}:
 *   get:
 *     operationId: getCustomerAccount
 *     summary: A customer account and its upcoming bookings
 *     description: >-
 *       A workspace's record of someone who books its resources (created on their first booking there; the
 *       `customers` of calendar events), with the ids of their upcoming bookings to preview. Readable by the
 *       workspace's members and by the account's own user (whose confirmed email is the account's); anyone
 *       else gets a 404.
 *     tags: ["Calendar events · Customer accounts"]
 *     x-access: customer-account
 *     x-scope: calendars:read
 *     x-query: CustomerAccountQuery
 *     responses:
 *       200:
 *         description: The account
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/CustomerAccountResponse" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "calendars:read",
    query: CustomerAccountQuery,
    response: CustomerAccountResponse,
    handler: async ({ auth, query }) => toCustomerAccountResponse(await getCustomerAccount(auth, query.account_id)),
  }),
});
