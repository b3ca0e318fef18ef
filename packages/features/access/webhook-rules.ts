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

/** Prisma `where` for the webhooks the caller manages (their own, and those of event types they manage). */
export function manageableWebhooksWhere(access: Access): Prisma.WebhookWhereInput {
  if (access.seesEverything) return {};
  return {
    OR: [{ userId: access.userId }, { eventType: { userId: access.userId, teamId: null } }, { eventType: { teamId: { in: managedTeamIds(access) ?? [] } } }],
  };
}
