import { getPrisma } from "@slotbase/prisma";
import { api } from "../../support/api";
import { describeAuthMatrix } from "../../support/auth-matrix";
import { useTestDatabase } from "../../support/database";
import { createAdmin, createCaller, type Caller } from "../../support/fixtures";
import { createEventType, createTeamEventType } from "../../support/scheduling";
import { createTeam } from "../../support/teams";
import { createWebhookRow } from "../../support/webhooks";

useTestDatabase();

const body = { subscriberUrl: "https://hooks.example.com/slotbase", triggers: ["BOOKING_CREATED"], active: true, secret: "s3cret-v2" };

/** A team event type of a new team `owner` OWNs (so the matrix's team roles apply), with a webhook on it. */
async function teamEventTypeWebhook(owner: Caller) {
  const team = await createTeam(owner);
  const eventType = await createTeamEventType(team.id, [{ userId: owner.user.id }]);
  const webhook = await createWebhookRow(owner, { eventTypeId: eventType.id });
  return { eventTypeId: eventType.id, webhookId: webhook.id };
}

describeAuthMatrix({ operation: "GET /v2/webhooks", scope: "webhooks:read", request: () => ({}) });
describeAuthMatrix({ operation: "POST /v2/webhooks", scope: "webhooks:write", ownerStatus: 201, request: () => ({ body }) });
for (const [operation, scope, extra] of [
  ["GET /v2/webhooks/{webhookId}", "webhooks:read", {}],
  ["PATCH /v2/webhooks/{webhookId}", "webhooks:write", { body: { active: false } }],
  ["DELETE /v2/webhooks/{webhookId}", "webhooks:write", {}],
] as const) {
  describeAuthMatrix({ operation, scope, ownedObject: true, request: async (owner) => ({ params: { webhookId: (await createWebhookRow(owner)).id }, ...extra }) });
}

// Event-type webhooks: whoever manages the event type (a team's OWNERs and ADMINs; a MEMBER only reads it: 403).
const eventTypeMatrix = { ownedObject: true, team: { need: "manage" } } as const;
describeAuthMatrix({
  operation: "GET /v2/event-types/{eventTypeId}/webhooks",
  scope: "webhooks:read",
  ...eventTypeMatrix,
  request: async (owner) => ({ params: { eventTypeId: (await teamEventTypeWebhook(owner)).eventTypeId } }),
});
describeAuthMatrix({
  operation: "POST /v2/event-types/{eventTypeId}/webhooks",
  scope: "webhooks:write",
  ownerStatus: 201,
  ...eventTypeMatrix,
  request: async (owner) => ({ params: { eventTypeId: (await teamEventTypeWebhook(owner)).eventTypeId }, body }),
});
describeAuthMatrix({
  operation: "DELETE /v2/event-types/{eventTypeId}/webhooks",
  scope: "webhooks:write",
  ...eventTypeMatrix,
  request: async (owner) => ({ params: { eventTypeId: (await teamEventTypeWebhook(owner)).eventTypeId } }),
});
for (const [operation, scope, extra] of [
  ["GET /v2/event-types/{eventTypeId}/webhooks/{webhookId}", "webhooks:read", {}],
  ["PATCH /v2/event-types/{eventTypeId}/webhooks/{webhookId}", "webhooks:write", { body: { active: false } }],
  ["DELETE /v2/event-types/{eventTypeId}/webhooks/{webhookId}", "webhooks:write", {}],
] as const) {
  describeAuthMatrix({ operation, scope, ...eventTypeMatrix, request: async (owner) => ({ params: await teamEventTypeWebhook(owner), ...extra }) });
}

