import type { Prisma } from "@slotbase/prisma";
import { notFound } from "../errors/domain-errors";
import type { Access } from "./access";
import { canManageEventType } from "./event-type-rules";
import { managedTeamIds } from "./team-rules";

/**
 * Webhooks: one belongs to the user who created it; one on an event type is also managed by
 * whoever manages that event type (its owner, its team's OWNERs and ADMINs). An unrestricted
 * admin manages every webhook. To anyone else a webhook does not exist (404): subscriber URLs
 * and what they receive are nobody else's business.
 */
const WEBHOOK = "Webhook";

export interface WebhookOwnership {
  userId: number | null;
  eventType: { userId: number | null; teamId: number | null } | null;
}

export function canManageWebhook(access: Access, webhook: WebhookOwnership): boolean {
  if (access.seesEverything) return true;
  if (webhook.userId === access.userId) return true;
  return webhook.eventType !== null && canManageEventType(access, webhook.eventType);
}

export function assertWebhook(access: Access, webhook: WebhookOwnership | null): void {
  if (!webhook || !canManageWebhook(access, webhook)) throw notFound(WEBHOOK);
}

/**
 * Where a v2 path addresses a webhook: among a user's own (`/v2/webhooks`, no event type) or
 * among one event type's (`/v2/event-types/{eventTypeId}/webhooks`).
 */
export type WebhookPlace = { kind: "user" } | { kind: "eventType"; eventTypeId: number };

/** A webhook addressed through a path it does not belong to (another event type's, say) does not exist there: 404. */
export function assertWebhookAt(webhook: { userId: number | null; eventTypeId: number | null }, place: WebhookPlace): void {
  const here = place.kind === "user" ? webhook.eventTypeId === null && webhook.userId !== null : webhook.eventTypeId === place.eventTypeId;
  if (!here) throw notFound(WEBHOOK);
}

/** Prisma `where` for the webhooks the caller manages (their own, and those of event types they manage). */
export function manageableWebhooksWhere(access: Access): Prisma.WebhookWhereInput {
  if (access.seesEverything) return {};
  return {
    OR: [{ userId: access.userId }, { eventType: { userId: access.userId, teamId: null } }, { eventType: { teamId: { in: managedTeamIds(access) ?? [] } } }],
  };
}
