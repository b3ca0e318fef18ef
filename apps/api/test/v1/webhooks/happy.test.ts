import { deliverDueWebhooks } from "@slotbase/features";
import { getPrisma } from "@slotbase/prisma";
import { api } from "../../support/api";
import { useTestDatabase } from "../../support/database";
import { createCaller } from "../../support/fixtures";
import { addDays, berlin, localIso, nextMonday, BERLIN } from "../../support/dates";
import { createHostWithEventType } from "../../support/scheduling";
import { allowLocalReceivers, deliverAllDueWebhooks, useReceiver } from "../../support/webhooks";
import { bookingOf } from "../attendees/fixtures";
import { expectListPaging } from "../../support/list-paging";
import { createWebhookRow } from "../../support/webhooks";

useTestDatabase();
allowLocalReceivers();

const MON = nextMonday();
const attendee = { name: "Jordan Lee", email: "jordan.lee@example.com", timeZone: "Europe/London" };
const SECRET = "whsec_test_1234";

const receiver = useReceiver(SECRET);

async function subscribedHost(triggers = ["BOOKING_CREATED", "BOOKING_RESCHEDULED", "BOOKING_CANCELLED"], extra: Record<string, unknown> = {}) {
  const { host, eventType } = await createHostWithEventType();
  const created = await api("POST /v1/webhooks", { key: host.key, body: { subscriberUrl: receiver.url, eventTriggers: triggers, active: true, secret: SECRET, ...extra } });
  expect(created.status).toBe(201);
  return { host, eventType, webhook: created.body.webhook };
}

describe("v1 webhooks — the resource", () => {
  it("creates, lists, gets, changes and deletes with Cal.com's envelopes", async () => {
    const { host, webhook } = await subscribedHost();
    expect(webhook).toMatchObject({ subscriberUrl: receiver.url, eventTriggers: ["BOOKING_CREATED", "BOOKING_RESCHEDULED", "BOOKING_CANCELLED"], active: true, hasSecret: true, userId: host.user.id, appId: null });
    expect((await api("GET /v1/webhooks", { key: host.key })).body.webhooks.map((w: { id: string }) => w.id)).toEqual([webhook.id]);
    expect((await api("GET /v1/webhooks/{id}", { key: host.key, params: { id: webhook.id } })).body.webhook.id).toBe(webhook.id);
    const changed = await api("PATCH /v1/webhooks/{id}", { key: host.key, params: { id: webhook.id }, body: { eventTriggers: "BOOKING_CANCELLED", secret: null } });
    expect(changed.body.webhook).toMatchObject({ eventTriggers: ["BOOKING_CANCELLED"], hasSecret: false });
    const deleted = await api("DELETE /v1/webhooks/{id}", { key: host.key, params: { id: webhook.id } });
    expect(deleted.body).toEqual({ message: `Webhook with id: ${webhook.id} deleted successfully` });
    expect((await api("GET /v1/webhooks/{id}", { key: host.key, params: { id: webhook.id } })).status).toBe(404);
  });
});

