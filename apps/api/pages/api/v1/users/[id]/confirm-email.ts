import { confirmEmailChange } from "@slotbase/features";
import { withMiddleware } from "../../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../../lib/route/endpoint";
import { IdQuery } from "../../../../../lib/schemas/common";
import { EmailConfirmationBody, UserResponse } from "../../../../../lib/schemas/users";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/users/{id}/confirm-email:
 *   post:
 *     operationId: confirmUserEmail
 *     summary: Confirm a new email address
 *     description: >-
 *       Completes an email change: `PATCH /v1/users/{id}` with a new `email` mails a token to that
 *       address; sending it back here with the user's own key makes it the user's email, confirmed.
 *       A token is single use, valid for 24 hours, and only the latest one a user asked for works.
 *       The user themself (or an admin whose key is not restricted to a team) may send it; any
 *       other id is a 404. An unknown, used or expired
 *       token is a 400 naming `body.token`; an address taken meanwhile by someone else is a 409.
 *     tags: ["v1 · Users"]
 *     x-access: user-confirm-email
 *     x-scope: users:write
 *     x-query: IdQuery
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/EmailConfirmationBody" }
 *           example: { "token": "q3JtY2Vb0m6w1Xk7ZlH2a9n0P4sT8uVwXyZaBcDeFgH" }
 *     responses:
 *       200:
 *         description: The user, with the new email
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/UserResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *       409: { $ref: "#/components/responses/Conflict" }
 */
export default withMiddleware({
  POST: endpoint({
    scope: "users:write",
    response: UserResponse,
    query: IdQuery,
    body: EmailConfirmationBody,
    handler: async ({ auth, query, body }) => ({ user: await confirmEmailChange(auth, query.id, body.token) }),
  }),
});
