import { deleteCustomInput, getCustomInput, updateCustomInput } from "@slotbase/features";
import { withMiddleware } from "../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../lib/route/endpoint";
import { DeletedResponse, IdQuery } from "../../../../lib/schemas/common";
import { CustomInputResponse, CustomInputUpdateBody } from "../../../../lib/schemas/custom-inputs";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/custom-inputs/{id}:
 *   get:
 *     operationId: getCustomInput
 *     summary: Get a custom input
 *     description: For whoever may read its event type; anyone else gets 404.
 *     tags: ["v1 · Event types"]
 *     x-access: custom-input-read
 *     x-scope: event-types:read
 *     x-query: IdQuery
 *     responses:
 *       200:
 *         description: The custom input
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/CustomInputResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *   patch:
 *     operationId: editCustomInput
 *     summary: Change a custom input
 *     description: For its event type's managers (a plain team member gets 403). Bookings already made keep their answers.
 *     tags: ["v1 · Event types"]
 *     x-access: custom-input-manage
 *     x-scope: event-types:write
 *     x-query: IdQuery
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/CustomInputUpdateBody" }
 *     responses:
 *       200:
 *         description: The changed custom input
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/CustomInputResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *   delete:
 *     operationId: removeCustomInput
 *     summary: Delete a custom input
 *     description: For its event type's managers.
 *     tags: ["v1 · Event types"]
 *     x-access: custom-input-manage
 *     x-scope: event-types:write
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
    scope: "event-types:read",
    response: CustomInputResponse,
    query: IdQuery,
    handler: async ({ auth, query }) => ({ event_type_custom_input: await getCustomInput(auth, query.id) }),
  }),
  PATCH: endpoint({
    scope: "event-types:write",
    response: CustomInputResponse,
    query: IdQuery,
    body: CustomInputUpdateBody,
    handler: async ({ auth, query, body }) => ({ event_type_custom_input: await updateCustomInput(auth, query.id, body) }),
  }),
  DELETE: endpoint({
    scope: "event-types:write",
    response: DeletedResponse,
    query: IdQuery,
    handler: async ({ auth, query }) => {
      await deleteCustomInput(auth, query.id);
      return { message: `Custom input with id: ${query.id} deleted successfully` };
    },
  }),
});
