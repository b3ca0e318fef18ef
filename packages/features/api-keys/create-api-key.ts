import type { Database } from "@slotbase/prisma";
import { generateApiKeyMaterial } from "./key-format";
import { toPublicApiKey, type PublicApiKey } from "./public-api-key";

export interface CreateApiKeyInput {
  userId: number;
  teamId?: number | null;
  note?: string | null;
  expiresAt?: Date | null;
  scopes?: string[];
}

/** Stores a new key (its hash only) and returns it with the secret, which is never shown again. */
export async function createApiKey(
  prisma: Database,
  input: CreateApiKeyInput,
): Promise<{ apiKey: PublicApiKey; key: string }> {
  const material = generateApiKeyMaterial();
  const row = await prisma.apiKey.create({
    data: {
      userId: input.userId,
      teamId: input.teamId ?? null,
      note: input.note ?? null,
      expiresAt: input.expiresAt ?? null,
      scopes: input.scopes ?? [],
      hashedKey: material.hashedKey,
      prefix: material.displayPrefix,
    },
  });
  return { apiKey: toPublicApiKey(row), key: material.key };
}
