import { z } from "zod";
import { ApiKeySchema } from "@slotbase/prisma/zod";
import { ALL_SCOPES, type Scope } from "@slotbase/features";
import { idParam, isoDateTime } from "../validation/common";
import { listQuery } from "../validation/list-query";

/** A key as the API shows it (an explicit allow-list): never the secret, never its hash. */
export const ApiKey = ApiKeySchema.pick({
  id: true,
  userId: true,
  teamId: true,
  prefix: true,
  note: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  scopes: true,
  rateLimitPerMinute: true,
});
/** Returned once, at creation: the key itself. */
export const ApiKeyWithSecret = ApiKey.extend({
  key: z.string().describe("The API key. Shown only in this response; store it now."),
});

const scopes = z
  .array(z.enum(ALL_SCOPES as [Scope, ...Scope[]]))
  .max(ALL_SCOPES.length)
  .transform((list) => [...new Set(list)])
  .describe("Empty or absent: everything the key's user may do. Else e.g. bookings:read, calendars:admin.");

const writable = z.object({
  note: z.string().trim().max(500).nullable(),
  expiresAt: isoDateTime().nullable(),
  scopes,
});

export const ApiKeyCreateBody = writable
  .partial()
  .extend({
    userId: idParam.optional().describe("Admins only: create the key for this user."),
    teamId: idParam.nullable().optional().describe("Restrict the key to this team (workspace)."),
  })
  .strict();

export const ApiKeyUpdateBody = writable
  .partial()
  .extend({
    rateLimitPerMinute: z
      .number()
      .int()
      .min(0)
      .max(1_000_000)
      .nullable()
      .optional()
      .describe("Admins only: this key's requests per minute (0: unlimited; null: the deployment's RATE_LIMIT_PER_MINUTE)."),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { error: "Send at least one field to change" });

export const ListApiKeysQuery = listQuery.extend({
  userId: idParam.optional().describe("Admins only: list this user's keys."),
});
export const ApiKeyIdQuery = z.object({ id: z.string().min(1).max(64) });

export const ApiKeyResponse = z.object({ api_key: ApiKey });
export const ApiKeyCreatedResponse = z.object({ api_key: ApiKeyWithSecret, message: z.string() });
export const ApiKeyListResponse = z.object({ api_keys: z.array(ApiKey) });