describe("v1 webhooks — delivery", () => {
  it("sends signed BOOKING_CREATED, one BOOKING_RESCHEDULED naming the old uid, and BOOKING_CANCELLED, in Cal.com's shape", async () => {
    const { host, eventType, webhook } = await subscribedHost();
    const destination = await api("POST /v1/destination-calendars", { key: host.key, body: { integration: "google_calendar", externalId: "team@example.com", eventTypeId: eventType.id } });
    expect(destination.status).toBe(201);
    const booker = await createCaller();
    const created = await api("POST /v2/bookings", { key: booker.key, body: { eventTypeId: eventType.id, start: localIso(MON, "09:00", BERLIN), attendee } });
    expect(created.status).toBe(201);
    const uid = created.body.data.uid;
    const moved = await api("POST /v2/bookings/{bookingUid}/reschedule", { key: booker.key, params: { bookingUid: uid }, body: { start: berlin(MON, "10:00") } });
    const newUid = moved.body.data.uid;
    await api("POST /v2/bookings/{bookingUid}/cancel", { key: booker.key, params: { bookingUid: newUid }, body: { cancellationReason: "no longer needed" } });
    await deliverAllDueWebhooks();

    expect(receiver.received.map((r) => (r.json as { triggerEvent: string }).triggerEvent)).toEqual(["BOOKING_CREATED", "BOOKING_RESCHEDULED", "BOOKING_CANCELLED"]);
    for (const r of receiver.received) {
      expect(r.signatureValid).toBe(true);
      expect(r.headers["content-type"]).toBe("application/json");
      expect(r.headers["x-slotbase-delivery-attempt"]).toBe("1");
    }
    const [createdEvent, rescheduled, cancelled] = receiver.received.map((r) => r.json as { createdAt: string; payload: Record<string, unknown> });
    expect(createdEvent.payload).toMatchObject({
      uid,
      type: eventType.slug,
      eventTypeId: eventType.id,
      startTime: berlin(MON, "09:00").replace(/\.000Z$/, ".000Z"),
      organizer: expect.objectContaining({ id: host.user.id, email: host.user.email, timeZone: expect.any(String) }),
      attendees: [expect.objectContaining({ email: attendee.email, name: "Jordan Lee", firstName: "Jordan", lastName: "Lee" })],
      status: "ACCEPTED",
      bookingId: expect.any(Number),
      destinationCalendar: expect.objectContaining({ integration: "google_calendar", externalId: "team@example.com", eventTypeId: eventType.id }),
    });
    expect(rescheduled.payload).toMatchObject({ uid: newUid, rescheduleUid: uid });
    expect(cancelled.payload).toMatchObject({ uid: newUid, status: "CANCELLED", cancellationReason: "no longer needed" });

    const log = await api("GET /v1/webhooks/{id}/deliveries", { key: host.key, params: { id: webhook.id } });
    expect(log.body.deliveries.map((d: { triggerEvent: string; status: string }) => [d.triggerEvent, d.status])).toEqual([
      ["BOOKING_CANCELLED", "DELIVERED"],
      ["BOOKING_RESCHEDULED", "DELIVERED"],
      ["BOOKING_CREATED", "DELIVERED"],
    ]);
    expect(log.body.deliveries[0]).toMatchObject({ attempts: 1, responseStatus: 200, responseBody: "thanks", nextAttemptAt: null });
  });

  it("loses nothing while the receiver is down: every delivery arrives once it is back, with the same delivery id", async () => {
    const { eventType } = await subscribedHost(["BOOKING_CREATED"]);
    const booker = await createCaller();
    receiver.mode = "error";
    for (const time of ["11:00", "11:30"]) {
      expect((await api("POST /v2/bookings", { key: booker.key, body: { eventTypeId: eventType.id, start: berlin(MON, time), attendee } })).status).toBe(201);
    }
    const first = await deliverDueWebhooks();
    expect(first).toEqual({ delivered: 0, retried: 2, failed: 0 });
    receiver.mode = "ok";
    await deliverAllDueWebhooks();
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received.map((r) => r.headers["x-slotbase-delivery-attempt"])).toEqual(["2", "2"]);
    expect(new Set(receiver.received.map((r) => r.headers["x-slotbase-delivery-id"])).size).toBe(2);
  });

  it("gives up after the retry schedule, turns a receiver that never answered off and emails its owner", async () => {
    const { host, eventType, webhook } = await subscribedHost(["BOOKING_CREATED"]);
    receiver.mode = "error";
    const booker = await createCaller();
    await api("POST /v2/bookings", { key: booker.key, body: { eventTypeId: eventType.id, start: berlin(MON, "12:00"), attendee } });
    await deliverAllDueWebhooks();
    const got = await api("GET /v1/webhooks/{id}", { key: host.key, params: { id: webhook.id } });
    expect(got.body.webhook).toMatchObject({ active: false, disabledAt: expect.any(String) });
    const [delivery] = (await api("GET /v1/webhooks/{id}/deliveries", { key: host.key, params: { id: webhook.id } })).body.deliveries;
    expect(delivery).toMatchObject({ status: "FAILED", attempts: 4, responseStatus: 503, lastError: "HTTP 503" });
    const prisma = await getPrisma();
    expect(await prisma.notification.count({ where: { recipient: host.user.email, template: "webhook.disabled" } })).toBe(1);

    // back on, and the missed event redelivered with the same id
    receiver.mode = "ok";
    expect((await api("PATCH /v1/webhooks/{id}", { key: host.key, params: { id: webhook.id }, body: { active: true } })).body.webhook).toMatchObject({ active: true, disabledAt: null });
    const again = await api("POST /v1/webhooks/{id}/deliveries/{deliveryId}/redeliver", { key: host.key, params: { id: webhook.id, deliveryId: delivery.id } });
    expect(again.status).toBe(202);
    await deliverAllDueWebhooks();
    expect(receiver.received.map((r) => r.headers["x-slotbase-delivery-id"])).toEqual([delivery.id]);
  });

  it("times out a receiver that never answers and retries, without slowing the booking", async () => {
    const { eventType } = await subscribedHost(["BOOKING_CREATED"]);
    receiver.mode = "hang";
    const booker = await createCaller();
    const made = await api("POST /v2/bookings", { key: booker.key, body: { eventTypeId: eventType.id, start: berlin(MON, "13:00"), attendee } });
    expect(made.status).toBe(201);
    // The booking is answered with its delivery merely queued: sending happens after, elsewhere.
    const prisma = await getPrisma();
    const queued = await prisma.webhookDelivery.findMany({ where: { bookingId: made.body.data.id } });
    expect(queued.map((d) => [d.status, d.attempts])).toEqual([["PENDING", 0]]);
    const pass = await deliverDueWebhooks();
    expect(pass.retried).toBe(1);
    const [delivery] = await prisma.webhookDelivery.findMany({ where: { bookingId: made.body.data.id } });
    expect(delivery!.lastError).toMatch(/timed out/);
    receiver.mode = "ok";
    await deliverAllDueWebhooks();
    expect(receiver.received).toHaveLength(1);
  });

  it("sends a payload template filled in, a PING on demand, and nothing for a change that rolled back", async () => {
    const { host, eventType, webhook } = await subscribedHost(["BOOKING_CREATED"], { payloadTemplate: '{"event":"{{triggerEvent}}","who":"{{attendees.0.name}}","title":"{{title}}"}' });
    const booker = await createCaller();
    await api("POST /v2/bookings", { key: booker.key, body: { eventTypeId: eventType.id, start: berlin(MON, "14:00"), attendee: { ...attendee, name: 'Jo "JJ" Lee' } } });
    // the same slot again: refused (409), so nothing is queued for it
    expect((await api("POST /v2/bookings", { key: booker.key, body: { eventTypeId: eventType.id, start: berlin(MON, "14:00"), attendee } })).status).toBe(409);
    const ping = await api("POST /v1/webhooks/{id}/ping", { key: host.key, params: { id: webhook.id } });
    expect(ping.status).toBe(202);
    await deliverAllDueWebhooks();
    expect(receiver.received.map((r) => r.json)).toEqual([
      { event: "BOOKING_CREATED", who: 'Jo "JJ" Lee', title: expect.any(String) },
      { event: "PING", who: "Jane Doe", title: "Test trigger event" },
    ]);
    expect(receiver.received.every((r) => r.signatureValid)).toBe(true);
  });

  it("queues MEETING_ENDED for the meeting's end and drops it when the booking is cancelled", async () => {
    const { eventType, webhook } = await subscribedHost(["MEETING_ENDED"]);
    const booker = await createCaller();
    const made = await api("POST /v2/bookings", { key: booker.key, body: { eventTypeId: eventType.id, start: berlin(MON, "15:00"), attendee } });
    const prisma = await getPrisma();
    const [queued] = await prisma.webhookDelivery.findMany({ where: { webhookId: webhook.id } });
    expect(queued).toMatchObject({ triggerEvent: "MEETING_ENDED", status: "PENDING" });
    expect(queued!.nextAttemptAt.toISOString()).toBe(made.body.data.end);
    await api("POST /v2/bookings/{bookingUid}/cancel", { key: booker.key, params: { bookingUid: made.body.data.uid }, body: {} });
    expect(await prisma.webhookDelivery.count({ where: { webhookId: webhook.id } })).toBe(0);
  });

  it("sends BOOKING_NO_SHOW_UPDATED when attendees are marked absent", async () => {
    const host = await createCaller();
    const { booking, attendees } = await bookingOf(host, { when: "past" });
    const made = await api("POST /v1/webhooks", { key: host.key, body: { subscriberUrl: receiver.url, eventTriggers: ["BOOKING_NO_SHOW_UPDATED"], secret: SECRET } });
    expect(made.status).toBe(201);
    await api("POST /v1/no-show", { key: host.key, body: { bookingUid: booking.uid, attendees: [{ email: attendees[0]!.email, noShow: true }] } });
    await deliverAllDueWebhooks();
    expect(receiver.received.map((r) => r.json)).toEqual([
      {
        triggerEvent: "BOOKING_NO_SHOW_UPDATED",
        createdAt: expect.any(String),
        payload: { bookingUid: booking.uid, bookingId: booking.id, message: `${attendees[0]!.email} marked as no-show`, attendees: [{ email: attendees[0]!.email, noShow: true }], noShowHost: false },
      },
    ]);
    expect(receiver.received[0]!.signatureValid).toBe(true);
  });

  it("passes running at the same time never send one delivery twice (claimed with SKIP LOCKED)", async () => {
    const { eventType } = await subscribedHost(["BOOKING_CREATED"]);
    const booker = await createCaller();
    for (const time of ["09:00", "09:30", "10:00", "10:30", "11:00", "11:30"]) {
      expect((await api("POST /v2/bookings", { key: booker.key, body: { eventTypeId: eventType.id, start: berlin(addDays(MON, 1), time), attendee } })).status).toBe(201);
    }
    const passes = await Promise.all([deliverDueWebhooks({ limit: 4 }), deliverDueWebhooks({ limit: 4 }), deliverDueWebhooks({ limit: 4 })]);
    await deliverAllDueWebhooks();
    expect(passes.reduce((sum, pass) => sum + pass.delivered, 0)).toBeLessThanOrEqual(6);
    const ids = receiver.received.map((r) => r.headers["x-slotbase-delivery-id"]);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
  });
});

