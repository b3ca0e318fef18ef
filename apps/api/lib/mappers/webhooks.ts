import type { PublicDelivery, PublicWebhook } from "@slotbase/features";
import type { z } from "zod";
import type { Webhook, WebhookDelivery } from "../schemas/webhooks";

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function toWireWebhook(webhook: PublicWebhook): z.input<typeof Webhook> {
  return {
    id: webhook.id,
    userId: webhook.userId,
    eventTypeId: webhook.eventTypeId,
    subscriberUrl: webhook.subscriberUrl,
    eventTriggers: webhook.eventTriggers,
    active: webhook.active,
    payloadTemplate: webhook.payloadTemplate,
    appId: null,
    hasSecret: webhook.hasSecret,
    createdAt: webhook.createdAt.toISOString(),
    disabledAt: iso(webhook.disabledAt),
    disabledReason: webhook.disabledReason,
  };
}

export function toWireDelivery(delivery: PublicDelivery): z.input<typeof WebhookDelivery> {
  return {
    id: delivery.id,
    triggerEvent: delivery.triggerEvent,
    status: delivery.status,
    attempts: delivery.attempts,
    responseStatus: delivery.responseStatus,
    responseBody: delivery.responseBody,
    durationMs: delivery.durationMs,
    lastError: delivery.lastError,
    nextAttemptAt: iso(delivery.nextAttemptAt),
    createdAt: delivery.createdAt.toISOString(),
    deliveredAt: iso(delivery.deliveredAt),
  };
}
