import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { deliverDueWebhooks } from "@slotbase/features";
import { getPrisma } from "@slotbase/prisma";
import { api } from "../../support/api";
import { useTestDatabase } from "../../support/database";
import { createCaller } from "../../support/fixtures";
import { berlin, nextMonday } from "../../support/dates";
import { createHostWithEventType } from "../../support/scheduling";
import { createWebhookRow } from "../../support/webhooks";

useTestDatabase();

const MON = nextMonday();
const attendee = { name: "Jordan Lee", email: "jordan.lee@example.com", timeZone: "Europe/London" };
const valid = { subscriberUrl: "https://hooks.example.com/slotbase", eventTriggers: ["BOOKING_CREATED"], active: true };

const detailsOf = (result: { body: { details?: { field: string; rule: string }[] } }) => (result.body.details ?? []).map((d) => [d.field, d.rule]);

// Production settings: no private target allowed, https only.
beforeEach(() => {
  delete process.env.WEBHOOK_ALLOWED_PRIVATE_HOSTS;
  delete process.env.WEBHOOK_ALLOW_HTTP;
  process.env.WEBHOOK_RETRY_SCHEDULE = "0";
});

describe("v1 webhooks — subscriber URLs that could reach inside (SSRF)", () => {
  it.each([
    ["http://127.0.0.1:8080/hook", "scheme_not_allowed"],
    ["https://127.0.0.1/hook", "address_not_allowed"],
    ["https://[::1]/hook", "address_not_allowed"],
    ["https://10.1.2.3/hook", "address_not_allowed"],
    ["https://169.254.169.254/latest/meta-data", "address_not_allowed"],
    ["https://[::ffff:127.0.0.1]/hook", "address_not_allowed"],
    ["https://localhost/hook", "address_not_allowed"],
    ["http://hooks.example.com/slotbase", "scheme_not_allowed"],
    ["https://user:pass@hooks.example.com/x", "credentials_in_url"],
    ["not a url", "invalid_url"],
  ])("refuses %s when it is saved (400, %s)", async (subscriberUrl, rule) => {
    const caller = await createCaller();
    const refused = await api("POST /v1/webhooks", { key: caller.key, body: { ...valid, subscriberUrl } });
    expect(refused.status).toBe(400);
    expect(detailsOf(refused)).toEqual([["body.subscriberUrl", rule]]);
    const prisma = await getPrisma();
    expect(await prisma.webhook.count({ where: { userId: caller.user.id } })).toBe(0);
    const webhook = await createWebhookRow(caller);
    const changed = await api("PATCH /v1/webhooks/{id}", { key: caller.key, params: { id: webhook.id }, body: { subscriberUrl } });
    expect(changed.status).toBe(400);
    expect((await prisma.webhook.findUniqueOrThrow({ where: { id: webhook.id } })).subscriberUrl).toBe(webhook.subscriberUrl);
  });

  it("refuses at send time too: a stored URL that resolves to loopback is never contacted", async () => {
    const contacted: string[] = [];
    const server: Server = createServer((req, res) => {
      contacted.push(req.url ?? "");
      res.end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const { host, eventType } = await createHostWithEventType();
      // As if DNS had changed after the webhook was saved: the row points at a loopback name.
      const webhook = await createWebhookRow(host, { subscriberUrl: `https://localhost:${port}/hook` });
      const booker = await createCaller();
      expect((await api("POST /v2/bookings", { key: booker.key, body: { eventTypeId: eventType.id, start: berlin(MON, "09:00"), attendee } })).status).toBe(201);
      await deliverDueWebhooks();
      await deliverDueWebhooks();
      const prisma = await getPrisma();
      const [delivery] = await prisma.webhookDelivery.findMany({ where: { webhookId: webhook.id } });
      expect(delivery).toMatchObject({ status: "FAILED", responseStatus: null });
      expect(delivery!.lastError).toMatch(/^refused: /);
      expect(contacted).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("does not follow a redirect (to the metadata address or anywhere): a 3xx is a failed attempt", async () => {
    const contacted: string[] = [];
    const server: Server = createServer((req, res) => {
      contacted.push(req.url ?? "");
      res.writeHead(302, { Location: "http://169.254.169.254/latest/meta-data" });
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    process.env.WEBHOOK_ALLOWED_PRIVATE_HOSTS = "127.0.0.1";
    try {
      const { host, eventType } = await createHostWithEventType();
      const created = await api("POST /v1/webhooks", { key: host.key, body: { ...valid, subscriberUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook` } });
      expect(created.status).toBe(201);
      const booker = await createCaller();
      await api("POST /v2/bookings", { key: booker.key, body: { eventTypeId: eventType.id, start: berlin(MON, "10:00"), attendee } });
      await deliverDueWebhooks();
      const [delivery] = (await api("GET /v1/webhooks/{id}/deliveries", { key: host.key, params: { id: created.body.webhook.id } })).body.deliveries;
      expect(delivery).toMatchObject({ responseStatus: 302, lastError: "HTTP 302" });
      expect(contacted).toEqual(["/hook"]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe("v1 webhooks — invalid input", () => {
  it.each([
    [{ ...valid, eventTriggers: ["BOOKING_EXPLODED"] }, "body.eventTriggers"],
    [{ ...valid, eventTriggers: [] }, "body.eventTriggers"],
    [{ eventTriggers: ["BOOKING_CREATED"] }, "body.subscriberUrl"],
    [{ ...valid, secret: "" }, "body.secret"],
    [{ ...valid, colour: "red" }, "body.colour"],
    [{ ...valid, eventTypeId: "abc" }, "body.eventTypeId"],
  ])("refuses %j naming %s", async (body, field) => {
    const caller = await createCaller();
    const refused = await api("POST /v1/webhooks", { key: caller.key, body });
    expect(refused.status).toBe(400);
    expect(detailsOf(refused).map(([f]) => f)).toContain(field);
  });

  it("an empty PATCH, an unknown webhook and an unknown delivery are clear 4xx answers", async () => {
    const caller = await createCaller();
    const webhook = await createWebhookRow(caller);
    expect((await api("PATCH /v1/webhooks/{id}", { key: caller.key, params: { id: webhook.id }, body: {} })).status).toBe(400);
    expect((await api("GET /v1/webhooks/{id}", { key: caller.key, params: { id: "no-such-webhook" } })).status).toBe(404);
    const missing = await api("POST /v1/webhooks/{id}/deliveries/{deliveryId}/redeliver", { key: caller.key, params: { id: webhook.id, deliveryId: "nope" } });
    expect(missing.status).toBe(404);
    expect(detailsOf(missing)).toEqual([["path.deliveryId", "not_found"]]);
  });
});
