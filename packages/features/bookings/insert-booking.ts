import { Prisma, type AttendeeModel, type BookingModel } from "@slotbase/prisma";
import type { Db } from "../slots/bookable-event";
import { columnList } from "../common/column-list";
import { hostLockSql, hostTryLockSql } from "./booking-locks";
import type { NotificationRow } from "../notifications";
import { DESTINATION_CALENDAR_SQL, type WebhookBookingPayload } from "../webhooks/booking-payload";
import { BOOKING_WEBHOOKS_JOIN } from "../webhooks/enqueue-deliveries";
import type { ClaimedDelivery } from "../webhooks/deliver";
import { claimForThisProcess } from "../webhooks/worker";

export interface NewBooking {
  uid: string;
  userId: number;
  bookedById: number | null;
  eventTypeId: number;
  title: string;
  description: string | null;
  startTime: Date;
  endTime: Date;
  location: string | null;
  metadata: Record<string, unknown>;
  responses: Record<string, unknown>;
  customInputs: Record<string, unknown>;
  iCalUID: string;
}

export interface NewAttendee {
  name: string;
  email: string;
  timeZone: string;
  locale?: string | null;
  phoneNumber?: string | null;
}

// Named columns, not *: a prepared statement's result columns must not change under a migration.
const BOOKING_COLUMNS = columnList(null, Prisma.BookingScalarFieldEnum);
const ATTENDEE_COLUMNS = columnList(null, Prisma.AttendeeScalarFieldEnum);

const iso = (date: Date) => date.toISOString();
const json = (value: unknown) => JSON.stringify(value);

/**
 * Writes an accepted booking, its attendees and its queued notifications in one statement
 * (one implicit transaction, one round trip), and releases the caller's hold. The exclusion
 * constraint refuses it (23P01) when the host has an overlapping accepted booking, however
 * many requests race. The host's lock is taken before the row is written: concurrent
 * inserts of overlapping rows would otherwise wait on each other inside the constraint
 * check and deadlock (PostgreSQL breaks that only after deadlock_timeout, a second), where
 * in turn the second simply meets the first's committed row. `createdAt`/`updatedAt` come
 * from the application's clock, as with Prisma.
 */
/**
 * The booking's webhook deliveries, queued by the booking's own statement for the organizer's
 * and the event type's active subscribers (BOOKING_WEBHOOKS_JOIN, as every change picks them):
 * their body is rendered at the first attempt from this payload, completed with the booking's
 * id and destination calendar here. With `claimUntil`, the BOOKING_CREATED ones are claimed for
 * this process until then (it sends them at once, without a claim of their own).
 */
function webhookDeliveriesSql(payload: WebhookBookingPayload, now: string, claimUntil: string | null): Prisma.Sql {
  return Prisma.sql`, webhook_delivery AS (
      INSERT INTO "WebhookDelivery" ("webhookId", "bookingId", "triggerEvent", payload, "nextAttemptAt", "createdAt")
      SELECT w.id, b.id, t.trigger,
        jsonb_build_object('triggerEvent', t.trigger, 'createdAt', CASE WHEN t.trigger = 'MEETING_ENDED' THEN ${payload.endTime} ELSE ${now} END,
          'payload', ${json(payload)}::jsonb || jsonb_build_object('bookingId', b.id, 'destinationCalendar', ${Prisma.raw(DESTINATION_CALENDAR_SQL)})),
        CASE WHEN t.trigger = 'MEETING_ENDED' THEN b."endTime" ELSE COALESCE(${claimUntil}::timestamp, ${now}::timestamp) END, ${now}::timestamp
      FROM booking b ${BOOKING_WEBHOOKS_JOIN}
        CROSS JOIN LATERAL unnest(ARRAY['BOOKING_CREATED', 'MEETING_ENDED']::"WebhookTriggerEvents"[]) AS t(trigger)
      WHERE w.active AND t.trigger = ANY(w."eventTriggers")
      RETURNING id, "webhookId", "triggerEvent", payload
    )`;
}

/** The claimed deliveries with what sending them needs (as a pass's claim reads them), as JSON. */
const HELD_DELIVERIES_SQL = Prisma.sql`(SELECT json_agg(json_build_object(
      'id', d.id, 'webhookId', d."webhookId", 'triggerEvent', d."triggerEvent", 'event', d.payload::text,
      'subscriberUrl', w."subscriberUrl", 'payloadTemplate', w."payloadTemplate", 'secret', w.secret, 'active', w.active,
      'lastSuccessAt', (extract(epoch FROM w."lastSuccessAt") * 1000)::float8))
    FROM webhook_delivery d JOIN "Webhook" w ON w.id = d."webhookId"
    WHERE d."triggerEvent" <> 'MEETING_ENDED')`;

