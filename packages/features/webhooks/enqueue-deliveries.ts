import { Prisma, type WebhookTriggerEvents } from "@slotbase/prisma";
import type { BookingChange } from "../notifications/enqueue";
import { readBookingForWebhooks, type WebhookBookingPayload } from "./booking-payload";
import { renderPayloadTemplate } from "./payload-template";

/**
 * Writes the webhook deliveries of a booking change in the change's own transaction (the
 * outbox the emails use): they exist exactly when the change commits, and sending them never
 * slows or fails the booking. One indexed query when nobody subscribed.
 */
const TRIGGER_OF: Record<BookingChange["kind"], WebhookTriggerEvents> = {
  created: "BOOKING_CREATED",
  requested: "BOOKING_REQUESTED",
  // A booking that needed confirmation is created when its host accepts it (as Cal.com).
  confirmed: "BOOKING_CREATED",
  declined: "BOOKING_REJECTED",
  cancelled: "BOOKING_CANCELLED",
  rescheduled: "BOOKING_RESCHEDULED",
};

interface Subscriber {
  id: string;
  payloadTemplate: string | null;
  eventTriggers: WebhookTriggerEvents[];
}

/** A booking `b`'s webhooks `w`: its organizer's not tied to an event type, and its event type's (a JOIN clause). */
export const BOOKING_WEBHOOKS_JOIN = Prisma.sql`JOIN "Webhook" w ON (w."userId" = b."userId" AND w."eventTypeId" IS NULL) OR w."eventTypeId" = b."eventTypeId"`;

/** Active webhooks of the booking's organizer (not tied to an event type) and of its event type, in one query. */
function subscribersOf(db: Prisma.TransactionClient, bookingId: number, triggers: WebhookTriggerEvents[]): Promise<Subscriber[]> {
  return db.$queryRaw<Subscriber[]>(Prisma.sql`
    SELECT w.id, w."payloadTemplate", w."eventTriggers"::text[] AS "eventTriggers"
    FROM "Booking" b ${BOOKING_WEBHOOKS_JOIN}
    WHERE b.id = ${bookingId} AND w.active AND w."eventTriggers" && ${triggers}::"WebhookTriggerEvents"[]`);
}

/** The body sent for one event: the webhook's template filled in, or Cal.com's `{ triggerEvent, createdAt, payload }`. */
export function deliveryBody(trigger: WebhookTriggerEvents, createdAt: string, payload: WebhookBookingPayload | Record<string, unknown>, template: string | null): string {
  if (template) return renderPayloadTemplate(template, { ...payload, triggerEvent: trigger, createdAt });
  return JSON.stringify({ triggerEvent: trigger, createdAt, payload });
}

/** MEETING_ENDED deliveries waiting for a booking's end: dropped when the booking will not take place as planned. */
async function dropMeetingEnded(db: Prisma.TransactionClient, bookingId: number): Promise<void> {
  // The trigger as a literal: the booking index covers MEETING_ENDED rows only (its predicate must show in the plan).
  await db.$executeRaw`
    DELETE FROM "WebhookDelivery"
    WHERE "bookingId" = ${bookingId} AND "triggerEvent" = 'MEETING_ENDED' AND status = 'PENDING' AND attempts = 0`;
}

export async function enqueueWebhookDeliveries(db: Prisma.TransactionClient, change: BookingChange): Promise<number> {
  // One seat given up is not the booking's cancellation.
  if (change.kind === "cancelled" && change.includeHost === false) return 0;
  const trigger = TRIGGER_OF[change.kind];
  const meetingWillHappen = change.kind === "created" || change.kind === "confirmed" || change.kind === "rescheduled";
  if (change.kind === "cancelled" || change.kind === "declined") await dropMeetingEnded(db, change.bookingId);
  if (change.kind === "rescheduled" && change.previousBooking) {
    const previous = await db.booking.findUnique({ where: { uid: change.previousBooking.uid }, select: { id: true } });
    if (previous) await dropMeetingEnded(db, previous.id);
  }
  const subscribers = await subscribersOf(db, change.bookingId, meetingWillHappen ? [trigger, "MEETING_ENDED"] : [trigger]);
  if (subscribers.length === 0) return 0;

  const booking = await readBookingForWebhooks(db, change.bookingId);
  if (!booking) return 0;
  const payload: WebhookBookingPayload = change.previousBooking
    ? { ...booking.payload, rescheduleUid: change.previousBooking.uid, rescheduleStartTime: change.previousBooking.startTime.toISOString(), rescheduleEndTime: change.previousBooking.endTime.toISOString() }
    : booking.payload;
  const now = new Date();
  const createdAt = now.toISOString();
  const rows: Prisma.WebhookDeliveryCreateManyInput[] = [];
  for (const subscriber of subscribers) {
    if (subscriber.eventTriggers.includes(trigger)) {
      rows.push({ webhookId: subscriber.id, bookingId: booking.id, triggerEvent: trigger, body: deliveryBody(trigger, createdAt, payload, subscriber.payloadTemplate), nextAttemptAt: now });
    }
    if (meetingWillHappen && booking.payload.status === "ACCEPTED" && subscriber.eventTriggers.includes("MEETING_ENDED")) {
      // Sent when the meeting ends; its body says what was planned when it was queued.
      rows.push({
        webhookId: subscriber.id,
        bookingId: booking.id,
        triggerEvent: "MEETING_ENDED",
        body: deliveryBody("MEETING_ENDED", booking.endTime.toISOString(), payload, subscriber.payloadTemplate),
        nextAttemptAt: booking.endTime,
      });
    }
  }
  if (rows.length > 0) await db.webhookDelivery.createMany({ data: rows });
  return rows.length;
}

/** BOOKING_NO_SHOW_UPDATED (Cal.com's payload: the booking, the message and who was marked), in the marking's transaction. */
export async function enqueueNoShowDeliveries(
  db: Prisma.TransactionClient,
  booking: { id: number; uid: string },
  change: { message: string; attendees: { email: string; noShow: boolean }[]; noShowHost: boolean },
): Promise<number> {
  const subscribers = await subscribersOf(db, booking.id, ["BOOKING_NO_SHOW_UPDATED"]);
  if (subscribers.length === 0) return 0;
  const now = new Date();
  const payload = { bookingUid: booking.uid, bookingId: booking.id, message: change.message, attendees: change.attendees, noShowHost: change.noShowHost };
  await db.webhookDelivery.createMany({
    data: subscribers.map((subscriber) => ({
      webhookId: subscriber.id,
      bookingId: booking.id,
      triggerEvent: "BOOKING_NO_SHOW_UPDATED" as const,
      body: deliveryBody("BOOKING_NO_SHOW_UPDATED", now.toISOString(), payload, subscriber.payloadTemplate),
      nextAttemptAt: now,
    })),
  });
  return subscribers.length;
}
