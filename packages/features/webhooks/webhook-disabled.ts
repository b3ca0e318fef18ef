import type { PrismaClient } from "@slotbase/prisma";
import { kickNotificationDelivery } from "../notifications/worker";
import { webhookDisabledNotification } from "../notifications/webhook-emails";

export const DISABLED_REASON = "The receiver accepted no delivery over a whole retry window";

/** Turns the webhook off (once) and, in the same transaction, queues the email to its owner. */
export async function notifyWebhookDisabled(prisma: PrismaClient, webhookId: string, lastError: string): Promise<void> {
  const turnedOff = await prisma.$transaction(async (tx) => {
    const changed = await tx.webhook.updateMany({ where: { id: webhookId, active: true }, data: { active: false, disabledAt: new Date(), disabledReason: DISABLED_REASON } });
    if (changed.count === 0) return false;
    const webhook = await tx.webhook.findUnique({ where: { id: webhookId }, select: { subscriberUrl: true, user: { select: { name: true, email: true } } } });
    if (webhook?.user) {
      await tx.notification.create({
        data: webhookDisabledNotification({
          v: 1,
          recipient: { name: webhook.user.name ?? "", email: webhook.user.email },
          webhookId,
          subscriberUrl: webhook.subscriberUrl,
          lastError,
        }),
      });
    }
    return true;
  });
  if (turnedOff) kickNotificationDelivery();
}
