import { getOwnDefaultSchedule } from "@slotbase/features";
import { successV2 } from "../../../../lib/mappers/bookings";
import { toScheduleV2 } from "../../../../lib/mappers/schedules-v2";
import { withMiddleware } from "../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../lib/route/endpoint";
import { ScheduleResponseV2 } from "../../../../lib/schemas/schedules-v2";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v2/schedules/default:
 *   get:
 *     operationId: getDefaultScheduleV2
 *     summary: Get my default schedule
 *     description: >
 *       The default schedule of the key's own user (User.defaultScheduleId), as Cal.com v2's
 *       `GetDefaultScheduleOutput_2024_06_11`: the schedule event types without a schedule of
 *       their own are booked against. A user without one gets a 404 (Cal.com answers 200 with
 *       `data: null`, which its own contract does not allow). The `cal-api-version` header is
 *       accepted but not needed: whatever its value, the 2024-06-11 shape is served.
 *     tags: ["v2 · Schedules"]
 *     x-access: own-schedules-v2
 *     x-scope: schedules:read
 *     parameters:
 *       - { name: cal-api-version, in: header, required: false, schema: { type: string, example: "2024-06-11" }, description: "Accepted, never required; every value gets the 2024-06-11 shape." }
 *     responses:
 *       200:
 *         description: My default schedule
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/ScheduleResponseV2" }
 *             example:
 *               status: success
 *               data:
 *                 id: 254
 *                 ownerId: 478
 *                 name: Working hours
 *                 timeZone: Europe/Berlin
 *                 availability: [{ days: [Monday, Tuesday, Wednesday, Thursday, Friday], startTime: "09:00", endTime: "17:00" }]
 *                 isDefault: true
 *                 overrides: []
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "schedules:read",
    response: ScheduleResponseV2,
    handler: async ({ auth }) => successV2(toScheduleV2(await getOwnDefaultSchedule(auth))),
  }),
});
