import { z } from "zod";
import { BlockerSchema } from "@slotbase/prisma/zod";
import { idParam, isoDateTime } from "../validation/common";
import { listQuery } from "../validation/list-query";

/** Time blocked by hand (busy for slots): a user's, or a workspace calendar's. */
export const Blocker = BlockerSchema.pick({
  id: true,
  uid: true,
  userId: true,
  calendarId: true,
  title: true,
  notes: true,
  startTime: true,
  endTime: true,
  createdAt: true,
}).extend({
  userId: z.number().int().nullable().describe("The user whose time is blocked; null for a calendar's blocker."),
  calendarId: z.number().int().nullable().describe("The workspace calendar blocked (whatever its capacity); null for a user's blocker."),
});

const writable = BlockerSchema.pick({ startTime: true, endTime: true, title: true, notes: true }).extend({
  startTime: isoDateTime(),
  endTime: isoDateTime().describe("After startTime; a blocker lasts at most 366 days."),
  title: z.string().trim().max(200).nullable(),
  notes: z.string().max(5000).nullable(),
});

export const BlockerCreateBody = writable
  .partial({ title: true, notes: true })
  .extend({
    userId: idParam.optional().describe("Admins only: block this user's time."),
    calendarId: idParam
      .optional()
      .describe("Block a workspace calendar instead (the workspace's OWNERs and ADMINs): it takes no booking in that time, whatever its capacity."),
  })
  .strict();

export const BlockerUpdateBody = writable
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { error: "Send at least one field to change" });

export const ListBlockersQuery = listQuery
  .extend({
    userId: idParam.optional().describe("Only this user's blockers (admins: anyone's)."),
    calendarId: idParam.optional().describe("Only this workspace calendar's blockers."),
    dateFrom: isoDateTime().optional().describe("Only blockers that end after this instant."),
    dateTo: isoDateTime().optional().describe("Only blockers that start before this instant."),
  })
  .refine((query) => !query.dateFrom || !query.dateTo || query.dateFrom < query.dateTo, {
    error: "Must be after dateFrom",
    path: ["dateTo"],
  });

export const BlockerResponse = z.object({ blocker: Blocker });
export const BlockerListResponse = z.object({ blockers: z.array(Blocker) });
