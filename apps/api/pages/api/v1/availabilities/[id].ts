import { deleteAvailability, getAvailability, updateAvailability } from "@slotbase/features";
import { withMiddleware } from "../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../lib/route/endpoint";
import { DeletedResponse, IdQuery } from "../../../../lib/schemas/common";
import { AvailabilityResponse, AvailabilityUpdateBody } from "../../../../lib/schemas/availabilities";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/availabilities/{id}:
 *   get:
 *     operationId: getAvailabilityById
 *     summary: Get an availability rule
 *     description: A rule of another user's schedule is a 404 (admins see any).
 *     tags: ["v1 · Schedules"]
 *     x-access: availability-rule
 *     x-scope: availabilities:read
 *     x-query: IdQuery
 *     responses:
 *       200:
 *         description: The rule
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/AvailabilityResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *   patch:
 *     operationId: updateAvailability
 *     summary: Edit an availability rule
 *     description: >-
 *       The change is merged into the rule and the result checked as a whole. Setting `date`
 *       turns a weekly rule into a dated one (its `days` are cleared) and setting `days` does the
 *       reverse. The rule stays in its schedule unless `scheduleId` names another of your schedules.
 *     tags: ["v1 · Schedules"]
 *     x-access: availability-rule
 *     x-scope: availabilities:write
 *     x-query: IdQuery
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/AvailabilityUpdateBody" }
 *     responses:
 *       200:
 *         description: The updated rule
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/AvailabilityResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *       409: { $ref: "#/components/responses/Conflict" }
 *   delete:
 *     operationId: deleteAvailability
 *     summary: Delete an availability rule
 *     tags: ["v1 · Schedules"]
 *     x-access: availability-rule
 *     x-scope: availabilities:write
 *     x-query: IdQuery
 *     responses:
 *       200:
 *         description: Deleted
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/DeletedResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "availabilities:read",
    response: AvailabilityResponse,
    query: IdQuery,
    handler: async ({ auth, query }) => ({ availability: await getAvailability(auth, query.id) }),
  }),
  PATCH: endpoint({
    scope: "availabilities:write",
    response: AvailabilityResponse,
    query: IdQuery,
    body: AvailabilityUpdateBody,
    handler: async ({ auth, query, body }) => ({ availability: await updateAvailability(auth, query.id, body) }),
  }),
  DELETE: endpoint({
    scope: "availabilities:write",
    response: DeletedResponse,
    query: IdQuery,
    handler: async ({ auth, query }) => {
      await deleteAvailability(auth, query.id);
      return { message: `Availability with id: ${query.id} deleted successfully` };
    },
  }),
});
