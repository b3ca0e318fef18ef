import { deliverDueWebhooks, stopWebhookWorker, webhookDeliveryIdle } from "@slotbase/features";
import { getPrisma } from "@slotbase/prisma";
import { api } from "../../support/api";
import { useTestDatabase } from "../../support/database";
import { createCaller } from "../../support/fixtures";
import { localIso, nextMonday, BERLIN } from "../../support/dates";
import { createHostWithEventType } from "../../support/scheduling";
import { allowLocalReceivers, startReceiver, type Receiver } from "../../support/webhooks";

// The in-process sender on, as `yarn start` runs it: a booking's own statement claims its
// BOOKING_CREATED deliveries for this process, which sends them without a claim of their own.
useTestDatabase();
allowLocalReceivers();

const SECRET = "whsec_in_process";
const attendee = { name: "Jordan Lee", email: "jordan.lee@example.com", timeZone: "Europe/London" };
// allowLocalReceivers sets a 1 s timeout: a claim holds two attempts and a minute.
const LEASE_MS = 2 * 1000 + 60_000;

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver(SECRET);
  process.env.WEBHOOK_WORKER = "on";
});
afterAll(async () => {
  delete process.env.WEBHOOK_WORKER;
  await webhookDeliveryIdle();
  stopWebhookWorker();
  await receiver.close();
});

type Row = { id: string; triggerEvent: string; status: string; attempts: number; createdAt: Date; nextAttemptAt: Date; deliveredAt: Date | null };

async function deliveriesOf(bookingUid: string): Promise<Row[]> {
  const prisma = await getPrisma();
  return prisma.$queryRaw<Row[]>`
    SELECT d.id, d."triggerEvent"::text AS "triggerEvent", d.status::text AS status, d.attempts, d."createdAt", d."nextAttemptAt", d."deliveredAt"
    FROM "WebhookDelivery" d JOIN "Booking" b ON b.id = d."bookingId" WHERE b.uid = ${bookingUid} ORDER BY d."triggerEvent"`;
}

describe("v1 webhooks — sent by the process that queued them", () => {
  it("sends a booking's BOOKING_CREATED at once under the claim its statement took; MEETING_ENDED waits for the end", async () => {
    const { host, eventType } = await createHostWithEventType();
    const subscribed = await api("POST /v1/webhooks", { key: host.key, body: { subscriberUrl: receiver.url, eventTriggers: ["BOOKING_CREATED", "MEETING_ENDED"], active: true, secret: SECRET } });
    expect(subscribed.status).toBe(201);
    const booker = await createCaller();
    const created = await api("POST /v2/bookings", { key: booker.key, body: { eventTypeId: eventType.id, start: localIso(nextMonday(), "09:00", BERLIN), attendee } });
    expect(created.status).toBe(201);
    await webhookDeliveryIdle();

    expect(receiver.received).toHaveLength(1);
    const [event] = receiver.received;
    expect(event!.signatureValid).toBe(true);
    expect(event!.headers["x-slotbase-delivery-attempt"]).toBe("1");
    expect(event!.json).toMatchObject({ triggerEvent: "BOOKING_CREATED", payload: { uid: created.body.data.uid, status: "ACCEPTED" } });

    const [bookingCreated, meetingEnded] = await deliveriesOf(created.body.data.uid);
    expect(bookingCreated).toMatchObject({ triggerEvent: "BOOKING_CREATED", status: "SUCCEEDED", attempts: 1, deliveredAt: expect.any(Date) });
    expect(event!.headers["x-slotbase-delivery-id"]).toBe(bookingCreated!.id);
    // Queued under this process's claim: not due for any other process while it held it.
    expect(bookingCreated!.nextAttemptAt.getTime() - bookingCreated!.createdAt.getTime()).toBe(LEASE_MS);
    expect(meetingEnded).toMatchObject({ triggerEvent: "MEETING_ENDED", status: "PENDING", attempts: 0 });
    expect(meetingEnded!.nextAttemptAt.toISOString()).toBe(created.body.data.end);
  });

  it("leaves a held delivery of a process that went away to any process once its claim has run out", async () => {
    const { host, eventType } = await createHostWithEventType();
    await api("POST /v1/webhooks", { key: host.key, body: { subscriberUrl: receiver.url, eventTriggers: ["BOOKING_CREATED"], active: true, secret: SECRET } });
    const booker = await createCaller();
    const created = await api("POST /v2/bookings", { key: booker.key, body: { eventTypeId: eventType.id, start: localIso(nextMonday(), "11:00", BERLIN), attendee } });
    await webhookDeliveryIdle();
    const [sent] = await deliveriesOf(created.body.data.uid);
    receiver.received.length = 0;

    // As if the process had died after its statement committed: the delivery is still held.
    const prisma = await getPrisma();
    await prisma.$executeRaw`UPDATE "WebhookDelivery" SET status = 'PENDING', attempts = 0, "deliveredAt" = NULL WHERE id = ${sent!.id}`;
    expect(await deliverDueWebhooks()).toEqual({ delivered: 0, retried: 0, failed: 0 });
    expect(receiver.received).toHaveLength(0);

    await prisma.$executeRaw`UPDATE "WebhookDelivery" SET "nextAttemptAt" = "nextAttemptAt" - ${LEASE_MS + 1000} * interval '1 millisecond' WHERE id = ${sent!.id}`;
    expect(await deliverDueWebhooks()).toEqual({ delivered: 1, retried: 0, failed: 0 });
    expect(receiver.received.map((r) => r.headers["x-slotbase-delivery-id"])).toEqual([sent!.id]);
  });
});
