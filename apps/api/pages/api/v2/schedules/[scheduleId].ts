import { deleteSchedule, getSchedule, updateSchedule } from "@slotbase/features";
import { successV2 } from "../../../../lib/mappers/bookings";
import { toScheduleV2, withServiceRules } from "../../../../lib/mappers/schedules-v2";
import { withMiddleware } from "../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../lib/route/endpoint";
import { ScheduleDeletedResponseV2, ScheduleIdQueryV2, ScheduleResponseV2, ScheduleUpdateBodyV2 } from "../../../../lib/schemas/schedules-v2";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v2/schedules/{scheduleId}:
 *   get:
 *     operationId: getScheduleV2
 *     summary: Get a schedule
 *     description: >
 *       One schedule as Cal.com v2's `GetScheduleOutput_2024_06_11`. Only its owner may see it
 *       (admins: anyone's); to anyone else it is a 404 (Cal.com: 403). The `cal-api-version`
 *       header is accepted but not needed: whatever its value, the 2024-06-11 shape is served.
 *     tags: ["v2 · Schedules"]
 *     x-access: owned
 *     x-scope: schedules:read
 *     x-query: ScheduleIdQueryV2
 *     parameters:
 *       - { name: cal-api-version, in: header, required: false, schema: { type: string, example: "2024-06-11" }, description: "Accepted, never required; every value gets the 2024-06-11 shape." }
 *     responses:
 *       200:
 *         description: The schedule
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/ScheduleResponseV2" }
 *             example:
 *               status: success
 *               data:
 *                 id: 254
 *                 ownerId: 478
 *                 name: Catch up hours
 *                 timeZone: Europe/Rome
 *                 availability: [{ days: [Monday, Tuesday], startTime: "17:00", endTime: "19:00" }]
 *                 isDefault: false
 *                 overrides: [{ date: "2027-05-20", startTime: "00:00", endTime: "00:00" }]
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *   patch:
 *     operationId: updateScheduleV2
 *     summary: Update a schedule
 *     description: >
 *       Changes a schedule (Cal.com v2's `UpdateScheduleInput_2024_06_11`), its owner's or, for
 *       admins, anyone's. `availability` replaces all its weekly hours and `overrides` all its
 *       date overrides (unavailable blocks set through v1 included); a list not sent is kept.
 *       Everything happens at once or, if any entry is invalid, not at all. `isDefault: true`
 *       makes it its owner's default schedule; `isDefault: false` changes nothing, as on Cal.com
 *       (make another schedule the default instead). An empty body changes nothing. The
 *       `cal-api-version` header is accepted but not needed: whatever its value, the 2024-06-11
 *       shape is served.
 *     tags: ["v2 · Schedules"]
 *     x-access: owned
 *     x-scope: schedules:write
 *     x-query: ScheduleIdQueryV2
 *     parameters:
 *       - { name: cal-api-version, in: header, required: false, schema: { type: string, example: "2024-06-11" }, description: "Accepted, never required; every value gets the 2024-06-11 shape." }
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/ScheduleUpdateBodyV2" }
 *           example:
 *             name: One-on-one coaching
 *             availability: [{ days: [Monday, Tuesday], startTime: "09:00", endTime: "10:00" }]
 *             overrides: [{ date: "2027-05-20", startTime: "12:00", endTime: "14:00" }]
 *     responses:
 *       200:
 *         description: The changed schedule
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/ScheduleResponseV2" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *   delete:
 *     operationId: deleteScheduleV2
 *     summary: Delete a schedule
 *     description: >
 *       Deletes a schedule and its rules, its owner's or, for admins, anyone's. Event types that
 *       used it lose their schedule (they fall back to the default). The owner's default schedule
 *       cannot be deleted (409): make another schedule the default first (PATCH it with
 *       `isDefault: true`). Cal.com deletes it and leaves the user unbookable until a new default
 *       is set. The `cal-api-version` header is accepted but not needed: whatever its value, the
 *       2024-06-11 shape is served.
 *     tags: ["v2 · Schedules"]
 *     x-access: owned
 *     x-scope: schedules:write
 *     x-query: ScheduleIdQueryV2
 *     parameters:
 *       - { name: cal-api-version, in: header, required: false, schema: { type: string, example: "2024-06-11" }, description: "Accepted, never required; every value gets the 2024-06-11 shape." }
 *     responses:
 *       200:
 *         description: Deleted
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/ScheduleDeletedResponseV2" }
 *             example: { status: success }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *       409: { $ref: "#/components/responses/Conflict" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "schedules:read",
    response: ScheduleResponseV2,
    query: ScheduleIdQueryV2,
    handler: async ({ auth, query }) => successV2(toScheduleV2(await getSchedule(auth, query.scheduleId))),
  }),
  PATCH: endpoint({
    scope: "schedules:write",
    response: ScheduleResponseV2,
    query: ScheduleIdQueryV2,
    body: ScheduleUpdateBodyV2,
    handler: async ({ auth, query, body }) => successV2(toScheduleV2(await updateSchedule(auth, query.scheduleId, withServiceRules(body)))),
  }),
  DELETE: endpoint({
    scope: "schedules:write",
    response: ScheduleDeletedResponseV2,
    query: ScheduleIdQueryV2,
    handler: async ({ auth, query }) => {
      await deleteSchedule(auth, query.scheduleId, { keepDefault: true });
      return { status: "success" as const };
    },
  }),
});
