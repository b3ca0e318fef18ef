import type { WebhookTriggerEvents } from "@slotbase/prisma";

/** The events a webhook may subscribe to (Cal.com v1's names). PING is sent by /ping only. */
export const SUBSCRIBABLE_TRIGGERS = [
  "BOOKING_CREATED",
  "BOOKING_RESCHEDULED",
  "BOOKING_CANCELLED",
  "BOOKING_REQUESTED",
  "BOOKING_REJECTED",
  "BOOKING_NO_SHOW_UPDATED",
  "MEETING_ENDED",
] as const satisfies readonly WebhookTriggerEvents[];

export type SubscribableTrigger = (typeof SUBSCRIBABLE_TRIGGERS)[number];
