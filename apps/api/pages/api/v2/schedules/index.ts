import { createSchedule, listOwnSchedules } from "@slotbase/features";
import { successV2 } from "../../../../lib/mappers/bookings";
import { toScheduleV2, withServiceRules } from "../../../../lib/mappers/schedules-v2";
import { withMiddleware } from "../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../lib/route/endpoint";
import { ScheduleCreateBodyV2, ScheduleListResponseV2, ScheduleResponseV2 } from "../../../../lib/schemas/schedules-v2";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v2/schedules:
 *   get:
 *     operationId: getSchedulesV2
 *     summary: List my schedules
 *     description: >
 *       Every schedule of the key's own user (an admin's key too lists only the admin's own), as
 *       Cal.com v2's `GetSchedulesOutput_2024_06_11`, ordered by id. Weekly rules are
 *       `availability` entries, dated rules `overrides`; unavailable blocks set through v1 are
 *       not shown. The `cal-api-version` header is accepted but not needed: whatever its value,
 *       the 2024-06-11 shape is served.
 *     tags: ["v2 · Schedules"]
 *     x-access: own-schedules-v2
 *     x-scope: schedules:read
 *     parameters:
 *       - { name: cal-api-version, in: header, required: false, schema: { type: string, example: "2024-06-11" }, description: "Accepted, never required; every value gets the 2024-06-11 shape." }
 *     responses:
 *       200:
 *         description: My schedules
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/ScheduleListResponseV2" }
 *             example:
 *               status: success
 *               data:
 *                 - id: 254
 *                   ownerId: 478
 *                   name: Catch up hours
 *                   timeZone: Europe/Rome
 *                   availability: [{ days: [Monday, Tuesday], startTime: "17:00", endTime: "19:00" }]
 *                   isDefault: true
 *                   overrides: [{ date: "2027-05-20", startTime: "18:00", endTime: "21:00" }]
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *   post:
 *     operationId: createScheduleV2
 *     summary: Create a schedule
 *     description: >
 *       Creates a schedule for the key's own user (Cal.com v2's `CreateScheduleInput_2024_06_11`).
 *       Without `availability` it gets Monday–Friday 09:00–17:00, as on Cal.com. `isDefault: true`
 *       makes it the default schedule (User.defaultScheduleId); a user's first schedule becomes the
 *       default even with `isDefault: false`, so that they stay bookable. Times are "HH:mm" in the
 *       schedule's `timeZone`; an override from "00:00" to "00:00" makes that whole date unavailable.
 *       A user has at most 100 schedules (409). The `cal-api-version` header is accepted but not
 *       needed: whatever its value, the 2024-06-11 shape is served.
 *     tags: ["v2 · Schedules"]
 *     x-access: schedule-create-v2
 *     x-scope: schedules:write
 *     parameters:
 *       - { name: cal-api-version, in: header, required: false, schema: { type: string, example: "2024-06-11" }, description: "Accepted, never required; every value gets the 2024-06-11 shape." }
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/ScheduleCreateBodyV2" }
 *           example:
 *             name: Catch up hours
 *             timeZone: Europe/Rome
 *             isDefault: true
 *             availability: [{ days: [Monday, Tuesday], startTime: "17:00", endTime: "19:00" }, { days: [Wednesday, Thursday], startTime: "16:00", endTime: "20:00" }]
 *             overrides: [{ date: "2027-05-20", startTime: "18:00", endTime: "21:00" }]
 *     responses:
 *       201:
 *         description: The new schedule
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
 *                 availability: [{ days: [Monday, Tuesday], startTime: "17:00", endTime: "19:00" }, { days: [Wednesday, Thursday], startTime: "16:00", endTime: "20:00" }]
 *                 isDefault: true
 *                 overrides: [{ date: "2027-05-20", startTime: "18:00", endTime: "21:00" }]
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       409: { $ref: "#/components/responses/Conflict" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "schedules:read",
    response: ScheduleListResponseV2,
    handler: async ({ auth }) => successV2((await listOwnSchedules(auth)).map(toScheduleV2)),
  }),
  POST: endpoint({
    scope: "schedules:write",
    response: ScheduleResponseV2,
    body: ScheduleCreateBodyV2,
    status: 201,
    handler: async ({ auth, body }) => successV2(toScheduleV2(await createSchedule(auth, withServiceRules(body)))),
  }),
});
