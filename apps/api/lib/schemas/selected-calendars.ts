import { z } from "zod";
import { SelectedCalendarSchema } from "@slotbase/prisma/zod";
import { parseSelectedCalendarId, SELECTED_CALENDAR_PART_MAX } from "@slotbase/features";
import { idParam, int32 } from "../validation/common";
import { listQuery } from "../validation/list-query";

/**
 * v1 selected calendars, as Cal.com serves them (`{ selected_calendars }`,
 * `{ selected_calendar }`): the external calendars read for a user's busy time. A selected
 * calendar is identified by `<userId>_<integration>_<externalId>`.
 */
export const SelectedCalendar = SelectedCalendarSchema.pick({ userId: true, integration: true, externalId: true })
  .extend({
    userId: z.number().int().describe("The user whose busy time the calendar is read for."),
    integration: z.string().describe("The calendar integration, e.g. google_calendar."),
    externalId: z.string().describe("The calendar's id in that integration."),
  })
  .meta({ example: { userId: 7, integration: "google_calendar", externalId: "alex@example.com" } });

const calendarText = (what: string, more = "") =>
  z
    .string()
    .trim()
    .min(1, { error: "Must not be empty" })
    .max(SELECTED_CALENDAR_PART_MAX, { error: `At most ${SELECTED_CALENDAR_PART_MAX} characters` })
    .describe(`${what} (trimmed, 1–${SELECTED_CALENDAR_PART_MAX} characters).${more}`);

const ID_RULES =
  "It must read back from its id <userId>_<integration>_<externalId>: an integration ending in _calendar may not contain _calendar_ elsewhere; any other integration may not contain _, and its externalId then may not contain _calendar_ nor start with calendar_.";

const writable = {
  integration: calendarText("The calendar integration, e.g. google_calendar", ` ${ID_RULES}`),
  externalId: calendarText("The calendar's id in that integration"),
  userId: int32().positive().describe("Admins only: the user to select it for (yourself by default)."),
};

export const SelectedCalendarCreateBody = SelectedCalendarSchema.pick({ integration: true, externalId: true, userId: true })
  .extend({ ...writable, userId: writable.userId.optional() })
  .strict()
  .meta({ example: { integration: "google_calendar", externalId: "alex@example.com" } });

export const SelectedCalendarUpdateBody = SelectedCalendarSchema.pick({ integration: true, externalId: true, userId: true })
  .extend({
    integration: writable.integration.optional(),
    externalId: writable.externalId.optional(),
    userId: writable.userId.optional().describe("Admins only: move it to this user."),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { error: "Send at least one field to change" })
  .meta({ example: { externalId: "team-calendar@example.com" } });

/**
 * The Cal.com id `<userId>_<integration>_<externalId>`, read as Cal.com reads it (see
 * packages/features/selected-calendars/selected-calendar-id.ts); anything malformed is a 400
 * naming `query.id`.
 */
export const selectedCalendarIdParam = z
  .string({ error: "Must be <userId>_<integration>_<externalId>, e.g. 7_google_calendar_alex@example.com" })
  .transform((value, ctx) => {
    const parsed = parseSelectedCalendarId(value);
    if (parsed.ok) return parsed.key;
    ctx.addIssue({ code: "custom", message: parsed.message });
    return z.NEVER;
  })
  .meta({
    description:
      "`<userId>_<integration>_<externalId>` (percent-encoded), e.g. `7_google_calendar_alex@example.com`. The user id ends at the first `_`; the integration ends at the first `_calendar_` after it (`_calendar` kept), or, for an integration not named `<app>_calendar`, at the next `_`; the rest is the externalId, underscores and all.",
    example: "7_google_calendar_alex@example.com",
  });

export const SelectedCalendarIdQuery = z.object({ id: selectedCalendarIdParam });

export const ListSelectedCalendarsQuery = listQuery.extend({
  userId: idParam.optional().describe("Only this user's (others than yourself: admins only)."),
});

export const SelectedCalendarResponse = z.object({ selected_calendar: SelectedCalendar });
export const SelectedCalendarCreatedResponse = z.object({ selected_calendar: SelectedCalendar, message: z.string() });
export const SelectedCalendarListResponse = z.object({ selected_calendars: z.array(SelectedCalendar) });
