import { deleteUser, getUser, updateUser } from "@slotbase/features";
import { withMiddleware } from "../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../lib/route/endpoint";
import { DeletedResponse, IdQuery } from "../../../../lib/schemas/common";
import { UserResponse, UserUpdateBody } from "../../../../lib/schemas/users";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/users/{id}:
 *   get:
 *     operationId: getUser
 *     summary: Get a user
 *     description: Non-admins can only get themself; any other id is a 404.
 *     tags: ["v1 · Users"]
 *     x-access: user
 *     x-scope: users:read
 *     x-query: IdQuery
 *     responses:
 *       200:
 *         description: The user
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/UserResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *   patch:
 *     operationId: updateUser
 *     summary: Edit a user
 *     description: >-
 *       Non-admins can only edit themself and cannot change their own role. A new `email` sent by
 *       the user themself does not take effect yet: a single-use token, valid for 24 hours, is
 *       mailed to the new address, the response shows it as `pendingEmail`, and the change happens
 *       when the token comes back through `POST /v1/users/{id}/confirm-email`. Until then the user
 *       keeps the old address and everything it grants (e.g. seeing bookings they attend). An admin
 *       whose key is not restricted to a team sets emails directly: that is trust in the admin.
 *     tags: ["v1 · Users"]
 *     x-access: user-update
 *     x-scope: users:write
 *     x-query: IdQuery
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/UserUpdateBody" }
 *     responses:
 *       200:
 *         description: The updated user
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/UserResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       404: { $ref: "#/components/responses/NotFound" }
 *       409: { $ref: "#/components/responses/Conflict" }
 *   delete:
 *     operationId: deleteUser
 *     summary: Delete a user
 *     description: Non-admins can only delete themself. The last admin cannot be deleted.
 *     tags: ["v1 · Users"]
 *     x-access: user-delete
 *     x-scope: users:write
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
 *       409: { $ref: "#/components/responses/Conflict" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "users:read",
    response: UserResponse,
    query: IdQuery,
    handler: async ({ auth, query }) => ({ user: await getUser(auth, query.id) }),
  }),
  PATCH: endpoint({
    scope: "users:write",
    response: UserResponse,
    query: IdQuery,
    body: UserUpdateBody,
    handler: async ({ auth, query, body }) => ({ user: await updateUser(auth, query.id, body) }),
  }),
  DELETE: endpoint({
    scope: "users:write",
    response: DeletedResponse,
    query: IdQuery,
    handler: async ({ auth, query }) => {
      await deleteUser(auth, query.id);
      return { message: `User with id: ${query.id} deleted successfully` };
    },
  }),
});
