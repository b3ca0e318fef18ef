import type { Database } from "@slotbase/prisma";
import { createApiKey } from "../api-keys/create-api-key";

export interface IssueApiKeyInput {
  email: string;
  name?: string;
  /** Makes the user a system-wide ADMIN (an existing admin is never demoted). */
  admin?: boolean;
}

export interface IssuedApiKey {
  key: string;
  userId: number;
  createdUser: boolean;
  role: "USER" | "ADMIN";
}

export const CLI_KEY_NOTE = "CLI";

/** Finds or creates the user with this e-mail address and gives them a new API key. */
export async function issueApiKey(prisma: Database, input: IssueApiKeyInput): Promise<IssuedApiKey> {
  const email = input.email.trim().toLowerCase();
  const existing = await prisma.user.findUnique({ where: { email } });
  const changes = { ...(input.name ? { name: input.name } : {}), ...(input.admin ? { role: "ADMIN" as const } : {}) };
  const user = existing
    ? await prisma.user.update({ where: { id: existing.id }, data: changes })
    : // The operator running the CLI vouches for the address (as an admin does through the API).
      await prisma.user.create({ data: { email, emailVerified: new Date(), ...changes } });
  const { key } = await createApiKey(prisma, { userId: user.id, note: CLI_KEY_NOTE });
  return { key, userId: user.id, createdUser: !existing, role: user.role };
}
