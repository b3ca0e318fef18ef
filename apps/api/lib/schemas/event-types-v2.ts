import { z } from "zod";
import { idParam, int32 } from "../validation/common";
import { EventTypeCreateBody } from "./event-types";

/*
 * Cal.com v2 event types (cal-api-version 2024-06-14): the request bodies Cal.com documents
 * (CreateEventTypeInput_2024_06_14, UpdateEventTypeInput_2024_06_14) and the public output
 * (EventTypeOutput_2024_06_14), as an explicit allow-list. lib/mappers/event-types-v2.ts
 * translates both to and from the event-type service's fields.
 */

/** Cal.com's video integrations and how the v1 surface (Cal.com's internal form) stores each. */
export const INTEGRATION_LOCATIONS = {
  "cal-video": "integrations:daily",
  "google-meet": "integrations:google:meet",
  "office365-video": "integrations:office365_video",
  zoom: "integrations:zoom",
  "whereby-video": "integrations:whereby_video",
  "whatsapp-video": "integrations:whatsapp_video",
  "webex-video": "integrations:webex_video",
  "telegram-video": "integrations:telegram_video",
  tandem: "integrations:tandem",
  "sylaps-video": "integrations:sylaps_video",
  "skype-video": "integrations:skype_video",
  "sirius-video": "integrations:sirius_video_video",
  "signal-video": "integrations:signal_video",
  "shimmer-video": "integrations:shimmer_video",
  "salesroom-video": "integrations:salesroom_video",
  "roam-video": "integrations:roam_video",
  "riverside-video": "integrations:riverside_video",
  "ping-video": "integrations:ping_video",
  "mirotalk-video": "integrations:mirotalk_video",
  jitsi: "integrations:jitsi",
  "jelly-video": "integrations:jelly_video",
  "jelly-conferencing": "integrations:jelly_conferencing",
  huddle: "integrations:huddle01",
  "facetime-video": "integrations:facetime_video",
  "element-call-video": "integrations:element-call_video",
  "eightxeight-video": "integrations:eightxeight_video",
  "discord-video": "integrations:discord_video",
  "demodesk-video": "integrations:demodesk_video",
  "campfire-video": "integrations:campfire_video",
} as const;

export type Integration = keyof typeof INTEGRATION_LOCATIONS;
const integrations = Object.keys(INTEGRATION_LOCATIONS) as [Integration, ...Integration[]];

// ---------------------------------------------------------------------------------------------
// Input

const shownPublicly = () => z.boolean().optional().describe("Show it on the booking page before booking (default false).");

export const LocationInputV2 = z.discriminatedUnion("type", [
  z.object({ type: z.literal("address"), address: z.string().trim().min(1).max(500), public: shownPublicly() }).strict(),
  z.object({ type: z.literal("link"), link: z.url({ protocol: /^https?$/ }).max(2000), public: shownPublicly() }).strict(),
  z.object({ type: z.literal("phone"), phone: z.string().trim().min(1).max(50), public: shownPublicly() }).strict(),
  z.object({ type: z.literal("integration"), integration: z.enum(integrations) }).strict(),
  z.object({ type: z.literal("attendeeAddress") }).strict(),
  z.object({ type: z.literal("attendeePhone") }).strict(),
  z.object({ type: z.literal("attendeeDefined") }).strict(),
]);

/** Cal.com's `{ disabled: true }`, which turns a setting off. */
const disabled = (message?: string) => z.object({ disabled: z.literal(true, message ? { error: message } : undefined) }).strict();

/**
 * Cal.com's "these settings, or { disabled: true }". A value that fits neither is explained by
 * the form it has (an object with `disabled` is read as the off form), not as "Invalid input".
 */
function orDisabled<T extends z.ZodType>(enabled: T) {
  return z.union([disabled(), enabled], {
    error: (issue) => {
      const input = issue.input;
      const branch = input !== null && typeof input === "object" && "disabled" in input ? 0 : 1;
      const first = (issue as { errors?: { path: PropertyKey[]; message: string }[][] }).errors?.[branch]?.[0];
      return first ? `${first.path.map(String).join(".")}${first.path.length > 0 ? ": " : ""}${first.message}` : undefined;
    },
  });
}

const day = () => z.iso.date({ error: "A date, YYYY-MM-DD" });

