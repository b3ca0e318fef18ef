import { z } from "zod";
import { UserSchema, UserRoleSchema } from "@slotbase/prisma/zod";
import { int32, listParam, timeZone } from "../validation/common";
import { listQuery } from "../validation/list-query";

/**
 * A user as the API shows it: an explicit allow-list, so a column added to the model is never
 * published by accident. Never `locked` (an account-security state, internal like Cal.com's
 * schemaUserReadPublic leaves it).
 */
export const User = UserSchema.pick({
  id: true,
  username: true,
  name: true,
  email: true,
  emailVerified: true,
  bio: true,
  avatarUrl: true,
  timeZone: true,
  weekStart: true,
  timeFormat: true,
  locale: true,
  brandColor: true,
  darkBrandColor: true,
  theme: true,
  hideBranding: true,
  allowDynamicBooking: true,
  away: true,
  defaultScheduleId: true,
  bufferTime: true,
  role: true,
  createdDate: true,
  updatedAt: true,
}).extend({
  pendingEmail: z
    .string()
    .nullable()
    .describe(
      "A new address the user asked for, waiting for confirmation (POST /v1/users/{id}/confirm-email with the token mailed to it); null when none. Until then `email` stays the old address.",
    ),
});

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;
const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/** Fields a client may set, narrowed from the generated model schema with real rules. */
export const writableUserFields = UserSchema.pick({
  username: true,
  name: true,
  email: true,
  bio: true,
  avatarUrl: true,
  timeZone: true,
  weekStart: true,
  timeFormat: true,
  locale: true,
  brandColor: true,
  darkBrandColor: true,
  theme: true,
  hideBranding: true,
  allowDynamicBooking: true,
  away: true,
  defaultScheduleId: true,
  bufferTime: true,
  role: true,
}).extend({
  email: z.email().max(254),
  // No defaults here: a default would quietly reset the field on every PATCH.
  allowDynamicBooking: z.boolean(),
  username: z
    .string()
    .regex(/^[a-zA-Z0-9][a-zA-Z0-9._-]{0,62}$/, "Letters, digits, '.', '_' and '-' only, at most 63 characters")
    .transform((value) => value.toLowerCase())
    .nullable(),
  name: z.string().trim().min(1).max(200).nullable(),
  bio: z.string().max(2000).nullable(),
  avatarUrl: z.url({ protocol: /^https?$/ }).max(2000).nullable(),
  timeZone: timeZone(),
  weekStart: z.enum(WEEKDAYS),
  timeFormat: z.union([z.literal(12), z.literal(24)]),
  locale: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "A BCP 47 language tag, e.g. en or pt-BR").nullable(),
  brandColor: z.string().regex(HEX_COLOR, "A #rrggbb colour").nullable(),
  darkBrandColor: z.string().regex(HEX_COLOR, "A #rrggbb colour").nullable(),
  theme: z.enum(["light", "dark"]).nullable(),
  defaultScheduleId: int32().positive().nullable(),
  bufferTime: int32().min(0).max(1440),
  role: UserRoleSchema,
});

export const UserCreateBody = writableUserFields.partial().required({ email: true }).strict();
export const UserUpdateBody = writableUserFields
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { error: "Send at least one field to change" });

export const ListUsersQuery = listQuery.extend({
  email: listParam()
    .pipe(z.array(z.email().max(254)).max(100))
    .optional()
    .describe("Users with any of these emails (any case), as Cal.com v1: repeat the parameter or separate emails with commas."),
});

export const UserResponse = z.object({ user: User });

/** The token mailed to the new address of a pending email change. */
export const EmailConfirmationBody = z.object({ token: z.string().min(1).max(200) }).strict();
export const UserListResponse = z.object({
  users: z.array(User),
  total: z.number().int().describe("How many users the caller may see in all (Cal.com v1's total), whatever the page"),
});
