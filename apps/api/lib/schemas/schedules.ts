import { z } from "zod";
import { ScheduleSchema } from "@slotbase/prisma/zod";
import { MAX_RULES_PER_SCHEDULE } from "@slotbase/features";
import { idParam, timeZone } from "../validation/common";
import { listQuery } from "../validation/list-query";
import { Availability, AvailabilityRuleBody } from "./availabilities";

/** A v1 schedule with its availability rules. */
export const Schedule = ScheduleSchema.pick({ id: true, userId: true, name: true, timeZone: true }).extend({
  userId: z.number().int(),
  availability: z.array(Availability),
});

const writable = ScheduleSchema.pick({ name: true, timeZone: true }).extend({
  name: z.string().trim().min(1).max(200),
  timeZone: timeZone().describe("IANA time zone, e.g. Europe/Berlin. Default: the owner's time zone."),
});

export const ScheduleCreateBody = writable
  .partial({ timeZone: true })
  .extend({
    userId: idParam.optional().describe("Admins only: create the schedule for this user."),
    availability: z
      .array(AvailabilityRuleBody)
      .max(MAX_RULES_PER_SCHEDULE)
      .optional()
      .describe("The schedule's rules. Absent: Monday–Friday 09:00–17:00; [] for none."),
  })
  .strict();

export const ScheduleUpdateBody = writable
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { error: "Send at least one field to change" });

export const ListSchedulesQuery = listQuery.extend({
  userId: idParam.optional().describe("Only this user's schedules (admins: anyone's)."),
});

export const ScheduleResponse = z.object({ schedule: Schedule });
export const ScheduleCreatedResponse = z.object({ schedule: Schedule, message: z.string() });
export const ScheduleListResponse = z.object({ schedules: z.array(Schedule) });
