import { z } from "zod";
import type { Prisma } from "@slotbase/prisma";
import type { RenderedEmail } from "./render";

/** Notification.template of the message telling a webhook's owner it was turned off. */
export const WEBHOOK_DISABLED_TEMPLATE = "webhook.disabled";

export const WebhookDisabledPayloadSchema = z.object({
  v: z.literal(1),
  recipient: z.object({ name: z.string(), email: z.string() }),
  webhookId: z.string(),
  subscriberUrl: z.string(),
  lastError: z.string(),
});
export type WebhookDisabledPayload = z.infer<typeof WebhookDisabledPayloadSchema>;

export function renderWebhookDisabledEmail(payload: WebhookDisabledPayload): RenderedEmail {
  const lines = [
    `Hi ${payload.recipient.name || payload.recipient.email},`,
    "",
    `Your webhook ${payload.webhookId} was turned off: ${payload.subscriberUrl} accepted none of our attempts to deliver an event over a whole day of retries.`,
    `The last attempt failed with: ${payload.lastError}`,
    "",
    "Its delivery log (GET /v1/webhooks/{id}/deliveries) shows every attempt. Once the receiver works again,",
    'turn the webhook back on with PATCH /v1/webhooks/{id} {"active": true} and redeliver what it missed',
    "with POST /v1/webhooks/{id}/deliveries/{deliveryId}/redeliver.",
    "",
    "--",
    "Sent by Slotbase.",
  ];
  return {
    to: { name: payload.recipient.name, address: payload.recipient.email },
    subject: "A webhook was turned off",
    text: `${lines.join("\n")}\n`,
  };
}

export function webhookDisabledNotification(payload: WebhookDisabledPayload): Prisma.NotificationCreateManyInput {
  return { channel: "email", recipient: payload.recipient.email, template: WEBHOOK_DISABLED_TEMPLATE, payload: payload as Prisma.InputJsonObject };
}
