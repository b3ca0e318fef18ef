import { getMe } from "@slotbase/features";
import { withMiddleware } from "../../../lib/middleware/with-middleware";
import { endpoint } from "../../../lib/route/endpoint";
import { UserResponse } from "../../../lib/schemas/users";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/me:
 *   get:
 *     operationId: getMe
 *     summary: The user the API key belongs to
 *     tags: ["v1 · Users"]
 *     x-access: own-user
 *     x-scope: users:read
 *     responses:
 *       200:
 *         description: The authenticated user
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/UserResponse" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "users:read",
    response: UserResponse,
    handler: async ({ auth }) => ({ user: await getMe(auth) }),
  }),
});
