import { createCustomInput, listCustomInputs } from "@slotbase/features";
import { withMiddleware } from "../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../lib/route/endpoint";
import { listed } from "../../../../lib/http/list-headers";
import { CustomInputCreateBody, CustomInputCreatedResponse, CustomInputListResponse, ListCustomInputsQuery } from "../../../../lib/schemas/custom-inputs";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/custom-inputs:
 *   get:
 *     operationId: listCustomInputs
 *     summary: List custom inputs
 *     description: The questions of every event type you may read (yours, your teams'), ordered by id.
 *     tags: ["v1 · Event types"]
 *     x-access: custom-inputs-list
 *     x-scope: event-types:read
 *     x-query: ListCustomInputsQuery
 *     responses:
 *       200:
 *         description: A page of custom inputs
 *         headers:
 *           X-Total-Count: { $ref: "#/components/headers/TotalCount" }
 *           Link: { $ref: "#/components/headers/NextPageLink" }
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/CustomInputListResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *   post:
 *     operationId: addCustomInput
 *     summary: Ask bookers a question
 *     description: >-
 *       For the event type's managers (its owner, its team's OWNERs and ADMINs; a plain member gets 403, anyone
 *       else a 404 naming eventTypeId). Bookings then answer it in v1 `responses` or v2 `bookingFieldsResponses`,
 *       keyed by the input's id (as a string) or its label; a required one left out is a 400 naming it.
 *     tags: ["v1 · Event types"]
 *     x-access: custom-input-create
 *     x-scope: event-types:write
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/CustomInputCreateBody" }
 *     responses:
 *       201:
 *         description: The new custom input
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/CustomInputCreatedResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "event-types:read",
    response: CustomInputListResponse,
    query: ListCustomInputsQuery,
    handler: async ({ req, res, auth, query }) => ({
      event_type_custom_inputs: await listed({ req, res, query }, (paging) => listCustomInputs(auth, paging)),
    }),
  }),
  POST: endpoint({
    scope: "event-types:write",
    response: CustomInputCreatedResponse,
    body: CustomInputCreateBody,
    status: 201,
    handler: async ({ auth, body }) => ({ event_type_custom_input: await createCustomInput(auth, body), message: "Event type custom input created successfully" }),
  }),
});
