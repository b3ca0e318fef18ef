import { getPrisma, type Prisma } from "@slotbase/prisma";
import type { AuthContext } from "../auth/auth-context";
import { accessOf } from "../access/access";
import { assertEventType } from "../access/event-type-rules";
import { assertMayActFor } from "../access/owner-rules";
import { assertWebhook, assertWebhookAt, manageableWebhooksWhere, type WebhookPlace } from "../access/webhook-rules";
import { invalidField, notFound, NotFoundError } from "../errors/domain-errors";
import { findPage, toSkipTake, type OffsetRequest, type Page, type PageRequest } from "../common/pagination";
import { checkSubscriberTarget, targetPolicyFromEnv } from "./delivery";
import type { AcceptedTrigger } from "./webhook-triggers";

/**
 * Webhooks (Cal.com's resource, on v1 and v2): a subscriber URL told about booking events. The
 * secret is write-only: it signs deliveries and is never returned (`hasSecret` says whether one
 * is set). v2 addresses a webhook at a place (WebhookPlace): the user's own, or an event type's.
 */
export interface WebhookInput {
  subscriberUrl: string;
  eventTriggers: AcceptedTrigger[];
  active?: boolean;
  payloadTemplate?: string | null;
  eventTypeId?: number | null;
  secret?: string | null;
  /** Admins only: create it for this user. */
  userId?: number;
}

export type WebhookUpdate = Partial<Omit<WebhookInput, "userId">>;

export interface PublicWebhook {
  id: string;
  userId: number | null;
  eventTypeId: number | null;
  subscriberUrl: string;
  eventTriggers: string[];
  active: boolean;
  payloadTemplate: string | null;
  hasSecret: boolean;
  createdAt: Date;
  disabledAt: Date | null;
  disabledReason: string | null;
}

const SELECT = {
  id: true,
  userId: true,
  eventTypeId: true,
  subscriberUrl: true,
  eventTriggers: true,
  active: true,
  payloadTemplate: true,
  secret: true,
  createdAt: true,
  disabledAt: true,
  disabledReason: true,
} as const;

type WebhookRow = Prisma.WebhookGetPayload<{ select: typeof SELECT }>;

export function toPublicWebhook(row: WebhookRow): PublicWebhook {
  return {
    id: row.id,
    userId: row.userId,
    eventTypeId: row.eventTypeId,
    subscriberUrl: row.subscriberUrl,
    eventTriggers: row.eventTriggers,
    active: row.active,
    payloadTemplate: row.payloadTemplate,
    hasSecret: row.secret !== null && row.secret !== "",
    createdAt: row.createdAt,
    disabledAt: row.disabledAt,
    disabledReason: row.disabledReason,
  };
}

async function checkUrl(url: string): Promise<void> {
  const verdict = await checkSubscriberTarget(url, targetPolicyFromEnv());
  if (!verdict.ok) throw invalidField("subscriberUrl", verdict.rule, verdict.message);
}

/** A webhook on an event type: the caller must manage that event type (404 if they cannot see it, 403 if only read it). */
async function checkEventType(db: Prisma.TransactionClient, auth: AuthContext, eventTypeId: number): Promise<void> {
  const [eventType, access] = await Promise.all([db.eventType.findUnique({ where: { id: eventTypeId }, select: { userId: true, teamId: true } }), accessOf(auth)]);
  if (!eventType) throw notFound("Event type", { field: "eventTypeId", rule: "not_found", message: `No event type ${eventTypeId} you may see` });
  try {
    assertEventType(access, eventType, "manage");
  } catch (error) {
    if (error instanceof NotFoundError) throw notFound("Event type", { field: "eventTypeId", rule: "not_found", message: `No event type ${eventTypeId} you may see` });
    throw error;
  }
}

export async function findManagedWebhook(auth: AuthContext, id: string, place?: WebhookPlace): Promise<WebhookRow> {
  const prisma = await getPrisma();
  if (place?.kind === "eventType") await checkEventType(prisma, auth, place.eventTypeId);
  const [row, access] = await Promise.all([
    prisma.webhook.findUnique({ where: { id }, select: { ...SELECT, eventType: { select: { userId: true, teamId: true } } } }),
    accessOf(auth),
  ]);
  assertWebhook(access, row);
  if (place) assertWebhookAt(row!, place);
  const { eventType: _eventType, ...webhook } = row!;
  return webhook;
}

