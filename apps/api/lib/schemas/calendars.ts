import { z } from "zod";
import { CalendarSchema } from "@slotbase/prisma/zod";
import { idParam, queryBoolean, timeZone } from "../validation/common";

/**
 * Workspace calendars (seed 003), in this surface's own style: camelCase, single objects
 * bare, lists as PaginatedResponse.
 */
const HEX_COLOR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CLOCK_TEXT = /^\d{2}:\d{2}$/;
const DATE_TEXT = /^\d{4}-\d{2}-\d{2}$/;

// No length limit here: any text that is not the uuid of a workspace the caller may see is a 404
// (packages/features/calendars/workspace.ts), a malformed one included, never a 400.
export const WorkspaceQuery = z.object({ workspace_uuid: z.string().describe("The workspace's uuid (a team's `uuid`).") });
export const CalendarListQuery = WorkspaceQuery.extend({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1).describe("Page number, from 1."),
  pageSize: z.coerce.number().int().min(1).max(100).default(20).describe("Items per page, 1–100."),
  includeSchedules: queryBoolean().default(false).describe("Include each calendar's schedules."),
});
export const CalendarQuery = WorkspaceQuery.extend({ calendar_id: idParam });
export const CalendarGetQuery = CalendarQuery.extend({ includeSchedules: queryBoolean().default(false).describe("Include the calendar's schedules.") });
export const CalendarDeleteQuery = CalendarQuery.extend({
  force: queryBoolean().default(false).describe("Also cancel the calendar's upcoming bookings (their attendees are told). Without it, a calendar with upcoming bookings is a 409."),
});
export const CalendarScheduleQuery = CalendarQuery.extend({ schedule_id: idParam });

export const CalendarSchedule = z
  .object({
    id: z.number().int(),
    calendarId: z.number().int(),
    name: z.string(),
    availabilityType: z.enum(["available", "unavailable"]),
    recurrence: z.enum(["once", "daily", "weekly", "monthly"]),
    startTime: z.string().describe('Wall-clock "HH:mm" in the calendar\'s zone.'),
    endTime: z.string().describe('Wall-clock "HH:mm" ("24:00" = the end of the day); not after startTime: runs past midnight.'),
    daysOfWeek: z.array(z.number().int()).describe("weekly: 0 = Sunday … 6 = Saturday; empty otherwise."),
    dayOfMonth: z.number().int().nullable().describe("monthly: 1–31 (months without that day are skipped); null otherwise."),
    startDate: z.string().describe("First local date it applies (the date of a `once`)."),
    endDate: z.string().nullable().describe("Last local date an occurrence may start on, inclusive; null = no end."),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({
    example: {
      id: 7,
      calendarId: 3,
      name: "Lunch break",
      availabilityType: "unavailable",
      recurrence: "weekly",
      startTime: "12:00",
      endTime: "13:00",
      daysOfWeek: [1, 2, 3, 4, 5],
      dayOfMonth: null,
      startDate: "2026-01-05",
      endDate: null,
      createdAt: "2026-01-02T09:00:00.000Z",
      updatedAt: "2026-01-02T09:00:00.000Z",
    },
  });

/** A calendar as this surface shows it: an explicit allow-list of the model, plus its workspace's uuid. */
export const Calendar = CalendarSchema.pick({
  id: true,
  uuid: true,
  name: true,
  description: true,
  timeZone: true,
  color: true,
  slug: true,
  isPublic: true,
  capacity: true,
  parentId: true,
  createdAt: true,
  updatedAt: true,
})
  .extend({
    workspaceUuid: z.string(),
    schedules: z.array(CalendarSchedule).optional().describe("With includeSchedules=true."),
  })
  .meta({
    example: {
      id: 3,
      uuid: "5b8f2c1e-3a4d-4e6f-9a0b-1c2d3e4f5a6b",
      workspaceUuid: "0f1e2d3c-4b5a-4968-8776-655443322110",
      name: "Meeting room Orion",
      description: "6 seats, screen",
      timeZone: "Europe/Berlin",
      color: "#3b82f6",
      slug: "meeting-room-orion",
      isPublic: false,
      capacity: 1,
      parentId: null,
      createdAt: "2026-01-02T09:00:00.000Z",
      updatedAt: "2026-01-02T09:00:00.000Z",
    },
  });

export const CalendarPageResponse = z.object({
  items: z.array(Calendar),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  totalPages: z.number().int(),
});
export const CalendarScheduleListResponse = z.array(CalendarSchedule);
export const CalendarDeletedResponse = z.object({ deleted: z.literal(true), id: z.number().int() });

const calendarFields = {
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).nullable(),
  timeZone: timeZone().describe("IANA zone; default: the workspace's."),
  color: z.string().regex(HEX_COLOR, "A #rgb or #rrggbb colour").nullable(),
  slug: z.string().max(60).regex(SLUG, "Lower-case letters, digits and single hyphens").describe("Unique in the workspace; default: derived from the name."),
  isPublic: z.boolean(),
  capacity: z.number().int().min(1).max(10_000).describe("How many bookings may overlap (default 1)."),
  parentId: idParam.nullable().describe("A calendar of the same workspace this one is part of."),
};

export const CalendarCreateBody = z
  .object(calendarFields)
  .partial()
  .required({ name: true })
  .strict()
  .meta({ example: { name: "Meeting room Orion", description: "6 seats, screen", timeZone: "Europe/Berlin", capacity: 1, color: "#3b82f6" } });
export const CalendarUpdateBody = z
  .object(calendarFields)
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { error: "Send at least one field to change" })
  .meta({ example: { capacity: 2, description: "8 seats after the refit" } });

const scheduleFields = {
  name: z.string().trim().min(1).max(200),
  availabilityType: z.enum(["available", "unavailable"]).describe("available opens the calendar, unavailable closes it (always wins). Default available."),
  recurrence: z.enum(["once", "daily", "weekly", "monthly"]),
  startTime: z.string().regex(CLOCK_TEXT, 'A wall-clock time "HH:mm"'),
  endTime: z.string().regex(CLOCK_TEXT, 'A wall-clock time "HH:mm" (or "24:00")'),
  daysOfWeek: z.array(z.number().int()).max(7).nullable().describe("weekly: 0 = Sunday … 6 = Saturday."),
  dayOfMonth: z.number().int().nullable().describe("monthly: 1–31."),
  startDate: z.string().regex(DATE_TEXT, 'A date "YYYY-MM-DD"'),
  endDate: z.string().regex(DATE_TEXT, 'A date "YYYY-MM-DD"').nullable(),
};

export const CalendarScheduleCreateBody = z
  .object(scheduleFields)
  .partial()
  .required({ name: true, recurrence: true, startTime: true, endTime: true, startDate: true })
  .strict()
  .meta({
    example: { name: "Weekday hours", availabilityType: "available", recurrence: "weekly", startTime: "08:00", endTime: "18:00", daysOfWeek: [1, 2, 3, 4, 5], startDate: "2026-01-05" },
  });
export const CalendarScheduleUpdateBody = z
  .object(scheduleFields)
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { error: "Send at least one field to change" })
  .meta({ example: { endTime: "19:00" } });