type HeldRow = Omit<ClaimedDelivery, "token" | "createdAt" | "lastSuccessAt" | "body" | "attempts"> & { lastSuccessAt: number | null };

export async function insertAcceptedBooking(
  db: Db,
  booking: NewBooking,
  attendees: NewAttendee[],
  notifications: NotificationRow[],
  releaseHoldUid: string | null,
  /** With subscribers: the booking's webhook payload (without its id), queued for each one as BOOKING_CREATED (and MEETING_ENDED). */
  webhookPayload: WebhookBookingPayload | null = null,
  /** "try": write nothing (answer null) when another write holds the host's lock; "wait": wait for it. */
  lock: "try" | "wait" = "wait",
): Promise<(BookingModel & { attendees: AttendeeModel[]; heldDeliveries: ClaimedDelivery[] }) | null> {
  const clock = new Date();
  const now = iso(clock);
  const claim = webhookPayload ? claimForThisProcess(clock) : null;
  const [row] = await db.$queryRaw<(BookingModel & { attendees: AttendeeModel[]; held: HeldRow[] | null })[]>(Prisma.sql`
    WITH booking AS (
      INSERT INTO "Booking" (uid, "userId", "bookedById", "eventTypeId", title, description, "startTime", "endTime", location, status,
        metadata, responses, "customInputs", "iCalUID", "iCalSequence", "createdAt", "updatedAt")
      SELECT ${booking.uid}, ${booking.userId}, ${booking.bookedById}, ${booking.eventTypeId}, ${booking.title}, ${booking.description},
        ${iso(booking.startTime)}::timestamp, ${iso(booking.endTime)}::timestamp, ${booking.location}, 'ACCEPTED',
        ${json(booking.metadata)}::jsonb, ${json(booking.responses)}::jsonb, ${json(booking.customInputs)}::jsonb, ${booking.iCalUID}, 0, ${now}::timestamp, ${now}::timestamp
      ${
        lock === "try"
          ? Prisma.sql`FROM (SELECT ${hostTryLockSql(booking.userId)} AS locked) AS one_at_a_time_per_host WHERE one_at_a_time_per_host.locked`
          : Prisma.sql`FROM (SELECT ${hostLockSql(booking.userId)}) AS one_at_a_time_per_host`
      }
      RETURNING ${BOOKING_COLUMNS}
    ), attendee AS (
      INSERT INTO "Attendee" (email, name, "timeZone", "phoneNumber", locale, "bookingId")
      SELECT a.email, a.name, a."timeZone", a."phoneNumber", a.locale, booking.id
      FROM booking, ROWS FROM (jsonb_to_recordset(${json(attendees)}::jsonb) AS (email text, name text, "timeZone" text, "phoneNumber" text, locale text))
        WITH ORDINALITY AS a(email, name, "timeZone", "phoneNumber", locale, n)
      ORDER BY a.n
      RETURNING ${ATTENDEE_COLUMNS}
    ), notification AS (
      INSERT INTO "Notification" ("bookingId", channel, recipient, template, payload, "nextAttemptAt")
      SELECT booking.id, n.channel, n.recipient, n.template, n.payload, n."nextAttemptAt"::timestamp
      FROM booking, jsonb_to_recordset(${json(notifications)}::jsonb) AS n(channel text, recipient text, template text, payload jsonb, "nextAttemptAt" text)
    ), released AS (
      DELETE FROM "SlotReservation" WHERE uid = ${releaseHoldUid}
    )${webhookPayload ? webhookDeliveriesSql(webhookPayload, now, claim ? iso(claim) : null) : Prisma.empty}
    SELECT ${BOOKING_COLUMNS},
      (SELECT json_agg(attendee ORDER BY attendee.id) FROM attendee) AS attendees,
      ${claim ? HELD_DELIVERIES_SQL : Prisma.sql`NULL::json`} AS held
    FROM booking
  `);
  if (!row) return null;
  const { held, ...written } = row;
  const heldDeliveries = claim
    ? (held ?? []).map((d) => ({ ...d, token: claim, body: null, attempts: 0, createdAt: clock, lastSuccessAt: d.lastSuccessAt === null ? null : new Date(d.lastSuccessAt) }))
    : [];
  return { ...written, heldDeliveries };
}
