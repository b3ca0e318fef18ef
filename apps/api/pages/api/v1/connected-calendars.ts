import { withMiddleware } from "../../../lib/middleware/with-middleware";
import { notSupported } from "../../../lib/route/not-supported";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /v1/connected-calendars:
 *   get:
 *     operationId: listConnectedCalendars
 *     summary: "List connected calendars (not supported)"
 *     description: >-
 *       Served as Cal.com v1 names it, and answered 501 not_implemented: connected calendars are read through calendar integrations (Google, Outlook, CalDAV), which Slotbase does not have.
 *     tags: ["v1 · Not supported"]
 *     x-access: not-supported
 *     x-scope: selected-calendars:read
 *     responses:
 *       501: { $ref: "#/components/responses/NotImplemented" }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 *       403: { $ref: "#/components/responses/Forbidden" }
 */
export default withMiddleware({
  GET: notSupported("selected-calendars:read", "connected calendars are read through calendar integrations (Google, Outlook, CalDAV), which Slotbase does not have"),
});
