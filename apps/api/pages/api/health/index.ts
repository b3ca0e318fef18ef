import { withMiddleware } from "../../../lib/middleware/with-middleware";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /health:
 *   get:
 *     operationId: getHealth
 *     summary: "Liveness: the process is up"
 *     description: >-
 *       Answers 200 while the process can run a request at all; reads nothing, not even the
 *       database (a load balancer restarts a process that stops answering it). Public.
 *       Whether the process can serve requests is GET /health/ready.
 *     tags: ["Operations · Health"]
 *     x-access: public
 *     security: []
 *     responses:
 *       200:
 *         description: The process is alive
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/HealthResponse" }
 *             example: { status: ok, uptimeSeconds: 3600 }
 */
export default withMiddleware(
  {
    GET: async (_req, res) => {
      res.setHeader("Cache-Control", "no-store");
      res.status(200).json({ status: "ok", uptimeSeconds: Math.floor(process.uptime()) });
    },
  },
  { public: true, unlimited: true },
);
