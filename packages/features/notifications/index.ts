// Booking notifications: a durable email outbox with .ics invites (see README, "Notifications").
export { BOOKING_CHANGE_KINDS, BookingEmailPayloadSchema, bookingTemplate } from "./payload";
export type { BookingChangeKind, BookingEmailPayload, RecipientRole } from "./payload";
export { bookingNotificationRows, enqueueBookingNotifications } from "./enqueue";
export type { BookingChange, NotificationRow, NotifiedBooking } from "./enqueue";
export { deliverDueNotifications, retryDelayMs, MAX_DELIVERY_ATTEMPTS, RETRY_DELAYS_MS } from "./outbox";
export type { DeliveryResult } from "./outbox";
export { kickNotificationDelivery, notificationDeliveryIdle, resumeNotificationDelivery, stopNotificationWorker } from "./worker";
export { renderBookingEmail } from "./render";
export type { RenderedEmail } from "./render";
export { notificationSettings } from "./settings";
export type { NotificationSettings } from "./settings";
export { EMAIL_CHANGE_TEMPLATE, emailChangeNotification, renderEmailChangeEmail } from "./account-emails";
export type { EmailChangePayload } from "./account-emails";
