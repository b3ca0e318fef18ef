import { z } from "zod";
import { EventTypeSchema, HostSchema, PeriodTypeSchema } from "@slotbase/prisma/zod";
import { idParam, INT32_MAX, int32, isoDateTime } from "../validation/common";
import { listQuery } from "../validation/list-query";

/** A host of a team event type as the API shows it. */
export const EventTypeHost = HostSchema.pick({ userId: true, isFixed: true, priority: true, weight: true, scheduleId: true });

/** An event type as the API shows it (an explicit allow-list of the model's fields), plus its hosts ([] for personal types). */
export const EventType = EventTypeSchema.pick({
  id: true,
  title: true,
  slug: true,
  description: true,
  position: true,
  locations: true,
  length: true,
  hidden: true,
  userId: true,
  teamId: true,
  calendarId: true,
  scheduleId: true,
  eventName: true,
  timeZone: true,
  periodType: true,
  periodStartDate: true,
  periodEndDate: true,
  periodDays: true,
  periodCountCalendarDays: true,
  requiresConfirmation: true,
  disableGuests: true,
  hideCalendarNotes: true,
  minimumBookingNotice: true,
  beforeEventBuffer: true,
  afterEventBuffer: true,
  seatsPerTimeSlot: true,
  seatsShowAttendees: true,
  schedulingType: true,
  price: true,
  currency: true,
  slotInterval: true,
  successRedirectUrl: true,
  bookingFields: true,
  bookingLimits: true,
  durationLimits: true,
  metadata: true,
  createdAt: true,
  updatedAt: true,
}).extend({
  hosts: z.array(EventTypeHost),
  recurringEvent: z
    .unknown()
    .pipe(z.object({ freq: z.number().int(), interval: z.number().int(), count: z.number().int() }).nullable())
    .describe("A recurring type: every booking is a series. freq 0 yearly, 1 monthly, 2 weekly; every `interval` units; `count` occurrences."),
});

/** Cal.com's recurringEvent as a client sets it (RRULE's frequency numbers). */
export const recurringEventInput = z
  .object({
    freq: z.union([z.literal(0), z.literal(1), z.literal(2)]).describe("0 yearly, 1 monthly, 2 weekly (RRULE's numbering, as Cal.com)."),
    interval: int32().min(1).max(52).describe("Every `interval` weeks, months or years."),
    count: int32().min(1).max(52).describe("Occurrences per booking, the first included (at most 52)."),
  })
  .strict();

/** A database id in a JSON body (a number: no coercion from strings, unlike path ids). */
const bodyId = () => z.number().int().positive().max(INT32_MAX);

const METADATA_MAX_BYTES = 16 * 1024;
const JSON_MAX_DEPTH = 10;

function jsonDepth(value: unknown, depth = 0): number {
  if (depth > JSON_MAX_DEPTH || value === null || typeof value !== "object") return depth;
  const values = Object.values(value as Record<string, unknown>);
  return values.length === 0 ? depth : Math.max(...values.map((v) => jsonDepth(v, depth + 1)));
}

const slug = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9-]+$/, "Lowercase letters, digits and '-' only");

const location = z
  .object({
    type: z.string().trim().min(1).max(100).describe("e.g. inPerson, link, phone, integrations:daily"),
    address: z.string().max(500).optional(),
    link: z.string().max(2000).optional(),
    phone: z.string().max(50).optional(),
    displayLocationPublicly: z.boolean().optional(),
  })
  .strict();

const metadata = z
  .record(z.string().max(200), z.unknown())
  .refine((value) => jsonDepth(value) <= JSON_MAX_DEPTH, `Nested at most ${JSON_MAX_DEPTH} levels deep`)
  .refine((value) => Buffer.byteLength(JSON.stringify(value), "utf8") <= METADATA_MAX_BYTES, `At most ${METADATA_MAX_BYTES} bytes of JSON`);

const schedulingType = z.enum(["ROUND_ROBIN", "COLLECTIVE"], {
  error: "ROUND_ROBIN or COLLECTIVE (MANAGED event types are not supported)",
});

