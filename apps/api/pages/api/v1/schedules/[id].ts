import { deleteSchedule, getSchedule, updateSchedule } from "@slotbase/features";
import { withMiddleware } from "../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../lib/route/endpoint";
import { DeletedResponse, IdQuery } from "../../../../lib/schemas/common";
import { ScheduleResponse, ScheduleUpdateBody } from "../../../../lib/schemas/schedules";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/schedules/{id}:
 *   get:
 *     operationId: getSchedule
 *     summary: Get a schedule with its availability rules
 *     description: Another user's schedule is a 404 (admins see any).
 *     tags: ["v1 · Schedules"]
 *     x-access: owned
 *     x-scope: schedules:read
 *     x-query: IdQuery
 *     responses:
 *       200:
 *         description: The schedule
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/ScheduleResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *   patch:
 *     operationId: updateSchedule
 *     summary: Rename a schedule or change its time zone
 *     description: Rules are changed through /v1/availabilities.
 *     tags: ["v1 · Schedules"]
 *     x-access: owned
 *     x-scope: schedules:write
 *     x-query: IdQuery
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/ScheduleUpdateBody" }
 *     responses:
 *       200:
 *         description: The updated schedule
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/ScheduleResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *   delete:
 *     operationId: deleteSchedule
 *     summary: Delete a schedule and its rules
 *     description: Deleting the owner's default schedule leaves the owner without a default schedule. Event types that used it lose their schedule.
 *     tags: ["v1 · Schedules"]
 *     x-access: owned
 *     x-scope: schedules:write
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
    scope: "schedules:read",
    response: ScheduleResponse,
    query: IdQuery,
    handler: async ({ auth, query }) => ({ schedule: await getSchedule(auth, query.id) }),
  }),
  PATCH: endpoint({
    scope: "schedules:write",
    response: ScheduleResponse,
    query: IdQuery,
    body: ScheduleUpdateBody,
    handler: async ({ auth, query, body }) => ({ schedule: await updateSchedule(auth, query.id, body) }),
  }),
  DELETE: endpoint({
    scope: "schedules:write",
    response: DeletedResponse,
    query: IdQuery,
    handler: async ({ auth, query }) => {
      await deleteSchedule(auth, query.id);
      return { message: `Schedule with id: ${query.id} deleted successfully` };
    },
  }),
});