describe("v2 webhooks — the secret is write-only", () => {
  it("never appears in any answer, user or event-type webhook; it still signs (v1 shows hasSecret)", async () => {
    const owner = await createCaller();
    const eventType = await createEventType(owner.user.id);
    const created = await api("POST /v2/webhooks", { key: owner.key, body });
    const webhookId = created.body.data.id;
    const answers = [
      created,
      await api("GET /v2/webhooks", { key: owner.key }),
      await api("GET /v2/webhooks/{webhookId}", { key: owner.key, params: { webhookId } }),
      await api("PATCH /v2/webhooks/{webhookId}", { key: owner.key, params: { webhookId }, body: { secret: "rotated-s3cret" } }),
    ];
    const onType = await api("POST /v2/event-types/{eventTypeId}/webhooks", { key: owner.key, params: { eventTypeId: eventType.id }, body });
    const params = { eventTypeId: eventType.id, webhookId: onType.body.data.id };
    answers.push(
      onType,
      await api("GET /v2/event-types/{eventTypeId}/webhooks", { key: owner.key, params: { eventTypeId: eventType.id } }),
      await api("GET /v2/event-types/{eventTypeId}/webhooks/{webhookId}", { key: owner.key, params }),
      await api("PATCH /v2/event-types/{eventTypeId}/webhooks/{webhookId}", { key: owner.key, params, body: { secret: "rotated-s3cret" } }),
      await api("DELETE /v2/event-types/{eventTypeId}/webhooks/{webhookId}", { key: owner.key, params }),
      await api("DELETE /v2/webhooks/{webhookId}", { key: owner.key, params: { webhookId } }),
    );
    for (const answer of answers) {
      expect(answer.status).toBeLessThan(300);
      expect(JSON.stringify(answer.body)).not.toMatch(/s3cret|"secret"/);
    }
  });
});

