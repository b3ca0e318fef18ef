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

/**
 * Triggers Cal.com v2 documents that Slotbase accepts and stores but never fires: it has no
 * payments, routing forms, Cal Video, recordings, instant meetings or out-of-office entries.
 */
export const NEVER_FIRED_TRIGGERS = [
  "BOOKING_PAYMENT_INITIATED",
  "BOOKING_PAID",
  "FORM_SUBMITTED",
  "MEETING_STARTED",
  "RECORDING_READY",
  "INSTANT_MEETING",
  "RECORDING_TRANSCRIPTION_GENERATED",
  "OOO_CREATED",
  "AFTER_HOSTS_CAL_VIDEO_NO_SHOW",
  "AFTER_GUESTS_CAL_VIDEO_NO_SHOW",
  "FORM_SUBMITTED_NO_EVENT",
] as const satisfies readonly WebhookTriggerEvents[];

/** Every trigger Cal.com v2's webhook inputs accept (`CreateWebhookInputDto.triggers`). */
export const CALCOM_V2_TRIGGERS = [...SUBSCRIBABLE_TRIGGERS, ...NEVER_FIRED_TRIGGERS] as const;

export type AcceptedTrigger = (typeof CALCOM_V2_TRIGGERS)[number];
