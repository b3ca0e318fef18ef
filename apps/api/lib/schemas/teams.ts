import { z } from "zod";
import { TeamSchema } from "@slotbase/prisma/zod";
import { idParam, int32, timeZone } from "../validation/common";
import { listQuery } from "../validation/list-query";
import { Membership } from "./memberships";

/** A team as the API shows it: an explicit allow-list of the model's fields. */
export const Team = TeamSchema.pick({
  id: true,
  uuid: true,
  name: true,
  slug: true,
  bio: true,
  logoUrl: true,
  isPrivate: true,
  hideBranding: true,
  timeZone: true,
  weekStart: true,
  brandColor: true,
  metadata: true,
  createdAt: true,
  updatedAt: true,
}).extend({
  uuid: z.uuid().describe("The team's public id as a workspace (/api/v2/w/{workspace_uuid})."),
});

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;
const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;
const SLUG = /^[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*$/;

const METADATA_MAX_KEYS = 50;
const METADATA_MAX_JSON = 10_000;
const METADATA_MAX_DEPTH = 5;

function depthOf(value: unknown): number {
  if (value === null || typeof value !== "object") return 0;
  const children = Object.values(value as Record<string, unknown>);
  return 1 + (children.length === 0 ? 0 : Math.max(...children.map(depthOf)));
}

/** Free-form JSON object for clients, bounded so it cannot be used as bulk storage. */
const metadata = z
  .record(z.string().min(1).max(100), z.unknown())
  .refine((value) => Object.keys(value).length <= METADATA_MAX_KEYS, `At most ${METADATA_MAX_KEYS} keys`)
  .refine((value) => JSON.stringify(value).length <= METADATA_MAX_JSON, `At most ${METADATA_MAX_JSON} characters as JSON`)
  .refine((value) => depthOf(value) <= METADATA_MAX_DEPTH, `Nested at most ${METADATA_MAX_DEPTH} levels deep`)
  .describe(`A JSON object: at most ${METADATA_MAX_KEYS} keys, ${METADATA_MAX_JSON} characters, ${METADATA_MAX_DEPTH} levels deep.`);

/** Fields a client may set, narrowed from the generated model schema with real rules. */
const writableTeamFields = TeamSchema.pick({
  name: true,
  slug: true,
  bio: true,
  logoUrl: true,
  isPrivate: true,
  hideBranding: true,
  timeZone: true,
  weekStart: true,
  brandColor: true,
  metadata: true,
}).extend({
  name: z.string().trim().min(1).max(200),
  slug: z
    .string()
    .max(64)
    .regex(SLUG, "Letters, digits and single '-' between them, at most 64 characters")
    .transform((value) => value.toLowerCase())
    .nullable()
    .describe("Unique across all teams; stored lower-case."),
  bio: z.string().max(2000).nullable(),
  logoUrl: z.url({ protocol: /^https?$/ }).max(2000).nullable(),
  // No defaults here: a default would quietly reset the field on every PATCH.
  isPrivate: z.boolean(),
  hideBranding: z.boolean(),
  timeZone: timeZone(),
  weekStart: z.enum(WEEKDAYS),
  brandColor: z.string().regex(HEX_COLOR, "A #rrggbb colour").nullable(),
  metadata: metadata.nullable(),
});

export const TeamCreateBody = writableTeamFields
  .partial()
  .required({ name: true })
  .extend({
    ownerId: int32().positive().optional().describe("System admins only: make this user the team's OWNER instead of the caller."),
  })
  .strict();

export const TeamUpdateBody = writableTeamFields
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { error: "Send at least one field to change" });

export const ListTeamsQuery = listQuery;
/** `/v1/teams/{teamId}`. */
export const TeamIdQuery = z.object({ teamId: idParam });

export const TeamResponse = z.object({ team: Team });
export const TeamCreatedResponse = z.object({
  team: Team,
  owner: Membership.describe("The OWNER membership created with the team (accepted)."),
  message: z.string(),
});
export const TeamListResponse = z.object({ teams: z.array(Team) });
