import type { Db } from "../slots/bookable-event";
import { enqueueBookingNotifications, kickNotificationDelivery, type BookingChange } from "../notifications";

/** Queue the emails of a booking change in the change's own transaction (durable outbox). */
export function notifyInTransaction(tx: Db, change: BookingChange): Promise<void> {
  return enqueueBookingNotifications(tx, change);
}

/** After commit: deliver in the background; never slows or fails the request. */
export function notifyAfterCommit(): void {
  kickNotificationDelivery();
}