describe("GET /v1/webhooks and its deliveries: list paging", () => {
  it("answers every webhook of the caller, oldest first, with X-Total-Count and Link rel=next", async () => {
    const caller = await createCaller();
    const rows = [];
    for (let i = 0; i < 3; i += 1) rows.push(await createWebhookRow(caller, { subscriberUrl: `https://hooks.example.com/${i}` }));
    await createWebhookRow(await createCaller());
    await expectListPaging("GET /v1/webhooks", { key: caller.key }, "webhooks", rows.map((r) => r.id));
  });

  it("answers every delivery of the webhook, newest first", async () => {
    const caller = await createCaller();
    const webhook = await createWebhookRow(caller);
    const other = await createWebhookRow(caller);
    const prisma = await getPrisma();
    for (let i = 0; i < 3; i += 1) {
      await prisma.webhookDelivery.create({ data: { webhookId: webhook.id, triggerEvent: "BOOKING_CREATED", body: "{}", createdAt: new Date(Date.now() - i * 60_000) } });
    }
    await prisma.webhookDelivery.create({ data: { webhookId: other.id, triggerEvent: "BOOKING_CREATED", body: "{}" } });
    const expected = await prisma.webhookDelivery.findMany({ where: { webhookId: webhook.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    await expectListPaging("GET /v1/webhooks/{id}/deliveries", { key: caller.key, params: { id: webhook.id } }, "deliveries", expected.map((d) => d.id));
  });
});