const bookingWindow = orDisabled(
  z.discriminatedUnion("type", [
    z
      .object({
        type: z.enum(["businessDays", "calendarDays"]),
        value: int32().min(1).max(3650).describe("Days ahead, today included."),
        rolling: z
          .literal(false, { error: "rolling windows (the next N bookable days, wherever they fall) are not supported: send false or leave it out" })
          .optional(),
      })
      .strict(),
    z
      .object({
        type: z.literal("range"),
        value: z.tuple([day(), day()]).refine(([start, end]) => start <= end, { error: "The end date must not be before the start date" }),
      })
      .strict(),
  ]),
).describe(
    "How far ahead it may be booked: N business or calendar days from today, a date range (both days included), or `{ disabled: true }` for no limit.",
  );

const seats = orDisabled(
  z
    .object({
      seatsPerTimeSlot: int32().min(1).max(1000),
      showAttendeeInfo: z.boolean(),
      showAvailabilityCount: z
        .literal(true, { error: "Slotbase always shows how many seats are left: send true" })
        .describe("Always true here: GET /v2/slots always gives seatsRemaining."),
    })
    .strict(),
).describe("Several bookers per slot, or `{ disabled: true }` for one.");

const confirmationPolicy = orDisabled(
  z
    .object({
      type: z.literal("always", { error: "Only `always` is supported (a notice threshold is not)" }),
      blockUnconfirmedBookingsInBooker: z.literal(true, { error: "Unconfirmed bookings always hold their slot here: send true" }),
    })
    .strict(),
).describe("Every booking waits for the host's confirmation (`type: always`), or `{ disabled: true }`.");

const unsupported = (what: string) => `Slotbase has no ${what}`;

/** A Cal.com setting for a feature Slotbase does not have: accepted only in its off form. */
const offOnly = <T extends z.ZodType>(schema: T, what: string, off: string) =>
  schema.describe(`${unsupported(what)}: only ${off} (Cal.com's default) is accepted.`);
const falseOnly = (what: string) => offOnly(z.literal(false, { error: `${unsupported(what)}: send false or leave it out` }), what, "false");
const disabledOnly = (what: string) => offOnly(disabled(`${unsupported(what)}: send { "disabled": true } or leave it out`), what, "`{ disabled: true }`");
const refused = (what: string, instead: string) =>
  z
    .never({ error: `${unsupported(what)}${instead}` })
    .optional()
    .describe(`${unsupported(what)}${instead}: any value is a 400.`);

const durations = z
  .array(int32().min(1).max(1440))
  .min(1)
  .max(20)
  .refine((list) => new Set(list).size === list.length, { error: "Each duration may appear only once" })
  .describe("Durations (minutes) a booker may choose from; the length is always one of them.");

/** The rules v1 applies to the same fields. */
const { slug, title, minimumBookingNotice, beforeEventBuffer, afterEventBuffer } = EventTypeCreateBody.shape;

