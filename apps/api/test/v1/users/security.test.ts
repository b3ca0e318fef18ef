import { getPrisma } from "@slotbase/prisma";
import { useTestDatabase } from "../../support/database";
import { describeAuthMatrix } from "../../support/auth-matrix";
import { addKey, createCaller } from "../../support/fixtures";
import { api } from "../../support/api";

useTestDatabase();

describeAuthMatrix({ operation: "GET /v1/me", scope: "users:read", request: () => ({}) });
describeAuthMatrix({ operation: "GET /v1/users", scope: "users:read", request: () => ({}) });
describeAuthMatrix({
  operation: "POST /v1/users",
  scope: "users:write",
  // Only admins create users: a plain user with the right key gets 403 forbidden, not 401.
  ownerStatus: 403,
  request: () => ({ body: { email: `new-${Math.random().toString(36).slice(2)}@example.com` } }),
});
describeAuthMatrix({
  operation: "GET /v1/users/{id}",
  scope: "users:read",
  ownedObject: true,
  request: (owner) => ({ params: { id: owner.user.id } }),
});
describeAuthMatrix({
  operation: "PATCH /v1/users/{id}",
  scope: "users:write",
  ownedObject: true,
  request: (owner) => ({ params: { id: owner.user.id }, body: { name: "Renamed" } }),
});
describeAuthMatrix({
  operation: "DELETE /v1/users/{id}",
  scope: "users:write",
  ownedObject: true,
  // A fresh victim per case: the caller deletes themself, admins delete someone else.
  request: async (owner) => ({ params: { id: owner.user.id } }),
});

describeAuthMatrix({
  operation: "POST /v1/users/{id}/confirm-email",
  scope: "users:write",
  ownedObject: true,
  // The owner asks for a new address; the token is read from the queued mail (the outbox
  // keeps it until the message is sent).
  request: async (owner) => {
    const email = `confirm-${owner.user.id}-${Math.random().toString(36).slice(2)}@example.com`;
    const own = await addKey(owner.user); // the case's own key may be expired or lack the scope
    expect((await api("PATCH /v1/users/{id}", { params: { id: owner.user.id }, key: own.key, body: { email } })).status).toBe(200);
    const prisma = await getPrisma();
    const queued = await prisma.notification.findFirstOrThrow({ where: { recipient: email, template: "account.email-change" } });
    return { params: { id: owner.user.id }, body: { token: (queued.payload as { token: string }).token } };
  },
});

describe("users — privilege boundaries", () => {
  it("a plain user cannot make themself an admin", async () => {

    const caller = await createCaller();
    const result = await api("PATCH /v1/users/{id}", { params: { id: caller.user.id }, body: { role: "ADMIN" }, key: caller.key });
    expect(result.status).toBe(403);
    const after = await api("GET /v1/me", { key: caller.key });
    expect(after.body.user.role).toBe("USER");
  });
});
