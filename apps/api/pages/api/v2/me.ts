import { getMe, updateUser } from "@slotbase/features";
import { successV2 } from "../../../lib/mappers/bookings";
import { toMeV2 } from "../../../lib/mappers/me";
import { withMiddleware } from "../../../lib/middleware/with-middleware";
import { endpoint } from "../../../lib/route/endpoint";
import { MeResponseV2, MeUpdateBodyV2 } from "../../../lib/schemas/me-v2";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v2/me:
 *   get:
 *     operationId: getMeV2
 *     summary: My profile
 *     description: >
 *       The user the key belongs to, as Cal.com v2's `MeOutput` (n8n's Cal.com credential test
 *       calls it). Any valid key with `users:read` may call it.
 *     tags: ["v2 · Me"]
 *     x-access: own-user
 *     x-scope: users:read
 *     responses:
 *       200:
 *         description: The key's user
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/MeResponseV2" }
 *             example:
 *               status: success
 *               data: { id: 7, username: ada, email: ada@example.com, timeFormat: 24, defaultScheduleId: 3, weekStart: Monday, timeZone: Europe/London, organizationId: null }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *   patch:
 *     operationId: updateMeV2
 *     summary: Update my profile
 *     description: >
 *       Changes the key's own user (Cal.com v2's `UpdateManagedUserInput`). A new `email` is not
 *       applied at once: a confirmation token is mailed to it, and it replaces the old address
 *       when POST /v1/users/{id}/confirm-email sends the token back, as on v1.
 *     tags: ["v2 · Me"]
 *     x-access: own-user
 *     x-scope: users:write
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/MeUpdateBodyV2" }
 *           example: { name: Ada Lovelace, timeZone: Europe/Berlin, weekStart: Sunday, timeFormat: 12 }
 *     responses:
 *       200:
 *         description: The key's user, changed
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/MeResponseV2" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       409: { $ref: "#/components/responses/Conflict" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "users:read",
    response: MeResponseV2,
    handler: async ({ auth }) => successV2(toMeV2(await getMe(auth))),
  }),
  PATCH: endpoint({
    scope: "users:write",
    response: MeResponseV2,
    body: MeUpdateBodyV2,
    handler: async ({ auth, body }) => successV2(toMeV2(await updateUser(auth, auth.userId, body))),
  }),
});