/** Every field of Cal.com's UpdateEventTypeInput_2024_06_14 (all optional). */
const eventTypeFieldsV2 = z.object({
  lengthInMinutes: int32().min(1).max(1440).describe("Duration in minutes."),
  lengthInMinutesOptions: durations,
  title,
  slug,
  description: z.string().max(5000),
  bookingFields: refused("booking fields on event types", ": questions for the booker are /v1/custom-inputs"),
  disableGuests: z.boolean(),
  slotInterval: int32().min(1).max(1440).describe("Minutes between slot starts; default the length."),
  minimumBookingNotice,
  beforeEventBuffer,
  afterEventBuffer,
  scheduleId: z.number().int().positive().max(2_147_483_647).describe("A schedule of yours; default your default schedule."),
  bookingLimitsCount: disabledOnly("booking count limits"),
  onlyShowFirstAvailableSlot: falseOnly("first-slot-only mode"),
  bookingLimitsDuration: disabledOnly("booked-duration limits"),
  bookingWindow,
  offsetStart: offOnly(z.literal(0, { error: `${unsupported("slot start offsets")}: send 0 or leave it out` }), "slot start offsets", "0"),
  bookerLayouts: refused("booker layouts", ": the booking page chooses its layout"),
  confirmationPolicy,
  recurrence: z
    .union([
      z
        .object({
          frequency: z.enum(["yearly", "monthly", "weekly"]),
          interval: int32().min(1).max(52).describe("Every `interval` weeks, months or years."),
          occurrences: int32().min(1).max(52).describe("Occurrences per booking, the first included (at most 52)."),
        })
        .strict(),
      disabled(),
    ])
    .describe("Make every booking a series; { disabled: true } makes bookings single again."),
  requiresBookerEmailVerification: falseOnly("booker email verification"),
  hideCalendarNotes: z.boolean(),
  lockTimeZoneToggleOnBookingPage: falseOnly("time zone lock"),
  color: refused("event type colours", ""),
  seats,
  customName: z.string().max(200).describe("The booking's title, e.g. {Event type title} between {Organiser} and {Scheduler}."),
  destinationCalendar: refused("destination calendar in this body", ": set it with POST /v1/destination-calendars"),
  useDestinationCalendarEmail: falseOnly("organizer email from the destination calendar"),
  hideCalendarEventDetails: falseOnly("private calendar events"),
  successRedirectUrl: z.url({ protocol: /^https?$/ }).max(2000),
  hideOrganizerEmail: falseOnly("hidden organizer email"),
  calVideoSettings: refused("Cal Video", ""),
  hidden: z.boolean(),
  bookingRequiresAuthentication: falseOnly("booking by signed-in users only"),
  locations: z.array(LocationInputV2).max(20),
});

export const EventTypeCreateBodyV2 = eventTypeFieldsV2
  .partial()
  .required({ lengthInMinutes: true, title: true, slug: true })
  .strict()
  .describe("Cal.com's CreateEventTypeInput_2024_06_14: a personal event type of the key's user.");

export const EventTypeUpdateBodyV2 = eventTypeFieldsV2
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { error: "Send at least one field to change" })
  .describe("Cal.com's UpdateEventTypeInput_2024_06_14: only the fields sent change.");

export const EventTypeIdQueryV2 = z.object({ eventTypeId: idParam });

export const ListEventTypesQueryV2 = z
  .object({
    username: z.string().trim().min(1).max(100).optional().describe("This user's personal event types (yours; admins: anyone's)."),
    eventSlug: slug.optional().describe("Only the type with this slug; needs `username`."),
    usernames: z
      .string()
      .max(2000)
      .optional()
      .describe("Cal.com's dynamic group event type: not supported here (a 400); book several users with a slug and usernames on /v1/slots and /v1/bookings."),
    orgSlug: z.string().max(100).optional().describe("There are no organizations here: any value lists nothing."),
    orgId: idParam.optional().describe("There are no organizations here: any value lists nothing."),
  })
  .superRefine((query, ctx) => {
    if (query.eventSlug !== undefined && query.username === undefined) {
      ctx.addIssue({ code: "custom", path: ["username"], message: "eventSlug needs username: slugs are unique per user" });
    }
    if (query.usernames !== undefined) {
      ctx.addIssue({ code: "custom", path: ["usernames"], message: "Dynamic group event types are not supported: name one user with username" });
    }
  });

// ---------------------------------------------------------------------------------------------
// Output

const AddressLocationV2 = z.object({ type: z.literal("address"), address: z.string(), public: z.boolean() });
const LinkLocationV2 = z.object({ type: z.literal("link"), link: z.string(), public: z.boolean() });
const PhoneLocationV2 = z.object({ type: z.literal("phone"), phone: z.string(), public: z.boolean() });
const IntegrationLocationV2 = z.object({ type: z.literal("integration"), integration: z.enum(integrations), link: z.string().optional() });
const AttendeeLocationV2 = z.object({ type: z.enum(["attendeeAddress", "attendeePhone", "attendeeDefined", "organizersDefaultApp"]) });
const UnknownLocationV2 = z.object({ type: z.literal("unknown"), location: z.string().describe("The stored location as JSON text.") });

export const LocationV2 = z.union([AddressLocationV2, LinkLocationV2, PhoneLocationV2, IntegrationLocationV2, AttendeeLocationV2, UnknownLocationV2]);

