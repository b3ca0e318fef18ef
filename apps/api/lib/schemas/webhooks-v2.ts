import { z } from "zod";
import { CALCOM_V2_TRIGGERS } from "@slotbase/features";
import { idParam } from "../validation/common";
import { skipTakeQuery } from "../validation/skip-take";
import { webhookInputFields } from "./webhooks";

/**
 * Cal.com v2's webhooks (`/v2/webhooks`) and event-type webhooks
 * (`/v2/event-types/{eventTypeId}/webhooks`): CreateWebhookInputDto, UpdateWebhookInputDto,
 * UserWebhookOutputDto and EventTypeWebhookOutputDto. The secret is write-only: unlike
 * Cal.com, no answer ever contains it.
 */
const { subscriberUrl, payloadTemplate, secret } = webhookInputFields;

const trigger = z.enum(CALCOM_V2_TRIGGERS);
const triggers = z
  .union([trigger.transform((one) => [one]), z.array(trigger).min(1, { error: "Subscribe to at least one event" }).max(CALCOM_V2_TRIGGERS.length)])
  .describe(`The events to send: an array (or one name) of ${CALCOM_V2_TRIGGERS.join(", ")}. See the README for those Slotbase never sends.`);

const EXAMPLE_URL = "https://hooks.example.com/slotbase";
const EXAMPLE_TRIGGERS = ["BOOKING_CREATED", "BOOKING_CANCELLED", "BOOKING_RESCHEDULED", "MEETING_ENDED"];

export const WebhookCreateBodyV2 = z
  .object({
    subscriberUrl,
    triggers,
    active: z.boolean(),
    payloadTemplate: payloadTemplate.optional(),
    secret: secret.optional(),
  })
  .strict()
  .meta({ example: { subscriberUrl: EXAMPLE_URL, triggers: EXAMPLE_TRIGGERS, active: true, secret: "3f8a0c2d9b7e41d6" } });

export const WebhookUpdateBodyV2 = z
  .object({
    subscriberUrl: subscriberUrl.optional(),
    triggers: triggers.optional(),
    active: z.boolean().optional(),
    payloadTemplate: payloadTemplate.optional(),
    secret: secret.optional(),
  })
  .strict()
  .meta({ example: { active: false } });

const fields = {
  id: z.string().describe("The webhook's id (a string, as Cal.com really sends it)."),
  subscriberUrl: z.string(),
  triggers: z.array(z.string()),
  active: z.boolean(),
  payloadTemplate: z.string().nullable().describe("Null when deliveries use the default JSON body."),
};

export const UserWebhookV2 = z
  .object({ ...fields, userId: z.number().int() })
  .meta({ example: { id: "2f1c7b1e-6c55-4b8e-9a43-0b6f1f3c2d10", userId: 7, subscriberUrl: EXAMPLE_URL, triggers: EXAMPLE_TRIGGERS, active: true, payloadTemplate: null } });

export const EventTypeWebhookV2 = z
  .object({ ...fields, eventTypeId: z.number().int() })
  .meta({ example: { id: "6a0d2f4c-1b3e-4c5d-8e7f-9a0b1c2d3e4f", eventTypeId: 12, subscriberUrl: EXAMPLE_URL, triggers: ["BOOKING_CREATED"], active: true, payloadTemplate: null } });

const success = z.literal("success");
export const UserWebhookResponseV2 = z.object({ status: success, data: UserWebhookV2 });
export const UserWebhookListResponseV2 = z.object({ status: success, data: z.array(UserWebhookV2) });
export const EventTypeWebhookResponseV2 = z.object({ status: success, data: EventTypeWebhookV2 });
export const EventTypeWebhookListResponseV2 = z.object({ status: success, data: z.array(EventTypeWebhookV2) });
export const WebhooksDeletedResponseV2 = z
  .object({ status: success, data: z.string().describe('"<n> webhooks deleted"') })
  .meta({ example: { status: "success", data: "2 webhooks deleted" } });

const webhookId = z.string().min(1).max(64).describe("The webhook's id.");
const eventTypeId = idParam.describe("The event type's id.");

export const WebhookListQueryV2 = skipTakeQuery.extend({});
export const WebhookIdQueryV2 = z.object({ webhookId });
export const EventTypeWebhooksQueryV2 = z.object({ eventTypeId });
export const EventTypeWebhookListQueryV2 = skipTakeQuery.extend({ eventTypeId });
export const EventTypeWebhookIdQueryV2 = z.object({ eventTypeId, webhookId });
