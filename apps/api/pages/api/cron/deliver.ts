import { addRuns, assertCronSecret, DEFAULT_DELIVERY_BUDGET_MS, deliverDueForDeployments, deliverDueWithin } from "@slotbase/features";
import { withMiddleware } from "../../../lib/middleware/with-middleware";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /cron/deliver:
 *   get:
 *     operationId: runScheduledDelivery
 *     summary: Deliver due emails and webhooks (for a scheduler such as Vercel Cron)
 *     description: >-
 *       Serverless hosts freeze a function once it has answered, so nothing delivers in the
 *       background there: a scheduler calls this every minute (vercel.json's crons) with
 *       `Authorization: Bearer <CRON_SECRET>` (compared in constant time; no API key). It runs
 *       passes over the email and webhook outboxes until neither has due rows or its budget
 *       (8 s) is spent, and answers what it did. Rows are claimed as always: overlapping runs
 *       never send one twice. Without CRON_SECRET configured it is always a 401.
 *     tags: ["Operations · Health"]
 *     x-access: cron
 *     security: []
 *     responses:
 *       200:
 *         description: What this run delivered
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/ScheduledDeliveryResponse" }
 *             example: { emails: { sent: 12, retried: 0, failed: 0 }, webhooks: { delivered: 3, retried: 1, failed: 0 }, passes: 1, more: false, durationMs: 240 }
 *       401: { $ref: "#/components/responses/Unauthorized" }
 */
export default withMiddleware(
  {
    GET: async (req, res) => {
      assertCronSecret(req.headers.authorization);
      res.setHeader("Cache-Control", "no-store");
      const own = await deliverDueWithin();
      // Then the deployments' outboxes (multi-deployment mode), in what is left of the budget.
      res.status(200).json(addRuns(own, await deliverDueForDeployments({ budgetMs: DEFAULT_DELIVERY_BUDGET_MS - own.durationMs })));
    },
  },
  { public: true, unlimited: true },
);