/** One of the booking form's built-in fields (Cal.com's *DefaultFieldOutput_2024_06_14). */
export const BookingFieldV2 = z.object({
  isDefault: z.literal(true),
  type: z.enum(["name", "email", "radioInput", "textarea", "multiemail"]),
  slug: z.enum(["name", "email", "location", "notes", "guests", "rescheduleReason"]),
  label: z.string(),
  placeholder: z.string().optional(),
  required: z.boolean(),
  hidden: z.boolean(),
  disableOnPrefill: z.boolean().optional(),
});

const BookingWindowV2 = z.union([
  z.object({ type: z.enum(["businessDays", "calendarDays"]), value: z.number().int(), rolling: z.literal(false) }),
  z.object({ type: z.literal("range"), value: z.array(z.string()).describe("[first day, last day], YYYY-MM-DD") }),
  z.object({ disabled: z.literal(true) }),
]);

const SeatsV2 = z.union([
  z.object({ seatsPerTimeSlot: z.number().int(), showAttendeeInfo: z.boolean(), showAvailabilityCount: z.boolean() }),
  z.object({ disabled: z.literal(true) }),
]);

const ConfirmationPolicyV2 = z.union([
  z.object({ type: z.literal("always"), blockUnconfirmedBookingsInBooker: z.boolean() }),
  z.object({ disabled: z.literal(true) }),
]);

/** An owner or host as Cal.com's User_2024_06_14 shows them. */
export const EventTypeUserV2 = z.object({
  id: z.number().int(),
  name: z.string().nullable(),
  username: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  weekStart: z.string(),
  brandColor: z.string().nullable(),
  darkBrandColor: z.string().nullable(),
  metadata: z.object({}).describe("Always {}: users have no metadata here."),
});

export const EventTypeV2 = z.object({
  id: z.number().int(),
  ownerId: z.number().int().nullable().describe("The owner's user id; null for a team event type."),
  teamId: z.number().int().optional().describe("Team event types only: the team."),
  lengthInMinutes: z.number().int(),
  lengthInMinutesOptions: z.array(z.number().int()).optional().describe("Only when the type offers several durations."),
  title: z.string(),
  slug: z.string(),
  description: z.string().describe("\"\" when there is none."),
  locations: z.array(LocationV2),
  bookingFields: z.array(BookingFieldV2),
  disableGuests: z.boolean(),
  slotInterval: z.number().int().nullable(),
  minimumBookingNotice: z.number().int(),
  beforeEventBuffer: z.number().int(),
  afterEventBuffer: z.number().int(),
  recurrence: z
    .object({ frequency: z.enum(["yearly", "monthly", "weekly"]), interval: z.number().int(), occurrences: z.number().int() })
    .nullable()
    .describe("Null for single bookings."),
  metadata: z.record(z.string(), z.unknown()),
  price: z.number().int(),
  currency: z.string(),
  lockTimeZoneToggleOnBookingPage: z.literal(false),
  seatsPerTimeSlot: z.number().int().nullable(),
  forwardParamsSuccessRedirect: z.boolean().nullable(),
  successRedirectUrl: z.string().nullable(),
  isInstantEvent: z.literal(false),
  seatsShowAvailabilityCount: z.boolean().nullable(),
  scheduleId: z.number().int().nullable(),
  onlyShowFirstAvailableSlot: z.literal(false),
  bookingWindow: BookingWindowV2,
  confirmationPolicy: ConfirmationPolicyV2,
  requiresBookerEmailVerification: z.literal(false),
  hideCalendarNotes: z.boolean(),
  seats: SeatsV2,
  offsetStart: z.literal(0),
  customName: z.string().optional(),
  destinationCalendar: z.object({ integration: z.string(), externalId: z.string() }).optional(),
  useDestinationCalendarEmail: z.literal(false),
  hideCalendarEventDetails: z.literal(false),
  hideOrganizerEmail: z.literal(false),
  hidden: z.boolean(),
  bookingRequiresAuthentication: z.literal(false),
  users: z.array(EventTypeUserV2).describe("The owner, or a team type's hosts."),
});

export const EventTypeResponseV2 = z.object({ status: z.literal("success"), data: EventTypeV2 });
export const EventTypeListResponseV2 = z.object({ status: z.literal("success"), data: z.array(EventTypeV2) });
export const EventTypeDeletedResponseV2 = z.object({
  status: z.literal("success"),
  data: z.object({ id: z.number().int(), lengthInMinutes: z.number().int(), title: z.string(), slug: z.string() }),
});
