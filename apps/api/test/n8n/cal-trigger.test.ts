/*
 * n8n's Cal Trigger against Slotbase, both generations: typeVersion 3 (v2 webhooks, user-level
 * and per event type) and typeVersions 1–2 ("v2.0 onwards": `{host}/event-types` and
 * `{host}/webhooks?apiKey=…` on the bare host). "Before v2.0"'s `{host}/hooks` is a rewrite,
 * tested over real HTTP in test-http/routing.test.ts. The n8n files and commits read are listed
 * in cal-nodes.test.ts; the request builders are support/n8n.ts.
 */
import { createHmac } from "node:crypto";
import { useTestDatabase } from "../support/database";
import { createCaller } from "../support/fixtures";
import { berlin, nextMonday } from "../support/dates";
import { createHostWithEventType } from "../support/scheduling";
import { allowLocalReceivers, deliverAllDueWebhooks, useReceiver } from "../support/webhooks";
import { CAL_API_VERSION, calV1Bare, calV2 } from "../support/n8n";

useTestDatabase();
allowLocalReceivers();

// MON is a Monday ahead (computed from today); hosts work 09:00–17:00 Berlin.
const MON = nextMonday();
const ok = (status: number) => status >= 200 && status < 300;

describe("n8n Cal Trigger", () => {
  const SECRET = "a".repeat(64); // randomBytes(32).toString('hex') in the node
  const EVENTS = ["BOOKING_CREATED", "BOOKING_CANCELLED", "BOOKING_RESCHEDULED", "MEETING_ENDED"];
  const receiver = useReceiver(SECRET);

  /** CalTriggerV2 checkExists: GET endpoint?take=250&skip=0 with no cal-api-version, matched on url, active, triggers, template. */
  async function checkExistsV2(key: string, template: string, params: Record<string, number>, events: string[], payloadTemplate = "") {
    const response = await calV2(key, "GET", template, { params, query: { take: 250, skip: 0 } });
    expect(response.status).toBe(200);
    const found = (response.body.data as { id: string; subscriberUrl: string; active: boolean; triggers: string[]; payloadTemplate?: string | null }[]).find(
      (w) =>
        w.subscriberUrl === receiver.url &&
        w.active &&
        w.triggers.length === events.length &&
        events.every((e) => w.triggers.includes(e)) &&
        (w.payloadTemplate ?? "") === payloadTemplate,
    );
    return found;
  }

  it("typeVersion 3 (CalTriggerV2): loadOptions, checkExists, create, a signed delivery it accepts, delete", async () => {
    const { host, eventType } = await createHostWithEventType();

    // getEventTypes (loadOptions): GET /v2/event-types with 2024-06-14; reads data[].{id,title}.
    const types = await calV2(host.key, "GET", "/event-types", { apiVersion: "2024-06-14" });
    expect(types.body.data.map((t: { id: number; title: string }) => ({ name: t.title, value: t.id }))).toEqual([{ name: eventType.title, value: eventType.id }]);

    expect(await checkExistsV2(host.key, "/webhooks", {}, EVENTS)).toBeUndefined();

    // create: POST /v2/webhooks { subscriberUrl, triggers, active, secret }, no cal-api-version; reads data.id.
    const created = await calV2(host.key, "POST", "/webhooks", { body: { subscriberUrl: receiver.url, triggers: EVENTS, active: true, secret: SECRET } });
    expect(created.status).toBe(201);
    expect(created.body.data.id).toBeDefined();
    expect((await checkExistsV2(host.key, "/webhooks", {}, EVENTS))?.id).toBe(created.body.data.id);

    // webhook(): verifySignature (hex HMAC-SHA256 of the raw body with the secret in X-Cal-Signature-256),
    // then { triggerEvent, createdAt, ...payload }.
    const booked = await calV2((await createCaller()).key, "POST", "/bookings", {
      apiVersion: CAL_API_VERSION.BOOKINGS_WRITE,
      body: { eventTypeId: eventType.id, start: berlin(MON, "09:00"), attendee: { name: "Jane Doe", timeZone: "UTC", email: "jane@example.com" } },
    });
    expect(booked.status).toBe(201);
    await deliverAllDueWebhooks();
    expect(receiver.received).toHaveLength(1);
    const delivery = receiver.received[0];
    const expected = createHmac("sha256", SECRET).update(Buffer.from(delivery.body)).digest("hex");
    expect(delivery.headers["x-cal-signature-256"]).toBe(expected);
    const body = delivery.json as { triggerEvent: string; createdAt: string; payload: Record<string, unknown> };
    expect(body).toMatchObject({ triggerEvent: "BOOKING_CREATED", createdAt: expect.any(String), payload: expect.objectContaining({ uid: booked.body.data.uid }) });

    // delete: DELETE /v2/webhooks/{id} with n8n's default `{}` body; a 2xx.
    const deleted = await calV2(host.key, "DELETE", "/webhooks/{webhookId}", { params: { webhookId: created.body.data.id } });
    expect(ok(deleted.status)).toBe(true);
    expect(await checkExistsV2(host.key, "/webhooks", {}, EVENTS)).toBeUndefined();
  });

  it("typeVersion 3 with an event type and a payload template: /v2/event-types/{id}/webhooks", async () => {
    const { host, eventType } = await createHostWithEventType();
    const template = '{"event":"{{triggerEvent}}"}';
    const params = { eventTypeId: eventType.id };
    expect(await checkExistsV2(host.key, "/event-types/{eventTypeId}/webhooks", params, ["BOOKING_CREATED"], template)).toBeUndefined();
    const created = await calV2(host.key, "POST", "/event-types/{eventTypeId}/webhooks", {
      params,
      body: { subscriberUrl: receiver.url, triggers: ["BOOKING_CREATED"], active: true, secret: SECRET, payloadTemplate: template },
    });
    expect(created.status).toBe(201);
    expect(created.body.data.id).toBeDefined();
    expect((await checkExistsV2(host.key, "/event-types/{eventTypeId}/webhooks", params, ["BOOKING_CREATED"], template))?.id).toBe(created.body.data.id);
    const deleted = await calV2(host.key, "DELETE", "/event-types/{eventTypeId}/webhooks/{webhookId}", { params: { ...params, webhookId: created.body.data.id } });
    expect(ok(deleted.status)).toBe(true);
    expect(await checkExistsV2(host.key, "/event-types/{eventTypeId}/webhooks", params, ["BOOKING_CREATED"], template)).toBeUndefined();
  });

  it("typeVersions 1–2 (CalTriggerV1, API version 'v2.0 onwards'): {host}/event-types, /webhooks?apiKey=… create, check, delete", async () => {
    const { host, eventType } = await createHostWithEventType();
    const events = ["BOOKING_CREATED", "BOOKING_RESCHEDULED"];

    // getEventTypes: GET {host}/event-types?apiKey=… (→ /v1/event-types); reads event_types[].{title,id}.
    const types = await calV1Bare(host.key, "GET", "/event-types");
    expect(types.status).toBe(200);
    expect(types.body.event_types.map((t: { id: number; title: string }) => ({ name: t.title, value: t.id }))).toEqual([{ name: eventType.title, value: eventType.id }]);

    // checkExists: GET {host}/webhooks?apiKey=…; reads webhooks[].{subscriberUrl,eventTriggers,id}.
    const findIt = async () => {
      const list = await calV1Bare(host.key, "GET", "/webhooks");
      expect(list.status).toBe(200);
      const hook = (list.body.webhooks as { id: string; subscriberUrl: string; eventTriggers: string[] }[]).find((w) => w.subscriberUrl === receiver.url);
      return hook && events.every((e) => hook.eventTriggers.includes(e)) ? hook : undefined;
    };
    expect(await findIt()).toBeUndefined();

    // create: POST {host}/webhooks { subscriberUrl, eventTriggers, active, secret, ...options }; reads webhook.id.
    const created = await calV1Bare(host.key, "POST", "/webhooks", {
      body: { subscriberUrl: receiver.url, eventTriggers: events, active: true, secret: SECRET, eventTypeId: eventType.id, payloadTemplate: '{"t":"{{triggerEvent}}"}' },
    });
    expect(created.status).toBe(201);
    expect(created.body.webhook.id).toBeDefined();
    expect((await findIt())?.id).toBe(created.body.webhook.id);

    // delete: DELETE {host}/webhooks/{id}; a 2xx.
    const deleted = await calV1Bare(host.key, "DELETE", "/webhooks/{id}", { params: { id: created.body.webhook.id } });
    expect(ok(deleted.status)).toBe(true);
    expect(await findIt()).toBeUndefined();
  });
});
