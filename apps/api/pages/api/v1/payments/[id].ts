import { getPayment } from "@slotbase/features";
import { withMiddleware } from "../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../lib/route/endpoint";
import { IdQuery } from "../../../../lib/schemas/common";
import { PaymentResponse } from "../../../../lib/schemas/payments";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/payments/{id}:
 *   get:
 *     operationId: getPayment
 *     summary: Get a payment
 *     description: For anyone who may see the payment's booking (its attendees included); otherwise a 404.
 *     tags: ["v1 · Attendees, references & payments"]
 *     x-access: booking-child-read
 *     x-scope: payments:read
 *     x-query: IdQuery
 *     responses:
 *       200:
 *         description: The payment
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/PaymentResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "payments:read",
    response: PaymentResponse,
    query: IdQuery,
    handler: async ({ auth, query }) => ({ payment: await getPayment(auth, query.id) }),
  }),
});
