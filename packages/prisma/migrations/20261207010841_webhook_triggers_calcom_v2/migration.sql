-- Cal.com v2's webhook triggers that Slotbase accepts and stores but never fires
-- (POST /v2/webhooks documents them; see webhook-triggers.ts).
-- AlterEnum
ALTER TYPE "WebhookTriggerEvents" ADD VALUE 'BOOKING_PAYMENT_INITIATED';
ALTER TYPE "WebhookTriggerEvents" ADD VALUE 'BOOKING_PAID';
ALTER TYPE "WebhookTriggerEvents" ADD VALUE 'FORM_SUBMITTED';
ALTER TYPE "WebhookTriggerEvents" ADD VALUE 'MEETING_STARTED';
ALTER TYPE "WebhookTriggerEvents" ADD VALUE 'RECORDING_READY';
ALTER TYPE "WebhookTriggerEvents" ADD VALUE 'INSTANT_MEETING';
ALTER TYPE "WebhookTriggerEvents" ADD VALUE 'RECORDING_TRANSCRIPTION_GENERATED';
ALTER TYPE "WebhookTriggerEvents" ADD VALUE 'OOO_CREATED';
ALTER TYPE "WebhookTriggerEvents" ADD VALUE 'AFTER_HOSTS_CAL_VIDEO_NO_SHOW';
ALTER TYPE "WebhookTriggerEvents" ADD VALUE 'AFTER_GUESTS_CAL_VIDEO_NO_SHOW';
ALTER TYPE "WebhookTriggerEvents" ADD VALUE 'FORM_SUBMITTED_NO_EVENT';