/** Fields a client may set, narrowed from the generated model schema with real rules. */
const writableEventTypeFields = EventTypeSchema.pick({
  title: true,
  slug: true,
  description: true,
  length: true,
  hidden: true,
  position: true,
  locations: true,
  eventName: true,
  periodType: true,
  periodDays: true,
  periodStartDate: true,
  periodEndDate: true,
  periodCountCalendarDays: true,
  requiresConfirmation: true,
  disableGuests: true,
  hideCalendarNotes: true,
  minimumBookingNotice: true,
  beforeEventBuffer: true,
  afterEventBuffer: true,
  seatsPerTimeSlot: true,
  seatsShowAttendees: true,
  schedulingType: true,
  price: true,
  currency: true,
  slotInterval: true,
  successRedirectUrl: true,
  metadata: true,
  scheduleId: true,
  calendarId: true,
  recurringEvent: true,
}).extend({
  // No defaults here: a default would quietly reset the field on every PATCH.
  title: z.string().trim().min(1).max(200),
  slug,
  description: z.string().max(5000).nullable(),
  length: int32().min(1).max(1440).describe("Duration in minutes."),
  hidden: z.boolean(),
  position: int32().min(0).max(1_000_000),
  locations: z.array(location).max(20),
  eventName: z.string().max(200).nullable(),
  periodType: PeriodTypeSchema.describe("ROLLING needs periodDays; RANGE needs periodStartDate and periodEndDate."),
  periodDays: int32().min(1).max(3650).nullable(),
  periodStartDate: isoDateTime().nullable(),
  periodEndDate: isoDateTime().nullable(),
  periodCountCalendarDays: z.boolean().nullable(),
  requiresConfirmation: z.boolean(),
  disableGuests: z.boolean(),
  hideCalendarNotes: z.boolean(),
  minimumBookingNotice: int32().min(0).max(525_600).describe("Minutes."),
  beforeEventBuffer: int32().min(0).max(1440).describe("Minutes."),
  afterEventBuffer: int32().min(0).max(1440).describe("Minutes."),
  seatsPerTimeSlot: int32().min(1).max(1000).nullable(),
  seatsShowAttendees: z.boolean().nullable(),
  schedulingType: schedulingType.nullable().describe("Team event types only (required there)."),
  price: int32().min(0).max(100_000_000).describe("In the currency's smallest unit."),
  currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/, "A three-letter ISO 4217 code, e.g. usd")
    .transform((value) => value.toLowerCase()),
  slotInterval: int32().min(1).max(1440).nullable().describe("Minutes between slot starts; null: the length."),
  successRedirectUrl: z.url({ protocol: /^https?$/ }).max(2000).nullable(),
  metadata: metadata.nullable(),
  scheduleId: bodyId()
    .nullable()
    .describe("Personal types: a schedule of the owner, or null for the owner's default. Team types: null (hosts use their own)."),
  calendarId: bodyId()
    .nullable()
    .describe(
      "Team types only: a workspace calendar of the team (a room, a desk pool) every booking also takes, within its schedules and capacity. Without hosts the calendar alone is booked.",
    ),
  recurringEvent: recurringEventInput.nullable().describe("Make every booking a series (null: single bookings)."),
});

const host = z
  .object({
    userId: bodyId(),
    isFixed: z.boolean().default(false),
    priority: int32().min(0).max(4).nullable().optional(),
    weight: int32().min(0).max(1000).nullable().optional(),
    scheduleId: bodyId().nullable().optional().describe("A schedule of this host; null: their default."),
  })
  .strict();

const hosts = z
  .array(host)
  .max(100)
  .superRefine((list, ctx) => {
    const seen = new Set<number>();
    list.forEach((entry, index) => {
      if (seen.has(entry.userId)) {
        ctx.addIssue({ code: "custom", path: [index, "userId"], message: "Each host may appear only once" });
      }
      seen.add(entry.userId);
    });
  })
  .describe("Team event types only: accepted members of the team. On PATCH, replaces the whole list.");

export const EventTypeCreateBody = writableEventTypeFields
  .partial()
  .required({ title: true, slug: true, length: true })
  .extend({
    teamId: bodyId().optional().describe("Create a team event type (team OWNER/ADMIN only)."),
    userId: bodyId().optional().describe("Admins only: create the type for this user."),
    hosts: hosts.optional(),
  })
  .strict();

export const EventTypeUpdateBody = writableEventTypeFields
  .partial()
  .extend({ hosts: hosts.optional() })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { error: "Send at least one field to change" });

export const ListEventTypesQuery = listQuery.extend({
  userId: idParam.optional().describe("Admins only (others may name only themself): this user's personal types."),
  teamId: idParam.optional().describe("Only this team's types (the caller must be an accepted member)."),
  slug: z.string().min(1).max(100).optional().describe("Only the types with exactly this slug (Cal.com v1's filter), among those the caller may see."),
});

export const TeamEventTypesQuery = listQuery.extend({ teamId: idParam });

export const EventTypeResponse = z.object({ event_type: EventType });
export const EventTypeCreatedResponse = z.object({ event_type: EventType, message: z.string() });
export const EventTypeListResponse = z.object({ event_types: z.array(EventType) });
