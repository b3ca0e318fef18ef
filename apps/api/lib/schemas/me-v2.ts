import { z } from "zod";
import { writableUserFields } from "./users";

/**
 * The key's user as Cal.com v2 shows it (`MeOutput`): an explicit allow-list. There are no
 * organizations here, so `organizationId` is always null and `organization` never sent.
 */
export const MeV2 = z.object({
  id: z.number().int(),
  username: z.string().nullable().describe("Null for a user without a username (Cal.com always has one)"),
  email: z.string(),
  timeFormat: z.number().int(),
  defaultScheduleId: z.number().int().nullable(),
  weekStart: z.string(),
  timeZone: z.string(),
  organizationId: z.null(),
});

export const MeResponseV2 = z.object({ status: z.literal("success"), data: MeV2 });

/**
 * Cal.com v2's `UpdateManagedUserInput`, with v1's rules for each field (a locale is any BCP 47
 * tag, which includes Cal.com's list). A new email is confirmed by mail first, as on v1.
 */
export const MeUpdateBodyV2 = writableUserFields
  .pick({
    email: true,
    name: true,
    timeFormat: true,
    defaultScheduleId: true,
    weekStart: true,
    timeZone: true,
    locale: true,
    avatarUrl: true,
    bio: true,
  })
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { error: "Send at least one field to change" });
