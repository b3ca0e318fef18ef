import { createSchedule, listSchedules } from "@slotbase/features";
import { withMiddleware } from "../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../lib/route/endpoint";
import { listed } from "../../../../lib/http/list-headers";
import { ListSchedulesQuery, ScheduleCreateBody, ScheduleListResponse, ScheduleCreatedResponse } from "../../../../lib/schemas/schedules";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/schedules:
 *   get:
 *     operationId: listSchedules
 *     summary: List schedules
 *     description: Your schedules, each with its availability rules (admins see everyone's). `userId` narrows the list to one user's.
 *     tags: ["v1 · Schedules"]
 *     x-access: owned-list
 *     x-scope: schedules:read
 *     x-query: ListSchedulesQuery
 *     responses:
 *       200:
 *         description: A page of schedules, ordered by id
 *         headers:
 *           X-Total-Count: { $ref: "#/components/headers/TotalCount" }
 *           Link: { $ref: "#/components/headers/NextPageLink" }
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/ScheduleListResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *   post:
 *     operationId: createSchedule
 *     summary: Create a schedule
 *     description: >-
 *       Creates a schedule in an IANA time zone (default: the owner's). Without `availability`
 *       it gets Monday–Friday 09:00–17:00, like Cal.com; send `availability: []` for none. If the
 *       owner has no default schedule, this one becomes the default. Only admins may name another
 *       `userId`. A user has at most 100 schedules (409).
 *     tags: ["v1 · Schedules"]
 *     x-access: owned-create
 *     x-scope: schedules:write
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/ScheduleCreateBody" }
 *     responses:
 *       201:
 *         description: The new schedule with its rules
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/ScheduleCreatedResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *       409: { $ref: "#/components/responses/Conflict" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "schedules:read",
    response: ScheduleListResponse,
    query: ListSchedulesQuery,
    handler: async ({ req, res, auth, query: { take, page, userId } }) => ({
      schedules: await listed({ req, res, query: { take, page } }, (paging) => listSchedules(auth, paging, { userId })),
    }),
  }),
  POST: endpoint({
    scope: "schedules:write",
    response: ScheduleCreatedResponse,
    body: ScheduleCreateBody,
    status: 201,
    handler: async ({ auth, body }) => ({ schedule: await createSchedule(auth, body), message: "Schedule created successfully" }),
  }),
});