/** `eventTypeId`: only that event type's (which the caller must manage); null: only those on no event type. */
export async function listWebhooks(auth: AuthContext, page: PageRequest | OffsetRequest, filter: { userId?: number; eventTypeId?: number | null } = {}): Promise<PublicWebhook[]> {
  const prisma = await getPrisma();
  const access = await accessOf(auth);
  if (filter.userId !== undefined) assertMayActFor(access, filter.userId, "Only admins may list another user's webhooks");
  if (filter.eventTypeId != null) await checkEventType(prisma, auth, filter.eventTypeId);
  const rows = await prisma.webhook.findMany({
    where: {
      AND: [manageableWebhooksWhere(access), filter.userId !== undefined ? { userId: filter.userId } : {}, filter.eventTypeId !== undefined ? { eventTypeId: filter.eventTypeId } : {}],
    },
    select: SELECT,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    ...toSkipTake(page),
  });
  return rows.map(toPublicWebhook);
}

/** v1's list: a page of listWebhooks, and a COUNT of every webhook it lists with the same filter. */
export async function listWebhooksPage(auth: AuthContext, page: PageRequest, filter: { userId?: number } = {}): Promise<Page<PublicWebhook>> {
  const prisma = await getPrisma();
  const access = await accessOf(auth);
  const where = { AND: [manageableWebhooksWhere(access), filter.userId !== undefined ? { userId: filter.userId } : {}] };
  return findPage(page, (window) => listWebhooks(auth, window, filter), () => prisma.webhook.count({ where }));
}

export async function getWebhook(auth: AuthContext, id: string, place?: WebhookPlace): Promise<PublicWebhook> {
  return toPublicWebhook(await findManagedWebhook(auth, id, place));
}

export async function createWebhook(auth: AuthContext, input: WebhookInput): Promise<PublicWebhook> {
  const prisma = await getPrisma();
  const access = await accessOf(auth);
  const userId = input.userId ?? access.userId;
  assertMayActFor(access, userId, "Only admins may create webhooks for another user");
  await checkUrl(input.subscriberUrl);
  if (input.eventTypeId != null) await checkEventType(prisma, auth, input.eventTypeId);
  const row = await prisma.webhook.create({
    data: {
      userId,
      eventTypeId: input.eventTypeId ?? null,
      subscriberUrl: input.subscriberUrl,
      eventTriggers: [...new Set(input.eventTriggers)],
      active: input.active ?? true,
      payloadTemplate: input.payloadTemplate ?? null,
      secret: input.secret ?? null,
    },
    select: SELECT,
  });
  return toPublicWebhook(row);
}

export async function updateWebhook(auth: AuthContext, id: string, input: WebhookUpdate, place?: WebhookPlace): Promise<PublicWebhook> {
  const prisma = await getPrisma();
  await findManagedWebhook(auth, id, place);
  if (input.subscriberUrl !== undefined) await checkUrl(input.subscriberUrl);
  if (input.eventTypeId != null) await checkEventType(prisma, auth, input.eventTypeId);
  const row = await prisma.webhook.update({
    where: { id },
    data: {
      ...(input.subscriberUrl !== undefined ? { subscriberUrl: input.subscriberUrl } : {}),
      ...(input.eventTriggers !== undefined ? { eventTriggers: [...new Set(input.eventTriggers)] } : {}),
      ...(input.payloadTemplate !== undefined ? { payloadTemplate: input.payloadTemplate } : {}),
      ...(input.eventTypeId !== undefined ? { eventTypeId: input.eventTypeId } : {}),
      ...(input.secret !== undefined ? { secret: input.secret } : {}),
      // Turning a webhook back on clears what turned it off.
      ...(input.active !== undefined ? { active: input.active, ...(input.active ? { disabledAt: null, disabledReason: null } : {}) } : {}),
    },
    select: SELECT,
  });
  return toPublicWebhook(row);
}

/** Returns the webhook as it was (v2 answers with it). */
export async function deleteWebhook(auth: AuthContext, id: string, place?: WebhookPlace): Promise<PublicWebhook> {
  const prisma = await getPrisma();
  const webhook = await findManagedWebhook(auth, id, place);
  await prisma.webhook.delete({ where: { id } });
  return toPublicWebhook(webhook);
}

/** Deletes every webhook of an event type the caller manages; returns how many there were. */
export async function deleteEventTypeWebhooks(auth: AuthContext, eventTypeId: number): Promise<number> {
  const prisma = await getPrisma();
  await checkEventType(prisma, auth, eventTypeId);
  const { count } = await prisma.webhook.deleteMany({ where: { eventTypeId } });
  return count;
}
