import { NEVER_FIRED_TRIGGERS } from "@slotbase/features";
import { getPrisma } from "@slotbase/prisma";
import { api } from "../../support/api";
import { useTestDatabase } from "../../support/database";
import { createCaller } from "../../support/fixtures";
import { berlin, nextMonday } from "../../support/dates";
import { createEventType, createHostWithEventType } from "../../support/scheduling";
import { allowLocalReceivers, createWebhookRow, deliverAllDueWebhooks, useReceiver } from "../../support/webhooks";

useTestDatabase();
allowLocalReceivers();

const MON = nextMonday();
const attendee = { name: "Jordan Lee", email: "jordan.lee@example.com", timeZone: "Europe/London" };
const SECRET = "4f2a9c0d6e1b3a5c7d9e0f1a2b3c4d5e";
const N8N_EVENTS = ["BOOKING_CREATED", "BOOKING_CANCELLED", "BOOKING_RESCHEDULED", "MEETING_ENDED"];

const receiver = useReceiver(SECRET);

const idsOf = (result: { body: { data: { id: string }[] } }) => result.body.data.map((w) => w.id);

describe("v2 webhooks — as n8n's Cal Trigger uses them", () => {
  it("creates with a Bearer key, finds it by id and in the list, and deletes it on deactivation", async () => {
    const caller = await createCaller();
    const created = await api("POST /v2/webhooks", { key: caller.key, body: { subscriberUrl: receiver.url, triggers: N8N_EVENTS, active: true, secret: SECRET } });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      status: "success",
      data: { id: expect.any(String), userId: caller.user.id, subscriberUrl: receiver.url, triggers: N8N_EVENTS, active: true, payloadTemplate: null },
    });
    const webhookId = created.body.data.id;
    expect((await api("GET /v2/webhooks/{webhookId}", { key: caller.key, params: { webhookId } })).body).toEqual(created.body);
    const listed = await api("GET /v2/webhooks", { key: caller.key, query: { take: "250", skip: "0" } });
    expect(listed.body).toEqual({ status: "success", data: [created.body.data] });

    const deleted = await api("DELETE /v2/webhooks/{webhookId}", { key: caller.key, params: { webhookId } });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual(created.body);
    expect((await api("GET /v2/webhooks/{webhookId}", { key: caller.key, params: { webhookId } })).status).toBe(404);
    expect((await api("GET /v2/webhooks", { key: caller.key })).body.data).toEqual([]);
  });

  it("an event type's webhook, with a payload template: created, found in the event type's list, deleted", async () => {
    const { host, eventType } = await createHostWithEventType();
    const payloadTemplate = '{"event":"{{triggerEvent}}","title":"{{title}}"}';
    const onType = { eventTypeId: eventType.id };
    const created = await api("POST /v2/event-types/{eventTypeId}/webhooks", { key: host.key, params: onType, body: { subscriberUrl: receiver.url, triggers: ["BOOKING_CREATED"], active: true, payloadTemplate, secret: SECRET } });
    expect(created.status).toBe(201);
    expect(created.body.data).toEqual({ id: expect.any(String), eventTypeId: eventType.id, subscriberUrl: receiver.url, triggers: ["BOOKING_CREATED"], active: true, payloadTemplate });
    const params = { ...onType, webhookId: created.body.data.id };
    expect((await api("GET /v2/event-types/{eventTypeId}/webhooks", { key: host.key, params: onType, query: { take: "250", skip: "0" } })).body.data).toEqual([created.body.data]);
    expect((await api("GET /v2/event-types/{eventTypeId}/webhooks/{webhookId}", { key: host.key, params })).body).toEqual(created.body);
    // Not a user webhook: /v2/webhooks lists those on no event type.
    expect((await api("GET /v2/webhooks", { key: host.key })).body.data).toEqual([]);
    expect((await api("DELETE /v2/event-types/{eventTypeId}/webhooks/{webhookId}", { key: host.key, params })).body).toEqual(created.body);
    expect((await api("GET /v2/event-types/{eventTypeId}/webhooks/{webhookId}", { key: host.key, params })).status).toBe(404);
  });
});

