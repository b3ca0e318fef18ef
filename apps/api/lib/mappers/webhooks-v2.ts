import type { AcceptedTrigger, PublicWebhook } from "@slotbase/features";
import type { z } from "zod";
import type { EventTypeWebhookV2, UserWebhookV2 } from "../schemas/webhooks-v2";

/** What both of Cal.com v2's webhook outputs carry (`eventTriggers` is called `triggers`; never the secret). */
function common(webhook: PublicWebhook) {
  return {
    id: webhook.id,
    subscriberUrl: webhook.subscriberUrl,
    triggers: webhook.eventTriggers,
    active: webhook.active,
    payloadTemplate: webhook.payloadTemplate,
  };
}

/** Cal.com v2's UserWebhookOutputDto. The service only hands out user webhooks (userId set) at this place. */
export function toUserWebhookV2(webhook: PublicWebhook): z.input<typeof UserWebhookV2> {
  return { ...common(webhook), userId: webhook.userId as number };
}

/** Cal.com v2's EventTypeWebhookOutputDto. */
export function toEventTypeWebhookV2(webhook: PublicWebhook): z.input<typeof EventTypeWebhookV2> {
  return { ...common(webhook), eventTypeId: webhook.eventTypeId as number };
}

/** A v2 body in the service's terms (`triggers` → `eventTriggers`). */
export function fromWebhookBodyV2<T extends { triggers: AcceptedTrigger[] }>(body: T): Omit<T, "triggers"> & { eventTriggers: AcceptedTrigger[] };
export function fromWebhookBodyV2<T extends { triggers?: AcceptedTrigger[] }>(body: T): Omit<T, "triggers"> & { eventTriggers?: AcceptedTrigger[] };
export function fromWebhookBodyV2({ triggers, ...rest }: { triggers?: AcceptedTrigger[] }) {
  return triggers === undefined ? rest : { ...rest, eventTriggers: triggers };
}
