import { getPrisma } from "@slotbase/prisma";
import { createApiKey } from "@slotbase/features";
import { useTestDatabase } from "../../support/database";
import { describeAuthMatrix } from "../../support/auth-matrix";
import type { Caller } from "../../support/fixtures";

useTestDatabase();

async function keyOf(owner: Caller) {
  const prisma = await getPrisma();
  const { apiKey } = await createApiKey(prisma, { userId: owner.user.id, note: "target" });
  return { params: { id: apiKey.id } };
}

describeAuthMatrix({ operation: "GET /v1/api-keys", scope: "api-keys:read", request: () => ({}) });
// Scoped, so that a key holding exactly api-keys:write may mint it (no escalation).
describeAuthMatrix({ operation: "POST /v1/api-keys", scope: "api-keys:write", request: () => ({ body: { note: "ci", scopes: ["api-keys:write"] } }) });
describeAuthMatrix({ operation: "GET /v1/api-keys/{id}", scope: "api-keys:read", ownedObject: true, request: keyOf });
describeAuthMatrix({
  operation: "PATCH /v1/api-keys/{id}",
  scope: "api-keys:write",
  ownedObject: true,
  request: async (owner) => ({ ...(await keyOf(owner)), body: { note: "renamed" } }),
});
describeAuthMatrix({ operation: "DELETE /v1/api-keys/{id}", scope: "api-keys:write", ownedObject: true, request: keyOf });
