import { randomBytes } from "node:crypto";
import { getPrisma, type UserModel } from "@slotbase/prisma";
import { createApiKey, type Scope } from "@slotbase/features";

export interface Caller {
  user: UserModel;
  /** The raw API key. */
  key: string;
  apiKeyId: string;
}

const unique = () => randomBytes(4).toString("hex");

export async function createCaller(
  options: {
    role?: "USER" | "ADMIN";
    scopes?: Scope[];
    expiresAt?: Date;
    email?: string;
    teamId?: number;
    /** false: the user's email was never confirmed, so it grants nothing (default: confirmed). */
    emailConfirmed?: boolean;
  } = {},
): Promise<Caller> {
  const prisma = await getPrisma();
  const id = unique();
  const user = await prisma.user.create({
    data: {
      email: options.email ?? `user-${id}@example.com`,
      username: `user-${id}`,
      name: `User ${id}`,
      role: options.role ?? "USER",
      emailVerified: options.emailConfirmed === false ? null : new Date(),
    },
  });
  const { apiKey, key } = await createApiKey(prisma, {
    userId: user.id,
    scopes: options.scopes,
    expiresAt: options.expiresAt,
    teamId: options.teamId,
  });
  return { user, key, apiKeyId: apiKey.id };
}

export const createAdmin = () => createCaller({ role: "ADMIN" });

/** Another key for an existing user (teamId: restricted to that team, of which the user must be an accepted member). */
export async function addKey(user: UserModel, options: { scopes?: Scope[]; expiresAt?: Date; teamId?: number } = {}): Promise<Caller> {
  const prisma = await getPrisma();
  const { apiKey, key } = await createApiKey(prisma, { userId: user.id, ...options });
  return { user, key, apiKeyId: apiKey.id };
}
