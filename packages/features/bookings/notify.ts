import type { Db } from "../slots/bookable-event";
import { enqueueBookingNotifications, kickNotificationDelivery, type BookingChange } from "../notifications";
import { enqueueWebhookDeliveries } from "../webhooks/enqueue-deliveries";
import { kickWebhookDelivery } from "../webhooks/worker";

/** Queue the emails and webhook deliveries of a booking change in the change's own transaction (durable outbox). */
export async function notifyInTransaction(tx: Db, change: BookingChange): Promise<void> {
  await enqueueBookingNotifications(tx, change);
  await enqueueWebhookDeliveries(tx, change);
}

/** After commit: deliver in the background; never slows or fails the request. */
export function notifyAfterCommit(): void {
  kickNotificationDelivery();
  kickWebhookDelivery();
}

/**
 * After a plain booking's statement commits: the webhook deliveries it queued for this process
 * are already on their way (sendHeldDeliveries), so only the emails need a kick. Waking the
 * webhook worker as well cost an empty claim of PostgreSQL's (≈2 ms) every few bookings.
 */
export function notifyEmailsAfterCommit(): void {
  kickNotificationDelivery();
}
