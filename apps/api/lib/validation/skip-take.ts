import { z } from "zod";

/**
 * Cal.com v2's `SkipTakePagination` (its webhooks lists): `take` 1–250, default 250, and `skip`
 * from 0. Extend it with an operation's own parameters.
 */
export const skipTakeQuery = z.object({
  take: z.coerce.number().int().min(1).max(250).default(250).describe("Maximum number of items to return (1–250, default 250)."),
  skip: z.coerce.number().int().min(0).max(1_000_000).default(0).describe("Number of items to skip."),
});