describe("v2 webhooks — changing and paging", () => {
  it("PATCH changes what it is sent (an empty body changes nothing) and a webhook turned off by delivery comes back on", async () => {
    const caller = await createCaller();
    const webhook = await createWebhookRow(caller);
    const params = { webhookId: webhook.id };
    const prisma = await getPrisma();
    await prisma.webhook.update({ where: { id: webhook.id }, data: { active: false, disabledAt: new Date(), disabledReason: "no 2xx for a day" } });
    const changed = await api("PATCH /v2/webhooks/{webhookId}", {
      key: caller.key,
      params,
      body: { triggers: ["BOOKING_CANCELLED", "MEETING_ENDED"], active: true, payloadTemplate: "{{title}}", subscriberUrl: "https://hooks.example.com/other" },
    });
    expect(changed.body.data).toEqual({ id: webhook.id, userId: caller.user.id, subscriberUrl: "https://hooks.example.com/other", triggers: ["BOOKING_CANCELLED", "MEETING_ENDED"], active: true, payloadTemplate: "{{title}}" });
    expect(await prisma.webhook.findUniqueOrThrow({ where: { id: webhook.id } })).toMatchObject({ disabledAt: null, disabledReason: null });
    const unchanged = await api("PATCH /v2/webhooks/{webhookId}", { key: caller.key, params, body: {} });
    expect(unchanged.status).toBe(200);
    expect(unchanged.body.data).toEqual(changed.body.data);
  });

  it("pages with take and skip, oldest first, on both lists", async () => {
    const caller = await createCaller();
    const eventType = await createEventType(caller.user.id);
    const own: string[] = [];
    const onType: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      own.push((await api("POST /v2/webhooks", { key: caller.key, body: { subscriberUrl: `https://hooks.example.com/${i}`, triggers: ["BOOKING_CREATED"], active: true } })).body.data.id);
      onType.push(
        (await api("POST /v2/event-types/{eventTypeId}/webhooks", { key: caller.key, params: { eventTypeId: eventType.id }, body: { subscriberUrl: `https://hooks.example.com/t${i}`, triggers: ["BOOKING_CREATED"], active: false } })).body.data.id,
      );
    }
    // Distinct creation times (two calls may share a millisecond; ties go by id).
    const prisma = await getPrisma();
    for (const [i, id] of [...own, ...onType].entries()) await prisma.webhook.update({ where: { id }, data: { createdAt: new Date(Date.now() - (10 - (i % 3)) * 60_000) } });
    expect(idsOf(await api("GET /v2/webhooks", { key: caller.key }))).toEqual(own);
    expect(idsOf(await api("GET /v2/webhooks", { key: caller.key, query: { take: "2" } }))).toEqual(own.slice(0, 2));
    expect(idsOf(await api("GET /v2/webhooks", { key: caller.key, query: { take: "2", skip: "1" } }))).toEqual(own.slice(1, 3));
    expect(idsOf(await api("GET /v2/webhooks", { key: caller.key, query: { skip: "3" } }))).toEqual([]);
    const params = { eventTypeId: eventType.id };
    expect(idsOf(await api("GET /v2/event-types/{eventTypeId}/webhooks", { key: caller.key, params }))).toEqual(onType);
    expect(idsOf(await api("GET /v2/event-types/{eventTypeId}/webhooks", { key: caller.key, params, query: { take: "1", skip: "2" } }))).toEqual([onType[2]]);
  });

  it("DELETE on an event type's webhooks deletes all of them, and only them, saying how many (Cal.com's text)", async () => {
    const caller = await createCaller();
    const typeA = await createEventType(caller.user.id);
    const typeB = await createEventType(caller.user.id);
    await createWebhookRow(caller, { eventTypeId: typeA.id });
    await createWebhookRow(caller, { eventTypeId: typeA.id });
    const keptOnB = await createWebhookRow(caller, { eventTypeId: typeB.id });
    const keptOwn = await createWebhookRow(caller);
    const deleted = await api("DELETE /v2/event-types/{eventTypeId}/webhooks", { key: caller.key, params: { eventTypeId: typeA.id } });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ status: "success", data: "2 webhooks deleted" });
    const prisma = await getPrisma();
    expect((await prisma.webhook.findMany({ where: { userId: caller.user.id } })).map((w) => w.id).sort()).toEqual([keptOnB.id, keptOwn.id].sort());
  });
});

describe("v2 webhooks — triggers", () => {
  it("accepts and returns every trigger Cal.com documents, those Slotbase never fires included; one name alone is a list of one", async () => {
    const caller = await createCaller();
    const triggers = ["BOOKING_CREATED", ...NEVER_FIRED_TRIGGERS];
    const created = await api("POST /v2/webhooks", { key: caller.key, body: { subscriberUrl: "https://hooks.example.com/all", triggers, active: true } });
    expect(created.status).toBe(201);
    expect(created.body.data.triggers).toEqual(triggers);
    const single = await api("PATCH /v2/webhooks/{webhookId}", { key: caller.key, params: { webhookId: created.body.data.id }, body: { triggers: "OOO_CREATED" } });
    expect(single.body.data.triggers).toEqual(["OOO_CREATED"]);
    // v1 sees the same webhook under its own names.
    const v1 = await api("GET /v1/webhooks/{id}", { key: caller.key, params: { id: created.body.data.id } });
    expect(v1.body.webhook).toMatchObject({ eventTriggers: ["OOO_CREATED"], eventTypeId: null });
  });
});

describe("v2 webhooks — delivery (v1's delivery system, unchanged)", () => {
  it("a user webhook gets every booking its user organizes; an event type's only that event type's; both signed with their secret", async () => {
    const { host, eventType } = await createHostWithEventType();
    const other = await createEventType(host.user.id);
    const own = await api("POST /v2/webhooks", { key: host.key, body: { subscriberUrl: `${receiver.url}?own`, triggers: ["BOOKING_CREATED"], active: true, secret: SECRET } });
    const typed = await api("POST /v2/event-types/{eventTypeId}/webhooks", { key: host.key, params: { eventTypeId: eventType.id }, body: { subscriberUrl: `${receiver.url}?typed`, triggers: ["BOOKING_CREATED"], active: true, secret: SECRET } });
    expect([own.status, typed.status]).toEqual([201, 201]);
    const booker = await createCaller();
    for (const [id, time] of [[eventType.id, "09:00"], [other.id, "11:00"]] as const) {
      expect((await api("POST /v2/bookings", { key: booker.key, body: { eventTypeId: id, start: berlin(MON, time), attendee } })).status).toBe(201);
    }
    await deliverAllDueWebhooks();
    const got = receiver.received.map((r) => String((r.json as { payload: { eventTypeId: number } }).payload.eventTypeId));
    expect(got.sort()).toEqual([String(eventType.id), String(eventType.id), String(other.id)].sort());
    for (const r of receiver.received) {
      expect(r.signatureValid).toBe(true);
      expect((r.json as { triggerEvent: string }).triggerEvent).toBe("BOOKING_CREATED");
    }
  });
});
