import { getPrisma } from "@slotbase/prisma";
import type { AuthContext } from "../auth/auth-context";
import { scopeSatisfied, type Scope } from "../auth/scopes";
import { badRequest, forbidden, notFound } from "../errors/http-error";
import { toSkipTake, type PageRequest } from "../common/pagination";
import { createApiKey } from "./create-api-key";
import { toPublicApiKey, type PublicApiKey } from "./public-api-key";
import { verifiedKeyCache } from "./verified-key-cache";

export interface ApiKeyCreateInput {
  note?: string | null;
  expiresAt?: Date | null;
  scopes?: Scope[];
  teamId?: number | null;
  /** Admins only: create the key for another user. */
  userId?: number;
}

export type ApiKeyUpdateInput = Pick<ApiKeyCreateInput, "note" | "expiresAt" | "scopes">;

/**
 * A key may not mint or widen a key beyond itself: a scoped key only grants scopes it
 * holds, and a team-restricted key only keys for its team. Otherwise `api-keys:write`
 * alone would be a way to an unrestricted key.
 */
function assertNoEscalation(auth: AuthContext, scopes: Scope[] | undefined, teamId: number | null | undefined): void {
  if (auth.scopes.length > 0) {
    if (!scopes || scopes.length === 0) {
      throw forbidden("A key with scopes can only create or change keys with scopes it holds itself.");
    }
    const missing = scopes.filter((scope) => !scopeSatisfied(auth.scopes, scope));
    if (missing.length > 0) throw forbidden(`This API key cannot grant scopes it does not hold: ${missing.join(", ")}.`);
  }
  if (auth.teamId !== null && teamId !== auth.teamId) {
    throw forbidden("A team-restricted key can only create keys restricted to the same team.");
  }
}

function assertFuture(expiresAt: Date | null | undefined, now = new Date()): void {
  if (expiresAt && expiresAt.getTime() <= now.getTime()) {
    throw badRequest("expiresAt must be in the future.", [{ field: "body.expiresAt", rule: "future", message: "Must be in the future" }]);
  }
}

async function findOwnKey(auth: AuthContext, id: string) {
  const prisma = await getPrisma();
  const row = await prisma.apiKey.findUnique({ where: { id } });
  if (!row || (!auth.isAdmin && row.userId !== auth.userId)) throw notFound("API key");
  return row;
}

export async function listApiKeys(auth: AuthContext, page: PageRequest, filter: { userId?: number } = {}): Promise<PublicApiKey[]> {
  const prisma = await getPrisma();
  const userId = auth.isAdmin && filter.userId !== undefined ? filter.userId : auth.userId;
  const rows = await prisma.apiKey.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, ...toSkipTake(page) });
  return rows.map(toPublicApiKey);
}

export async function getApiKey(auth: AuthContext, id: string): Promise<PublicApiKey> {
  return toPublicApiKey(await findOwnKey(auth, id));
}

export async function createApiKeyFor(auth: AuthContext, input: ApiKeyCreateInput): Promise<{ apiKey: PublicApiKey; key: string }> {
  const ownerId = input.userId ?? auth.userId;
  if (ownerId !== auth.userId && !auth.isAdmin) throw forbidden("Only admins can create API keys for other users.");
  const teamId = input.teamId ?? auth.teamId;
  assertNoEscalation(auth, input.scopes, teamId);
  assertFuture(input.expiresAt);
  const prisma = await getPrisma();
  const owner = await prisma.user.findUnique({ where: { id: ownerId }, select: { id: true } });
  if (!owner) throw notFound("User");
  if (teamId != null) {
    const membership = await prisma.membership.findUnique({ where: { userId_teamId: { userId: ownerId, teamId } } });
    if (!membership?.accepted) throw notFound("Team");
  }
  return createApiKey(prisma, { ...input, userId: ownerId, teamId });
}

export async function updateApiKey(auth: AuthContext, id: string, input: ApiKeyUpdateInput): Promise<PublicApiKey> {
  const existing = await findOwnKey(auth, id);
  if (input.scopes !== undefined) assertNoEscalation(auth, input.scopes, existing.teamId);
  assertFuture(input.expiresAt);
  const prisma = await getPrisma();
  const row = await prisma.apiKey.update({ where: { id }, data: input });
  verifiedKeyCache.dropKey(id);
  return toPublicApiKey(row);
}

export async function deleteApiKey(auth: AuthContext, id: string): Promise<void> {
  await findOwnKey(auth, id);
  const prisma = await getPrisma();
  await prisma.apiKey.deleteMany({ where: { id } });
  verifiedKeyCache.dropKey(id);
}
