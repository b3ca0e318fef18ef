import { getPrisma } from "@slotbase/prisma";
import { api } from "../../support/api";
import { useTestDatabase } from "../../support/database";
import { createCaller } from "../../support/fixtures";
import { createEventType } from "../../support/scheduling";
import { createWebhookRow } from "../../support/webhooks";

useTestDatabase();

const valid = { subscriberUrl: "https://hooks.example.com/slotbase", triggers: ["BOOKING_CREATED"], active: true };

type ErrorBody = { body: { status?: string; error?: { details?: { field?: string; rule?: string }[] } } };
const detailsOf = (result: ErrorBody) => (result.body.error?.details ?? []).map((d) => [d.field, d.rule]);
const fieldsOf = (result: ErrorBody) => detailsOf(result).map(([field]) => field);

// Production settings: no private target allowed, https only.
beforeEach(() => {
  delete process.env.WEBHOOK_ALLOWED_PRIVATE_HOSTS;
  delete process.env.WEBHOOK_ALLOW_HTTP;
});

describe("v2 webhooks — subscriber URLs that could reach inside (SSRF): v1's policy, on both paths", () => {
  it.each([
    ["http://127.0.0.1:8080/hook", "scheme_not_allowed"],
    ["https://127.0.0.1/hook", "address_not_allowed"],
    ["https://[::1]/hook", "address_not_allowed"],
    ["https://10.1.2.3/hook", "address_not_allowed"],
    ["https://169.254.169.254/latest/meta-data", "address_not_allowed"],
    ["https://localhost/hook", "address_not_allowed"],
    ["http://hooks.example.com/slotbase", "scheme_not_allowed"],
    ["https://user:pass@hooks.example.com/x", "credentials_in_url"],
    ["not a url", "invalid_url"],
  ])("refuses %s on create and on change (400, %s), saving nothing", async (subscriberUrl, rule) => {
    const caller = await createCaller();
    const eventType = await createEventType(caller.user.id);
    const prisma = await getPrisma();
    const own = await api("POST /v2/webhooks", { key: caller.key, body: { ...valid, subscriberUrl } });
    const typed = await api("POST /v2/event-types/{eventTypeId}/webhooks", { key: caller.key, params: { eventTypeId: eventType.id }, body: { ...valid, subscriberUrl } });
    for (const refused of [own, typed]) {
      expect(refused.status).toBe(400);
      expect(refused.body.status).toBe("error");
      expect(detailsOf(refused)).toEqual([["body.subscriberUrl", rule]]);
    }
    expect(await prisma.webhook.count({ where: { userId: caller.user.id } })).toBe(0);
    const webhook = await createWebhookRow(caller);
    const typedRow = await createWebhookRow(caller, { eventTypeId: eventType.id });
    const changed = await api("PATCH /v2/webhooks/{webhookId}", { key: caller.key, params: { webhookId: webhook.id }, body: { subscriberUrl } });
    const changedTyped = await api("PATCH /v2/event-types/{eventTypeId}/webhooks/{webhookId}", { key: caller.key, params: { eventTypeId: eventType.id, webhookId: typedRow.id }, body: { subscriberUrl } });
    for (const refused of [changed, changedTyped]) {
      expect(refused.status).toBe(400);
      expect(detailsOf(refused)).toEqual([["body.subscriberUrl", rule]]);
    }
    expect((await prisma.webhook.findMany({ where: { userId: caller.user.id } })).map((w) => w.subscriberUrl)).toEqual([webhook.subscriberUrl, typedRow.subscriberUrl]);
  });
});