describe("v2 webhooks — whose they are", () => {
  it("another user's webhook is a 404 everywhere and stays as it was; lists never show it, not even an admin's", async () => {
    const owner = await createCaller();
    const intruder = await createCaller();
    const webhook = await createWebhookRow(owner, { secret: "theirs" });
    const params = { webhookId: webhook.id };
    expect((await api("GET /v2/webhooks/{webhookId}", { params, key: intruder.key })).status).toBe(404);
    expect((await api("PATCH /v2/webhooks/{webhookId}", { params, key: intruder.key, body: { subscriberUrl: "https://evil.example.com/x" } })).status).toBe(404);
    expect((await api("DELETE /v2/webhooks/{webhookId}", { params, key: intruder.key })).status).toBe(404);
    const prisma = await getPrisma();
    expect(await prisma.webhook.findUniqueOrThrow({ where: { id: webhook.id } })).toEqual(webhook);
    expect((await api("GET /v2/webhooks", { key: intruder.key })).body.data).toEqual([]);
    // Cal.com's list is the caller's own webhooks: an admin's too (GET /v1/webhooks?userId= lists another user's).
    const admin = await createAdmin();
    expect((await api("GET /v2/webhooks", { key: admin.key })).body.data).toEqual([]);
    expect((await api("GET /v2/webhooks/{webhookId}", { params, key: admin.key })).body.data.userId).toBe(owner.user.id);
  });

  it("an event-type webhook under another user's event type is a 404 on every operation, and nothing changes", async () => {
    const owner = await createCaller();
    const intruder = await createCaller();
    const eventType = await createEventType(owner.user.id);
    const webhook = await createWebhookRow(owner, { eventTypeId: eventType.id });
    const onType = { eventTypeId: eventType.id };
    const one = { ...onType, webhookId: webhook.id };
    const refused = [
      await api("GET /v2/event-types/{eventTypeId}/webhooks", { key: intruder.key, params: onType }),
      await api("POST /v2/event-types/{eventTypeId}/webhooks", { key: intruder.key, params: onType, body }),
      await api("DELETE /v2/event-types/{eventTypeId}/webhooks", { key: intruder.key, params: onType }),
      await api("GET /v2/event-types/{eventTypeId}/webhooks/{webhookId}", { key: intruder.key, params: one }),
      await api("PATCH /v2/event-types/{eventTypeId}/webhooks/{webhookId}", { key: intruder.key, params: one, body: { subscriberUrl: "https://evil.example.com/x" } }),
      await api("DELETE /v2/event-types/{eventTypeId}/webhooks/{webhookId}", { key: intruder.key, params: one }),
    ];
    for (const answer of refused) {
      expect(answer.status).toBe(404);
      expect(answer.body.status).toBe("error");
    }
    // The intruder learns nothing about the webhook: the event type itself is what is not found.
    expect(refused[3]!.body.error.details).toEqual([expect.objectContaining({ field: "path.eventTypeId" })]);
    const prisma = await getPrisma();
    expect(await prisma.webhook.findMany({ where: { eventTypeId: eventType.id } })).toEqual([webhook]);
  });

  it("a webhook of event type A addressed through event type B's path is a 404, even to their owner; A's stays as it was", async () => {
    const owner = await createCaller();
    const typeA = await createEventType(owner.user.id);
    const typeB = await createEventType(owner.user.id);
    const webhook = await createWebhookRow(owner, { eventTypeId: typeA.id });
    const params = { eventTypeId: typeB.id, webhookId: webhook.id };
    expect((await api("GET /v2/event-types/{eventTypeId}/webhooks/{webhookId}", { key: owner.key, params })).status).toBe(404);
    expect((await api("PATCH /v2/event-types/{eventTypeId}/webhooks/{webhookId}", { key: owner.key, params, body: { active: false } })).status).toBe(404);
    expect((await api("DELETE /v2/event-types/{eventTypeId}/webhooks/{webhookId}", { key: owner.key, params })).status).toBe(404);
    expect((await api("GET /v2/event-types/{eventTypeId}/webhooks", { key: owner.key, params: { eventTypeId: typeB.id } })).body.data).toEqual([]);
    expect((await api("DELETE /v2/event-types/{eventTypeId}/webhooks", { key: owner.key, params: { eventTypeId: typeB.id } })).body.data).toBe("0 webhooks deleted");
    const prisma = await getPrisma();
    expect(await prisma.webhook.findUniqueOrThrow({ where: { id: webhook.id } })).toEqual(webhook);
    expect((await api("GET /v2/event-types/{eventTypeId}/webhooks/{webhookId}", { key: owner.key, params: { ...params, eventTypeId: typeA.id } })).status).toBe(200);
  });

  it("a user webhook and an event-type webhook are each a 404 through the other's path", async () => {
    const owner = await createCaller();
    const eventType = await createEventType(owner.user.id);
    const userWebhook = await createWebhookRow(owner);
    const typeWebhook = await createWebhookRow(owner, { eventTypeId: eventType.id });
    expect((await api("GET /v2/webhooks/{webhookId}", { key: owner.key, params: { webhookId: typeWebhook.id } })).status).toBe(404);
    expect((await api("DELETE /v2/webhooks/{webhookId}", { key: owner.key, params: { webhookId: typeWebhook.id } })).status).toBe(404);
    const params = { eventTypeId: eventType.id, webhookId: userWebhook.id };
    expect((await api("GET /v2/event-types/{eventTypeId}/webhooks/{webhookId}", { key: owner.key, params })).status).toBe(404);
    expect((await api("PATCH /v2/event-types/{eventTypeId}/webhooks/{webhookId}", { key: owner.key, params, body: { active: false } })).status).toBe(404);
    const prisma = await getPrisma();
    expect(await prisma.webhook.count({ where: { userId: owner.user.id } })).toBe(2);
  });

  it("a team event type's webhooks: its ADMINs manage those its OWNER made; a MEMBER gets 403 and an outsider 404", async () => {
    const owner = await createCaller();
    const admin = await createCaller();
    const member = await createCaller();
    const outsider = await createCaller();
    const team = await createTeam(owner, [
      { caller: admin, role: "ADMIN" },
      { caller: member, role: "MEMBER" },
    ]);
    const eventType = await createTeamEventType(team.id, [{ userId: owner.user.id }]);
    const created = await api("POST /v2/event-types/{eventTypeId}/webhooks", { key: owner.key, params: { eventTypeId: eventType.id }, body });
    expect(created.status).toBe(201);
    const params = { eventTypeId: eventType.id, webhookId: created.body.data.id };
    expect((await api("PATCH /v2/event-types/{eventTypeId}/webhooks/{webhookId}", { key: admin.key, params, body: { active: false } })).body.data.active).toBe(false);
    expect((await api("GET /v2/event-types/{eventTypeId}/webhooks/{webhookId}", { key: member.key, params })).status).toBe(403);
    expect((await api("POST /v2/event-types/{eventTypeId}/webhooks", { key: member.key, params: { eventTypeId: eventType.id }, body })).status).toBe(403);
    expect((await api("GET /v2/event-types/{eventTypeId}/webhooks/{webhookId}", { key: outsider.key, params })).status).toBe(404);
    // The webhook belongs to the event type, not to /v2/webhooks of whoever made it.
    expect((await api("GET /v2/webhooks", { key: owner.key })).body.data).toEqual([]);
  });
});
