import { createUser, listUsers } from "@slotbase/features";
import { withMiddleware } from "../../../../lib/middleware/with-middleware";
import { endpoint } from "../../../../lib/route/endpoint";
import { setListHeaders } from "../../../../lib/http/list-headers";
import { listPagingOf } from "../../../../lib/validation/list-query";
import { ListUsersQuery, UserCreateBody, UserListResponse, UserResponse } from "../../../../lib/schemas/users";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/users:
 *   get:
 *     operationId: listUsers
 *     summary: List users
 *     description: Admins see every user; anyone else sees only themself.
 *     tags: ["v1 · Users"]
 *     x-access: users-list
 *     x-scope: users:read
 *     x-query: ListUsersQuery
 *     responses:
 *       200:
 *         description: A page of users
 *         headers:
 *           X-Total-Count: { $ref: "#/components/headers/TotalCount" }
 *           Link: { $ref: "#/components/headers/NextPageLink" }
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/UserListResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *   post:
 *     operationId: createUser
 *     summary: Create a user (admins only)
 *     tags: ["v1 · Users"]
 *     x-access: user-create
 *     x-scope: users:write
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: "#/components/schemas/UserCreateBody" }
 *     responses:
 *       201:
 *         description: The new user
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/UserResponse" }
 *       400: { $ref: "#/components/responses/ValidationError" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *       409: { $ref: "#/components/responses/Conflict" }
 */
export default withMiddleware({
  GET: endpoint({
    scope: "users:read",
    response: UserListResponse,
    query: ListUsersQuery,
    handler: async ({ req, res, auth, query: { take, page, ...filter } }) => {
      // Cal.com v1's body carries the total too.
      const paging = listPagingOf({ take, page });
      const { items: users, total } = await listUsers(auth, paging, filter);
      setListHeaders(req, res, paging, total);
      return { users, total };
    },
  }),
  POST: endpoint({
    scope: "users:write",
    response: UserResponse,
    body: UserCreateBody,
    status: 201,
    handler: async ({ auth, body }) => ({ user: await createUser(auth, body) }),
  }),
});