describe("v2 webhooks — invalid input", () => {
  it.each([
    [{ ...valid, triggers: ["BOOKING_EXPLODED"] }, "body.triggers"],
    [{ ...valid, triggers: ["BOOKING_CONFIRMED"] }, "body.triggers"],
    [{ ...valid, triggers: [] }, "body.triggers"],
    [{ subscriberUrl: valid.subscriberUrl, active: true }, "body.triggers"],
    [{ triggers: ["BOOKING_CREATED"], active: true }, "body.subscriberUrl"],
    [{ subscriberUrl: valid.subscriberUrl, triggers: ["BOOKING_CREATED"] }, "body.active"],
    [{ ...valid, active: "yes" }, "body.active"],
    [{ ...valid, secret: "" }, "body.secret"],
    [{ ...valid, payloadTemplate: 42 }, "body.payloadTemplate"],
    [{ ...valid, eventTriggers: ["BOOKING_CREATED"] }, "body.eventTriggers"],
    [{ ...valid, eventTypeId: 3 }, "body.eventTypeId"],
  ])("refuses %j naming %s", async (body, field) => {
    const caller = await createCaller();
    const refused = await api("POST /v2/webhooks", { key: caller.key, body });
    expect(refused.status).toBe(400);
    expect(refused.body.status).toBe("error");
    expect(fieldsOf(refused)).toContain(field);
    const prisma = await getPrisma();
    expect(await prisma.webhook.count({ where: { userId: caller.user.id } })).toBe(0);
  });

  it("refuses a change of the event type or owner through PATCH (unknown fields) and a trigger it does not know", async () => {
    const caller = await createCaller();
    const webhook = await createWebhookRow(caller);
    const params = { webhookId: webhook.id };
    for (const [body, field] of [
      [{ eventTypeId: 1 }, "body.eventTypeId"],
      [{ userId: 1 }, "body.userId"],
      [{ triggers: ["NOPE"] }, "body.triggers"],
    ] as const) {
      const refused = await api("PATCH /v2/webhooks/{webhookId}", { key: caller.key, params, body });
      expect(refused.status).toBe(400);
      expect(fieldsOf(refused)).toContain(field);
    }
    const prisma = await getPrisma();
    expect(await prisma.webhook.findUniqueOrThrow({ where: { id: webhook.id } })).toEqual(webhook);
  });

  it.each([
    [{ take: "0" }, "query.take"],
    [{ take: "251" }, "query.take"],
    [{ take: "ten" }, "query.take"],
    [{ skip: "-1" }, "query.skip"],
    [{ page: "2" }, "query.page"],
  ])("refuses the list query %j naming %s", async (query, field) => {
    const caller = await createCaller();
    const eventType = await createEventType(caller.user.id);
    const own = await api("GET /v2/webhooks", { key: caller.key, query });
    const typed = await api("GET /v2/event-types/{eventTypeId}/webhooks", { key: caller.key, params: { eventTypeId: eventType.id }, query });
    for (const refused of [own, typed]) {
      expect(refused.status).toBe(400);
      expect(fieldsOf(refused)).toContain(field);
    }
  });

  it("an event type id that is not a number is a 400; an unknown event type or webhook a 404 naming what is missing", async () => {
    const caller = await createCaller();
    const eventType = await createEventType(caller.user.id);
    const bad = await api("GET /v2/event-types/{eventTypeId}/webhooks", { key: caller.key, params: { eventTypeId: "abc" } });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad)).toContain("path.eventTypeId");
    const noType = await api("POST /v2/event-types/{eventTypeId}/webhooks", { key: caller.key, params: { eventTypeId: 2_000_000_000 }, body: valid });
    expect(noType.status).toBe(404);
    expect(detailsOf(noType)).toEqual([["path.eventTypeId", "not_found"]]);
    expect((await api("DELETE /v2/event-types/{eventTypeId}/webhooks", { key: caller.key, params: { eventTypeId: 2_000_000_000 } })).status).toBe(404);
    expect((await api("GET /v2/webhooks/{webhookId}", { key: caller.key, params: { webhookId: "no-such-webhook" } })).status).toBe(404);
    const noWebhook = await api("GET /v2/event-types/{eventTypeId}/webhooks/{webhookId}", { key: caller.key, params: { eventTypeId: eventType.id, webhookId: "no-such-webhook" } });
    expect(noWebhook.status).toBe(404);
    expect(noWebhook.body.status).toBe("error");
  });

  it("a body that is not JSON is a 400 and other methods a 405, in v2's error shape", async () => {
    const caller = await createCaller();
    const malformed = await api("POST /v2/webhooks", { key: caller.key, body: "{not json", headers: { "content-type": "application/json" } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.status).toBe("error");
    const put = await api("PUT /v2/webhooks", { key: caller.key, body: valid, unchecked: true });
    expect(put.status).toBe(405);
    expect(put.body.status).toBe("error");
    const post = await api("POST /v2/event-types/{eventTypeId}/webhooks/{webhookId}", { key: caller.key, params: { eventTypeId: 1, webhookId: "x" }, unchecked: true });
    expect(post.status).toBe(405);
  });
});
