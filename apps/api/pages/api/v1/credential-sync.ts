import { withMiddleware } from "../../../lib/middleware/with-middleware";
import { notSupported } from "../../../lib/route/not-supported";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/credential-sync:
 *   get:
 *     operationId: getCredentialSync
 *     summary: "Get synced app credentials (not supported)"
 *     description: >-
 *       Served as Cal.com v1 names it, and answered 501 not_implemented: credential sync stores the credentials of third-party app integrations, which Slotbase does not have.
 *     tags: ["v1 · Not supported"]
 *     x-access: not-supported
 *     x-scope: users:admin
 *     responses:
 *       501: { $ref: "#/components/responses/NotImplemented" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *   post:
 *     operationId: createCredentialSync
 *     summary: "Sync an app credential (not supported)"
 *     description: >-
 *       Served as Cal.com v1 names it, and answered 501 not_implemented: credential sync stores the credentials of third-party app integrations, which Slotbase does not have.
 *     tags: ["v1 · Not supported"]
 *     x-access: not-supported
 *     x-scope: users:admin
 *     responses:
 *       501: { $ref: "#/components/responses/NotImplemented" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *   patch:
 *     operationId: updateCredentialSync
 *     summary: "Update a synced app credential (not supported)"
 *     description: >-
 *       Served as Cal.com v1 names it, and answered 501 not_implemented: credential sync stores the credentials of third-party app integrations, which Slotbase does not have.
 *     tags: ["v1 · Not supported"]
 *     x-access: not-supported
 *     x-scope: users:admin
 *     responses:
 *       501: { $ref: "#/components/responses/NotImplemented" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 *   delete:
 *     operationId: deleteCredentialSync
 *     summary: "Delete a synced app credential (not supported)"
 *     description: >-
 *       Served as Cal.com v1 names it, and answered 501 not_implemented: credential sync stores the credentials of third-party app integrations, which Slotbase does not have.
 *     tags: ["v1 · Not supported"]
 *     x-access: not-supported
 *     x-scope: users:admin
 *     responses:
 *       501: { $ref: "#/components/responses/NotImplemented" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 */
export default withMiddleware({
  GET: notSupported("users:admin", "credential sync stores the credentials of third-party app integrations, which Slotbase does not have"),
  POST: notSupported("users:admin", "credential sync stores the credentials of third-party app integrations, which Slotbase does not have"),
  PATCH: notSupported("users:admin", "credential sync stores the credentials of third-party app integrations, which Slotbase does not have"),
  DELETE: notSupported("users:admin", "credential sync stores the credentials of third-party app integrations, which Slotbase does not have"),
});
