import { createAvailability, listAvailabilities } from "@slotbase/features";
import { withMiddleware } from "../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../lib/route/endpoint";
import { listed } from "../../../../lib/http/list-headers";
import { AvailabilityCreateBody, AvailabilityListResponse, AvailabilityCreatedResponse, ListAvailabilitiesQuery } from "../../../../lib/schemas/availabilities";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/availabilities:
 *   get:
 *     operationId: listAvailabilities
 *     summary: List availability rules
 *     description: The rules of your schedules (admins see everyone's), ordered by id. `scheduleId` narrows the list to one schedule.
 *     tags: ["v1 · Schedules"]
 *     x-access: availability-rules-list
 *     x-scope: availabilities:read
 *     x-query: ListAvailabilitiesQuery
 *     responses:
 *       200:
 *         description: A page of rules
 *         headers:
 *           X-Total-Count: { $ref: "#/components/headers/TotalCount" }
 *           Link: { $ref: "#/components/headers/NextPageLink" }
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/AvailabilityListResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *   post:
 *     operationId: createAvailability
 *     summary: Add an availability rule to a schedule
 *     description: >-
 *       A weekly rule (`days` + times), a dated override (`date` + times; it replaces that
 *       date's weekly hours, and 00:00–00:00 makes the date unavailable), or, with
 *       `unavailable: true`, a block subtracted from free time such as a lunch break. Exactly
 *       one of `days` and `date`. `scheduleId` must be one of your schedules (404 otherwise;
 *       admins: any). A schedule has at most 100 rules (409).
 *     tags: ["v1 · Schedules"]
 *     x-access: availability-rule-create
 *     x-scope: availabilities:write
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/AvailabilityCreateBody" }
 *     responses:
 *       201:
 *         description: The new rule
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/AvailabilityCreatedResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *       409: { $ref: "#/components/responses/Conflict" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "availabilities:read",
    response: AvailabilityListResponse,
    query: ListAvailabilitiesQuery,
    handler: async ({ req, res, auth, query: { take, page, scheduleId } }) => ({
      availabilities: await listed({ req, res, query: { take, page } }, (paging) => listAvailabilities(auth, paging, { scheduleId })),
    }),
  }),
  POST: endpoint({
    scope: "availabilities:write",
    response: AvailabilityCreatedResponse,
    body: AvailabilityCreateBody,
    status: 201,
    handler: async ({ auth, body }) => ({ availability: await createAvailability(auth, body), message: "Availability created successfully" }),
  }),
});
