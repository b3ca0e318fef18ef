import type { ApiKeyModel } from "@slotbase/prisma";

/** What the API may show of a key: never the secret, never its hash. */
export type PublicApiKey = Omit<ApiKeyModel, "hashedKey">;

export function toPublicApiKey(row: ApiKeyModel): PublicApiKey {
  const { hashedKey: _hash, ...rest } = row;
  return rest;
}
