import { checkReadiness } from "@slotbase/features";
import { withMiddleware } from "../../../lib/middleware/with-middleware";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /health/ready:
 *   get:
 *     operationId: getReadiness
 *     summary: "Readiness: the process can serve requests"
 *     description: >-
 *       200 when the database answers (within 2 s) and holds every migration this build
 *       bundles; 503 naming the failing dependency otherwise (route no traffic to this process
 *       until it is ready again). Public; never reveals connection details.
 *     tags: ["Operations · Health"]
 *     x-access: public
 *     security: []
 *     responses:
 *       200:
 *         description: Ready
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/ReadinessResponse" }
 *             example: { status: ready, failing: [], checks: { database: { status: ok }, migrations: { status: ok } } }
 *       503:
 *         description: Not ready, and why
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/ReadinessResponse" }
 *             example:
 *               status: unavailable
 *               failing: [migrations]
 *               checks:
 *                 database: { status: ok }
 *                 migrations: { status: failing, detail: "1 migration(s) not applied: 20261207041203_booking_list_indexes. Run yarn db:migrate." }
 */
export default withMiddleware(
  {
    GET: async (_req, res) => {
      const { ready, checks } = await checkReadiness();
      const failing = (Object.keys(checks) as (keyof typeof checks)[]).filter((name) => checks[name].status === "failing");
      res.setHeader("Cache-Control", "no-store");
      res.status(ready ? 200 : 503).json({ status: ready ? "ready" : "unavailable", failing, checks });
    },
  },
  { public: true, unlimited: true },
);
