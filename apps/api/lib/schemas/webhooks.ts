import { z } from "zod";
import { SUBSCRIBABLE_TRIGGERS } from "@slotbase/features";
import { idParam } from "../validation/common";
import { listQuery } from "../validation/list-query";

/**
 * v1 webhooks, as Cal.com serves them (`{ webhooks }`, `{ webhook }`), plus `hasSecret` (the
 * secret itself is write-only), `active` and why delivery turned a webhook off.
 */
const webhookId = () => z.string().min(1).max(64).describe("The webhook's id.");

const trigger = z.enum(SUBSCRIBABLE_TRIGGERS);
const triggers = z
  .union([trigger.transform((one) => [one]), z.array(trigger).min(1, { error: "Subscribe to at least one event" }).max(SUBSCRIBABLE_TRIGGERS.length)])
  .describe(`The events to send: an array (or one name) of ${SUBSCRIBABLE_TRIGGERS.join(", ")}.`);

export const Webhook = z
  .object({
    id: z.string(),
    userId: z.number().int().nullable(),
    eventTypeId: z.number().int().nullable().describe("Only this event type's bookings; null: every booking the user organizes."),
    subscriberUrl: z.string(),
    eventTriggers: z.array(z.string()),
    active: z.boolean(),
    payloadTemplate: z.string().nullable(),
    appId: z.null().describe("Always null (Cal.com's app webhooks are not served)."),
    hasSecret: z.boolean().describe("Whether deliveries are signed with a secret (the secret is never returned)."),
    createdAt: z.iso.datetime(),
    disabledAt: z.iso.datetime().nullable().describe("When delivery turned the webhook off (see disabledReason); PATCH active: true turns it on again."),
    disabledReason: z.string().nullable(),
  })
  .meta({
    example: {
      id: "2f1c7b1e-6c55-4b8e-9a43-0b6f1f3c2d10",
      userId: 7,
      eventTypeId: null,
      subscriberUrl: "https://hooks.example.com/slotbase",
      eventTriggers: ["BOOKING_CREATED", "BOOKING_RESCHEDULED", "BOOKING_CANCELLED"],
      active: true,
      payloadTemplate: null,
      appId: null,
      hasSecret: true,
      createdAt: "2026-11-02T09:30:00.000Z",
      disabledAt: null,
      disabledReason: null,
    },
  });

const subscriberUrl = z.string().max(2048).describe("Where events are POSTed: https (http only where allowed, see README); never a private, loopback or link-local address.");
const payloadTemplate = z.string().max(10_000).nullable().describe("A custom body with {{placeholders}} (e.g. {{triggerEvent}}, {{title}}, {{organizer.email}}); null: the default JSON.");
const secret = z.string().min(1).max(256).nullable().describe("Signs each delivery (X-Cal-Signature-256 = hex HMAC-SHA256 of the body). Write-only.");

export const WebhookCreateBody = z
  .object({
    subscriberUrl,
    eventTriggers: triggers,
    active: z.boolean().default(true),
    payloadTemplate: payloadTemplate.optional(),
    eventTypeId: idParam.nullable().optional().describe("Only this event type's bookings (you must manage the event type)."),
    secret: secret.optional(),
    userId: idParam.optional().describe("Admins only: create it for this user."),
  })
  .strict()
  .meta({ example: { subscriberUrl: "https://hooks.example.com/slotbase", eventTriggers: ["BOOKING_CREATED", "BOOKING_CANCELLED"], active: true, secret: "whsec_3f8a0c2d9b" } });

export const WebhookUpdateBody = z
  .object({
    subscriberUrl: subscriberUrl.optional(),
    eventTriggers: triggers.optional(),
    active: z.boolean().optional(),
    payloadTemplate: payloadTemplate.optional(),
    eventTypeId: idParam.nullable().optional(),
    secret: secret.optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { error: "Send at least one field to change" })
  .meta({ example: { active: false } });

/** The input fields v1 and v2 share (v2 names the triggers `triggers`). */
export const webhookInputFields = { subscriberUrl, payloadTemplate, secret };

export const WebhookIdQuery = z.object({ id: webhookId() });
export const ListWebhooksQuery = listQuery.extend({ userId: idParam.optional().describe("Admins: only this user's webhooks.") });
export const WebhookDeliveriesQuery = listQuery.extend({ id: webhookId() });
export const WebhookDeliveryQuery = z.object({ id: webhookId(), deliveryId: z.string().min(1).max(64).describe("The delivery's id (X-Slotbase-Delivery-Id).") });

export const WebhookResponse = z.object({ webhook: Webhook });
export const WebhookCreatedResponse = z.object({ webhook: Webhook, message: z.string() });
export const WebhookListResponse = z.object({ webhooks: z.array(Webhook) });

export const WebhookDelivery = z
  .object({
    id: z.string().describe("Sent as X-Slotbase-Delivery-Id on every attempt."),
    triggerEvent: z.string(),
    status: z.enum(["PENDING", "DELIVERED", "FAILED"]),
    attempts: z.number().int(),
    responseStatus: z.number().int().nullable(),
    responseBody: z.string().nullable().describe("The receiver's last answer, truncated to 4 KB."),
    durationMs: z.number().int().nullable(),
    lastError: z.string().nullable(),
    nextAttemptAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    deliveredAt: z.iso.datetime().nullable(),
  })
  .meta({
    example: {
      id: "8c0e5a52-1d7f-4a3b-b1f2-6e9d4c3b2a10",
      triggerEvent: "BOOKING_CREATED",
      status: "DELIVERED",
      attempts: 1,
      responseStatus: 200,
      responseBody: "ok",
      durationMs: 84,
      lastError: null,
      nextAttemptAt: null,
      createdAt: "2026-11-02T09:31:02.114Z",
      deliveredAt: "2026-11-02T09:31:02.301Z",
    },
  });

export const WebhookDeliveryResponse = z.object({ delivery: WebhookDelivery });
export const WebhookDeliveryListResponse = z.object({ deliveries: z.array(WebhookDelivery) });
