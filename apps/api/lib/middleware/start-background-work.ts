import { listenForKeyChanges, resumeNotificationDelivery, resumeWebhookDelivery, startDeploymentsDeliveryPoll } from "@slotbase/features";
import type { Middleware } from "../http/types";

/**
 * The one place the server's background work starts: the first request a process serves
 * resumes delivery of the notification and webhook outboxes and, on PostgreSQL, starts hearing
 * other processes' key changes and, with several deployments, sweeping their outboxes (calls
 * after the first cost nothing). Next's instrumentation
 * hook would load a second copy of the modules (and a second Prisma client).
 */
export const startBackgroundWork: Middleware = async (_req, _res, next) => {
  resumeNotificationDelivery();
  resumeWebhookDelivery();
  void listenForKeyChanges();
  startDeploymentsDeliveryPoll();
  await next();
};
