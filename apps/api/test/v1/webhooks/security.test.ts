import { getPrisma } from "@slotbase/prisma";
import { api } from "../../support/api";
import { describeAuthMatrix } from "../../support/auth-matrix";
import { useTestDatabase } from "../../support/database";
import { createAdmin, createCaller } from "../../support/fixtures";
import { createTeamEventType } from "../../support/scheduling";
import { createTeam } from "../../support/teams";
import { createWebhookRow } from "../../support/webhooks";

useTestDatabase();

const body = { subscriberUrl: "https://hooks.example.com/slotbase", eventTriggers: ["BOOKING_CREATED"], active: true, secret: "s3cret" };

describeAuthMatrix({ operation: "GET /v1/webhooks", scope: "webhooks:read", request: () => ({}) });
describeAuthMatrix({ operation: "POST /v1/webhooks", scope: "webhooks:write", ownerStatus: 201, request: () => ({ body }) });
for (const [operation, scope, extra] of [
  ["GET /v1/webhooks/{id}", "webhooks:read", {}],
  ["PATCH /v1/webhooks/{id}", "webhooks:write", { body: { active: false } }],
  ["DELETE /v1/webhooks/{id}", "webhooks:write", {}],
  ["GET /v1/webhooks/{id}/deliveries", "webhooks:read", {}],
] as const) {
  describeAuthMatrix({ operation, scope, ownedObject: true, request: async (owner) => ({ params: { id: (await createWebhookRow(owner)).id }, ...extra }) });
}
describeAuthMatrix({ operation: "POST /v1/webhooks/{id}/ping", scope: "webhooks:write", ownedObject: true, ownerStatus: 202, request: async (owner) => ({ params: { id: (await createWebhookRow(owner)).id } }) });
describeAuthMatrix({
  operation: "POST /v1/webhooks/{id}/deliveries/{deliveryId}/redeliver",
  scope: "webhooks:write",
  ownedObject: true,
  ownerStatus: 202,
  request: async (owner) => {
    const webhook = await createWebhookRow(owner);
    const prisma = await getPrisma();
    const delivery = await prisma.webhookDelivery.create({ data: { webhookId: webhook.id, triggerEvent: "BOOKING_CREATED", body: "{}", status: "FAILED" } });
    return { params: { id: webhook.id, deliveryId: delivery.id } };
  },
});

describe("webhooks — whose they are", () => {
  it("never returns a secret, in any answer", async () => {
    const owner = await createCaller();
    const created = await api("POST /v1/webhooks", { key: owner.key, body });
    const listed = await api("GET /v1/webhooks", { key: owner.key });
    const got = await api("GET /v1/webhooks/{id}", { key: owner.key, params: { id: created.body.webhook.id } });
    for (const answer of [created, listed, got]) expect(JSON.stringify(answer.body)).not.toContain("s3cret");
    expect(got.body.webhook.hasSecret).toBe(true);
  });

  it("another user's webhook is a 404 everywhere and stays as it was; their list never shows it", async () => {
    const owner = await createCaller();
    const intruder = await createCaller();
    const webhook = await createWebhookRow(owner, { secret: "theirs" });
    const params = { id: webhook.id };
    expect((await api("GET /v1/webhooks/{id}", { params, key: intruder.key })).status).toBe(404);
    expect((await api("PATCH /v1/webhooks/{id}", { params, key: intruder.key, body: { subscriberUrl: "https://evil.example.com/x" } })).status).toBe(404);
    expect((await api("GET /v1/webhooks/{id}/deliveries", { params, key: intruder.key })).status).toBe(404);
    expect((await api("POST /v1/webhooks/{id}/ping", { params, key: intruder.key })).status).toBe(404);
    expect((await api("DELETE /v1/webhooks/{id}", { params, key: intruder.key })).status).toBe(404);
    const prisma = await getPrisma();
    expect(await prisma.webhook.findUniqueOrThrow({ where: { id: webhook.id } })).toEqual(webhook);
    expect((await api("GET /v1/webhooks", { key: intruder.key })).body.webhooks).toEqual([]);
    expect((await api("GET /v1/webhooks", { key: intruder.key, query: { userId: String(owner.user.id) } })).status).toBe(403);
    const admin = await createAdmin();
    expect((await api("GET /v1/webhooks", { key: admin.key, query: { userId: String(owner.user.id) } })).body.webhooks.map((w: { id: string }) => w.id)).toEqual([webhook.id]);
  });

  it("a webhook on a team event type: its team's admins manage it, a plain member may not create one (403), outsiders see nothing (404)", async () => {
    const owner = await createCaller();
    const admin = await createCaller();
    const member = await createCaller();
    const outsider = await createCaller();
    const team = await createTeam(owner, [
      { caller: admin, role: "ADMIN" },
      { caller: member, role: "MEMBER" },
    ]);
    const eventType = await createTeamEventType(team.id, [{ userId: owner.user.id }]);
    const created = await api("POST /v1/webhooks", { key: owner.key, body: { ...body, eventTypeId: eventType.id } });
    expect(created.status).toBe(201);
    const params = { id: created.body.webhook.id };
    expect((await api("GET /v1/webhooks/{id}", { params, key: admin.key })).status).toBe(200);
    expect((await api("GET /v1/webhooks", { key: admin.key })).body.webhooks.map((w: { id: string }) => w.id)).toEqual([params.id]);
    expect((await api("GET /v1/webhooks/{id}", { params, key: member.key })).status).toBe(404);
    expect((await api("POST /v1/webhooks", { key: member.key, body: { ...body, eventTypeId: eventType.id } })).status).toBe(403);
    const refused = await api("POST /v1/webhooks", { key: outsider.key, body: { ...body, eventTypeId: eventType.id } });
    expect(refused.status).toBe(404);
    expect(refused.body.details).toEqual([expect.objectContaining({ field: "body.eventTypeId" })]);
  });

  it("a plain user may not create a webhook for someone else (403); an admin may", async () => {
    const victim = await createCaller();
    const caller = await createCaller();
    expect((await api("POST /v1/webhooks", { key: caller.key, body: { ...body, userId: victim.user.id } })).status).toBe(403);
    const admin = await createAdmin();
    const made = await api("POST /v1/webhooks", { key: admin.key, body: { ...body, userId: victim.user.id } });
    expect(made.status).toBe(201);
    expect(made.body.webhook.userId).toBe(victim.user.id);
  });
});
