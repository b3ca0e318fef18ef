import { getPrisma, type Prisma } from "@slotbase/prisma";
import type { AuthContext } from "../auth/auth-context";
import { notFound } from "../errors/domain-errors";
import { findCappedPage, mapPage, type Page, type PageRequest } from "../common/pagination";
import { deliveryBody } from "./enqueue-deliveries";
import { findManagedWebhook } from "./webhook-service";
import { kickWebhookDelivery } from "./worker";

/** A webhook's delivery log, redelivery and test events (for its managers only: 404 otherwise). */
export interface PublicDelivery {
  id: string;
  triggerEvent: string;
  status: "PENDING" | "DELIVERED" | "FAILED";
  attempts: number;
  responseStatus: number | null;
  responseBody: string | null;
  durationMs: number | null;
  lastError: string | null;
  nextAttemptAt: Date | null;
  createdAt: Date;
  deliveredAt: Date | null;
}

const SELECT = {
  id: true,
  triggerEvent: true,
  status: true,
  attempts: true,
  responseStatus: true,
  responseBody: true,
  durationMs: true,
  lastError: true,
  nextAttemptAt: true,
  createdAt: true,
  deliveredAt: true,
} as const;

type DeliveryRow = Prisma.WebhookDeliveryGetPayload<{ select: typeof SELECT }>;

function toPublicDelivery(row: DeliveryRow): PublicDelivery {
  return {
    ...row,
    status: row.status === "SUCCEEDED" ? "DELIVERED" : row.status,
    nextAttemptAt: row.status === "PENDING" ? row.nextAttemptAt : null,
  };
}

/** Newest first; one page read through the (webhookId, createdAt DESC, id DESC) index. */
export async function listDeliveries(auth: AuthContext, webhookId: string, page: PageRequest): Promise<Page<PublicDelivery>> {
  await findManagedWebhook(auth, webhookId);
  const prisma = await getPrisma();
  const where = { webhookId };
  const rows = await findCappedPage(
    page,
    (window) => prisma.webhookDelivery.findMany({ where, select: SELECT, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...window }),
    (limit) => prisma.webhookDelivery.count({ where, take: limit }),
  );
  return mapPage(rows, toPublicDelivery);
}

/** Sends a delivery again now, with the same id (receivers deduplicate by it); its attempts keep counting. */
export async function redeliver(auth: AuthContext, webhookId: string, deliveryId: string): Promise<PublicDelivery> {
  await findManagedWebhook(auth, webhookId);
  const prisma = await getPrisma();
  const changed = await prisma.webhookDelivery.updateMany({ where: { id: deliveryId, webhookId }, data: { status: "PENDING", nextAttemptAt: new Date() } });
  if (changed.count === 0) throw notFound("Delivery", { field: "deliveryId", rule: "not_found", message: `No delivery ${deliveryId} of this webhook` });
  kickWebhookDelivery();
  return toPublicDelivery(await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId }, select: SELECT }));
}

/** Queues a PING (Cal.com's test event) to the webhook's URL, whether or not it is active. */
export async function pingWebhook(auth: AuthContext, webhookId: string): Promise<PublicDelivery> {
  const webhook = await findManagedWebhook(auth, webhookId);
  const prisma = await getPrisma();
  const now = new Date();
  const payload = {
    type: "Test",
    title: "Test trigger event",
    startTime: now.toISOString(),
    endTime: new Date(now.getTime() + 30 * 60_000).toISOString(),
    attendees: [{ email: "jane.doe@example.com", name: "Jane Doe", timeZone: "Europe/London" }],
    organizer: { name: "Slotbase", email: "no-reply@slotbase.local", timeZone: "Europe/London" },
  };
  const row = await prisma.webhookDelivery.create({
    data: { webhookId, triggerEvent: "PING", body: deliveryBody("PING", now.toISOString(), payload, webhook.payloadTemplate), nextAttemptAt: now },
    select: SELECT,
  });
  kickWebhookDelivery();
  return toPublicDelivery(row);
}
