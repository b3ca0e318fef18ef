import { getPrisma } from "@slotbase/prisma";
import type { AuthContext } from "../auth/auth-context";
import type { Scope } from "../auth/scopes";
import { accessOf } from "../access/access";
import { assertKeyVisible, assertMayActFor, assertMaySetRateLimit, assertNoKeyEscalation, visibleKeysWhere } from "../access/owner-rules";
import { invalidField, notFound } from "../errors/domain-errors";
import { findPage, mapPage, type Page, type PageRequest } from "../common/pagination";
import { createApiKey } from "./create-api-key";
import { toPublicApiKey, type PublicApiKey } from "./public-api-key";
import { invalidateKeys } from "./key-invalidation";

export interface ApiKeyCreateInput {
  note?: string | null;
  expiresAt?: Date | null;
  scopes?: Scope[];
  teamId?: number | null;
  /** Admins only: create the key for another user. */
  userId?: number;
}

export type ApiKeyUpdateInput = Pick<ApiKeyCreateInput, "note" | "expiresAt" | "scopes"> & {
  /** System admins only: the key's own requests per minute (null: the deployment's default, 0: unlimited). */
  rateLimitPerMinute?: number | null;
};

function assertFuture(expiresAt: Date | null | undefined, now = new Date()): void {
  if (expiresAt && expiresAt.getTime() <= now.getTime()) throw invalidField("expiresAt", "future", "Must be in the future");
}

async function findVisibleKey(auth: AuthContext, id: string) {
  const prisma = await getPrisma();
  const row = await prisma.apiKey.findUnique({ where: { id } });
  assertKeyVisible(await accessOf(auth), row);
  return row!;
}

export async function listApiKeys(auth: AuthContext, page: PageRequest, filter: { userId?: number } = {}): Promise<Page<PublicApiKey>> {
  const access = await accessOf(auth);
  const prisma = await getPrisma();
  const where = visibleKeysWhere(access, filter.userId);
  const rows = await findPage(page, (window) => prisma.apiKey.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }], ...window }), () => prisma.apiKey.count({ where }));
  return mapPage(rows, toPublicApiKey);
}

export async function getApiKey(auth: AuthContext, id: string): Promise<PublicApiKey> {
  return toPublicApiKey(await findVisibleKey(auth, id));
}

export async function createApiKeyFor(auth: AuthContext, input: ApiKeyCreateInput): Promise<{ apiKey: PublicApiKey; key: string }> {
  const access = await accessOf(auth);
  const ownerId = input.userId ?? auth.userId;
  assertMayActFor(access, ownerId, "Only admins can create API keys for other users.");
  const teamId = input.teamId ?? auth.teamId;
  assertNoKeyEscalation(access, input.scopes, teamId);
  assertFuture(input.expiresAt);
  const prisma = await getPrisma();
  const owner = await prisma.user.findUnique({ where: { id: ownerId }, select: { id: true } });
  if (!owner) throw notFound("User", { field: "userId", rule: "exists", message: "No user with this id" });
  if (teamId != null) {
    // The key's user must be an accepted member of the team the key is restricted to.
    const membership = await prisma.membership.findUnique({ where: { userId_teamId: { userId: ownerId, teamId } } });
    if (!membership?.accepted) throw notFound("Team", { field: "teamId", rule: "member", message: "Not a team the key's user is an accepted member of" });
  }
  return createApiKey(prisma, { ...input, userId: ownerId, teamId });
}

export async function updateApiKey(auth: AuthContext, id: string, input: ApiKeyUpdateInput): Promise<PublicApiKey> {
  const existing = await findVisibleKey(auth, id);
  if (input.scopes !== undefined) assertNoKeyEscalation(await accessOf(auth), input.scopes, existing.teamId);
  if (input.rateLimitPerMinute !== undefined) assertMaySetRateLimit(await accessOf(auth));
  assertFuture(input.expiresAt);
  const prisma = await getPrisma();
  const row = await prisma.apiKey.update({ where: { id }, data: input });
  await invalidateKeys({ apiKeyId: id });
  return toPublicApiKey(row);
}

export async function deleteApiKey(auth: AuthContext, id: string): Promise<void> {
  await findVisibleKey(auth, id);
  const prisma = await getPrisma();
  await prisma.apiKey.deleteMany({ where: { id } });
  await invalidateKeys({ apiKeyId: id });
}
